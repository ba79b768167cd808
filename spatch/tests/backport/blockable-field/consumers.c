/* How interval and classic notifiers read the state (grant maps, buffer
 * objects, on-demand paging, virtio hosts, KVM's hva ranges). */
static bool map_invalidate(struct mmu_interval_notifier *mn,
			   const struct mmu_notifier_range *range,
			   unsigned long cur_seq)
{
	if (!mmu_notifier_range_blockable(range))
		return false;
	unmap_if_in_range(mn, range->start, range->end,
			  mmu_notifier_range_blockable(range));
	return true;
}

static bool bo_invalidate(struct mmu_interval_notifier *mni,
			  const struct mmu_notifier_range *range,
			  unsigned long cur_seq)
{
	if (mmu_notifier_range_blockable(range))
		mutex_lock(&notifier_lock);
	else if (!mutex_trylock(&notifier_lock))
		return false;
	mmu_interval_set_seq(mni, cur_seq);
	mutex_unlock(&notifier_lock);
	return true;
}

static int host_invalidate_range_start(struct mmu_notifier *mn,
				       const struct mmu_notifier_range *range)
{
	bool blockable = mmu_notifier_range_blockable(range);
	struct hva_range hva = {
		.start = range->start,
		.end = range->end,
		.may_block = mmu_notifier_range_blockable(range),
	};

	if (WARN_ON(!blockable && hva.start))
		return -EAGAIN;
	return handle_hva_range(mn, &hva);
}
