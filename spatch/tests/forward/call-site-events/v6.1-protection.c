/*
 * v6.1.176's call sites that change protections (after step 05: every
 * call passes MMU_NOTIFY_UNMAP), shortened to the code the rules read.
 */

/* fs/proc/task_mmu.c: SOFT_DIRTY */
static ssize_t clear_refs_write(struct file *file, const char __user *buf,
				size_t count, loff_t *ppos)
{
	if (mm) {
		struct mmu_notifier_range range;

		if (type == CLEAR_REFS_SOFT_DIRTY) {
			mas_for_each(&mas, vma, ULONG_MAX) {
				if (!(vma->vm_flags & VM_SOFTDIRTY))
					continue;
				vma->vm_flags &= ~VM_SOFTDIRTY;
				vma_set_page_prot(vma);
			}

			inc_tlb_flush_pending(mm);
			mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0,
						NULL, mm, 0, -1UL);
			mmu_notifier_invalidate_range_start(&range);
		}
		walk_page_range(mm, 0, -1, &clear_refs_walk_ops, &cp);
		if (type == CLEAR_REFS_SOFT_DIRTY) {
			mmu_notifier_invalidate_range_end(&range);
			flush_tlb_mm(mm);
			dec_tlb_flush_pending(mm);
		}
	}
	return count;
}

/* mm/mprotect.c: PROTECTION_VMA */
static inline long change_pmd_range(struct mmu_gather *tlb,
		struct vm_area_struct *vma, pud_t *pud, unsigned long addr,
		unsigned long end, pgprot_t newprot, unsigned long cp_flags)
{
	struct mmu_notifier_range range;

	range.start = 0;

	pmd = pmd_offset(pud, addr);
	do {
		next = pmd_addr_end(addr, end);

		/* invoke the mmu notifier if the pmd is populated */
		if (!range.start) {
			mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0,
						vma, vma->vm_mm, addr, end);
			mmu_notifier_invalidate_range_start(&range);
		}

		if (is_swap_pmd(*pmd) || pmd_trans_huge(*pmd) || pmd_devmap(*pmd)) {
			if ((next - addr != HPAGE_PMD_SIZE) ||
			    uffd_wp_protect_file(vma, cp_flags)) {
				__split_huge_pmd(vma, pmd, addr, false, NULL);
			} else {
				ret = change_huge_pmd(tlb, vma, pmd,
						addr, newprot, cp_flags);
			}
		}
		ret = change_pte_range(tlb, vma, pmd, addr, next,
				       newprot, cp_flags);
		pages += ret;
	} while (pmd++, addr = next, addr != end);

	if (range.start)
		mmu_notifier_invalidate_range_end(&range);
	return pages;
}

/* mm/hugetlb.c: PROTECTION_VMA */
long hugetlb_change_protection(struct vm_area_struct *vma,
		unsigned long address, unsigned long end,
		pgprot_t newprot, unsigned long cp_flags)
{
	struct mm_struct *mm = vma->vm_mm;
	struct mmu_notifier_range range;
	struct mmu_gather tlb;

	tlb_gather_mmu_vma(&tlb, vma);
	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, mm, start,
				end);
	adjust_range_if_pmd_sharing_possible(vma, &range.start, &range.end);
	mmu_notifier_invalidate_range_start(&range);
	for (; address < end; address += psize) {
		if (huge_pmd_unshare(&tlb, vma, address, ptep)) {
			pages++;
			continue;
		}
		old_pte = huge_ptep_modify_prot_start(vma, address, ptep);
		pte = huge_pte_modify(old_pte, newprot);
		huge_ptep_modify_prot_commit(vma, address, ptep, old_pte, pte);
	}
	mmu_notifier_invalidate_range_end(&range);
	tlb_finish_mmu(&tlb);
	return pages;
}

/* mm/memory.c: PROTECTION_PAGE */
int
copy_page_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma)
{
	struct mmu_notifier_range range;
	bool is_cow;

	is_cow = is_cow_mapping(src_vma->vm_flags);

	if (is_cow) {
		mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, src_vma,
					src_mm, addr, end);
		mmu_notifier_invalidate_range_start(&range);
		mmap_assert_write_locked(src_mm);
		raw_write_seqcount_begin(&src_mm->write_protect_seq);
	}

	do {
		if (unlikely(copy_p4d_range(dst_vma, src_vma, dst_pgd, src_pgd,
					    addr, next))) {
			ret = -ENOMEM;
			break;
		}
	} while (dst_pgd++, src_pgd++, addr = next, addr != end);

	if (is_cow) {
		raw_write_seqcount_end(&src_mm->write_protect_seq);
		mmu_notifier_invalidate_range_end(&range);
	}
	return ret;
}

/* mm/hugetlb.c: CLEAR, upstream's choice for hugetlb's fork copy */
int copy_hugetlb_page_range(struct mm_struct *dst, struct mm_struct *src,
			    struct vm_area_struct *dst_vma,
			    struct vm_area_struct *src_vma)
{
	bool cow = is_cow_mapping(src_vma->vm_flags);
	struct mmu_notifier_range range;

	if (cow) {
		mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, src_vma,
					src, src_vma->vm_start,
					src_vma->vm_end);
		mmu_notifier_invalidate_range_start(&range);
		raw_write_seqcount_begin(&src->write_protect_seq);
	}

	for (addr = src_vma->vm_start; addr < src_vma->vm_end; addr += sz) {
		if (cow) {
			huge_ptep_set_wrprotect(src, addr, src_pte);
			entry = huge_pte_wrprotect(entry);
		}
		set_huge_pte_at(dst, addr, dst_pte, entry);
	}

	if (cow) {
		raw_write_seqcount_end(&src->write_protect_seq);
		mmu_notifier_invalidate_range_end(&range);
	}
	return ret;
}

/* mm/ksm.c: CLEAR, upstream's choice for KSM (the page is replaced next) */
static int write_protect_page(struct vm_area_struct *vma, struct page *page,
			      pte_t *orig_pte)
{
	struct mm_struct *mm = vma->vm_mm;
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, mm,
				pvmw.address, pvmw.address + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);

	if (pte_write(*pvmw.pte) || pte_dirty(*pvmw.pte)) {
		entry = ptep_clear_flush(vma, pvmw.address, pvmw.pte);
		if (pte_protnone(entry))
			entry = pte_mkclean(pte_clear_savedwrite(entry));
		else
			entry = pte_mkclean(pte_wrprotect(entry));
		set_pte_at_notify(mm, pvmw.address, pvmw.pte, entry);
	}
	*orig_pte = *pvmw.pte;
	mmu_notifier_invalidate_range_end(&range);
	return err;
}

/* mm/rmap.c: PROTECTION_PAGE */
static int page_vma_mkclean_one(struct page_vma_mapped_walk *pvmw)
{
	struct vm_area_struct *vma = pvmw->vma;
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, vma->vm_mm,
				address, vma_address_end(pvmw));
	mmu_notifier_invalidate_range_start(&range);

	while (page_vma_mapped_walk(pvmw)) {
		if (pvmw->pte) {
			entry = ptep_clear_flush(vma, address, pte);
			entry = pte_wrprotect(entry);
			entry = pte_mkclean(entry);
			set_pte_at(vma->vm_mm, address, pte, entry);
		} else {
			entry = pmdp_invalidate(vma, address, pmd);
			entry = pmd_wrprotect(entry);
			entry = pmd_mkclean(entry);
			set_pmd_at(vma->vm_mm, address, pmd, entry);
		}
	}

	mmu_notifier_invalidate_range_end(&range);
	return cleaned;
}

/* mm/mapping_dirty_helpers.c: PROTECTION_PAGE */
static int wp_clean_pte(pte_t *pte, unsigned long addr, unsigned long end,
			struct mm_walk *walk)
{
	struct wp_walk *wpwalk = walk->private;
	pte_t ptent = *pte;

	if (pte_write(ptent)) {
		pte_t old_pte = ptep_modify_prot_start(walk->vma, addr, pte);

		ptent = pte_wrprotect(old_pte);
		ptep_modify_prot_commit(walk->vma, addr, pte, old_pte, ptent);
		wpwalk->total++;
	}

	return 0;
}

static int wp_clean_pre_vma(unsigned long start, unsigned long end,
			    struct mm_walk *walk)
{
	struct wp_walk *wpwalk = walk->private;

	wpwalk->tlbflush_start = end;
	wpwalk->tlbflush_end = start;

	mmu_notifier_range_init(&wpwalk->range, MMU_NOTIFY_UNMAP, 0,
				walk->vma, walk->mm, start, end);
	mmu_notifier_invalidate_range_start(&wpwalk->range);
	flush_cache_range(walk->vma, start, end);
	inc_tlb_flush_pending(walk->mm);

	return 0;
}
