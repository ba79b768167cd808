/* An out-of-tree driver written against the pre-v5.2 range. */
static int drv_invalidate_range_start(struct mmu_notifier *mn,
				      const struct mmu_notifier_range *range)
{
	struct drv *drv = container_of(mn, struct drv, mn);

	if (range->blockable)
		mutex_lock(&drv->lock);
	else if (!mutex_trylock(&drv->lock))
		return -EAGAIN;
	drv_unmap(drv, range->start, range->end);
	mutex_unlock(&drv->lock);
	return 0;
}

static void drv_zap(struct vm_area_struct *vma, unsigned long start,
		    unsigned long end, bool atomic)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, vma->vm_mm, start, end);
	range.blockable = !atomic;
	mmu_notifier_invalidate_range_start(&range);
	mmu_notifier_invalidate_range_end(&range);
}

static void drv_flush_mm(struct mm_struct *mm)
{
	struct mmu_notifier_range range = {
		.mm = mm,
		.start = 0,
		.end = ULONG_MAX,
	};

	mmu_notifier_invalidate_range_start(&range);
	mmu_notifier_invalidate_range_end(&range);
}

static void drv_own(struct mmu_notifier_range *range, bool can_sleep)
{
	range->blockable = can_sleep;
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 2, 0)
	if (mmu_notifier_range_blockable(range))
		might_sleep();
#else
	if (range->blockable)
		might_sleep();
#endif
}
