/// Backport: drop the early exits with which an invalidation callback skips
/// ranges that its own driver started (event and owner both match). Without
/// an owner in the range the callback cannot tell, so it handles every
/// invalidation; doing more invalidation than needed is always safe.
///
// Confidence: High
// Copyright: (C) 2026 The mmu_notifier contextual information project. GPL-2.0
// Options: --no-includes
// Search: MMU_NOTIFY_[A-Z]+
// Keywords: mmu_notifier_range, owner, MMU_NOTIFY_MIGRATE, MMU_NOTIFY_EXCLUSIVE

virtual patch

@depends on patch@
expression E, O;
{struct mmu_notifier_range *, const struct mmu_notifier_range *} R;
statement S;
@@
- if (R->event == E && R->owner == O)
-	S
