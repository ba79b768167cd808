// SPDX-License-Identifier: GPL-2.0
/* What the forward rules do not convert: named, not converted. */
#include <linux/mmu_notifier.h>

static bool *drv_blockable_slot(struct mmu_notifier_range *range)
{
	return &range->blockable;
}
