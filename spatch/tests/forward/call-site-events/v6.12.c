/*
 * Call sites shaped like Debian trixie's 6.12.107 once rewound and through
 * step 05. Upstream's init has no vma argument there
 * (mmu_notifier_range_init(range, event, flags, mm, start, end)), so the
 * vma step 05 inferred is often NULL: no rule reads it. folios replace
 * pages, set_pte_at() replaces set_pte_at_notify(), hugetlb's unmap
 * notifies in unmap_hugepage_range(), and two kinds of call site are new:
 * userfaultfd's UFFDIO_MOVE and the write-protecting PAGEMAP_SCAN.
 */

/* mm/memory.c: UNMAP */
void unmap_vmas(struct mmu_gather *tlb, struct ma_state *mas,
		struct vm_area_struct *vma, unsigned long start_addr,
		unsigned long end_addr, unsigned long tree_end,
		bool mm_wr_locked)
{
	struct mmu_notifier_range range;
	struct zap_details details = {
		.zap_flags = ZAP_FLAG_DROP_MARKER | ZAP_FLAG_UNMAP,
		/* Careful - we need to zap private pages too! */
		.even_cows = true,
	};

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, vma->vm_mm,
				start_addr, end_addr);
	mmu_notifier_invalidate_range_start(&range);
	do {
		unsigned long start = start_addr;
		unsigned long end = end_addr;

		hugetlb_zap_begin(vma, &start, &end);
		unmap_single_vma(tlb, vma, start, end, &details,
				 mm_wr_locked);
		hugetlb_zap_end(vma, &details);
		vma = mas_find(mas, tree_end - 1);
	} while (vma && likely(!xa_is_zero(vma)));
	mmu_notifier_invalidate_range_end(&range);
}

/* mm/memory.c: CLEAR */
static vm_fault_t wp_page_copy(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mm_struct *mm = vma->vm_mm;
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, mm,
				vmf->address & PAGE_MASK,
				(vmf->address & PAGE_MASK) + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);

	vmf->pte = pte_offset_map_lock(mm, vmf->pmd, vmf->address, &vmf->ptl);
	if (likely(vmf->pte && pte_same(ptep_get(vmf->pte), vmf->orig_pte))) {
		entry = mk_pte(&new_folio->page, vma->vm_page_prot);
		ptep_clear_flush(vma, vmf->address, vmf->pte);
		folio_add_new_anon_rmap(new_folio, vma, vmf->address, RMAP_EXCLUSIVE);
		set_pte_at(mm, vmf->address, vmf->pte, entry);
		update_mmu_cache_range(vmf, vma, vmf->address, vmf->pte, 1);
	}
	mmu_notifier_invalidate_range_end(&range);
	return 0;
}

/* mm/ksm.c: CLEAR, with set_pte_at() */
static int write_protect_page(struct vm_area_struct *vma, struct folio *folio,
			      pte_t *orig_pte)
{
	struct mm_struct *mm = vma->vm_mm;
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, mm,
				pvmw.address, pvmw.address + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);

	if (pte_write(entry) || pte_dirty(entry) || anon_exclusive) {
		entry = ptep_clear_flush(vma, pvmw.address, pvmw.pte);
		if (pte_dirty(entry))
			folio_mark_dirty(folio);
		entry = pte_mkclean(entry);
		if (pte_write(entry))
			entry = pte_wrprotect(entry);
		set_pte_at(mm, pvmw.address, pvmw.pte, entry);
	}
	*orig_pte = entry;
	mmu_notifier_invalidate_range_end(&range);
	return err;
}

/* mm/khugepaged.c: CLEAR, no vma in the call */
int collapse_pte_mapped_thp(struct mm_struct *mm, unsigned long addr,
			    bool install_pmd)
{
	struct mmu_notifier_range range;
	unsigned long haddr = addr & HPAGE_PMD_MASK;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, NULL, mm, haddr,
				haddr + HPAGE_PMD_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	pml = pmd_lock(mm, pmd);
	pgt_pmd = pmdp_collapse_flush(vma, haddr, pmd);
	pmdp_get_lockless_sync();
	spin_unlock(pml);
	mmu_notifier_invalidate_range_end(&range);
	return result;
}

/* mm/huge_memory.c: CLEAR, UFFDIO_MOVE of a huge page */
int move_pages_huge_pmd(struct mm_struct *mm, pmd_t *dst_pmd, pmd_t *src_pmd,
			pmd_t dst_pmdval, struct vm_area_struct *dst_vma,
			struct vm_area_struct *src_vma, unsigned long dst_addr,
			unsigned long src_addr)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, NULL, mm,
				src_addr, src_addr + HPAGE_PMD_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	src_ptl = pmd_lock(mm, src_pmd);
	src_pmdval = pmdp_huge_clear_flush(src_vma, src_addr, src_pmd);
	set_pmd_at(mm, dst_addr, dst_pmd, _dst_pmd);
	spin_unlock(src_ptl);
	mmu_notifier_invalidate_range_end(&range);
	return err;
}

/* mm/userfaultfd.c: CLEAR, UFFDIO_MOVE of a small page (by helpers) */
static int move_pages_pte(struct mm_struct *mm, pmd_t *dst_pmd, pmd_t *src_pmd,
			  struct vm_area_struct *dst_vma,
			  struct vm_area_struct *src_vma,
			  unsigned long dst_addr, unsigned long src_addr,
			  __u64 mode)
{
	struct mmu_notifier_range range;
	int err = 0;

	flush_cache_range(src_vma, src_addr, src_addr + PAGE_SIZE);
	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, NULL, mm,
				src_addr, src_addr + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	if (pte_present(orig_src_pte))
		err = move_present_pte(mm,  dst_vma, src_vma,
				       dst_addr, src_addr, dst_pte, src_pte,
				       orig_dst_pte, orig_src_pte,
				       dst_ptl, src_ptl, src_folio);
	else
		err = move_swap_pte(mm, dst_addr, src_addr, dst_pte, src_pte,
				    orig_dst_pte, orig_src_pte,
				    dst_ptl, src_ptl);
	mmu_notifier_invalidate_range_end(&range);
	return err;
}

/* fs/proc/task_mmu.c: PROTECTION_VMA, the walk's callbacks write-protect */
static int pagemap_scan_pmd_entry(pmd_t *pmd, unsigned long start,
				  unsigned long end, struct mm_walk *walk)
{
	struct pagemap_scan_private *p = walk->private;
	struct vm_area_struct *vma = walk->vma;
	unsigned long addr = start;
	pte_t *pte, *start_pte;

	start_pte = pte = pte_offset_map_lock(vma->vm_mm, pmd, start, &ptl);
	for (addr = start; addr != end; pte++, addr += PAGE_SIZE) {
		if (!is_interesting_page(p, ptep_get(pte)))
			continue;
		make_uffd_wp_pte(vma, addr, pte, ptep_get(pte));
	}
	pte_unmap_unlock(start_pte, ptl);
	return 0;
}

static const struct mm_walk_ops pagemap_scan_ops = {
	.test_walk = pagemap_scan_test_walk,
	.pmd_entry = pagemap_scan_pmd_entry,
	.pte_hole = pagemap_scan_pte_hole,
	.hugetlb_entry = pagemap_scan_hugetlb_entry,
};

static long do_pagemap_scan(struct mm_struct *mm, unsigned long uarg)
{
	struct pagemap_scan_private p = {0};
	unsigned long walk_start;
	int ret;

	for (walk_start = p.arg.start; walk_start < p.arg.end;
			walk_start = p.arg.walk_end) {
		struct mmu_notifier_range range;

		ret = mmap_read_lock_killable(mm);
		if (ret)
			break;

		/* Protection change for the range is going to happen. */
		if (p.arg.flags & PM_SCAN_WP_MATCHING) {
			mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0,
						NULL, mm, walk_start,
						p.arg.end);
			mmu_notifier_invalidate_range_start(&range);
		}

		ret = walk_page_range(mm, walk_start, p.arg.end,
				      &pagemap_scan_ops, &p);

		if (p.arg.flags & PM_SCAN_WP_MATCHING)
			mmu_notifier_invalidate_range_end(&range);

		mmap_read_unlock(mm);
	}
	return ret;
}

/* mm/hugetlb.c: CLEAR, as v6.12.107 says: a gather of its own (rule 18) */
void unmap_hugepage_range(struct vm_area_struct *vma, unsigned long start,
			  unsigned long end, struct folio *folio,
			  zap_flags_t zap_flags)
{
	struct mmu_notifier_range range;
	struct mmu_gather tlb;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, vma->vm_mm,
				start, end);
	adjust_range_if_pmd_sharing_possible(vma, &range.start, &range.end);
	mmu_notifier_invalidate_range_start(&range);
	tlb_gather_mmu(&tlb, vma->vm_mm);

	__unmap_hugepage_range(&tlb, vma, start, end, folio, zap_flags);

	mmu_notifier_invalidate_range_end(&range);
	tlb_finish_mmu(&tlb);
}
