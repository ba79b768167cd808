/// Backport: remove mmu_notifier_range_update_to_read_only(), which needs
/// the event and the vma of the range; the pre-v5.2 API has neither.
///
// Confidence: High (it has no caller in the tree; spatch/check reports
// any caller left in out-of-tree code).
// Copyright: (C) 2026 The mmu_notifier contextual information project. GPL-2.0
// Options: --no-includes
// Search: mmu_notifier_range_update_to_read_only
// Keywords: mmu_notifier_range_update_to_read_only, backport

virtual patch

@depends on patch@
typedef bool;
@@
- bool mmu_notifier_range_update_to_read_only(...) { ... }

@depends on patch@
identifier f = mmu_notifier_range_update_to_read_only;
declarer name EXPORT_SYMBOL_GPL;
@@
- EXPORT_SYMBOL_GPL(f);
