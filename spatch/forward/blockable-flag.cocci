/// Set and clear whether an mmu_notifier_range may block through the
/// MMU_NOTIFIER_RANGE_BLOCKABLE bit of range->flags, which replaces the
/// bool blockable field: assignments become bit operations, designated
/// initialisers set flags.
///
// Confidence: High (typed: only struct mmu_notifier_range)
// Copyright: (C) 2026 The mmu_notifier contextual information project. GPL-2.0
// Options: --include-headers
// Search: blockable
// Keywords: MMU_NOTIFIER_RANGE_BLOCKABLE, blockable

virtual patch

@depends on patch@
struct mmu_notifier_range *R;
@@
(
- R->blockable = true
+ R->flags |= MMU_NOTIFIER_RANGE_BLOCKABLE
|
- R->blockable = false
+ R->flags &= ~MMU_NOTIFIER_RANGE_BLOCKABLE
)

@depends on patch@
identifier r;
@@
struct mmu_notifier_range r = {
- .blockable = true,
+ .flags = MMU_NOTIFIER_RANGE_BLOCKABLE,
};
