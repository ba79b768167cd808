/* An UNMAP block that declares something keeps its braces. */
static bool node_invalidate(struct mmu_interval_notifier *mni,
			    const struct mmu_notifier_range *range,
			    unsigned long cur_seq)
{
	drv_lock(mni);
	if (range->event == MMU_NOTIFY_UNMAP) {
		struct drv_node *node = drv_node(mni);

		drv_free(node);
	}
	drv_unlock(mni);
	return true;
}
