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

// Beyond the forms the tree uses (module code): a range that is not
// reached through a pointer, a value that is not a constant, and
// initialisers that say the same.
@depends on patch@
struct mmu_notifier_range S;
@@
(
- S.blockable = true
+ S.flags |= MMU_NOTIFIER_RANGE_BLOCKABLE
|
- S.blockable = false
+ S.flags &= ~MMU_NOTIFIER_RANGE_BLOCKABLE
)

@depends on patch@
struct mmu_notifier_range *R;
struct mmu_notifier_range S;
expression E;
@@
(
- R->blockable = E;
+ if (E)
+	R->flags |= MMU_NOTIFIER_RANGE_BLOCKABLE;
+ else
+	R->flags &= ~MMU_NOTIFIER_RANGE_BLOCKABLE;
|
- S.blockable = E;
+ if (E)
+	S.flags |= MMU_NOTIFIER_RANGE_BLOCKABLE;
+ else
+	S.flags &= ~MMU_NOTIFIER_RANGE_BLOCKABLE;
)

@depends on patch@
identifier r;
@@
struct mmu_notifier_range r = {
- .blockable = false,
+ .flags = 0,
};

@bool_init depends on patch@
identifier r;
expression E;
@@
struct mmu_notifier_range r = { ..., .blockable = E, ... };

@script:python bool_init_flags@
E << bool_init.E;
NE;
@@
import re
value = re.sub(r"([!~]) +", r"\1", E)
coccinelle.NE = cocci.make_ident("%s ? MMU_NOTIFIER_RANGE_BLOCKABLE : 0" % value)

@depends on patch@
identifier bool_init.r;
expression bool_init.E;
identifier bool_init_flags.NE;
@@
struct mmu_notifier_range r = {
- .blockable = E,
+ .flags = NE,
};
