/// Backport: keep whether an mmu_notifier_range may block in the pre-v5.2
/// "bool blockable" field instead of the MMU_NOTIFIER_RANGE_BLOCKABLE bit
/// of range->flags, and read it directly instead of through
/// mmu_notifier_range_blockable().
///
// Confidence: High (every form the flag is used in upstream is covered;
// anything else is left for spatch/check to report).
// Copyright: (C) 2026 The mmu_notifier contextual information project. GPL-2.0
// Options: --include-headers
// Search: mmu_notifier_range_blockable|MMU_NOTIFIER_RANGE_BLOCKABLE|mmu_notifier_range
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

// The flags word read as a value, not tested (v5.10's KVM passes
// range->flags on to kvm_unmap_hva_range()). MMU_NOTIFIER_RANGE_BLOCKABLE
// is bit 0 and the only flag any tree with the contextual API defines, so
// the word's value is the blockable bool's value: 1 when it may block.
@flags_value depends on patch@
{struct mmu_notifier_range *, const struct mmu_notifier_range *} R;
@@
- R->flags
+ R->blockable

// Where such a word is tested later it holds the bool now, and the bit
// has no name in the pre-v5.2 API: the test is the word itself.
@depends on patch@
expression E;
@@
(
- (E & MMU_NOTIFIER_RANGE_BLOCKABLE)
+ E
|
- E & MMU_NOTIFIER_RANGE_BLOCKABLE
+ E
)
