/* The event selects one statement (kfd's first SVM callback). */
static bool svm_invalidate(struct mmu_interval_notifier *mni,
			   const struct mmu_notifier_range *range,
			   unsigned long cur_seq)
{
	svm_range_lock(prange);
	mmu_interval_set_seq(mni, cur_seq);

	switch (range->event) {
	case MMU_NOTIFY_UNMAP:
		svm_unmap_from_cpu(mni->mm, prange, start, last);
		break;
	default:
		break;
	}

	svm_range_unlock(prange);
	return true;
}

/* No UNMAP arm: the default arm is what runs. */
static bool other_invalidate(struct mmu_interval_notifier *mni,
			     const struct mmu_notifier_range *range,
			     unsigned long cur_seq)
{
	switch (range->event) {
	case MMU_NOTIFY_RELEASE:
		return true;
	default:
		evict(mni);
		break;
	}
	return true;
}

/* Arms of several statements are beyond the rule: left for the check. */
static bool userptr_invalidate(struct mmu_interval_notifier *mn,
			       const struct mmu_notifier_range *range,
			       unsigned long cur_seq)
{
	if (userptr->op != USERPTR_OP_UNMAP) {
		switch (range->event) {
		case MMU_NOTIFY_UNMAP:
			update_or_remove(userptr, start, last);
			break;
		default:
			userptr->start = start;
			userptr->last = last;
			add_work(userptr, USERPTR_OP_EVICT);
			break;
		}
	}
	return true;
}
