/*
 * v6.1.176's call sites that clear or replace entries while the vma stays
 * (after step 05), shortened to the code the rules read.
 */

/* mm/huge_memory.c: CLEAR, a huge entry split */
void __split_huge_pmd(struct vm_area_struct *vma, pmd_t *pmd,
		unsigned long address, bool freeze, struct folio *folio)
{
	spinlock_t *ptl;
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, vma->vm_mm,
				address & HPAGE_PMD_MASK,
				(address & HPAGE_PMD_MASK) + HPAGE_PMD_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	ptl = pmd_lock(vma->vm_mm, pmd);
	__split_huge_pmd_locked(vma, pmd, range.start, freeze);
	spin_unlock(ptl);
	mmu_notifier_invalidate_range_end(&range);
}

/* mm/memory.c: CLEAR, copy-on-write */
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
	if (likely(pte_same(*vmf->pte, vmf->orig_pte))) {
		entry = mk_pte(new_page, vma->vm_page_prot);
		ptep_clear_flush_notify(vma, vmf->address, vmf->pte);
		page_add_new_anon_rmap(new_page, vma, vmf->address);
		set_pte_at_notify(mm, vmf->address, vmf->pte, entry);
	}
	mmu_notifier_invalidate_range_only_end(&range);
	return 0;
}

/* kernel/events/uprobes.c: CLEAR */
static int __replace_page(struct vm_area_struct *vma, unsigned long addr,
				struct page *old_page, struct page *new_page)
{
	struct mm_struct *mm = vma->vm_mm;
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, mm, addr,
				addr + PAGE_SIZE);

	mmu_notifier_invalidate_range_start(&range);
	flush_cache_page(vma, addr, pte_pfn(*pvmw.pte));
	ptep_clear_flush_notify(vma, addr, pvmw.pte);
	if (new_page)
		set_pte_at_notify(mm, addr, pvmw.pte,
				  mk_pte(new_page, vma->vm_page_prot));
	mmu_notifier_invalidate_range_end(&range);
	return err;
}

/* mm/khugepaged.c: CLEAR, THP collapse */
static int collapse_huge_page(struct mm_struct *mm, unsigned long address,
			      int referenced, int unmapped,
			      struct collapse_control *cc)
{
	struct mmu_notifier_range range;

	anon_vma_lock_write(vma->anon_vma);

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, NULL, mm,
				address, address + HPAGE_PMD_SIZE);
	mmu_notifier_invalidate_range_start(&range);

	pmd_ptl = pmd_lock(mm, pmd); /* probably unnecessary */
	_pmd = pmdp_collapse_flush(vma, address, pmd);
	spin_unlock(pmd_ptl);
	mmu_notifier_invalidate_range_end(&range);
	return result;
}

/* mm/rmap.c: CLEAR, reclaim */
static bool try_to_unmap_one(struct folio *folio, struct vm_area_struct *vma,
		     unsigned long address, void *arg)
{
	struct mm_struct *mm = vma->vm_mm;
	struct mmu_notifier_range range;

	if (flags & TTU_SPLIT_HUGE_PMD)
		split_huge_pmd_address(vma, address, false, folio);

	range.end = vma_address_end(&pvmw);
	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, vma->vm_mm,
				address, range.end);
	mmu_notifier_invalidate_range_start(&range);

	while (page_vma_mapped_walk(&pvmw)) {
		if (should_defer_flush(mm, flags)) {
			pteval = ptep_get_and_clear(mm, address, pvmw.pte);
			set_tlb_ubc_flush_pending(mm, pte_dirty(pteval));
		} else {
			pteval = ptep_clear_flush(vma, address, pvmw.pte);
		}
		if (pte_soft_dirty(pteval))
			swp_pte = pte_swp_mksoft_dirty(swp_pte);
		set_pte_at(mm, address, pvmw.pte, swp_pte);
	}

	mmu_notifier_invalidate_range_end(&range);

	return ret;
}

/* mm/hugetlb.c: CLEAR, shared page tables undone */
static void hugetlb_unshare_pmds(struct vm_area_struct *vma,
				 unsigned long start,
				 unsigned long end,
				 bool take_locks)
{
	struct mm_struct *mm = vma->vm_mm;
	struct mmu_notifier_range range;
	struct mmu_gather tlb;

	tlb_gather_mmu_vma(&tlb, vma);
	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, mm, start,
				end);
	mmu_notifier_invalidate_range_start(&range);
	for (address = start; address < end; address += PUD_SIZE) {
		ptl = huge_pte_lock(h, mm, ptep);
		__huge_pmd_unshare(&tlb, vma, address, ptep, take_locks);
		spin_unlock(ptl);
	}
	huge_pmd_unshare_flush(&tlb, vma);
	mmu_notifier_invalidate_range_end(&range);
	tlb_finish_mmu(&tlb);
}

/* mm/migrate_device.c: CLEAR (MIGRATE and the owner come at step 09) */
static void migrate_vma_collect(struct migrate_vma *migrate)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, migrate->vma,
				migrate->vma->vm_mm, migrate->start,
				migrate->end);
	mmu_notifier_invalidate_range_start(&range);
	walk_page_range(migrate->vma->vm_mm, migrate->start, migrate->end,
			&migrate_vma_walk_ops, migrate);
	mmu_notifier_invalidate_range_end(&range);

	migrate->end = migrate->start + (migrate->npages << PAGE_SHIFT);
}

static void __migrate_device_pages(unsigned long *src_pfns,
				unsigned long *dst_pfns, unsigned long npages,
				struct migrate_vma *migrate)
{
	struct mmu_notifier_range range;
	unsigned long i;
	bool notified = false;

	for (i = 0; i < npages; i++) {
		if (!page) {
			if (!notified) {
				notified = true;

				mmu_notifier_range_init(&range,
							MMU_NOTIFY_UNMAP, 0,
							migrate->vma,
							migrate->vma->vm_mm,
							addr, migrate->end);
				mmu_notifier_invalidate_range_start(&range);
			}
			migrate_vma_insert_page(migrate, addr, newpage,
						&src_pfns[i]);
			continue;
		}
	}

	if (notified)
		mmu_notifier_invalidate_range_end(&range);
}

/* mm/memory.c: CLEAR (EXCLUSIVE comes at step 09) */
static vm_fault_t remove_device_exclusive_entry(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, vma->vm_mm,
				vmf->address & PAGE_MASK,
				(vmf->address & PAGE_MASK) + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);

	vmf->pte = pte_offset_map_lock(vma->vm_mm, vmf->pmd, vmf->address,
				&vmf->ptl);
	if (likely(pte_same(*vmf->pte, vmf->orig_pte)))
		restore_exclusive_pte(vma, vmf->page, vmf->address, vmf->pte);

	pte_unmap_unlock(vmf->pte, vmf->ptl);
	mmu_notifier_invalidate_range_end(&range);
	return 0;
}
