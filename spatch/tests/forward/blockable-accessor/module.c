/* Module shapes: a range on the stack, the field passed on, its address. */
static void drv_zap(struct mm_struct *mm, bool atomic)
{
	struct mmu_notifier_range range;

	range.blockable = !atomic;
	if (range.blockable)
		might_sleep();
	drv_invalidate(&range, range.blockable);
}

static int drv_start(struct mmu_notifier *mn,
		     const struct mmu_notifier_range *range)
{
	bool blockable = range->blockable;
	bool *slot = &range->blockable;

	return drv_walk(mn, range->start, range->end, blockable, slot);
}
