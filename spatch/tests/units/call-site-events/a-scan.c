/*
 * Written for the test, with b-free.c: file-scoped evidence must stay in
 * its file. This file's walk operations write-protect for userfaultfd and
 * its frob() resets soft-dirty bits; b-free.c has operations and a
 * function of the same names that do neither.
 */
static int scan_pmd(pmd_t *pmd, unsigned long start, unsigned long end,
		    struct mm_walk *walk)
{
	make_uffd_wp_pte(walk->vma, start, pte, ptep_get(pte));
	return 0;
}

static const struct mm_walk_ops scan_ops = {
	.pmd_entry = scan_pmd,
};

static void scan(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, NULL, mm, start,
				end);
	walk_page_range(mm, start, end, &scan_ops, NULL);
}

static void frob(struct vm_area_struct *vma, unsigned long start,
		 unsigned long end)
{
	struct mmu_notifier_range range;

	vma->vm_flags &= ~VM_SOFTDIRTY;
	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, vma->vm_mm,
				start, end);
}
