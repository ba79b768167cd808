/* The v5.10 to v5.13 forms: migrate_pgmap_owner and its init helper. */
static void migrate_prepare(struct migrate_vma *migrate)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init_migrate(&range, 0, migrate->vma,
		migrate->vma->vm_mm, migrate->start, migrate->end,
		migrate->pgmap_owner);
	mmu_notifier_invalidate_range_start(&range);
}

static void own_range(struct vm_area_struct *vma, void *me)
{
	struct mmu_notifier_range range = {
		.vma = vma,
		.mm = vma->vm_mm,
		.owner = me,
		.start = vma->vm_start,
		.end = vma->vm_end,
	};
	struct mmu_notifier_range old = {
		.migrate_pgmap_owner = me,
		.mm = vma->vm_mm,
	};

	use(&range, &old);
}
