/* 1. the whole address space, although a vma is in scope */
static void whole(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	struct mmu_notifier_range range;

	for_each_vma(vmi, vma)
		clear(vma);
	mmu_notifier_range_init(&range, mm, 0, -1UL);
}

/* 2. the mm is the vma's */
static void mm_of(struct vm_area_struct *dst, struct vm_area_struct *src)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, src->vm_mm, a, b);
}

/* 3. the mm is a local set from a vma's */
static void local(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mm_struct *mm = vma->vm_mm;
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, mm, a, b);
}

/* 4. a page walk */
static int pre_vma(unsigned long start, unsigned long end, struct mm_walk *walk)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, walk->mm, start, end);
	return 0;
}

/* 5. the bounds are a vma's */
static void bounds(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	struct mmu_notifier_range range;

	for_each_vma(vmi, vma)
		mmu_notifier_range_init(&range, mm, vma->vm_start, vma->vm_end);
}

/* 6. the only vma parameter */
static void lone(struct mm_struct *mm, struct vm_area_struct *vma,
		 unsigned long addr)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, mm, addr, addr + PAGE_SIZE);
}

/* 7. two vma parameters and nothing else to go by: NULL */
static void two(struct mm_struct *mm, struct vm_area_struct *a,
		struct vm_area_struct *b, unsigned long addr)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, mm, addr, addr + PAGE_SIZE);
}

/* 7. a vma looked up locally is not taken: NULL */
static void lookup(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = vma_lookup(mm, addr);
	struct mmu_notifier_range range;

	mmu_notifier_range_init(&range, mm, addr, addr + PAGE_SIZE);
}
