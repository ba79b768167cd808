static void f(struct vm_area_struct *vma)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, vma->vm_mm, vma->vm_start, vma->vm_end);
	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, vma->vm_mm,
				vma->vm_start, vma->vm_end);
}
