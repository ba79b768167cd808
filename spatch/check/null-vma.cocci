/// Find mmu_notifier_range_init() and mmu_notifier_range_init_owner()
/// calls that pass no vma although the call itself names one: the mm
/// passed is VMA->vm_mm, or the range starts at VMA->vm_start or ends at
/// VMA->vm_end. Users of the range then cannot read the vma's protection.
///
// Confidence: High (only calls whose own arguments name the vma)
// Copyright: (C) 2026 The mmu_notifier contextual information project. GPL-2.0
// Options: --no-includes
// Search: mmu_notifier_range_init(_owner)?
// Keywords: mmu_notifier_range_init, vma

virtual context
virtual org
virtual report

@ctx depends on context@
expression R, EV, F, S, E, O;
struct vm_area_struct *V;
@@
(
* mmu_notifier_range_init(R, EV, F, NULL, V->vm_mm, S, E)
|
* mmu_notifier_range_init(R, EV, F, NULL, ..., <+... V->vm_start ...+>, E)
|
* mmu_notifier_range_init(R, EV, F, NULL, ..., <+... V->vm_end ...+>)
|
* mmu_notifier_range_init_owner(R, EV, F, NULL, V->vm_mm, S, E, O)
)

@r depends on org || report@
expression R, EV, F, S, E, O;
struct vm_area_struct *V;
position p;
@@
(
mmu_notifier_range_init@p(R, EV, F, NULL, V->vm_mm, S, E)
|
mmu_notifier_range_init@p(R, EV, F, NULL, ..., <+... V->vm_start ...+>, E)
|
mmu_notifier_range_init@p(R, EV, F, NULL, ..., <+... V->vm_end ...+>)
|
mmu_notifier_range_init_owner@p(R, EV, F, NULL, V->vm_mm, S, E, O)
)

@script:python depends on org@
p << r.p;
@@
for q in p:
	coccilib.org.print_todo(q, "NULL vma although the call names one")

@script:python depends on report@
p << r.p;
@@
for q in p:
	coccilib.report.print_report(q, "NULL vma although the call names one")
