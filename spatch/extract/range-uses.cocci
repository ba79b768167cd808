/// Print every use of the context of an mmu_notifier_range as one line
/// "use|FILE|FUNCTION|NAME": a read or write of its event, owner, vma or
/// flags field, a call of mmu_notifier_range_blockable() or
/// mmu_notifier_range_update_to_read_only(), and every MMU_NOTIFY_* value
/// named. Used by scripts/answer-key to compare the consumers of a tree
/// with those of the reference tag.
///
// Confidence: High (typed field accesses only)
// Copyright: (C) 2026 The mmu_notifier contextual information project. GPL-2.0
// Options: --no-includes --include-headers
// Search: mmu_notifier_range|MMU_NOTIFY_[A-Z]+
// Keywords: answer key, consumers

virtual report

@initialize:python@
@@
# Isomorphisms let more than one rule match the same access (R.f for R->f):
# report each position once.
seen = set()

def show(p, name):
	for q in p:
		key = (q.file, q.line, q.column, name)
		if key not in seen:
			seen.add(key)
			print("|".join(["use", q.file, q.current_element, name]))

@member depends on report@
{struct mmu_notifier_range *, const struct mmu_notifier_range *} R;
identifier fld = {event, owner, vma, flags};
position p;
@@
R->fld@p

@script:python@
p << member.p; fld << member.fld;
@@
show(p, str(fld))

@onstack depends on report@
struct mmu_notifier_range R;
identifier fld = {event, owner, vma, flags};
position p;
@@
R.fld@p

@script:python@
p << onstack.p; fld << onstack.fld;
@@
show(p, str(fld))

@accessor depends on report@
identifier f = {mmu_notifier_range_blockable, mmu_notifier_range_update_to_read_only};
expression E;
position p;
@@
f@p(E)

@script:python@
p << accessor.p; f << accessor.f;
@@
show(p, str(f) + "()")

@constant_use depends on report@
identifier K =~ "^MMU_NOTIFY_[A-Z_]+$";
position p;
@@
K@p

@script:python@
p << constant_use.p; K << constant_use.K;
@@
show(p, str(K))
