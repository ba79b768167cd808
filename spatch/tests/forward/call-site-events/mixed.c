/*
 * Written for the test: each function carries the evidence of one rule
 * and of a second rule that gives another event (or a judgement whose
 * shape does not fit). None may be decided: each is listed and gets the
 * most conservative event that covers its evidence.
 */
static int wp_cb(pte_t *pte, unsigned long addr, unsigned long next,
		 struct mm_walk *walk)
{
	set_pte_at(walk->mm, addr, pte, pte_wrprotect(ptep_get(pte)));
	return 0;
}

static int uffd_cb(pmd_t *pmd, unsigned long start, unsigned long end,
		   struct mm_walk *walk)
{
	make_uffd_wp_pte(walk->vma, start, pte, ptep_get(pte));
	return 0;
}

static const struct mm_walk_ops uffd_ops = {
	.pmd_entry = uffd_cb,
};

/* soft_dirty and clear_entries */
static void soft_dirty_and_clear(struct vm_area_struct *vma, pte_t *pte,
				 unsigned long addr)
{
	struct mmu_notifier_range range;

	vma->vm_flags &= ~VM_SOFTDIRTY;
	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, vma->vm_mm,
				addr, addr + PAGE_SIZE);
	ptep_clear_flush(vma, addr, pte);
}

/* new_protection and fork_cow: two protection events */
static void protect_and_cow(struct vm_area_struct *vma, unsigned long start,
			    unsigned long end, pgprot_t prot)
{
	struct mmu_notifier_range range;

	if (!is_cow_mapping(vma->vm_flags))
		return;
	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, vma->vm_mm,
				start, end);
	change_protection_range(vma, start, end, prot);
}

/* uffd_wp_walk and writeback_clean */
static void uffd_walk_and_clean(struct vm_area_struct *vma, pte_t *pte,
				unsigned long start, unsigned long end)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, vma->vm_mm,
				start, end);
	walk_page_range(vma->vm_mm, start, end, &uffd_ops, NULL);
	set_pte_at(vma->vm_mm, start, pte, pte_mkclean(ptep_get(pte)));
}

/* hugetlb_fork's judgement, with a split it was not written for */
static void huge_fork_and_split(struct vm_area_struct *src_vma, pte_t *ptep,
				pmd_t *pmd, unsigned long addr)
{
	struct mmu_notifier_range range;

	if (!is_cow_mapping(src_vma->vm_flags))
		return;
	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, src_vma,
				src_vma->vm_mm, addr, addr + PMD_SIZE);
	huge_ptep_set_wrprotect(src_vma->vm_mm, addr, ptep);
	__split_huge_pmd_locked(src_vma, pmd, addr, false);
}

/* ksm_write_protect's judgement (its function's name), entries moved */
static int write_protect_page(struct vm_area_struct *vma, pmd_t *old_pmd,
			      pmd_t *new_pmd, unsigned long addr)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, vma->vm_mm,
				addr, addr + PMD_SIZE);
	move_normal_pmd(vma, addr, addr + PMD_SIZE, old_pmd, new_pmd);
	return 0;
}

/* writeback_clean and a replacement of the page (clear_entries) */
static void clean_and_replace(struct vm_area_struct *vma, pte_t *pte,
			      unsigned long addr, struct page *new_page)
{
	struct mmu_notifier_range range;
	pte_t entry;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, vma->vm_mm,
				addr, addr + PAGE_SIZE);
	entry = ptep_clear_flush(vma, addr, pte);
	entry = pte_mkclean(pte_wrprotect(entry));
	set_pte_at(vma->vm_mm, addr, pte, entry);
	set_pte_at_notify(vma->vm_mm, addr, pte, mk_pte(new_page, prot));
}

/* write_protect_walk and own_gather */
static int wp_walk_and_gather(unsigned long start, unsigned long end,
			      struct mm_walk *walk)
{
	struct mmu_notifier_range range;
	struct mmu_gather tlb;

	tlb_gather_mmu(&tlb, walk->mm);
	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, walk->vma,
				walk->mm, start, end);
	return 0;
}

/* unmap_gather and new_protection */
static void gather_and_protect(struct mmu_gather *tlb,
			       struct vm_area_struct *vma,
			       unsigned long start, unsigned long end)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, vma->vm_mm,
				start, end);
	unmap_page_range(tlb, vma, start, end, NULL);
	change_protection_range(vma, start, end, PAGE_NONE);
}

/* oom_reap and writeback_clean */
static void reap_and_clean(struct mm_struct *mm, struct vm_area_struct *vma,
			   pte_t *pte)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, mm,
				vma->vm_start, vma->vm_end);
	if (mmu_notifier_invalidate_range_start_nonblock(&range))
		return;
	unmap_page_range(NULL, vma, vma->vm_start, vma->vm_end, NULL);
	set_pte_at(mm, vma->vm_start, pte, pte_mkclean(ptep_get(pte)));
}

/* mremap_move and split_huge: moves entries, splits huge ones */
static void move_and_split(struct vm_area_struct *vma, pmd_t *old_pmd,
			   pmd_t *new_pmd, unsigned long old_addr)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, vma->vm_mm,
				old_addr, old_addr + PMD_SIZE);
	if (!move_huge_pmd(vma, old_addr, old_addr, old_pmd, new_pmd))
		__split_huge_pmd_locked(vma, old_pmd, old_addr, false);
}

/* hugetlb_move's judgement, with small entries moved too */
static void huge_move_and_move(struct vm_area_struct *vma, pte_t *src,
			       pte_t *dst, unsigned long old_addr)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, vma->vm_mm,
				old_addr, old_addr + PMD_SIZE);
	move_huge_pte(vma, old_addr, old_addr, src, dst, PMD_SIZE);
	move_ptes(vma, old_pmd, old_addr, old_addr + PMD_SIZE, vma, new_pmd,
		  old_addr, false);
}

/* uffd_move and soft_dirty */
static void uffd_move_and_soft_dirty(struct mm_struct *mm, pte_t *src,
				     unsigned long addr)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, NULL, mm, addr,
				addr + PAGE_SIZE);
	move_present_pte(mm, NULL, NULL, addr, addr, NULL, src, 0, 0, NULL);
	clear_soft_dirty(NULL, addr, src);
}

/* device_private and new_protection */
static void migrate_and_protect(struct migrate_vma *migrate)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, migrate->vma,
				migrate->vma->vm_mm, migrate->start,
				migrate->end);
	change_protection_range(migrate->vma, migrate->start, migrate->end,
				PAGE_NONE);
}

/* exclusive_restore and fork_cow */
static void restore_and_cow(struct vm_area_struct *vma, pte_t *pte,
			    unsigned long addr)
{
	struct mmu_notifier_range range;

	if (!is_cow_mapping(vma->vm_flags))
		return;
	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, vma->vm_mm,
				addr, addr + PAGE_SIZE);
	restore_exclusive_pte(vma, NULL, addr, pte);
}

/* range_for_caller's judgement, with a new protection applied here */
static int lookup_and_protect(struct mm_struct *mm, unsigned long address,
			      struct mmu_notifier_range *range)
{
	mmu_notifier_range_init(range, MMU_NOTIFY_UNMAP, 0, NULL, mm, address,
				address + PAGE_SIZE);
	pte_modify(ptep_get(pte), PAGE_NONE);
	return 0;
}
