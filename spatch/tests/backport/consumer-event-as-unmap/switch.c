static int helper(void)
{
	return 0;
}

static int
range_evict(struct prange *prange, unsigned long start,
	    enum mmu_notifier_event event)
{
	if (event == MMU_NOTIFY_MIGRATE)
		return 1;
	return 0;
}

static void range_unmap(struct prange *prange, unsigned long start)
{
	remove(prange, start);
}

static bool
cpu_invalidate(struct mmu_interval_notifier *mni,
	       const struct mmu_notifier_range *range,
	       unsigned long cur_seq)
{
	struct prange *prange = container_of(mni, struct prange, notifier);

	pr_debug("range [0x%lx 0x%lx] %d\n", range->start, range->end,
		 range->event);

	lock(prange);
	switch (range->event) {
	case MMU_NOTIFY_UNMAP:
		range_unmap(prange, range->start);
		break;
	default:
		range_evict(prange, range->start, range->event);
		break;
	}
	unlock(prange);

	return true;
}
