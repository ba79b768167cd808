/* No safe value: the vma, and the event handed to anything but a format.
 * Left as they are, for scripts/check-leftovers to report. */
static bool cb(struct mmu_interval_notifier *mni,
	       const struct mmu_notifier_range *range, unsigned long seq)
{
	struct drv_job *job = drv_job(mni);

	job->event = range->event;
	trace_drv_invalidate(range->start, range->end, range->event);
	drv_flush_vma(mni, range->vma);
	return drv_handle(mni, range->event);
}

/* The read-only helper is false for an unmap. */
static bool ro(const struct mmu_notifier_range *range)
{
	bool ro = mmu_notifier_range_update_to_read_only(range);

	return ro;
}
