/* Tests used as values: ternaries, returns, assignments, initialisers. */
static bool cb(struct mmu_interval_notifier *mni,
	       const struct mmu_notifier_range *range, unsigned long seq)
{
	bool release = range->event == MMU_NOTIFY_RELEASE;
	int op;

	op = range->event == MMU_NOTIFY_UNMAP ? OP_UNMAP : OP_EVICT;
	drv_queue(mni, range->event != MMU_NOTIFY_UNMAP ? OP_EVICT : op);
	drv->unmapped = range->event == MMU_NOTIFY_UNMAP && drv->mapped;
	if (release)
		return true;
	return range->event != MMU_NOTIFY_UNMAP;
}
