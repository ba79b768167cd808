/* Writes of the old bool, as a pre-v5.2 module has them. */
static void drv_invalidate(struct mmu_notifier_range *range, bool can_sleep)
{
	range->blockable = can_sleep;
	if (range->blockable)
		might_sleep();
}

static void drv_release(struct mm_struct *mm)
{
	struct mmu_notifier_range range = {
		.blockable = true,
		.mm = mm,
	};

	use(&range);
}

/* The contextual form, and another structure: nothing to report. */
static void ok(struct mmu_notifier_range *range, struct drv_op *op)
{
	range->flags |= MMU_NOTIFIER_RANGE_BLOCKABLE;
	op->blockable = true;
}

static void on_stack(struct mm_struct *mm, bool atomic)
{
	struct mmu_notifier_range range;

	range.blockable = !atomic;
	if (range.blockable)
		might_sleep();
}
