/* Module code: the bool set from a value, and initialisers. */
static void drv_invalidate(struct mmu_notifier_range *range, bool can_sleep)
{
	range->blockable = can_sleep;
	__invalidate(range);
}

static void drv_release(struct mm_struct *mm, bool atomic)
{
	struct mmu_notifier_range quiet = {
		.blockable = false,
		.mm = mm,
	};
	struct mmu_notifier_range range = {
		.blockable = !atomic,
		.mm = mm,
	};

	use(&quiet, &range);
}
