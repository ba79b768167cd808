static inline void
invalidate_range_start(struct mmu_notifier_range *range)
{
	if (mm_has_notifiers(range->mm)) {
		range->blockable = true;
		__start(range);
	}
}

static inline int
invalidate_range_start_nonblock(struct mmu_notifier_range *range)
{
	range->blockable = false;
	return __start(range);
}

static void release(struct mm_struct *mm)
{
	struct mmu_notifier_range range = {
		.blockable = true,
		.mm = mm,
	};

	use(&range);
}

static void other(struct foo *f)
{
	f->blockable = true;
}
