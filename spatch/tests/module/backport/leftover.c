// SPDX-License-Identifier: GPL-2.0
/* What no rule can decide: named, not converted. */
#include <linux/mmu_notifier.h>

static int sva_invalidate_start(struct mmu_notifier *mn,
				const struct mmu_notifier_range *range)
{
	if (!range->vma || !(range->vma->vm_flags & VM_WRITE))
		return 0;
	drv_flush_writable(mn, range->start, range->end);
	trace_drv_invalidate(range->start, range->end, range->event);
	return 0;
}

static bool userptr_invalidate(struct mmu_interval_notifier *mn,
			       const struct mmu_notifier_range *range,
			       unsigned long cur_seq)
{
	switch (range->event) {
	case MMU_NOTIFY_UNMAP:
		drv_update_or_remove(mn);
		break;
	default:
		drv_set_bounds(mn, range->start, range->end);
		drv_add_work(mn, OP_EVICT);
		break;
	}
	return true;
}
