/* Early exits on several events at once (GPU userptr and SVM callbacks). */
static bool userptr_invalidate(struct mmu_interval_notifier *mn,
			       const struct mmu_notifier_range *range,
			       unsigned long cur_seq)
{
	struct drv_userptr *up = container_of(mn, struct drv_userptr, notifier);

	if (range->event == MMU_NOTIFY_SOFT_DIRTY ||
	    range->event == MMU_NOTIFY_RELEASE)
		return true;
	if (!mmget_not_zero(mn->mm))
		return true;

	mutex_lock(&up->lock);
	mmu_interval_set_seq(mn, cur_seq);
	mutex_unlock(&up->lock);
	mmput(mn->mm);
	return true;
}

/* Skip the invalidations the driver started itself. */
static bool mirror_invalidate(struct mmu_interval_notifier *mni,
			      const struct mmu_notifier_range *range,
			      unsigned long cur_seq)
{
	if ((range->event == MMU_NOTIFY_MIGRATE ||
	     range->event == MMU_NOTIFY_EXCLUSIVE) &&
	    range->owner == &drv_owner)
		return true;

	if (range->event == MMU_NOTIFY_EXCLUSIVE &&
	    range->owner == mirror->dev->owner) {
		mirror->skipped++;
		return true;
	}

	invalidate_mirror(mni, range->start, range->end);
	return true;
}

/* Only some events matter (a driver that filters with a chain of !=). */
static int emu_invalidate_range_start(struct mmu_notifier *mn,
				      const struct mmu_notifier_range *range)
{
	if (range->event != MMU_NOTIFY_CLEAR
			&& range->event != MMU_NOTIFY_UNMAP
			&& range->event != MMU_NOTIFY_PROTECTION_PAGE)
		return 0;

	if (!(range->event == MMU_NOTIFY_UNMAP))
		return 0;

	emu_unmap(mn, range->start, range->end);
	return 0;
}
