/// Give each mmu_notifier_range_init() call the event that says what its
/// code does to the page table, in place of the MMU_NOTIFY_UNMAP that
/// init-add-context.cocci passes everywhere. The rules below are tried in
/// order and the first that matches decides; each keys on what the code
/// around the call does (in the same function), except where marked
/// "judgement": there the code is the same as another rule's and only
/// upstream's choice for that function tells the event apart, so the rule
/// keys on the function (or on a helper only that function uses).
///
///  1. soft_dirty, SOFT_DIRTY: the function resets soft-dirty tracking
///     (clears VM_SOFTDIRTY or soft-dirty bits, or acts on a request
///     named *CLEAR*SOFT_DIRTY), as clear_refs does.
///  2. new_protection, PROTECTION_VMA: after the call the function
///     applies a new protection to the entries: change_*_range(),
///     change_huge_p?d(), *modify_prot_start(), pte/pmd/huge_pte_modify().
///  3. uffd_wp_walk, PROTECTION_VMA: after the call a page walk runs
///     (walk_page_range()) in a file whose walk callbacks (a struct
///     mm_walk * parameter) write-protect for userfaultfd
///     (make_uffd_wp_*(), *_mkuffd_wp()): PAGEMAP_SCAN since v6.7.
///  4. hugetlb_fork, CLEAR (judgement): fork write-protects the parent's
///     huge entries (huge_ptep_set_wrprotect()); upstream says CLEAR for
///     hugetlb although rule 5's copy does the same to small pages.
///  5. fork_cow, PROTECTION_PAGE: the function tests is_cow_mapping():
///     fork write-protects the parent's private pages, entries stay.
///  6. ksm_write_protect, CLEAR (judgement, on the function
///     write_protect_page()): KSM write-protects and cleans the entry like
///     rule 7, but to replace the page next; upstream says CLEAR.
///  7. writeback_clean, PROTECTION_PAGE: after the call entries are made
///     clean (pte/pmd_mkclean()): writeback cleaning write-protects them.
///  8. write_protect_walk, PROTECTION_PAGE: the call is in a page walk
///     callback (a struct mm_walk * parameter) of a file whose walk
///     callbacks write-protect entries (pte/pmd_wrprotect()).
///  9. unmap_gather, UNMAP: the function zaps entries with a struct
///     mmu_gather its caller passed in (munmap and exit free the page
///     tables and the vma afterwards): unmap_vmas(), hugetlb's unmap.
/// 10. oom_reap, UNMAP: after the call the range is started without
///     blocking (mmu_notifier_invalidate_range_start_nonblock()) and
///     zapped: the OOM reaper tears down a dying process's memory.
/// 11. mremap_move, UNMAP: after the call entries move to other addresses
///     (move_ptes(), move_pgt_entry(), move_normal_p?d(), move_huge_p?d()):
///     the old range is left unmapped. Before rule 14: mremap splits huge
///     entries it cannot move whole.
/// 12. hugetlb_move, CLEAR (judgement): hugetlb's mremap moves entries
///     (move_huge_pte()) like rule 11; upstream says CLEAR there.
/// 13. uffd_move, CLEAR: after the call UFFDIO_MOVE moves a page to
///     another address of its own vma or another (move_present_pte(),
///     move_swap_pte(), move_zeropage_pte()): the source entry is cleared
///     and its vma stays.
/// 14. split_huge, CLEAR: after the call a huge entry is split
///     (*split_huge_p?d*()): the huge mapping is replaced by small ones.
/// 15. device_private, CLEAR: the range is a struct migrate_vma's (device
///     private migration replaces entries by migration entries);
///     init-owner.cocci later gives it MIGRATE and the owner.
/// 16. exclusive_restore, CLEAR: after the call a device-exclusive entry
///     is restored (restore_exclusive_pte()); init-owner.cocci later gives
///     it EXCLUSIVE.
/// 17. clear_entries, CLEAR: after the call entries are cleared, replaced
///     or unshared while the vma stays: *_clear_flush*(),
///     *_collapse_flush(), *_get_and_clear*(), set_pte_at_notify(),
///     huge_pmd_unshare(): copy-on-write, KSM, uprobes, reclaim,
///     migration, THP collapse.
/// 18. own_gather, CLEAR: the function gathers freed pages in a struct
///     mmu_gather of its own (tlb_gather_mmu*()): it empties the range
///     (MADV_DONTNEED, MADV_FREE, truncation, and since v6.2 hugetlb's
///     unmap_hugepage_range(): v6.12.107 says CLEAR) while the vma stays.
/// 19. range_for_caller, CLEAR (judgement): the range is a parameter: the
///     function looks an entry up and starts the invalidation for its
///     caller, which changes the entry (v5.10's follow_invalidate_pte(),
///     whose dax caller cleans it; upstream says CLEAR).
///
/// A call no rule decides keeps MMU_NOTIFY_UNMAP, which is always safe (a
/// user must then assume the range is gone), and is listed on stdout as
/// "FILE:LINE: FUNCTION(): ..." in patch and report mode alike, so that a
/// new kind of call site on another tree is seen and given a rule. Each
/// decision is written to stderr as "FILE:LINE: FUNCTION(): EVENT (rule)".
///
// Confidence: High on v6.1.176 (every call site gets upstream's event);
// Moderate elsewhere: rules 4, 6, 12 and 19 follow upstream's choices for
// the functions they name, and the others trust what the code calls.
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
import sys

decided = {}


def site(p):
    return (p[0].file, int(p[0].line), int(p[0].column))


def where(p):
    return "%s:%s: %s()" % (p[0].file, p[0].line, p[0].current_element)


def decide(p, event, rule):
    key = site(p)
    if key not in decided:
        decided[key] = event
        sys.stderr.write("%s: %s (%s)\n" % (where(p), event, rule))

// 1. soft_dirty
@soft_dirty_fn exists@
identifier fn;
identifier sd =~ "^(VM_SOFTDIRTY|[A-Z_]*CLEAR[A-Z_]*SOFT_DIRTY|[a-z_]*clear_soft_dirty[a-z_]*)$";
@@
fn(...) { <+... sd ...+> }

@soft_dirty exists@
identifier soft_dirty_fn.fn;
position p;
@@
fn(...) { <+... mmu_notifier_range_init@p(...) ...+> }

@script:python@
p << soft_dirty.p;
@@
decide(p, "MMU_NOTIFY_SOFT_DIRTY", "soft_dirty")

// 2. new_protection
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
decide(p, "MMU_NOTIFY_PROTECTION_VMA", "new_protection")

// 3. uffd_wp_walk
@uffd_wp_cb exists@
identifier cb, W;
identifier f =~ "^(make_uffd_wp_[a-z_]+|pte_mkuffd_wp|pmd_mkuffd_wp|huge_pte_mkuffd_wp)$";
@@
cb(..., struct mm_walk *W, ...) { <+... f(...) ...+> }

@uffd_wp_walk depends on uffd_wp_cb exists@
position p;
@@
mmu_notifier_range_init@p(...)
... when any
walk_page_range(...)

@script:python@
p << uffd_wp_walk.p;
@@
decide(p, "MMU_NOTIFY_PROTECTION_VMA", "uffd_wp_walk")

// 4. hugetlb_fork (judgement)
@hugetlb_fork exists@
position p;
@@
mmu_notifier_range_init@p(...)
... when any
huge_ptep_set_wrprotect(...)

@script:python@
p << hugetlb_fork.p;
@@
decide(p, "MMU_NOTIFY_CLEAR", "hugetlb_fork")

// 5. fork_cow
@cow_fn exists@
identifier fn;
@@
fn(...) { <+... is_cow_mapping(...) ...+> }

@fork_cow exists@
identifier cow_fn.fn;
position p;
@@
fn(...) { <+... mmu_notifier_range_init@p(...) ...+> }

@script:python@
p << fork_cow.p;
@@
decide(p, "MMU_NOTIFY_PROTECTION_PAGE", "fork_cow")

// 6. ksm_write_protect (judgement: the function)
@ksm_write_protect exists@
identifier fn = write_protect_page;
position p;
@@
fn(...) { <+... mmu_notifier_range_init@p(...) ...+> }

@script:python@
p << ksm_write_protect.p;
@@
decide(p, "MMU_NOTIFY_CLEAR", "ksm_write_protect")

// 7. writeback_clean
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
decide(p, "MMU_NOTIFY_PROTECTION_PAGE", "writeback_clean")

// 8. write_protect_walk
@wrprotect_walk_cb exists@
identifier cb, W;
identifier f =~ "^(pte|pmd|pud)_wrprotect$";
@@
cb(..., struct mm_walk *W, ...) { <+... f(...) ...+> }

@write_protect_walk depends on wrprotect_walk_cb exists@
identifier fn, W;
position p;
@@
fn(..., struct mm_walk *W, ...) { <+... mmu_notifier_range_init@p(...) ...+> }

@script:python@
p << write_protect_walk.p;
@@
decide(p, "MMU_NOTIFY_PROTECTION_PAGE", "write_protect_walk")

// 9. unmap_gather
@zaps exists@
position p;
identifier f =~ "^(unmap_single_vma|unmap_page_range|zap_[a-z_]*range[a-z_]*|tlb_remove_[a-z_]+)$";
@@
mmu_notifier_range_init@p(...)
... when any
f(...)

@unmap_gather exists@
identifier fn, T;
position zaps.p, q;
@@
fn(..., struct mmu_gather *T, ...) { <+... mmu_notifier_range_init@p@q(...) ...+> }

@script:python@
p << unmap_gather.q;
@@
decide(p, "MMU_NOTIFY_UNMAP", "unmap_gather")

// 10. oom_reap
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
decide(p, "MMU_NOTIFY_UNMAP", "oom_reap")

// 11. mremap_move
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
decide(p, "MMU_NOTIFY_UNMAP", "mremap_move")

// 12. hugetlb_move (judgement)
@hugetlb_move exists@
position p;
@@
mmu_notifier_range_init@p(...)
... when any
move_huge_pte(...)

@script:python@
p << hugetlb_move.p;
@@
decide(p, "MMU_NOTIFY_CLEAR", "hugetlb_move")

// 13. uffd_move
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
decide(p, "MMU_NOTIFY_CLEAR", "uffd_move")

// 14. split_huge
@split_huge exists@
position p;
identifier f =~ "split_huge_p[a-z0-9]d";
@@
mmu_notifier_range_init@p(...)
... when any
f(...)

@script:python@
p << split_huge.p;
@@
decide(p, "MMU_NOTIFY_CLEAR", "split_huge")

// 15. device_private
@device_private exists@
struct migrate_vma *MIG;
identifier fld;
position p;
@@
mmu_notifier_range_init@p(..., <+... MIG->fld ...+>, ...)

@script:python@
p << device_private.p;
@@
decide(p, "MMU_NOTIFY_CLEAR", "device_private")

// 16. exclusive_restore
@exclusive_restore exists@
position p;
@@
mmu_notifier_range_init@p(...)
... when any
restore_exclusive_pte(...)

@script:python@
p << exclusive_restore.p;
@@
decide(p, "MMU_NOTIFY_CLEAR", "exclusive_restore")

// 17. clear_entries
@clear_entries exists@
position p;
identifier f =~ "^((ptep|pmdp|pudp|huge_ptep)_[a-z_]*(clear_flush|collapse_flush|get_and_clear)[a-z_]*|set_pte_at_notify|_*huge_pmd_unshare)$";
@@
mmu_notifier_range_init@p(...)
... when any
f(...)

@script:python@
p << clear_entries.p;
@@
decide(p, "MMU_NOTIFY_CLEAR", "clear_entries")

// 18. own_gather
@gather_fn exists@
identifier fn;
identifier f =~ "^tlb_gather_mmu";
expression T;
@@
fn(...) { <+... f(&T, ...) ...+> }

@own_gather exists@
identifier gather_fn.fn;
position p;
@@
fn(...) { <+... mmu_notifier_range_init@p(...) ...+> }

@script:python@
p << own_gather.p;
@@
decide(p, "MMU_NOTIFY_CLEAR", "own_gather")

// 19. range_for_caller (judgement)
@range_for_caller exists@
identifier fn, R;
position p;
@@
fn(..., struct mmu_notifier_range *R, ...) { <+... mmu_notifier_range_init@p(R, ...) ...+> }

@script:python@
p << range_for_caller.p;
@@
decide(p, "MMU_NOTIFY_CLEAR", "range_for_caller")

// Every call that still passes MMU_NOTIFY_UNMAP: give it its event, or
// list it when no rule decided.
@call@
position p;
expression R;
@@
mmu_notifier_range_init@p(R, MMU_NOTIFY_UNMAP, ...)

@script:python event@
p << call.p;
ev;
@@
key = site(p)
if key not in decided:
    print("%s: no rule decides the event; keeps MMU_NOTIFY_UNMAP" % where(p))
    cocci.include_match(False)
elif decided[key] == "MMU_NOTIFY_UNMAP":
    cocci.include_match(False)
else:
    coccinelle.ev = cocci.make_ident(decided[key])

@depends on patch@
position call.p;
expression call.R;
identifier event.ev;
@@
 mmu_notifier_range_init@p(R,
- MMU_NOTIFY_UNMAP
+ ev
 , ...)
