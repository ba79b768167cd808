/// Give each mmu_notifier_range_init() call the event that says what its
/// code does to the page table, in place of the MMU_NOTIFY_UNMAP that
/// init-add-context.cocci passes everywhere. Every rule below is tried on
/// every call and records its evidence; none wins by coming first. Each
/// keys on what the code around the call does (in the same function, or
/// for the walk rules in the same file), except where marked "judgement":
/// there the code is the same as another rule's and only upstream's choice
/// tells the event apart, so the rule keys on a helper only that kind of
/// function uses, and holds only while the function still has the shape it
/// was written from (the evidence rules named in its SHAPE entry, no more,
/// no fewer).
///
///  1. soft_dirty, SOFT_DIRTY: the function resets soft-dirty tracking
///     (clears VM_SOFTDIRTY or soft-dirty bits, or acts on a request
///     named *CLEAR*SOFT_DIRTY), as clear_refs does.
///  2. new_protection, PROTECTION_VMA: after the call the function
///     applies a new protection to the entries: change_*_range(),
///     change_huge_p?d(), *modify_prot_start(), pte/pmd/huge_pte_modify().
///  3. uffd_wp_walk, PROTECTION_VMA: after the call a page walk runs
///     (walk_page_range()) with walk operations of the same file whose
///     callbacks (or a walk function they call) write-protect for
///     userfaultfd (make_uffd_wp_*(), *_mkuffd_wp()): PAGEMAP_SCAN.
///  4. hugetlb_fork, CLEAR (judgement, SHAPE fork_cow): fork write-protects
///     the parent's huge entries (huge_ptep_set_wrprotect()); upstream says
///     CLEAR for hugetlb although rule 5's copy does the same to small pages.
///  5. fork_cow, PROTECTION_PAGE: the function tests is_cow_mapping():
///     fork write-protects the parent's private pages, entries stay.
///  6. writeback_clean, PROTECTION_PAGE: after the call entries are made
///     clean (pte/pmd_mkclean()): writeback cleaning write-protects them.
///  7. write_protect_walk, PROTECTION_PAGE: the call is in a page walk
///     callback (a struct mm_walk * parameter) of a file whose walk
///     callbacks write-protect entries (pte/pmd_wrprotect()).
///  8. unmap_gather, UNMAP: the function zaps entries with a struct
///     mmu_gather its caller passed in (munmap and exit free the page
///     tables and the vma afterwards): unmap_vmas(), hugetlb's unmap.
///  9. oom_reap, UNMAP: after the call the range is started without
///     blocking (mmu_notifier_invalidate_range_start_nonblock()) and
///     zapped: the OOM reaper tears down a dying process's memory.
/// 10. mremap_move, UNMAP: after the call entries move to other addresses
///     (move_ptes(), move_pgt_entry(), move_normal_p?d(), move_huge_p?d()):
///     the old range is left unmapped.
/// 11. hugetlb_move, CLEAR (judgement, SHAPE none): hugetlb's mremap moves
///     entries (move_huge_pte()) like rule 10; upstream says CLEAR there.
/// 12. uffd_move, CLEAR: after the call UFFDIO_MOVE moves a page to
///     another address of its own vma or another (move_present_pte(),
///     move_swap_pte(), move_zeropage_pte()): the source entry is cleared
///     and its vma stays.
/// 13. split_huge, CLEAR: after the call a huge entry is split
///     (*split_huge_p?d*()): the huge mapping is replaced by small ones.
/// 14. device_private, CLEAR: the range is a struct migrate_vma's (device
///     private migration replaces entries by migration entries);
///     init-owner.cocci later gives it MIGRATE and the owner.
/// 15. exclusive_restore, CLEAR: after the call a device-exclusive entry
///     is restored (restore_exclusive_pte()); init-owner.cocci later gives
///     it EXCLUSIVE.
/// 16. clear_entries, CLEAR: after the call entries are cleared, replaced
///     or unshared while the vma stays: *_clear_flush*(),
///     *_collapse_flush(), *_get_and_clear*(), set_pte_at_notify(),
///     huge_pmd_unshare(): copy-on-write, KSM, uprobes, reclaim,
///     migration, THP collapse.
/// 17. own_gather, CLEAR: the function gathers freed pages in a struct
///     mmu_gather of its own (tlb_gather_mmu*()): it empties the range
///     (MADV_DONTNEED, MADV_FREE, truncation, hugetlb's unmap since v6.2)
///     while the vma stays.
/// 18. range_for_caller, CLEAR (judgement, SHAPE none): the range is a
///     parameter: the function looks an entry up and starts the
///     invalidation for its caller, which changes the entry (v5.10's
///     follow_invalidate_pte(), whose dax caller cleans it).
///
/// The decision, per call:
///  - the evidence of one or more rules that all give the same event:
///    that event;
///  - evidence of different events (mixed evidence: the function, say,
///    write-protects entries and also replaces the page behind them): the
///    most conservative event that covers all of it, UNMAP over CLEAR over
///    the PROTECTION events and SOFT_DIRTY (two different ones of those
///    three give CLEAR), and the call is listed;
///  - a judgement rule whose shape the code no longer has: the same, listed;
///  - no evidence: MMU_NOTIFY_UNMAP, always safe (a user must then assume
///    the range is gone), listed.
///
/// Output, in patch and report mode alike, one line per call on stdout:
/// "decided: FILE:LINE: FUNCTION(): EVENT by RULE[, RULE]" or, for a
/// listed call, "FILE:LINE: FUNCTION(): EVENT, listed: WHY". Evidence is
/// keyed on the file and function it was found in, so that one file at a
/// time, a list of files (which spatch treats as one unit) and --dir give
/// the same result.
///
// Confidence: Moderate: each rule trusts what the code calls; mixed or
// missing evidence is listed with the safe event, never guessed.
// Copyright: (C) 2026 The mmu_notifier contextual information project. GPL-2.0
// Options: --no-includes --include-headers
// Reflow: mmu_notifier_range_init
// Search: mmu_notifier_range_init
// Keywords: mmu_notifier_range_init, MMU_NOTIFY_CLEAR, MMU_NOTIFY_PROTECTION_VMA,
// MMU_NOTIFY_PROTECTION_PAGE, MMU_NOTIFY_SOFT_DIRTY, MMU_NOTIFY_UNMAP

virtual patch
virtual report

@initialize:python@
@@
# Evidence per call site: (file, line, column) -> {rule: event}.
evidence = {}
# Facts about functions and walk operations, keyed by file so that a
# fact of one file never decides a call of another:
# (fact, file, name).
facts = set()
# The clears and replacements that follow each call (clear_entries), and
# those that only take an entry off to write it back (write_back).
clears = {}
written_back = set()

RANK = {"MMU_NOTIFY_UNMAP": 3, "MMU_NOTIFY_CLEAR": 2}
JUDGEMENT_SHAPE = {
    "hugetlb_fork": {"fork_cow"},
    "ksm_write_protect": {"writeback_clean"},
    "hugetlb_move": set(),
    "range_for_caller": set(),
}


def site(p):
    return (p[0].file, int(p[0].line), int(p[0].column))


def where(p):
    return "%s:%s: %s()" % (p[0].file, p[0].line, p[0].current_element)


def note(fact, p, name=None):
    facts.add((fact, p[0].file, name if name is not None else p[0].current_element))


def known(fact, p, name=None):
    return (fact, p[0].file, name if name is not None else p[0].current_element) in facts


def record(p, event, rule):
    evidence.setdefault(site(p), {})[rule] = event


def covering(events):
    """The most conservative event that covers every event of EVENTS."""
    events = set(events)
    if len(events) == 1:
        return events.pop()
    top = max(RANK.get(e, 1) for e in events)
    return "MMU_NOTIFY_UNMAP" if top == 3 else "MMU_NOTIFY_CLEAR"


def decide(p):
    """(event, rules, why): WHY is None for a decision, else the reason
    the call is listed."""
    found = dict(evidence.get(site(p), {}))
    if clears.get(site(p), set()) - written_back:
        found["clear_entries"] = "MMU_NOTIFY_CLEAR"
    if not found:
        return ("MMU_NOTIFY_UNMAP", [], "no rule decides the event")
    judged = sorted(r for r in found if r in JUDGEMENT_SHAPE)
    code = sorted(r for r in found if r not in JUDGEMENT_SHAPE)
    if len(judged) == 1 and set(code) == JUDGEMENT_SHAPE[judged[0]]:
        return (found[judged[0]], [judged[0] + " (judgement)"], None)
    if len(set(found.values())) == 1:
        return (found[sorted(found)[0]], sorted(found), None)
    event = covering(found.values())
    if judged:
        shapes = "; ".join("%s expects %s" % (
            r, ", ".join(sorted(JUDGEMENT_SHAPE[r])) or "no other evidence") for r in judged)
        return (event, sorted(found), "judgement does not fit the code (%s; found: %s)" % (
            shapes, ", ".join(code) or "none"))
    return (event, code, "mixed evidence: " + ", ".join(
        "%s (%s)" % (r, found[r].replace("MMU_NOTIFY_", "")) for r in code))


// Facts about functions and walk operations.

@soft_dirty_fn@
identifier sd =~ "^(VM_SOFTDIRTY|[A-Z_]*CLEAR[A-Z_]*SOFT_DIRTY|[a-z_]*clear_soft_dirty[a-z_]*)$";
position q;
@@
sd@q

@script:python@
q << soft_dirty_fn.q;
@@
note("soft_dirty", q)

@cow_fn@
position q;
@@
is_cow_mapping@q(...)

@script:python@
q << cow_fn.q;
@@
note("cow", q)

@gather_fn@
identifier f =~ "^tlb_gather_mmu";
expression T;
position q;
@@
f@q(&T, ...)

@script:python@
q << gather_fn.q;
@@
note("own_gather", q)

@walk_fn@
identifier fn, W;
position q;
@@
fn@q(..., struct mm_walk *W, ...) { ... }

@script:python@
q << walk_fn.q;
@@
note("walk_callback", q)

@uffd_wp_cb@
identifier cb, W;
identifier f =~ "^(make_uffd_wp_[a-z_]+|pte_mkuffd_wp|pmd_mkuffd_wp|huge_pte_mkuffd_wp)$";
position q;
@@
cb@q(..., struct mm_walk *W, ...) { <+... f(...) ...+> }

@script:python@
q << uffd_wp_cb.q;
@@
note("uffd_wp_cb", q)

// A walk callback that calls one that write-protects for userfaultfd.
@uffd_wp_call@
identifier g;
position r;
@@
g@r(...)

@script:python@
g << uffd_wp_call.g;
r << uffd_wp_call.r;
@@
if known("walk_callback", r) and known("uffd_wp_cb", r, g):
    note("uffd_wp_cb", r)

@walk_ops@
identifier OPS, fld, cb;
position q;
@@
struct mm_walk_ops OPS@q = { ..., .fld = cb, ... };

@script:python@
OPS << walk_ops.OPS;
cb << walk_ops.cb;
q << walk_ops.q;
@@
if known("uffd_wp_cb", q, cb):
    note("uffd_wp_ops", q, OPS)

@wrprotect_walk_cb@
identifier cb, W;
identifier f =~ "^(pte|pmd|pud)_wrprotect$";
position q;
@@
cb@q(..., struct mm_walk *W, ...) { <+... f(...) ...+> }

@script:python@
q << wrprotect_walk_cb.q;
@@
note("wrprotect_walk_file", q, "")

@mmu_gather_fn@
identifier fn, T;
position q;
@@
fn@q(..., struct mmu_gather *T, ...) { ... }

@script:python@
q << mmu_gather_fn.q;
@@
note("gather_param", q)

@range_param_fn@
identifier fn, R;
position q;
@@
fn@q(..., struct mmu_notifier_range *R, ...) { ... }

@script:python@
q << range_param_fn.q;
R << range_param_fn.R;
@@
note("range_param", q, "%s/%s" % (q[0].current_element, R))

// Every call, and the facts of its function and file.
@any_call@
position p;
expression R;
@@
mmu_notifier_range_init@p(R, ...)

@script:python@
p << any_call.p;
R << any_call.R;
@@
if known("soft_dirty", p):
    record(p, "MMU_NOTIFY_SOFT_DIRTY", "soft_dirty")
if known("cow", p):
    record(p, "MMU_NOTIFY_PROTECTION_PAGE", "fork_cow")
if known("walk_callback", p) and known("wrprotect_walk_file", p, ""):
    record(p, "MMU_NOTIFY_PROTECTION_PAGE", "write_protect_walk")
if known("own_gather", p):
    record(p, "MMU_NOTIFY_CLEAR", "own_gather")
if known("range_param", p, "%s/%s" % (p[0].current_element, R)):
    record(p, "MMU_NOTIFY_CLEAR", "range_for_caller")

// Evidence that follows the call in its function.

@new_protection exists@
position p;
identifier f =~ "^(change_[a-z0-9_]+_range|change_huge_p[a-z0-9]d|[a-z_]*modify_prot_start|pte_modify|pmd_modify|huge_pte_modify)$";
@@
mmu_notifier_range_init@p(...)
... when any
f(...)

@script:python@
p << new_protection.p;
@@
record(p, "MMU_NOTIFY_PROTECTION_VMA", "new_protection")

@uffd_wp_walk exists@
position p, q;
identifier OPS;
@@
mmu_notifier_range_init@p(...)
... when any
walk_page_range@q(..., &OPS, ...)

@script:python@
p << uffd_wp_walk.p;
q << uffd_wp_walk.q;
OPS << uffd_wp_walk.OPS;
@@
if known("uffd_wp_ops", q, OPS):
    record(p, "MMU_NOTIFY_PROTECTION_VMA", "uffd_wp_walk")

@hugetlb_fork exists@
position p;
@@
mmu_notifier_range_init@p(...)
... when any
huge_ptep_set_wrprotect(...)

@script:python@
p << hugetlb_fork.p;
@@
record(p, "MMU_NOTIFY_CLEAR", "hugetlb_fork")

@ksm_write_protect exists@
identifier fn = write_protect_page;
position p;
@@
fn(...) { <+... mmu_notifier_range_init@p(...) ...+> }

@script:python@
p << ksm_write_protect.p;
@@
record(p, "MMU_NOTIFY_CLEAR", "ksm_write_protect")

@writeback_clean exists@
position p;
identifier f =~ "^(pte|pmd|pud)_mkclean$";
@@
mmu_notifier_range_init@p(...)
... when any
f(...)

@script:python@
p << writeback_clean.p;
@@
record(p, "MMU_NOTIFY_PROTECTION_PAGE", "writeback_clean")

@zaps exists@
position p;
identifier f =~ "^(unmap_single_vma|unmap_page_range|zap_[a-z_]*range[a-z_]*|tlb_remove_[a-z_]+)$";
@@
mmu_notifier_range_init@p(...)
... when any
f(...)

@script:python@
p << zaps.p;
@@
if known("gather_param", p):
    record(p, "MMU_NOTIFY_UNMAP", "unmap_gather")

@oom_reap exists@
position p;
expression R;
identifier f =~ "^(unmap_single_vma|unmap_page_range|zap_[a-z_]*range[a-z_]*)$";
@@
mmu_notifier_range_init@p(R, ...)
... when any
mmu_notifier_invalidate_range_start_nonblock(R)
... when any
f(...)

@script:python@
p << oom_reap.p;
@@
record(p, "MMU_NOTIFY_UNMAP", "oom_reap")

@mremap_move exists@
position p;
identifier f =~ "^(move_ptes|move_pgt_entry|move_normal_p[a-z0-9]d|move_huge_p[a-z0-9]d)$";
@@
mmu_notifier_range_init@p(...)
... when any
f(...)

@script:python@
p << mremap_move.p;
@@
record(p, "MMU_NOTIFY_UNMAP", "mremap_move")

@hugetlb_move exists@
position p;
@@
mmu_notifier_range_init@p(...)
... when any
move_huge_pte(...)

@script:python@
p << hugetlb_move.p;
@@
record(p, "MMU_NOTIFY_CLEAR", "hugetlb_move")

@uffd_move exists@
position p;
identifier f =~ "^move_(present|swap|zeropage)_pte$";
@@
mmu_notifier_range_init@p(...)
... when any
f(...)

@script:python@
p << uffd_move.p;
@@
record(p, "MMU_NOTIFY_CLEAR", "uffd_move")

@split_huge exists@
position p;
identifier f =~ "^_*split_huge_p[a-z0-9]d_locked$";
@@
mmu_notifier_range_init@p(...)
... when any
f(...)

@script:python@
p << split_huge.p;
@@
record(p, "MMU_NOTIFY_CLEAR", "split_huge")

@device_private exists@
struct migrate_vma *MIG;
identifier fld;
position p;
@@
mmu_notifier_range_init@p(..., <+... MIG->fld ...+>, ...)

@script:python@
p << device_private.p;
@@
record(p, "MMU_NOTIFY_CLEAR", "device_private")

@exclusive_restore exists@
position p;
@@
mmu_notifier_range_init@p(...)
... when any
restore_exclusive_pte(...)

@script:python@
p << exclusive_restore.p;
@@
record(p, "MMU_NOTIFY_CLEAR", "exclusive_restore")

@clear_entries exists@
position p, c;
identifier f =~ "^((ptep|pmdp|pudp|huge_ptep)_[a-z_]*(clear_flush|collapse_flush|get_and_clear)[a-z_]*|set_pte_at_notify|_*huge_pmd_unshare)$";
@@
mmu_notifier_range_init@p(...)
... when any
f@c(...)

@script:python@
p << clear_entries.p;
c << clear_entries.c;
@@
clears.setdefault(site(p), set()).add(site(c))

// An entry taken off and, on every path, written back (changed only by
// what it is then given: fewer permissions, no dirty bit): a way to change
// the entry's bits safely, not a clear. Neither the clear nor the write
// back is clear_entries evidence.
@write_back@
position c, d;
identifier f =~ "^(ptep|pmdp|pudp|huge_ptep)_[a-z_]*(clear_flush|get_and_clear)[a-z_]*$";
identifier s =~ "^(set_pte_at|set_pte_at_notify|set_pmd_at|set_pud_at|set_huge_pte_at)$";
expression E;
@@
E = f@c(...);
...
s@d(..., E);

@script:python@
c << write_back.c;
d << write_back.d;
@@
written_back.add(site(c))
written_back.update(site([x]) for x in d)

@write_back_decl@
position c, d;
identifier f =~ "^(ptep|pmdp|pudp|huge_ptep)_[a-z_]*(clear_flush|get_and_clear)[a-z_]*$";
identifier s =~ "^(set_pte_at|set_pte_at_notify|set_pmd_at|set_pud_at|set_huge_pte_at)$";
identifier I;
type T;
@@
T I = f@c(...);
...
s@d(..., I);

@script:python@
c << write_back_decl.c;
d << write_back_decl.d;
@@
written_back.add(site(c))
written_back.update(site([x]) for x in d)

// Every call that still passes MMU_NOTIFY_UNMAP: decide, say so, and
// give it its event.
@call@
position p;
expression R;
@@
mmu_notifier_range_init@p(R, MMU_NOTIFY_UNMAP, ...)

@script:python event@
p << call.p;
ev;
@@
event, rules, why = decide(p)
if why is None:
    print("decided: %s: %s by %s" % (where(p), event, ", ".join(rules)))
else:
    print("%s: %s, listed: %s" % (where(p), event, why))
if event == "MMU_NOTIFY_UNMAP":
    cocci.include_match(False)
else:
    coccinelle.ev = cocci.make_ident(event)

@depends on patch@
position call.p;
expression call.R;
identifier event.ev;
@@
 mmu_notifier_range_init@p(R,
- MMU_NOTIFY_UNMAP
+ ev
 , ...)
