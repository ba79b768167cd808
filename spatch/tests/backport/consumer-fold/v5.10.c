/* Before v5.14 the owner was migrate_pgmap_owner (nouveau, test_hmm). */
static bool svmm_invalidate(struct mmu_interval_notifier *mni,
			    const struct mmu_notifier_range *range,
			    unsigned long cur_seq)
{
	struct svmm *svmm = container_of(mni, struct svmm, notifier);

	/*
	 * Ignore invalidations that our own migration started: the
	 * migration handles those pages.
	 */
	if (range->event == MMU_NOTIFY_MIGRATE &&
	    range->migrate_pgmap_owner == svmm->drm->dev)
		return true;

	if (mmu_notifier_range_blockable(range))
		mutex_lock(&svmm->mutex);
	else if (!mutex_trylock(&svmm->mutex))
		return false;
	mmu_interval_set_seq(mni, cur_seq);
	mutex_unlock(&svmm->mutex);
	return true;
}
