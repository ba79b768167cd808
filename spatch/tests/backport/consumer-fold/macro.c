/* A driver macro that wraps the comparison. */
#define DRV_RANGE_IS_UNMAP(r)	((r)->event == MMU_NOTIFY_UNMAP)
#define DRV_OWN_EVENT(r)	((r)->event == MMU_NOTIFY_MIGRATE || \
				 (r)->event == MMU_NOTIFY_EXCLUSIVE)

static bool cb(struct mmu_interval_notifier *mni,
	       const struct mmu_notifier_range *range, unsigned long seq)
{
	if (DRV_OWN_EVENT(range))
		return true;
	if (DRV_RANGE_IS_UNMAP(range))
		drv_unmap(mni, range->start, range->end);
	return true;
}
