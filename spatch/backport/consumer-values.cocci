/// Backport: what the pre-v5.2 API implies for the values a consumer
/// reads from the range. There is no owner: reading it gives NULL. The
/// event of every invalidation is, as far as a consumer can know, an
/// unmap: passed to a printing function or macro (a string constant
/// among its arguments whose conversion for the event prints an integer),
/// the event leaves the output together with its conversion and the label
/// just before it. mmu_notifier_range_update_to_read_only() is false for
/// an unmap.
///
// Confidence: Moderate. NULL is the owner of every invalidation that the
// driver did not start itself, which is all of them on the old API. Other
// values have no safe replacement and are left for scripts/check-leftovers
// to report: the vma (the old API does not say whether there was one),
// the event handed to anything but a format, writes of these fields.
// Copyright: (C) 2026 The mmu_notifier contextual information project. GPL-2.0
// Options: --no-includes
// Search: mmu_notifier_range|mmu_notifier_range_update_to_read_only
// Keywords: mmu_notifier_range, event, owner, vma, backport

virtual patch

@initialize:python@
@@
import re

CONV = re.compile(r"%[-+ 0\x23]*[0-9*]*(?:[.][0-9*]+)?(hh|h|ll|l|z|j|t)?([diouxXcsSpeEfgGaAn%])")


def count_args(text):
    """The number of arguments in a printed expression list."""
    depth, n = 0, 0
    if not text.strip():
        return 0
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            n += 1
    return n + 1


def drop_conversion(fmt, index):
    """fmt without its conversion number index (and the label before it),
    or None when that conversion does not print an integer."""
    convs = [m for m in CONV.finditer(fmt) if m.group(2) != "%"]
    if index >= len(convs) or convs[index].group(2) not in "diouxXc":
        return None
    m = convs[index]
    before = fmt[:m.start()]
    label = re.search(r"[ ,;]*(\w+[ ]?[=:][ ]?|(?i:ev|evt|event)\w*[ ]?)$", before)
    if label:
        before = before[:label.start()]
    elif before.endswith(" "):
        before = before[:-1]
    return before + fmt[m.end():]

// The event as an argument of a call that also takes a format. As the
// last argument it goes with the closing parenthesis of its line, so the
// call is printed again; any other argument is removed in place.
@fmt_last depends on patch@
identifier f;
{struct mmu_notifier_range *, const struct mmu_notifier_range *} R;
constant char[] F;
expression list ES0, ES1;
position p;
@@
f@p(ES0, F, ES1, R->event)

@script:python fmt_last_nf@
F << fmt_last.F;
ES1 << fmt_last.ES1;
NF;
@@
nf = drop_conversion(str(F), count_args(str(ES1)))
if nf is None:
	cocci.include_match(False)
else:
	coccinelle.NF = cocci.make_ident(nf)

@depends on patch@
identifier fmt_last.f;
{struct mmu_notifier_range *, const struct mmu_notifier_range *} fmt_last.R;
constant char[] fmt_last.F;
expression list fmt_last.ES0, fmt_last.ES1;
position fmt_last.p;
identifier fmt_last_nf.NF;
@@
- f@p(ES0, F, ES1, R->event)
+ f(ES0, NF, ES1)

@fmt_mid depends on patch@
identifier f;
{struct mmu_notifier_range *, const struct mmu_notifier_range *} R;
constant char[] F;
expression list ES0, ES1, ES2;
expression E2;
position p;
@@
f@p(ES0, F, ES1, R->event, E2, ES2)

@script:python fmt_mid_nf@
F << fmt_mid.F;
ES1 << fmt_mid.ES1;
NF;
@@
nf = drop_conversion(str(F), count_args(str(ES1)))
if nf is None:
	cocci.include_match(False)
else:
	coccinelle.NF = cocci.make_ident(nf)

@depends on patch@
identifier fmt_mid.f;
{struct mmu_notifier_range *, const struct mmu_notifier_range *} fmt_mid.R;
constant char[] fmt_mid.F;
expression list fmt_mid.ES0, fmt_mid.ES1, fmt_mid.ES2;
expression fmt_mid.E2;
position fmt_mid.p;
identifier fmt_mid_nf.NF;
@@
f@p(ES0,
- F
+ NF
  , ES1,
- R->event,
  E2, ES2)

// The owner is NULL, except where it is written or its address taken:
// those are reported.
@kept depends on patch@
{struct mmu_notifier_range *, const struct mmu_notifier_range *} R;
identifier fld = {owner, migrate_pgmap_owner};
identifier g;
expression E;
position p;
@@
(
 R->fld@p = E
|
 &R->fld@p
|
 R->fld@p->g
)

@depends on patch@
{struct mmu_notifier_range *, const struct mmu_notifier_range *} R;
identifier fld = {owner, migrate_pgmap_owner};
position p != kept.p;
@@
- R->fld@p
+ NULL

@depends on patch@
expression R;
@@
- mmu_notifier_range_update_to_read_only(R)
+ false
