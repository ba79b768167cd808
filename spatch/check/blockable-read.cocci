/// Find code that reads whether an mmu_notifier_range may block without
/// mmu_notifier_range_blockable(): the flag bit tested by hand, or the
/// pre-v5.2 bool field. Only the accessor itself may look at the bit.
///
// Confidence: High (typed: only struct mmu_notifier_range)
// Copyright: (C) 2026 The mmu_notifier contextual information project. GPL-2.0
// Options: --include-headers
// Search: MMU_NOTIFIER_RANGE_BLOCKABLE|blockable
// Keywords: mmu_notifier_range_blockable, MMU_NOTIFIER_RANGE_BLOCKABLE

virtual context
virtual org
virtual report

// The accessor is the one place that may test the bit.
@accessor@
position pa;
@@
mmu_notifier_range_blockable(...) { <... MMU_NOTIFIER_RANGE_BLOCKABLE@pa ...> }

@ctx depends on context@
{struct mmu_notifier_range *, const struct mmu_notifier_range *} R;
position pb != accessor.pa;
@@
(
* R->flags & MMU_NOTIFIER_RANGE_BLOCKABLE@pb
|
R->blockable = ...
|
* R->blockable
)

@r depends on org || report@
{struct mmu_notifier_range *, const struct mmu_notifier_range *} R;
{struct mmu_notifier_range, const struct mmu_notifier_range} S;
position p, pb != accessor.pa;
@@
(
R->flags@p & MMU_NOTIFIER_RANGE_BLOCKABLE@pb
|
R->blockable = ...
|
R->blockable@p
|
S.blockable = ...
|
S.blockable@p
)

@script:python depends on org@
p << r.p;
@@
for q in p:
	coccilib.org.print_todo(q, "read the range's blockable state with mmu_notifier_range_blockable()")

@script:python depends on report@
p << r.p;
@@
for q in p:
	coccilib.report.print_report(q, "read the range's blockable state with mmu_notifier_range_blockable()")
