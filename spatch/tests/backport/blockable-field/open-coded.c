/* The bit tested and written by hand, as drivers did before the accessor
 * was in every tree they supported. */
static int gntdev_invalidate(struct mmu_interval_notifier *mn,
			     const struct mmu_notifier_range *range,
			     unsigned long cur_seq)
{
	if (!(range->flags & MMU_NOTIFIER_RANGE_BLOCKABLE))
		return false;
	return true;
}

static void odp_invalidate(const struct mmu_notifier_range *range)
{
	bool may_block = range->flags & MMU_NOTIFIER_RANGE_BLOCKABLE;

	if (range->flags & MMU_NOTIFIER_RANGE_BLOCKABLE)
		mutex_lock(&lock);
	drv(may_block);
}

static void own_range(struct mmu_notifier_range *range, bool can_sleep)
{
	range->flags = MMU_NOTIFIER_RANGE_BLOCKABLE;
	range->flags = 0;
	range->flags = can_sleep ? MMU_NOTIFIER_RANGE_BLOCKABLE : 0;
}

static void on_stack(struct mm_struct *mm)
{
	struct mmu_notifier_range range = {
		.flags = 0,
		.mm = mm,
	};

	use(&range);
}
