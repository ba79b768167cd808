static bool invalidate(struct mmu_interval_notifier *mni,
		       const struct mmu_notifier_range *range,
		       unsigned long cur_seq)
{
	if (range->event == MMU_NOTIFY_MIGRATE && range->owner == mni)
		return true;
	if (!mmu_notifier_range_blockable(range))
		return false;
	if (mmu_notifier_range_update_to_read_only(range) && range->vma)
		return true;
	return false;
}

static void start(struct mmu_notifier_range *range)
{
	range->flags |= MMU_NOTIFIER_RANGE_BLOCKABLE;
}
