/*
 * Written for the test: device-exclusive code shaped as a single-PTE
 * folio walk whose caller hands the owner down as a void * parameter,
 * and a renamed make_device_exclusive_range() whose arguments travel in
 * a structure of the file. Neither names a path of any tree.
 */
struct grab_request {
	struct mm_struct *mm;
	void *owner;
};

struct page *make_device_exclusive(struct mm_struct *mm, unsigned long addr,
				   void *owner, struct folio **foliop)
{
	struct mmu_notifier_range range;
	struct folio_walk fw;
	swp_entry_t entry;
	pte_t fw_pte;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, NULL, mm, addr,
				addr + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	folio = folio_walk_start(&fw, vma, addr, 0);
	fw_pte = ptep_clear_flush(vma, addr, fw.ptep);
	entry = make_writable_device_exclusive_entry(page_to_pfn(page));
	set_pte_at(mm, addr, fw.ptep, swp_entry_to_pte(entry));
	folio_walk_end(&fw, vma);
	mmu_notifier_invalidate_range_end(&range);
	return page;
}

static bool grab_one_for_device(struct folio *folio, struct vm_area_struct *vma,
				unsigned long address, struct grab_request *req)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, vma->vm_mm,
				address, address + PAGE_SIZE);
	entry = make_readable_device_exclusive_entry(page_to_pfn(page));
	return true;
}

/* Makes device-exclusive entries, but nothing here says for whom. */
static void exclusive_for_nobody(struct vm_area_struct *vma,
				 unsigned long address)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, vma->vm_mm,
				address, address + PAGE_SIZE);
	entry = make_writable_device_exclusive_entry(pfn);
}

/* A migration read through fields other than its vma. */
static void move_to_device(struct migrate_vma *mig, struct mm_struct *mm)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, NULL, mm,
				mig->start, mig->end);
}

/* An owner at hand, but no device-exclusive entry made: left alone. */
static void owner_only(struct vm_area_struct *vma, void *owner)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, vma->vm_mm,
				vma->vm_start, vma->vm_end);
}

/* Written for the test: a migration range in a function that also makes
 * device-exclusive entries: mixed evidence, listed, left alone. */
static void migrate_and_exclusive(struct migrate_vma *mig, void *owner)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, mig->vma,
				mig->vma->vm_mm, mig->start, mig->end);
	entry = make_writable_device_exclusive_entry(pfn);
}
