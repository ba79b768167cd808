/// Say the event of an mmu_notifier_range that a designated initialiser
/// builds from mm, start and end only: MMU_NOTIFY_UNMAP, what
/// init-add-context.cocci gives the calls of the pre-v5.2
/// mmu_notifier_range_init(). The value is the one the field gets anyway
/// (UNMAP is 0, and so are the flags, as the old bool was false); written
/// out, it tells the reader what the code claims. Initialisers that name
/// any field of the contextual API, or the old blockable field, are left
/// to the other rules.
///
// Confidence: High (typed: only struct mmu_notifier_range; the meaning
// does not change). The tree has no such initialiser: the series does not
// run this rule; scripts/forward does, on module sources.
// Copyright: (C) 2026 The mmu_notifier contextual information project. GPL-2.0
// Options: --include-headers
// Search: mmu_notifier_range
// Keywords: mmu_notifier_range, designated initialiser, MMU_NOTIFY_UNMAP

virtual patch

@named depends on patch@
identifier r;
identifier fld = {event, flags, blockable, vma, owner, migrate_pgmap_owner};
expression E;
position p;
@@
struct mmu_notifier_range r@p = { ..., .fld = E, ... };

@depends on patch@
identifier r;
expression M;
position p != named.p;
@@
struct mmu_notifier_range r@p = { ...,
+ .event = MMU_NOTIFY_UNMAP,
  .mm = M,
  ... };
