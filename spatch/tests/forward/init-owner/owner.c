static void collect(struct migrate_vma *migrate)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, migrate->vma,
				migrate->vma->vm_mm, migrate->start, migrate->end);
}

struct make_exclusive_args {
	struct mm_struct *mm;
	unsigned long address;
	void *owner;
	bool valid;
};

static bool exclusive_one(struct folio *folio, struct vm_area_struct *vma,
			  unsigned long address, void *priv)
{
	struct make_exclusive_args *args = priv;
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, vma->vm_mm,
				address, address + PAGE_SIZE);
	entry = make_writable_device_exclusive_entry(page_to_pfn(subpage));
	return true;
}

static vm_fault_t restore(struct vm_fault *vmf)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vmf->vma,
				vmf->vma->vm_mm, vmf->address, vmf->address + PAGE_SIZE);
	mmu_notifier_invalidate_range_start(&range);
	if (same)
		restore_exclusive_pte(vmf->vma, vmf->page, vmf->address, vmf->pte);
	return 0;
}

/* Nothing ties this one to an owner. */
static void plain(struct vm_area_struct *vma)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, MMU_NOTIFY_CLEAR, 0, vma, vma->vm_mm,
				vma->vm_start, vma->vm_end);
}
