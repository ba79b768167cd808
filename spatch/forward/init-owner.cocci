/// Pass the owner with the invalidations a driver can have caused itself,
/// with the event that says so, using mmu_notifier_range_init_owner().
/// What decides is what the code does and what it has at hand, whatever
/// the function is called and however it walks the page table:
///
///  - migration: a range whose arguments read a struct migrate_vma (device
///    private migration replaces its entries by migration entries) gets
///    MMU_NOTIFY_MIGRATE and that migration's pgmap_owner;
///  - making entries device-exclusive: a range in a function that makes
///    device-exclusive entries (make_*device_exclusive_entry()) gets
///    MMU_NOTIFY_EXCLUSIVE and the owner the function has at hand: a
///    void * parameter named for an owner, or else a local or parameter
///    that points to a structure of the same file with a void * member
///    named for an owner (make_device_exclusive_range()'s arguments);
///  - the CPU taking such a page back: a range followed by
///    restore_exclusive_pte() gets MMU_NOTIFY_EXCLUSIVE and no owner (the
///    CPU, not a driver, asks).
///
/// A range with the evidence of both a migration and device-exclusive
/// entries (mixed evidence), and one in a function that makes
/// device-exclusive entries with no owner at hand, keep their event and
/// are listed on stdout ("FILE:LINE: FUNCTION(): ..., listed: ..."); each
/// call given an owner is written as "decided: ...".
/// Facts are keyed by file and function, so one file at a time, a list of
/// files and --dir give the same result.
///
// Confidence: High: each case keys on the entries the code makes or the
// structure it migrates, and on an owner of its own; without an owner at
// hand the call is listed, not guessed.
// Copyright: (C) 2026 The mmu_notifier contextual information project. GPL-2.0
// Options: --no-includes
// Search: migrate_vma|make_[a-z_]*device_exclusive_entry|restore_exclusive_pte
// Keywords: mmu_notifier_range_init_owner, MMU_NOTIFY_MIGRATE, MMU_NOTIFY_EXCLUSIVE

virtual patch
virtual report

@initialize:python@
@@
# (file, function) -> the owner expression at hand, by preference.
owner_param = {}
owner_pointer = {}
# (file, structure) -> its owner member.
owner_member = {}
# (file, function) of the functions that make device-exclusive entries.
makes_exclusive = set()
# (file, line) of the calls with the evidence of both (listed, left alone).
mixed = set()


def fn_key(p):
    return (p[0].file, p[0].current_element)


def where(p):
    return "%s:%s: %s()" % (p[0].file, p[0].line, p[0].current_element)

// Functions that make device-exclusive entries.
@exclusive_maker@
identifier mk =~ "^make_[a-z_]*device_exclusive_entry$";
position q;
@@
mk@q(...)

@script:python@
q << exclusive_maker.q;
@@
makes_exclusive.add(fn_key(q))

// 1. Migration.
@migrate@
struct migrate_vma *MIG;
identifier fld;
expression R, EV;
position p;
@@
mmu_notifier_range_init@p(R, EV, ..., <+... MIG->fld ...+>, ...)

@script:python migrate_ok@
p << migrate.p;
MIG << migrate.MIG;
EV << migrate.EV;
@@
if fn_key(p) in makes_exclusive:
    mixed.add((p[0].file, p[0].line))
    print("%s: %s, listed: mixed evidence: a migrate_vma range in a function that also makes device-exclusive entries" % (where(p), EV))
    cocci.include_match(False)
else:
    print("decided: %s: MMU_NOTIFY_MIGRATE with %s->pgmap_owner by migrate_vma" % (where(p), MIG))

@depends on patch && migrate_ok@
struct migrate_vma *migrate.MIG;
expression R, EV, F, V, M, S, E;
position migrate.p;
@@
- mmu_notifier_range_init@p(R, EV, F, V, M, S, E)
+ mmu_notifier_range_init_owner(R, MMU_NOTIFY_MIGRATE, F, V, M, S, E,
+				MIG->pgmap_owner)

// 2. Device-exclusive entries, and the owner at hand.
@owner_struct@
identifier S, O =~ "owner";
position q;
@@
struct S@q { ... void *O; ... };

@script:python@
S << owner_struct.S;
O << owner_struct.O;
q << owner_struct.q;
@@
owner_member.setdefault((q[0].file, S), O)

@void_owner@
identifier fn, O =~ "owner";
position q;
@@
fn@q(..., void *O, ...) { ... }

@script:python@
O << void_owner.O;
q << void_owner.q;
@@
owner_param.setdefault(fn_key(q), O)

@owner_ptr@
identifier S, A;
position q;
@@
(
struct S *A@q = ...;
|
struct S *A@q;
)

@script:python@
S << owner_ptr.S;
A << owner_ptr.A;
q << owner_ptr.q;
@@
if (q[0].file, S) in owner_member:
    owner_pointer.setdefault(fn_key(q), "%s->%s" % (A, owner_member[(q[0].file, S)]))

@owner_ptr_param@
identifier fn, S, A;
position q;
@@
fn@q(..., struct S *A, ...) { ... }

@script:python@
S << owner_ptr_param.S;
A << owner_ptr_param.A;
q << owner_ptr_param.q;
@@
if (q[0].file, S) in owner_member:
    owner_pointer.setdefault(fn_key(q), "%s->%s" % (A, owner_member[(q[0].file, S)]))

@exclusive_site@
expression R, EV, F, V, M, S, E;
position p;
@@
mmu_notifier_range_init@p(R, EV, F, V, M, S, E)

@script:python exclusive_owner@
p << exclusive_site.p;
EV << exclusive_site.EV;
own;
@@
key = fn_key(p)
found = owner_param.get(key) or owner_pointer.get(key)
if key not in makes_exclusive or (p[0].file, p[0].line) in mixed:
    cocci.include_match(False)
elif found is None:
    print("%s: %s, listed: makes device-exclusive entries but has no owner at hand" % (where(p), EV))
    cocci.include_match(False)
else:
    print("decided: %s: MMU_NOTIFY_EXCLUSIVE with %s by exclusive_owner" % (where(p), found))
    coccinelle.own = cocci.make_expr(found)

@depends on patch@
expression exclusive_site.R, exclusive_site.EV, exclusive_site.F, exclusive_site.V;
expression exclusive_site.M, exclusive_site.S, exclusive_site.E;
position exclusive_site.p;
expression exclusive_owner.own;
@@
- mmu_notifier_range_init@p(R, EV, F, V, M, S, E)
+ mmu_notifier_range_init_owner(R, MMU_NOTIFY_EXCLUSIVE, F, V, M, S, E,
+				own)

// 3. The CPU takes a device-exclusive page back.
@restore exists@
expression R, EV, F, V, M, S, E;
position p;
@@
mmu_notifier_range_init@p(R, EV, F, V, M, S, E)
... when any
restore_exclusive_pte(...)

@script:python@
p << restore.p;
@@
print("decided: %s: MMU_NOTIFY_EXCLUSIVE with no owner by exclusive_restore" % where(p))

@depends on patch@
expression restore.R, restore.EV, restore.F, restore.V, restore.M;
expression restore.S, restore.E;
position restore.p;
@@
- mmu_notifier_range_init@p(R, EV, F, V, M, S, E)
+ mmu_notifier_range_init_owner(R, MMU_NOTIFY_EXCLUSIVE, F, V, M, S, E, NULL)
