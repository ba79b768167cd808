static int start(const struct mmu_notifier_range *range)
{
	if (range->flags & MMU_NOTIFIER_RANGE_BLOCKABLE)
		return 1;
	if (range->blockable)
		return 2;
	if (mmu_notifier_range_blockable(range))
		return 3;
	return 0;
}

static inline bool
mmu_notifier_range_blockable(const struct mmu_notifier_range *range)
{
	return (range->flags & MMU_NOTIFIER_RANGE_BLOCKABLE);
}
