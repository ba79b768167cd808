/// Print every mmu_notifier_range_init() and mmu_notifier_range_init_owner()
/// call as one line "init|FILE|FUNCTION|EVENT|FLAGS|VMA|MM|OWNER" (tabs and
/// newlines in arguments folded to single spaces). Calls in the old
/// four-argument form print "-" for the fields they lack. Used by
/// scripts/answer-key to compare a tree with the reference tag.
///
// Confidence: High
// Copyright: (C) 2026 The mmu_notifier contextual information project. GPL-2.0
// Options: --no-includes --include-headers
// Search: mmu_notifier_range_init(_owner)?
// Keywords: answer key, mmu_notifier_range_init

virtual report

@initialize:python@
@@
import re

def show(p, *fields):
	norm = [re.sub(r'\s+', ' ', str(f)).strip() for f in fields]
	print("|".join(["init", p[0].file, p[0].current_element] + norm))

@new depends on report@
expression R, EV, F, V, M, S, E;
position p;
@@
mmu_notifier_range_init@p(R, EV, F, V, M, S, E)

@script:python depends on new@
p << new.p; EV << new.EV; F << new.F; V << new.V; M << new.M;
@@
show(p, EV, F, V, M, "NULL")

@owner depends on report@
expression R, EV, F, V, M, S, E, O;
position p;
@@
mmu_notifier_range_init_owner@p(R, EV, F, V, M, S, E, O)

@script:python depends on owner@
p << owner.p; EV << owner.EV; F << owner.F; V << owner.V; M << owner.M; O << owner.O;
@@
show(p, EV, F, V, M, O)

@old depends on report@
expression R, M, S, E;
position p;
@@
mmu_notifier_range_init@p(R, M, S, E)

@script:python depends on old@
p << old.p; M << old.M;
@@
show(p, "-", "-", "-", M, "-")
