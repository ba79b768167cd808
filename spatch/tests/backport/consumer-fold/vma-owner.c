/* Tests of the owner fold to "no owner"; a test of the vma alone cannot be
 * decided (the old API does not say whether an unmap had one) and is left
 * for the check to report. */
static int sva_invalidate_start(struct mmu_notifier *mn,
				const struct mmu_notifier_range *range)
{
	if (!range->vma || !(range->vma->vm_flags & VM_WRITE))
		return 0;
	flush_writable(mn, range->start, range->end);
	return 0;
}

static bool cb(struct mmu_interval_notifier *mni,
	       const struct mmu_notifier_range *range, unsigned long seq)
{
	if (range->owner == NULL)
		drv_invalidate_all(mni);
	if (!range->owner)
		drv_count(mni);
	if (range->event == MMU_NOTIFY_PROTECTION_VMA && range->vma &&
	    !(range->vma->vm_flags & VM_WRITE))
		return drv_make_read_only(mni);
	if (mmu_notifier_range_update_to_read_only(range))
		return true;
	if (range->owner != drv->owner && !drv->stopped)
		drv_invalidate(mni);
	return true;
}
