static int start(struct mmu_notifier *mn,
		 const struct mmu_notifier_range *range)
{
	if (!mmu_notifier_range_blockable(range))
		return -EAGAIN;
	return 0;
}

static inline void
invalidate_range_start(struct mmu_notifier_range *range)
{
	if (mm_has_notifiers(range->mm)) {
		range->flags |= MMU_NOTIFIER_RANGE_BLOCKABLE;
		__invalidate_range_start(range);
	}
}

static inline int
invalidate_range_start_nonblock(struct mmu_notifier_range *range)
{
	range->flags &= ~MMU_NOTIFIER_RANGE_BLOCKABLE;
	return __invalidate_range_start(range);
}

static void release(struct mm_struct *mm)
{
	struct mmu_notifier_range range = {
		.flags = MMU_NOTIFIER_RANGE_BLOCKABLE,
		.mm = mm,
	};

	struct hva_range hva = { .may_block = mmu_notifier_range_blockable(&range) };
}

/* Other flags of other structures are not the blockable bit. */
static void other(struct foo *f)
{
	f->flags |= FOO_BLOCKABLE;
}
