/* Every form a packaged tag has, and the pre-v5.2 one. */
static void v6_1(struct vm_area_struct *vma, unsigned long start, unsigned long end, void *owner)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, vma->vm_mm,
				start, end);
	mmu_notifier_range_init_owner(&range, MMU_NOTIFY_EXCLUSIVE, 0, vma,
				      vma->vm_mm, start, end, owner);
}

static void v6_12(struct mm_struct *mm, unsigned long start, unsigned long end, void *owner)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, mm, start, end);
	mmu_notifier_range_init_owner(&range, MMU_NOTIFY_MIGRATE, 0, mm, start,
				      end, owner);
}

static void v5_10(struct migrate_vma *migrate)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init_migrate(&range, 0, migrate->vma,
		migrate->vma->vm_mm, migrate->start, migrate->end,
		migrate->pgmap_owner);
}

static void v5_1(struct mm_struct *mm)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, mm, 0, -1UL);
}
