/* The event in the driver's own debug and trace macros. */
static bool svm_invalidate(struct drv_gpusvm *gpusvm,
			   const struct mmu_notifier_range *mmu_range)
{
	DRV_SVM_TRACE("INVALIDATE: pasid=%u, gpusvm=%p, [0x%016lx-0x%016lx], ev=%d\n",
		      svm->pasid, &svm->gpusvm, mmu_range->start,
		      mmu_range->end, mmu_range->event);
	DRV_DBG(dev, "invalidate event %d [0x%lx 0x%lx]\n", mmu_range->event,
		mmu_range->start, mmu_range->end);
	dev_dbg(dev, "range [%lx %lx] %u\n", mmu_range->start, mmu_range->end,
		mmu_range->event);
	return true;
}

/* Printed as a string (an event name table): no integer to drop. */
static void show(const struct mmu_notifier_range *range)
{
	pr_info("event %s\n", drv_event_name[range->event]);
}
