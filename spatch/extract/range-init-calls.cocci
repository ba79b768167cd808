/// Print every mmu_notifier_range_init(), _init_owner() and (v5.10 to v5.13)
/// _init_migrate() call as one line
/// "init|FILE|FUNCTION|EVENT|FLAGS|VMA|MM|START|END|OWNER" (tabs and
/// newlines in arguments folded to single spaces). A form without a field
/// prints "-" for it: the old four-argument init has no event, flags, vma
/// or owner; v6.3 and later have no vma. An init without owner prints NULL
/// (init clears it). init_migrate is init_owner with MMU_NOTIFY_MIGRATE.
/// Used by scripts/answer-key to compare a tree with a tag.
///
// Confidence: High
// Copyright: (C) 2026 The mmu_notifier contextual information project. GPL-2.0
// Options: --no-includes --include-headers
// Search: mmu_notifier_range_init(_owner|_migrate)?
// Keywords: answer key, mmu_notifier_range_init

virtual report

@initialize:python@
@@
import re

def show(p, *fields):
	norm = [re.sub(r'\s+', ' ', str(f)).strip() for f in fields]
	print("|".join(["init", p[0].file, p[0].current_element] + norm))

// Each form by its name and arity: v6.1's init and v6.3's init_owner both
// take seven arguments, under different names.
@new depends on report@
expression R, EV, F, V, M, S, E;
position p;
@@
mmu_notifier_range_init@p(R, EV, F, V, M, S, E)

@script:python depends on new@
p << new.p; EV << new.EV; F << new.F; V << new.V; M << new.M; S << new.S; E << new.E;
@@
show(p, EV, F, V, M, S, E, "NULL")

@owner depends on report@
expression R, EV, F, V, M, S, E, O;
position p;
@@
mmu_notifier_range_init_owner@p(R, EV, F, V, M, S, E, O)

@script:python depends on owner@
p << owner.p; EV << owner.EV; F << owner.F; V << owner.V; M << owner.M; S << owner.S; E << owner.E;
O << owner.O;
@@
show(p, EV, F, V, M, S, E, O)

@novma depends on report@
expression R, EV, F, M, S, E;
position p;
@@
mmu_notifier_range_init@p(R, EV, F, M, S, E)

@script:python depends on novma@
p << novma.p; EV << novma.EV; F << novma.F; M << novma.M; S << novma.S; E << novma.E;
@@
show(p, EV, F, "-", M, S, E, "NULL")

@novma_owner depends on report@
expression R, EV, F, M, S, E, O;
position p;
@@
mmu_notifier_range_init_owner@p(R, EV, F, M, S, E, O)

@script:python depends on novma_owner@
p << novma_owner.p; EV << novma_owner.EV; F << novma_owner.F; M << novma_owner.M;
S << novma_owner.S; E << novma_owner.E; O << novma_owner.O;
@@
show(p, EV, F, "-", M, S, E, O)

@migrate depends on report@
expression R, F, V, M, S, E, O;
position p;
@@
mmu_notifier_range_init_migrate@p(R, F, V, M, S, E, O)

@script:python depends on migrate@
p << migrate.p; F << migrate.F; V << migrate.V; M << migrate.M; S << migrate.S; E << migrate.E;
O << migrate.O;
@@
show(p, "MMU_NOTIFY_MIGRATE", F, V, M, S, E, O)

@old depends on report@
expression R, M, S, E;
position p;
@@
mmu_notifier_range_init@p(R, M, S, E)

@script:python depends on old@
p << old.p; M << old.M; S << old.S; E << old.E;
@@
show(p, "-", "-", "-", M, S, E, "-")
