static bool mirror_invalidate(struct mmu_interval_notifier *mni,
			      const struct mmu_notifier_range *range,
			      unsigned long cur_seq)
{
	struct mirror *m = container_of(mni, struct mirror, notifier);

	/*
	 * Our own migration already handles these pages.
	 */
	if (range->event == MMU_NOTIFY_MIGRATE &&
	    range->owner == m->device)
		return true;

	mirror_update(m, range->start, range->end);
	return true;
}

static int mirror_start(struct mmu_notifier *mn,
			const struct mmu_notifier_range *update)
{
	mutex_lock(&lock);
	if (update->event == MMU_NOTIFY_EXCLUSIVE &&
	    update->owner == mn_owner(mn))
		goto out;
	invalidate(update->start, update->end);
out:
	mutex_unlock(&lock);
	return 0;
}
