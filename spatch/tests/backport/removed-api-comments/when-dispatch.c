/**
 * gpu_range_invalidate - interval notifier callback
 * @mni: the notifier
 * @range: the range being invalidated
 *
 * When the event is MMU_NOTIFY_UNMAP, the range is queued for the garbage
 * collector, which frees the GPU page tables that mapped it.
 *
 * Return: false when the lock could not be taken without sleeping.
 */
static bool gpu_range_invalidate(struct mmu_interval_notifier *mni,
				 const struct mmu_notifier_range *range,
				 unsigned long cur_seq);

static void gpu_svm_notify(struct gpu_svm *svm)
{
	// If the range's event is MMU_NOTIFY_UNMAP or MMU_NOTIFY_CLEAR, the
	// caller has dropped the mapping, otherwise the pages only move.
	//
	// On an unmap event, the queue is drained before the pages are freed
	// so that no fault sees them again.
	//
	// On an invalidation event, the queue is only stopped.
	gpu_svm_drain(svm);

	/*
	 * If event is MMU_NOTIFY_RELEASE, nothing is left to do: the mm is
	 * on its way out.
	 *
	 * Everything else takes the lock.
	 */
	mutex_lock(&svm->lock);
}
