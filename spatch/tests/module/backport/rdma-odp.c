// SPDX-License-Identifier: GPL-2.0
/* An RDMA-style interval notifier with an open-coded blockable test and
 * a range of its own. */
#include <linux/mmu_notifier.h>

static bool drv_odp_invalidate(struct mmu_interval_notifier *mni,
			       const struct mmu_notifier_range *range,
			       unsigned long cur_seq)
{
	struct drv_odp *odp = container_of(mni, struct drv_odp, notifier);

	if (!(range->flags & MMU_NOTIFIER_RANGE_BLOCKABLE))
		return false;

	mutex_lock(&odp->umem_mutex);
	mmu_interval_set_seq(mni, cur_seq);
	drv_odp_unmap(odp, max(range->start, odp->start),
		      min(range->end, odp->end));
	mutex_unlock(&odp->umem_mutex);
	return true;
}

static void drv_odp_zap(struct vm_area_struct *vma, unsigned long start,
			unsigned long end)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, vma->vm_mm,
				start, end);
	mmu_notifier_invalidate_range_start(&range);
	mmu_notifier_invalidate_range_end(&range);
}
