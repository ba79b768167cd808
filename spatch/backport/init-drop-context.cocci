/// Backport: initialise an mmu_notifier_range with the pre-v5.2
/// mmu_notifier_range_init(range, mm, start, end): the event, flags and
/// vma arguments are dropped, and mmu_notifier_range_init_owner() callers
/// lose the owner too. Designated initialisers lose the same fields. Every
/// form a packaged tag has: v5.10's init_migrate, v6.1's seven-argument
/// init, v6.3's six-argument init without the vma.
///
// Confidence: High (the old API cannot carry these values; the call sites'
// own code is untouched, so the forward patches can infer them again).
// Copyright: (C) 2026 The mmu_notifier contextual information project. GPL-2.0
// Options: --include-headers
// Search: mmu_notifier_range_init(_owner|_migrate)?|MMU_NOTIFY_[A-Z]+|mmu_notifier_range
// Keywords: mmu_notifier_range_init, mmu_notifier_range_init_owner, backport

virtual patch

@depends on patch@
expression R, E, F, V, M, S, End;
@@
- mmu_notifier_range_init(R, E, F, V, M, S, End)
+ mmu_notifier_range_init(R, M, S, End)

// Renamed and trimmed in place rather than re-printed: re-printing a call
// whose name gets shorter realigns its arguments with spaces.
@depends on patch@
expression R, E, F, V, M, S, End, O;
@@
- mmu_notifier_range_init_owner
+ mmu_notifier_range_init
  (R,
- E, F, V,
  M, S, End
- , O
  )

@depends on patch@
identifier r;
expression E;
@@
struct mmu_notifier_range r = {
- .event = E,
};

// v5.10 to v5.13 named the owner migrate_pgmap_owner and had an init
// helper for it.
@depends on patch@
expression R, F, V, M, S, End, O;
@@
- mmu_notifier_range_init_migrate(R, F, V, M, S, End, O)
+ mmu_notifier_range_init(R, M, S, End)

// v6.3 and later have no vma: init takes six arguments, init_owner seven.
// The arity tells the forms apart (v6.1's plain init has seven too, but
// under the other name).
@depends on patch@
expression R, E, F, M, S, End;
@@
- mmu_notifier_range_init(R, E, F, M, S, End)
+ mmu_notifier_range_init(R, M, S, End)

@depends on patch@
expression R, E, F, M, S, End, O;
@@
- mmu_notifier_range_init_owner
+ mmu_notifier_range_init
  (R,
- E, F,
  M, S, End
- , O
  )

@depends on patch@
identifier r;
identifier fld = {vma, owner, migrate_pgmap_owner};
expression E;
@@
struct mmu_notifier_range r = {
- .fld = E,
};
