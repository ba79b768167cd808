/* A module that builds its own range for a whole mm. */
static void drv_flush_mm(struct mm_struct *mm)
{
	struct mmu_notifier_range range = {
		.mm = mm,
		.start = 0,
		.end = ULONG_MAX,
	};

	mmu_notifier_invalidate_range_start(&range);
	mmu_notifier_invalidate_range_end(&range);
}

/* Already says more than mm, start and end: left to the other rules. */
static void drv_flush_blocking(struct mm_struct *mm)
{
	struct mmu_notifier_range range = {
		.blockable = true,
		.mm = mm,
		.start = 0,
		.end = ULONG_MAX,
	};

	mmu_notifier_invalidate_range_start(&range);
}

/* Not a range. */
static void other(struct mm_struct *mm)
{
	struct drv_range r = { .mm = mm, .start = 0 };

	use(&r);
}
