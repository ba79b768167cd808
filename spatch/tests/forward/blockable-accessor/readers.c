static int start(struct mmu_notifier *mn,
		 const struct mmu_notifier_range *range)
{
	if (!range->blockable)
		return -EAGAIN;
	kvm_handle(range, range->blockable);
	return 0;
}

static inline void
invalidate_range_start(struct mmu_notifier_range *range)
{
	range->blockable = true;
	__start(range);
}

static inline bool
mmu_notifier_range_blockable(const struct mmu_notifier_range *range)
{
	return range->blockable;
}

/* Other structures' blockable fields are not the range's. */
static void other(struct foo *f)
{
	if (f->blockable)
		wait(f);
}
