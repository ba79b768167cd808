/* An UNMAP arm and an arm for the other events. */
static void svm_invalidate_range(struct drv_svm *svm, struct drv_range *range,
				 const struct mmu_notifier_range *mmu_range)
{
	unmap_pages(svm, range);
	if (mmu_range->event == MMU_NOTIFY_UNMAP) {
		DRV_DEBUG(range, "garbage collector add");
		set_unmapped(range, mmu_range);
		enqueue_work(svm, range, OP_UNMAP);
	} else {
		DRV_DEBUG(range, "restore work");
		enqueue_work(svm, range, OP_RESTORE);
	}
}

static bool cb(struct mmu_interval_notifier *mni,
	       const struct mmu_notifier_range *range, unsigned long seq)
{
	if (range->event == MMU_NOTIFY_RELEASE)
		drv_release(mni);
	else if (range->event == MMU_NOTIFY_UNMAP)
		drv_unmap(mni);
	else
		drv_evict(mni);

	if (range->event != MMU_NOTIFY_UNMAP) {
		drv_evict(mni);
		return true;
	}

	if (range->event == MMU_NOTIFY_CLEAR)
		drv_clear(mni);
	else {
		int ret = drv_unmap(mni);

		WARN_ON(ret);
	}

	if (range->event == MMU_NOTIFY_UNMAP) {
		struct drv_node *node = drv_node(mni);

		drv_free(node);
	}
	return true;
}
