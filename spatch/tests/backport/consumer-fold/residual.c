/* Conditions that still depend on the driver keep that part as written. */
static void svm_range_event_end(struct drv_vm *vm, struct drv_range *r,
				const struct mmu_notifier_range *mmu_range)
{
	unmap_pages(vm, r);
	if (!drv_vm_is_closed(vm) && mmu_range->event == MMU_NOTIFY_UNMAP)
		garbage_collector_add(vm, r, mmu_range);
}

static bool cb(struct mmu_interval_notifier *mni,
	       const struct mmu_notifier_range *range, unsigned long seq)
{
	if (drv->busy &&
	    range->event != MMU_NOTIFY_UNMAP &&
	    drv->lazy)
		return false;

	if (drv->closing ||
	    (range->event == MMU_NOTIFY_UNMAP && drv->mapped))
		drv_drop(drv);

	if (range->event == MMU_NOTIFY_UNMAP && (drv->a || drv->b))
		drv_flush(drv);

	if (drv->a || drv->b)
		drv_other(drv);
	return true;
}
