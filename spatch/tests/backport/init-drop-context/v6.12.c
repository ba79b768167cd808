/* v6.3 and later: no vma argument. */
static void sites(struct vm_area_struct *vma, struct mm_struct *mm,
		  unsigned long start, unsigned long end, void *owner)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, mm, start, end);
	mmu_notifier_range_init(&range, MMU_NOTIFY_PROTECTION_VMA, 0,
				vma->vm_mm, start, end);
	mmu_notifier_range_init_owner(&range, MMU_NOTIFY_MIGRATE, 0,
				      vma->vm_mm, start, end, owner);
	mmu_notifier_range_init_owner(&range, MMU_NOTIFY_EXCLUSIVE, 0, mm,
				      start, start + PAGE_SIZE, owner);
}
