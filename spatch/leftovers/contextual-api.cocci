/// Find every use of the contextual mmu_notifier_range API that the
/// pre-v5.2 API does not have, in code (comments do not count): the
/// fields event, flags, vma, owner and migrate_pgmap_owner of an
/// expression typed struct mmu_notifier_range (pointer or not, const or
/// not), the MMU_NOTIFY_* constants and MMU_NOTIFIER_RANGE_BLOCKABLE, the
/// type enum mmu_notifier_event, the helpers, the seven-argument
/// mmu_notifier_range_init(), and designated initialisers of those
/// fields. scripts/check-leftovers runs it after the backport.
///
// Confidence: High for what spatch types: a range reached through a
// structure declared in a header the file does not show to spatch, or
// through a macro parameter, is found only by the constants it is
// compared with.
// Copyright: (C) 2026 The mmu_notifier contextual information project. GPL-2.0
// Options: --no-includes --include-headers
// Search: mmu_notifier_range|mmu_notifier_event|MMU_NOTIFY_[A-Z_]+|MMU_NOTIFIER_RANGE_BLOCKABLE|mmu_notifier_range_[a-z_]+
// Keywords: mmu_notifier_range, backport, leftovers

virtual report

@initialize:python@
@@
def say(p, msg):
	coccilib.report.print_report(p[0], msg)

@use_field depends on report@
{struct mmu_notifier_range *, const struct mmu_notifier_range *} R;
identifier fld = {event, flags, vma, owner, migrate_pgmap_owner};
position p;
@@
R->fld@p

@script:python@
R << use_field.R;
fld << use_field.fld;
p << use_field.p;
@@
say(p, "%s->%s: the pre-v5.2 range has no %s" % (R, fld, fld))

@use_sfield depends on report@
{struct mmu_notifier_range, const struct mmu_notifier_range} S;
identifier fld = {event, flags, vma, owner, migrate_pgmap_owner};
position p;
@@
S.fld@p

@script:python@
S << use_sfield.S;
fld << use_sfield.fld;
p << use_sfield.p;
@@
say(p, "%s.%s: the pre-v5.2 range has no %s" % (S, fld, fld))

@use_constant depends on report@
identifier K =~ "^(MMU_NOTIFY_[A-Z_]+|MMU_NOTIFIER_RANGE_BLOCKABLE)$";
position p;
@@
K@p

@script:python@
K << use_constant.K;
p << use_constant.p;
@@
say(p, "%s: not in the pre-v5.2 API" % K)

@use_helper depends on report@
identifier fn = {mmu_notifier_range_blockable, mmu_notifier_range_init_owner,
		 mmu_notifier_range_init_migrate,
		 mmu_notifier_range_update_to_read_only};
position p;
@@
fn@p(...)

@script:python@
fn << use_helper.fn;
p << use_helper.p;
@@
say(p, "%s(): not in the pre-v5.2 API" % fn)

@use_init7 depends on report@
expression E1, E2, E3, E4, E5, E6, E7;
position p;
@@
mmu_notifier_range_init@p(E1, E2, E3, E4, E5, E6, E7)

@script:python@
p << use_init7.p;
@@
say(p, "mmu_notifier_range_init() with event, flags and vma: the pre-v5.2 form takes (range, mm, start, end)")

@use_enum depends on report@
identifier x;
position p;
@@
(
enum mmu_notifier_event x@p;
|
enum mmu_notifier_event x@p = ...;
)

@script:python@
x << use_enum.x;
p << use_enum.p;
@@
say(p, "%s: enum mmu_notifier_event is not in the pre-v5.2 API" % x)

@use_enum_param depends on report@
identifier x, f;
type T;
position p;
@@
T f(..., enum mmu_notifier_event x@p, ...) { ... }

@script:python@
x << use_enum_param.x;
p << use_enum_param.p;
@@
say(p, "%s: enum mmu_notifier_event is not in the pre-v5.2 API" % x)

@use_enum_proto depends on report@
identifier x, f;
type T;
position p;
@@
T f(..., enum mmu_notifier_event x@p, ...);

@script:python@
x << use_enum_proto.x;
p << use_enum_proto.p;
@@
say(p, "%s: enum mmu_notifier_event is not in the pre-v5.2 API" % x)

@use_desig depends on report@
identifier r;
identifier fld = {event, flags, vma, owner, migrate_pgmap_owner};
expression E;
position p;
@@
struct mmu_notifier_range r@p = { ..., .fld = E, ... };

@script:python@
r << use_desig.r;
fld << use_desig.fld;
p << use_desig.p;
@@
say(p, "%s: initialises .%s, which the pre-v5.2 range does not have" % (r, fld))
