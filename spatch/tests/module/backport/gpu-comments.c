// SPDX-License-Identifier: GPL-2.0
/* A GPU driver whose notifier explains itself in comments of every form. */
#include <linux/mmu_notifier.h>

/**
 * gpu_invalidate - interval notifier callback
 * @mni: the GPU context's interval notifier
 * @range: what the CPU side invalidates
 * @cur_seq: the sequence to store
 *
 * When the event is MMU_NOTIFY_UNMAP, the pages go back to the garbage
 * collector once the GPU has stopped using them.
 */
static bool gpu_invalidate(struct mmu_interval_notifier *mni,
			   const struct mmu_notifier_range *range,
			   unsigned long cur_seq)
{
	struct gpu_ctx *ctx = container_of(mni, struct gpu_ctx, notifier);

	// MMU_NOTIFY_RELEASE comes from exit_mmap(): the release callback
	// has torn the GPU mappings down already, nothing is left to
	// invalidate.
	if (range->event == MMU_NOTIFY_RELEASE)
		return true;

	// Not even for MMU_NOTIFY_RELEASE may we sleep when told not to.
	if (!mmu_notifier_range_blockable(range))
		return false;

	mutex_lock(&ctx->lock); // MMU_NOTIFY_RELEASE never takes it
	mmu_interval_set_seq(mni, cur_seq);
	gpu_log(ctx, "MMU_NOTIFY_RELEASE: see gpu_release(), /* not here */");
	if (range->event == MMU_NOTIFY_UNMAP)
		gpu_unmap(ctx, range->start, range->end);
	mutex_unlock(&ctx->lock);
	return true;
}

static void gpu_make_exclusive(struct gpu_ctx *ctx, struct vm_area_struct *vma)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init_owner(&range, MMU_NOTIFY_EXCLUSIVE, 0, vma,
				      vma->vm_mm, vma->vm_start, vma->vm_end, ctx);
	mmu_notifier_invalidate_range_start(&range);
	gpu_take_pages(ctx, vma);
	mmu_notifier_invalidate_range_end(&range);
}
