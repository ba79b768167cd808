/// Backport: keep whether an mmu_notifier_range may block in the pre-v5.2
/// "bool blockable" field instead of the MMU_NOTIFIER_RANGE_BLOCKABLE bit
/// of range->flags, and read it directly instead of through
/// mmu_notifier_range_blockable().
///
// Confidence: High (every form the flag is used in upstream is covered;
// anything else is left for spatch/check to report).
// Copyright: (C) 2026 The mmu_notifier contextual information project. GPL-2.0
// Options: --include-headers
// Search: mmu_notifier_range_blockable|MMU_NOTIFIER_RANGE_BLOCKABLE
// Keywords: mmu_notifier_range, blockable, backport

virtual patch

@depends on patch@
expression R;
@@
- mmu_notifier_range_blockable(R)
+ R->blockable

@depends on patch@
expression R;
@@
- R->flags |= MMU_NOTIFIER_RANGE_BLOCKABLE
+ R->blockable = true

@depends on patch@
expression R;
@@
- R->flags &= ~MMU_NOTIFIER_RANGE_BLOCKABLE
+ R->blockable = false

@depends on patch@
identifier r;
@@
struct mmu_notifier_range r = {
- .flags = MMU_NOTIFIER_RANGE_BLOCKABLE,
+ .blockable = true,
};

// Beyond the forms upstream uses: the bit tested or written by hand.
@depends on patch@
{struct mmu_notifier_range *, const struct mmu_notifier_range *} R;
@@
(
- (R->flags & MMU_NOTIFIER_RANGE_BLOCKABLE)
+ R->blockable
|
- R->flags & MMU_NOTIFIER_RANGE_BLOCKABLE
+ R->blockable
)

@depends on patch@
struct mmu_notifier_range *R;
expression C;
@@
(
- R->flags = MMU_NOTIFIER_RANGE_BLOCKABLE
+ R->blockable = true
|
- R->flags = 0
+ R->blockable = false
|
- R->flags = C ? MMU_NOTIFIER_RANGE_BLOCKABLE : 0
+ R->blockable = C
)

@depends on patch@
identifier r;
@@
struct mmu_notifier_range r = {
- .flags = 0,
+ .blockable = false,
};
