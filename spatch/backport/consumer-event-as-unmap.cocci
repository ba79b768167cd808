/// Backport: a callback that branches on range->event treats every
/// invalidation as MMU_NOTIFY_UNMAP, what drivers had to assume before the
/// range said why it was invalidated: tests for UNMAP become true, tests for
/// any other event become false, a switch keeps its UNMAP arm, and the event
/// is dropped from debug output. Static functions that only the dropped
/// branches called (those that were handed the event) are removed with them.
///
// Confidence: Moderate (covers the shapes upstream uses: if on ==/!=, a
// switch with an UNMAP case and a default, pr_debug arguments; spatch/check
// reports any range->event left over).
// Copyright: (C) 2026 The mmu_notifier contextual information project. GPL-2.0
// Options: --no-includes
// Search: MMU_NOTIFY_[A-Z]+
// Keywords: mmu_notifier_range, event, MMU_NOTIFY_UNMAP

virtual patch

@event_arg depends on patch@
{struct mmu_notifier_range *, const struct mmu_notifier_range *} R;
constant char[] F;
expression list ES;
position p;
@@
pr_debug@p(F, ES, R->event)

@script:python fmt@
F << event_arg.F;
NF;
@@
import re
nf = re.sub(r' ?%d(\\n)?"$', r'\1"', F)
if nf == F:
	cocci.include_match(False)
coccinelle.NF = nf

@depends on patch@
{struct mmu_notifier_range *, const struct mmu_notifier_range *} event_arg.R;
constant char[] event_arg.F;
expression list event_arg.ES;
position event_arg.p;
identifier fmt.NF;
@@
- pr_debug@p(F, ES, R->event)
+ pr_debug(NF, ES)

// A static function that was handed the event serves only the arms that
// the rules above drop; remove it once nothing calls it any more.
@event_user depends on patch@
identifier f;
{struct mmu_notifier_range *, const struct mmu_notifier_range *} R;
expression list ES1, ES2;
@@
f(ES1, R->event, ES2)

@depends on patch@
{struct mmu_notifier_range *, const struct mmu_notifier_range *} R;
statement S;
@@
- if (R->event != MMU_NOTIFY_UNMAP)
-	S

// A block that starts with a declaration keeps its braces, so that the
// declaration does not follow a statement.
@depends on patch@
{struct mmu_notifier_range *, const struct mmu_notifier_range *} R;
declaration D;
@@
- if (R->event == MMU_NOTIFY_UNMAP)
  {
  D
  ...
  }

@depends on patch@
{struct mmu_notifier_range *, const struct mmu_notifier_range *} R;
statement list SL;
@@
- if (R->event == MMU_NOTIFY_UNMAP) {
  SL
- }

@depends on patch@
{struct mmu_notifier_range *, const struct mmu_notifier_range *} R;
statement S;
@@
- if (R->event == MMU_NOTIFY_UNMAP)
  S

@depends on patch@
{struct mmu_notifier_range *, const struct mmu_notifier_range *} R;
statement S;
@@
- if (R->event == \(MMU_NOTIFY_CLEAR\|MMU_NOTIFY_PROTECTION_VMA\|MMU_NOTIFY_PROTECTION_PAGE\|MMU_NOTIFY_SOFT_DIRTY\|MMU_NOTIFY_RELEASE\|MMU_NOTIFY_MIGRATE\|MMU_NOTIFY_EXCLUSIVE\))
-	S

// A switch keeps its UNMAP arm. Removing the switch's closing brace makes
// spatch 1.1.1 misprint the code after it, so the switch first becomes a
// bare block, and the next rule drops that block's braces.
@event_switch depends on patch@
{struct mmu_notifier_range *, const struct mmu_notifier_range *} R;
statement S1, S2;
@@
- switch (R->event)
  {
- case MMU_NOTIFY_UNMAP:
  S1
- break;
- default:
- S2
- break;
  }

@depends on patch@
statement event_switch.S1;
@@
- {
  S1
- }

@called depends on patch@
identifier event_user.f;
@@
f

@depends on patch && !called@
identifier event_user.f;
type T;
@@
- static T f(...) { ... }
