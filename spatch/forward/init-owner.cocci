/// Pass the owner with the invalidations a driver can have caused itself,
/// with the event that says so, using mmu_notifier_range_init_owner():
///
///  - device private migration: a range over MIG->vma of a struct
///    migrate_vma gets MMU_NOTIFY_MIGRATE and MIG->pgmap_owner;
///  - a page made exclusive to a device: a range in a function that holds
///    the struct make_exclusive_args A of make_device_exclusive_range() gets
///    MMU_NOTIFY_EXCLUSIVE and A->owner;
///  - the CPU taking such a page back: a range followed by
///    restore_exclusive_pte() gets MMU_NOTIFY_EXCLUSIVE and no owner.
///
// Confidence: High (each rule keys on the data structure or helper that
// only that path uses)
// Copyright: (C) 2026 The mmu_notifier contextual information project. GPL-2.0
// Options: --no-includes
// Search: migrate_vma|make_exclusive_args|restore_exclusive_pte
// Keywords: mmu_notifier_range_init_owner, MMU_NOTIFY_MIGRATE, MMU_NOTIFY_EXCLUSIVE

virtual patch

@depends on patch@
struct migrate_vma *MIG;
expression R, EV, F, M, S, E;
@@
- mmu_notifier_range_init(R, EV, F, MIG->vma, M, S, E)
+ mmu_notifier_range_init_owner(R, MMU_NOTIFY_MIGRATE, F, MIG->vma, M, S, E,
+				MIG->pgmap_owner)

@exclusive exists@
identifier fn, A;
expression R, EV, F, V, M, S, E, P;
position p;
@@
fn(...) {
... when any
struct make_exclusive_args *A = P;
... when any
mmu_notifier_range_init@p(R, EV, F, V, M, S, E)
... when any
}

@depends on patch@
identifier exclusive.A;
expression exclusive.R, exclusive.EV, exclusive.F, exclusive.V, exclusive.M;
expression exclusive.S, exclusive.E;
position exclusive.p;
@@
- mmu_notifier_range_init@p(R, EV, F, V, M, S, E)
+ mmu_notifier_range_init_owner(R, MMU_NOTIFY_EXCLUSIVE, F, V, M, S, E,
+				A->owner)

@restore exists@
expression R, EV, F, V, M, S, E;
position p;
@@
mmu_notifier_range_init@p(R, EV, F, V, M, S, E)
... when any
restore_exclusive_pte(...)

@depends on patch@
expression restore.R, restore.EV, restore.F, restore.V, restore.M;
expression restore.S, restore.E;
position restore.p;
@@
- mmu_notifier_range_init@p(R, EV, F, V, M, S, E)
+ mmu_notifier_range_init_owner(R, MMU_NOTIFY_EXCLUSIVE, F, V, M, S, E, NULL)
