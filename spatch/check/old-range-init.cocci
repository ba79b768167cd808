/// Find mmu_notifier_range_init() calls in the pre-v5.2 four-argument form
/// (range, mm, start, end): they give no event, flags or vma, and do not
/// build against the contextual API. spatch/forward/init-add-context.cocci
/// converts them.
///
// Confidence: High
// Copyright: (C) 2026 The mmu_notifier contextual information project. GPL-2.0
// Options: --no-includes --include-headers
// Search: mmu_notifier_range_init
// Keywords: mmu_notifier_range_init

virtual context
virtual org
virtual report

@ctx depends on context@
expression R, M, S, E;
@@
* mmu_notifier_range_init(R, M, S, E)

@r depends on org || report@
expression R, M, S, E;
position p;
@@
mmu_notifier_range_init@p(R, M, S, E)

@script:python depends on org@
p << r.p;
@@
for q in p:
	coccilib.org.print_todo(q, "old-form mmu_notifier_range_init(): no event, flags or vma")

@script:python depends on report@
p << r.p;
@@
for q in p:
	coccilib.report.print_report(q, "old-form mmu_notifier_range_init(): no event, flags or vma")
