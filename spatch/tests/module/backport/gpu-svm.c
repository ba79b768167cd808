// SPDX-License-Identifier: GPL-2.0
/* A GPU driver's SVM notifier written against the contextual API. */
#include <linux/mmu_notifier.h>

#define DRV_DBG(dev, fmt, ...)	dev_dbg(dev, fmt, ##__VA_ARGS__)

static bool drv_svm_invalidate(struct mmu_interval_notifier *mni,
			       const struct mmu_notifier_range *range,
			       unsigned long cur_seq)
{
	struct drv_svm *svm = container_of(mni, struct drv_svm, notifier);

	if (range->event == MMU_NOTIFY_SOFT_DIRTY ||
	    range->event == MMU_NOTIFY_RELEASE)
		return true;
	if ((range->event == MMU_NOTIFY_MIGRATE ||
	     range->event == MMU_NOTIFY_EXCLUSIVE) &&
	    range->owner == &drv_owner)
		return true;

	if (!mmu_notifier_range_blockable(range))
		return false;

	DRV_DBG(svm->dev, "invalidate [0x%lx 0x%lx] event %d\n", range->start,
		range->end, range->event);

	mutex_lock(&svm->lock);
	mmu_interval_set_seq(mni, cur_seq);
	if (!svm->closing && range->event == MMU_NOTIFY_UNMAP)
		drv_svm_garbage_add(svm, range->start, range->end);
	else
		drv_svm_evict(svm, range->start, range->end);
	mutex_unlock(&svm->lock);
	return true;
}
