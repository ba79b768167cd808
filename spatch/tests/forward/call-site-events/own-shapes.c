/*
 * Shapes no kernel tree has, to show that the rules key on what the code
 * does, not on the names of v6.1.176's functions.
 */

/* change_protection()'s work under another name: PROTECTION_VMA */
static long frob_access_bits(struct vm_area_struct *vma, pmd_t *pmd,
			     unsigned long addr, unsigned long end,
			     pgprot_t newprot)
{
	struct mmu_notifier_range range;
	long pages;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, vma->vm_mm,
				addr, end);
	mmu_notifier_invalidate_range_start(&range);
	pages = change_pte_range(NULL, vma, pmd, addr, end, newprot, 0);
	mmu_notifier_invalidate_range_end(&range);
	return pages;
}

/* soft-dirty bits reset by a new interface: SOFT_DIRTY */
static void reset_dirty_log(struct mm_struct *mm, pte_t *pte,
			    unsigned long addr)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, NULL, mm, addr,
				addr + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	set_pte_at(mm, addr, pte, pte_clear_soft_dirty(ptep_get(pte)));
	mmu_notifier_invalidate_range_end(&range);
}

/* reads the soft-dirty bit but clears the entry: CLEAR, not SOFT_DIRTY */
static void drop_entry_keep_dirty(struct vm_area_struct *vma, pte_t *pte,
				  unsigned long addr)
{
	struct mmu_notifier_range range;
	pte_t old;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, vma->vm_mm,
				addr, addr + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	old = ptep_clear_flush(vma, addr, pte);
	if (pte_soft_dirty(old))
		record_dirty(addr);
	mmu_notifier_invalidate_range_end(&range);
}

/* a teardown helper handed the caller's gather: UNMAP, left alone */
static void teardown_region(struct mmu_gather *tlb, struct vm_area_struct *vma,
			    unsigned long start, unsigned long end)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, vma->vm_mm,
				start, end);
	mmu_notifier_invalidate_range_start(&range);
	zap_pte_range(tlb, vma, pmd, start, end, NULL);
	mmu_notifier_invalidate_range_end(&range);
}

/* the same zap with a gather of its own: the vma stays, CLEAR */
static void discard_region(struct vm_area_struct *vma, unsigned long start,
			   unsigned long end)
{
	struct mmu_notifier_range range;
	struct mmu_gather tlb;

	tlb_gather_mmu(&tlb, vma->vm_mm);
	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, vma->vm_mm,
				start, end);
	mmu_notifier_invalidate_range_start(&range);
	zap_pte_range(&tlb, vma, pmd, start, end, NULL);
	mmu_notifier_invalidate_range_end(&range);
	tlb_finish_mmu(&tlb);
}

/* a write-protect walk callback's own range: PROTECTION_PAGE */
static int track_writes_pte(pte_t *pte, unsigned long addr,
			    unsigned long next, struct mm_walk *walk)
{
	set_pte_at(walk->mm, addr, pte, pte_wrprotect(ptep_get(pte)));
	return 0;
}

static int track_writes_start(unsigned long start, unsigned long end,
			      struct mm_walk *walk)
{
	struct tracker *t = walk->private;

	mmu_notifier_range_init(&t->range, MMU_NOTIFY_UNMAP, 0, walk->vma,
				walk->mm, start, end);
	mmu_notifier_invalidate_range_start(&t->range);
	return 0;
}

/* already given an event: left alone */
static void already_converted(struct mm_struct *mm, unsigned long start,
			      unsigned long end)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, NULL, mm, start,
				end);
	mmu_notifier_invalidate_range_start(&range);
	opaque_update(mm, start, end);
	mmu_notifier_invalidate_range_end(&range);
}

/* an event argument wrapped oddly: refilled once changed */
static void odd_layout(struct vm_area_struct *vma, pmd_t *pmd,
		       unsigned long address)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range,
				MMU_NOTIFY_UNMAP,
				0,
				vma,
				vma->vm_mm,
				address & HPAGE_PMD_MASK,
				(address & HPAGE_PMD_MASK) + HPAGE_PMD_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	__split_huge_pmd_locked(vma, pmd, range.start, false);
	mmu_notifier_invalidate_range_end(&range);
}
