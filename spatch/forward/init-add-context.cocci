/// Give every mmu_notifier_range_init() call the event, flags and vma
/// arguments of the contextual API: MMU_NOTIFY_UNMAP (always safe: a user
/// must assume the range is gone), no flags, and the vma the range belongs
/// to, inferred from the code around the call, first match wins:
///
///  1. a range over the whole address space (0 to -1UL or ULONG_MAX)
///     belongs to no single vma: NULL;
///  2. the mm passed is VMA->vm_mm: VMA;
///  3. the mm passed is a local set from VMA->vm_mm: VMA;
///  4. the mm passed is WALK->mm of a struct mm_walk: WALK->vma;
///  5. the start or end passed reads VMA->vm_start or VMA->vm_end: VMA;
///  6. the function has exactly one struct vm_area_struct * parameter;
///  7. otherwise NULL: nothing in the code ties a vma to the range.
///
/// A vma that is merely in scope (a loop cursor, a local looked up from the
/// address) is not taken: it need not be the one the range belongs to.
///
// Confidence: High for the arguments' form; the vma is only as good as the
// rules above (scripts/answer-key compares it with upstream).
// Copyright: (C) 2026 The mmu_notifier contextual information project. GPL-2.0
// Options: --no-includes --include-headers
// Search: mmu_notifier_range_init
// Keywords: mmu_notifier_range_init, MMU_NOTIFY_UNMAP, vma

virtual patch

// 1. The whole address space.
@depends on patch@
expression R, M;
@@
(
- mmu_notifier_range_init(R, M, 0, -1UL)
+ mmu_notifier_range_init(R, MMU_NOTIFY_UNMAP, 0, NULL, M, 0, -1UL)
|
- mmu_notifier_range_init(R, M, 0, ULONG_MAX)
+ mmu_notifier_range_init(R, MMU_NOTIFY_UNMAP, 0, NULL, M, 0, ULONG_MAX)
)

// 2. The mm is the vma's.
@depends on patch@
expression R, V, S, E;
@@
- mmu_notifier_range_init(R, V->vm_mm, S, E)
+ mmu_notifier_range_init(R, MMU_NOTIFY_UNMAP, 0, V, V->vm_mm, S, E)

// 3. The mm is a local set from a vma's.
@local_mm exists@
identifier fn, M;
expression V, R, S, E;
position p;
@@
fn(...) {
... when any
(
struct mm_struct *M = V->vm_mm;
|
M = V->vm_mm
)
... when any
mmu_notifier_range_init@p(R, M, S, E)
... when any
}

@depends on patch@
identifier local_mm.M;
expression local_mm.V, local_mm.R, local_mm.S, local_mm.E;
position local_mm.p;
@@
- mmu_notifier_range_init@p(R, M, S, E)
+ mmu_notifier_range_init(R, MMU_NOTIFY_UNMAP, 0, V, M, S, E)

// 4. A page walk's mm: its current vma.
@depends on patch@
struct mm_walk *W;
expression R, S, E;
@@
- mmu_notifier_range_init(R, W->mm, S, E)
+ mmu_notifier_range_init(R, MMU_NOTIFY_UNMAP, 0, W->vma, W->mm, S, E)

// 5. The range's bounds are a vma's.
@bounds@
struct vm_area_struct *V;
expression R, M, E;
position p;
@@
(
mmu_notifier_range_init@p(R, M, <+... V->vm_start ...+>, E)
|
mmu_notifier_range_init@p(R, M, E, <+... V->vm_end ...+>)
)

@depends on patch@
struct vm_area_struct *bounds.V;
expression R, M, S, E;
position bounds.p;
@@
- mmu_notifier_range_init@p(R, M, S, E)
+ mmu_notifier_range_init(R, MMU_NOTIFY_UNMAP, 0, V, M, S, E)

// 6. The function's only vma parameter.
@two_vmas@
identifier fn, V1, V2;
position p;
@@
fn@p(..., struct vm_area_struct *V1, ..., struct vm_area_struct *V2, ...) { ... }

@depends on patch@
identifier fn, V;
position p != two_vmas.p;
expression R, M, S, E;
@@
fn@p(..., struct vm_area_struct *V, ...) {
<...
- mmu_notifier_range_init(R, M, S, E)
+ mmu_notifier_range_init(R, MMU_NOTIFY_UNMAP, 0, V, M, S, E)
...>
}

// 7. No vma.
@depends on patch@
expression R, M, S, E;
@@
- mmu_notifier_range_init(R, M, S, E)
+ mmu_notifier_range_init(R, MMU_NOTIFY_UNMAP, 0, NULL, M, S, E)
