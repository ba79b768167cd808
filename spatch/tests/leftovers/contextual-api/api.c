#define DRV_IS_UNMAP(r)	((r)->event == MMU_NOTIFY_UNMAP)

static int drv_evict(struct drv *d, enum mmu_notifier_event event);

static int drv_evict(struct drv *d, enum mmu_notifier_event event)
{
	enum mmu_notifier_event last = event;

	switch (last) {
	case MMU_NOTIFY_MIGRATE:
		return 1;
	default:
		return 0;
	}
}

static void drv_zap(struct vm_area_struct *vma, void *me)
{
	struct mmu_notifier_range range;
	struct mmu_notifier_range whole = {
		.flags = MMU_NOTIFIER_RANGE_BLOCKABLE,
		.mm = vma->vm_mm,
	};

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, vma->vm_mm,
				vma->vm_start, vma->vm_end);
	mmu_notifier_range_init_owner(&range, MMU_NOTIFY_EXCLUSIVE, 0, vma,
				      vma->vm_mm, vma->vm_start, vma->vm_end, me);
	if (!mmu_notifier_range_blockable(&range))
		return;
	if (mmu_notifier_range_update_to_read_only(&range))
		return;
	use(&whole);
}
