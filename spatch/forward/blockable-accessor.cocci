/// Read whether an mmu_notifier_range may block through
/// mmu_notifier_range_blockable() instead of the field, so that the field
/// can later become a bit of range->flags without touching the readers.
/// Writers (assignments and initialisers) and the address of the field
/// (which has no accessor form: reported by check/blockable-read.cocci)
/// are left alone; so is the body of the accessor itself.
///
// Confidence: High (typed: only struct mmu_notifier_range pointers)
// Copyright: (C) 2026 The mmu_notifier contextual information project. GPL-2.0
// Options: --include-headers
// Search: blockable
// Keywords: mmu_notifier_range_blockable, blockable

virtual patch

@depends on patch@
identifier fn != mmu_notifier_range_blockable;
{struct mmu_notifier_range *, const struct mmu_notifier_range *} R;
@@
fn(...)
{
<...
(
R->blockable = ...
|
 &R->blockable
|
- R->blockable
+ mmu_notifier_range_blockable(R)
)
...>
}

// The same for a range that is not reached through a pointer (module code;
// the tree has none).
@depends on patch@
identifier fn != mmu_notifier_range_blockable;
struct mmu_notifier_range S;
@@
fn(...)
{
<...
(
S.blockable = ...
|
 &S.blockable
|
- S.blockable
+ mmu_notifier_range_blockable(&S)
)
...>
}
