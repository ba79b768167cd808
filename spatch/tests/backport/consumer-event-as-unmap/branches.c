static bool node_invalidate(struct mmu_interval_notifier *mni,
			    const struct mmu_notifier_range *range,
			    unsigned long cur_seq)
{
	if (node->freed)
		return true;

	if (range->event != MMU_NOTIFY_UNMAP)
		return true;

	clear_node(node);
	return true;
}

static bool cover_invalidate(struct mmu_interval_notifier *mni,
			     const struct mmu_notifier_range *range,
			     unsigned long cur_seq)
{
	if (range->event == MMU_NOTIFY_UNMAP) {
		mutex_lock(&buf->lock);
		mmu_interval_set_seq(mni, cur_seq);
		mutex_unlock(&buf->lock);
	}

	return true;
}

static bool released(struct mmu_interval_notifier *mni,
		     const struct mmu_notifier_range *range,
		     unsigned long cur_seq)
{
	if (range->event == MMU_NOTIFY_RELEASE)
		return true;
	drop(mni);
	return true;
}
