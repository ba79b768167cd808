/*
 * The !CONFIG_MMU_NOTIFIER stub is a macro definition: spatch leaves it
 * alone (the header patch of step 05 converts it by hand).
 */
#define mmu_notifier_range_init(range, mm, start, end) \
	_mmu_notifier_range_init(range, start, end)

/* Macro arguments are expressions like any other. */
static void split(struct vm_area_struct *vma, unsigned long address)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, vma->vm_mm, address & HPAGE_PMD_MASK,
				(address & HPAGE_PMD_MASK) + HPAGE_PMD_SIZE);
}
