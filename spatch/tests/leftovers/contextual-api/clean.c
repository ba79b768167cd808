/* The pre-v5.2 API, and code under version gates handled by the script. */
static int drv_start(struct mmu_notifier *mn,
		     const struct mmu_notifier_range *range)
{
	if (!range->blockable)
		return -EAGAIN;
	drv_unmap(range->mm, range->start, range->end);
	return 0;
}

static void drv_zap(struct vm_area_struct *vma)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, vma->vm_mm, vma->vm_start, vma->vm_end);
	mmu_notifier_invalidate_range_start(&range);
}
