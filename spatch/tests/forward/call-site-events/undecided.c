/*
 * A kind of call site no rule knows: the entries are changed by a helper
 * the rules cannot see into. The call keeps MMU_NOTIFY_UNMAP (safe) and
 * is listed with its file, line and function.
 */
static int remap_through_helper(struct vm_area_struct *vma,
				unsigned long start, unsigned long end)
{
	struct mmu_notifier_range range;
	int err;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, vma->vm_mm,
				start, end);
	mmu_notifier_invalidate_range_start(&range);
	err = vendor_rewrite_entries(vma, start, end);
	mmu_notifier_invalidate_range_end(&range);
	return err;
}
