/*
 * Written for the test, with a-scan.c: operations and a function of the
 * same names as there, but nothing here write-protects or resets
 * soft-dirty bits: both calls are listed, whatever a-scan.c does.
 */
static int scan_pmd(pmd_t *pmd, unsigned long start, unsigned long end,
		    struct mm_walk *walk)
{
	return 0;
}

static const struct mm_walk_ops scan_ops = {
	.pmd_entry = scan_pmd,
};

static void free_range(struct mm_struct *mm, unsigned long start,
		       unsigned long end)
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

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, vma->vm_mm,
				start, end);
}
