/* Already the pre-v5.2 form: nothing to do. */
static void f(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, mm, start, end);
	mmu_notifier_invalidate_range_start(&range);
}
