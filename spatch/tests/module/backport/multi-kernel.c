// SPDX-License-Identifier: GPL-2.0
/* A driver that supports kernels on both sides of v5.2 already. */
#include <linux/version.h>
#include <linux/mmu_notifier.h>

static int drv_invalidate_range_start(struct mmu_notifier *mn,
				      const struct mmu_notifier_range *range)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 2, 0)
	if (!mmu_notifier_range_blockable(range))
		return -EAGAIN;
#else
	if (!range->blockable)
		return -EAGAIN;
#endif
#if LINUX_VERSION_CODE < KERNEL_VERSION(5, 14, 0)
	drv_flush_all(mn);
#else
	/* Our own device-exclusive conversions need no flush. */
	if (range->event == MMU_NOTIFY_EXCLUSIVE && range->owner == mn)
		return 0;
	drv_flush_all(mn);
#endif
	/* Not gated: the backport converts it. */
	if (range->event == MMU_NOTIFY_RELEASE)
		return 0;
	drv_flush(mn, range->start, range->end);
	return 0;
}
