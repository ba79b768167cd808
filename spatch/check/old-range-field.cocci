/// Find writes of the pre-v5.2 blockable bool of an mmu_notifier_range:
/// assignments to range->blockable and designated initialisers that name
/// .blockable. The contextual API keeps the state in the
/// MMU_NOTIFIER_RANGE_BLOCKABLE bit of range->flags
/// (spatch/forward/blockable-flag.cocci converts them); reads are
/// blockable-read.cocci's.
///
// Confidence: High (typed: only struct mmu_notifier_range)
// Copyright: (C) 2026 The mmu_notifier contextual information project. GPL-2.0
// Options: --include-headers
// Search: blockable
// Keywords: mmu_notifier_range, blockable, MMU_NOTIFIER_RANGE_BLOCKABLE

virtual context
virtual org
virtual report

@ctx depends on context@
struct mmu_notifier_range *R;
struct mmu_notifier_range S;
expression E;
@@
(
* R->blockable = E
|
* S.blockable = E
)

@ctx_init depends on context@
identifier r;
expression E;
@@
* struct mmu_notifier_range r = { ..., .blockable = E, ... };

@w depends on org || report@
struct mmu_notifier_range *R;
struct mmu_notifier_range S;
expression E;
position p;
@@
(
R->blockable@p = E
|
S.blockable@p = E
)

@d depends on org || report@
identifier r;
expression E;
position p;
@@
struct mmu_notifier_range r@p = { ..., .blockable = E, ... };

@script:python depends on org@
p << w.p;
@@
coccilib.org.print_todo(p[0], "write of the pre-v5.2 blockable field: set or clear MMU_NOTIFIER_RANGE_BLOCKABLE in range->flags")

@script:python depends on report@
p << w.p;
@@
coccilib.report.print_report(p[0], "write of the pre-v5.2 blockable field: set or clear MMU_NOTIFIER_RANGE_BLOCKABLE in range->flags")

@script:python depends on org@
p << d.p;
@@
coccilib.org.print_todo(p[0], "initialises the pre-v5.2 blockable field: use .flags")

@script:python depends on report@
p << d.p;
@@
coccilib.report.print_report(p[0], "initialises the pre-v5.2 blockable field: use .flags")
