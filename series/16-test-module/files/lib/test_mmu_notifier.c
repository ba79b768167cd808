// SPDX-License-Identifier: GPL-2.0
/*
 * Test module for the context of MMU notifier ranges.
 *
 * A process opens /sys/kernel/debug/test_mmu_notifier/events and writes
 * commands to it:
 *
 *   register            register an mmu_notifier on the writer's mm
 *   pin                 the same, and also hold a user of the mm, so that
 *                       the mm outlives its last task (the OOM reaper, not
 *                       exit, then tears it down)
 *   interval START LEN  insert an interval notifier over [START, START+LEN)
 *   clear               forget what was recorded
 *   check               compare the interval's entries with their state
 *                       when the last range ended (see "contract" below)
 *   plant ADDR          test only: write-protect the PTE that maps ADDR
 *                       without any notifier call, for "check" to find
 *   plant-event EVENT ADDR
 *                       test only: hand the contract checker a range of
 *                       the page at ADDR that claims EVENT (a name of the
 *                       contract file) and changes nothing
 *   watch PID           register a notifier on the mm of task PID, whose
 *                       every range the contract checker checks
 *
 * A command is at most 63 bytes of text, without NUL; whitespace around
 * it is ignored. Anything else fails with EINVAL, as does a malformed
 * interval or one of length 0; a second "register" or "pin", or a second
 * "interval", fails with EBUSY, and an interval whose end wraps with
 * EOVERFLOW.
 *
 * Every invalidate_range_start()/end() the notifiers receive is recorded
 * with what the range says about itself: its event, whether it is
 * blockable, whether it carries a vma and whether that vma covers the
 * range, whether it has an owner, and its bounds. Reading the file gives
 * one record per line:
 *
 *   PHASE SOURCE EVENT BLOCKABLE VMA OWNER START END
 *
 * PHASE is start, end or release (the mmu_notifier's release callback);
 * interval notifiers have a single callback, recorded as start. SOURCE is
 * mn (the mmu_notifier) or interval; VMA is none, covers or
 * partial; OWNER is none, or set when the range names an owner. START and
 * END are hexadecimal, as are the arguments of "interval".
 *
 * The buffer of TMN_MAX_RECORDS records is allocated by the first command
 * that registers a notifier. Once it is full, further records are counted
 * but not kept, and a last line "dropped N" says how many were lost.
 * The user space side is tools/testing/selftests/vm/mmu_notifier_events.c.
 *
 * The registration lasts until the file is closed; a child created by
 * fork() shares it, so a parent can read what happened to the mm of a
 * child that registered and then exited. After "pin", the mm outlives its
 * tasks however they end: its pages stay mapped until the OOM reaper
 * unmaps them or the file is closed, and the final teardown (exit_mmap())
 * then runs in the task that closes the file.
 *
 * /sys/kernel/debug/test_mmu_notifier/contract says, for every notifier the
 * module registered, whether the ranges kept what their events promise of
 * the page table entries and vmas; see tmn_contract_show().
 */
#include <linux/debugfs.h>
#include <linux/hugetlb.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmu_notifier.h>
#include <linux/module.h>
#include <linux/pgtable.h>
#include <linux/sched/mm.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/stacktrace.h>
#include <linux/swap.h>
#include <linux/swapops.h>
#include <linux/uaccess.h>

/* Enough for every scenario of the selftest, at 24 bytes a record. */
#define TMN_MAX_RECORDS 1024

enum tmn_phase {
	TMN_START,
	TMN_END,
	TMN_RELEASE,
};

enum tmn_source {
	TMN_MN,
	TMN_INTERVAL,
};

enum tmn_vma {
	TMN_VMA_NONE,
	TMN_VMA_COVERS,
	TMN_VMA_PARTIAL,
};

struct tmn_record {
	u8 phase;		/* enum tmn_phase */
	u8 source;		/* enum tmn_source */
	u8 event;		/* enum mmu_notifier_event */
	u8 vma;			/* enum tmn_vma */
	bool blockable;
	bool owner;
	unsigned long start;
	unsigned long end;
};

struct tmn_entry;
struct tmn_open;

/**
 * struct tmn_checker - the contract checker of one notifier (see below)
 * @lock: protects the rest; taken from non-blockable callbacks
 * @mm: the mm the notifier is registered on
 * @nr_open: the ranges of @mm between their start and their end
 * @open: the entries of open ranges, TMN_OPEN_RANGES of them; NULL if this
 *	notifier does not check ranges
 * @shadow: the entries of [@watch_start, @watch_end) when the last range
 *	ended; NULL if this notifier does not look for missing notifications
 * @shadow_count: how many entries @shadow has
 * @shadow_valid: @shadow is the state of the entries since the last range
 * @watch_start: the start of the interval @shadow follows
 * @watch_end: its end
 * @planted: the address "plant" write-protected, or 0
 */
struct tmn_checker {
	spinlock_t lock;	/* protects the rest */
	struct mm_struct *mm;
	unsigned int nr_open;
	struct tmn_open *open;
	struct tmn_entry *shadow;
	unsigned int shadow_count;
	bool shadow_valid;
	unsigned long watch_start;
	unsigned long watch_end;
	unsigned long planted;
};

/**
 * struct tmn_ctx - one open instance of the events file
 * @mn: the notifier registered by "register" or "pin"
 * @interval: the interval notifier inserted by "interval"
 * @mm: the mm @mn is registered on, or NULL
 * @interval_mm: the mm @interval is inserted on, or NULL
 * @pinned: a user of @mm is held until the file is closed
 * @cmd_lock: serialises the commands of the tasks that share the file (a
 *	parent and its children). Closing takes no lock: the file is
 *	released when its last reference is gone, so no command can run.
 * @lock: protects the records; taken from non-blockable callbacks
 * @count: the number of records kept
 * @dropped: records lost because the buffer was full
 * @records: what the notifiers received, oldest first; TMN_MAX_RECORDS
 *	of them, allocated by the first registration (NULL before)
 * @check: the missing-notification check of @mm, over @interval
 * @watches: the notifiers of "watch", struct tmn_watch
 * @nr_watches: how many @watches has
 */
struct tmn_ctx {
	struct mmu_notifier mn;
	struct mmu_interval_notifier interval;
	struct mm_struct *mm;
	struct mm_struct *interval_mm;
	bool pinned;
	struct mutex cmd_lock;	/* serialises commands */
	spinlock_t lock;	/* protects count, dropped, records */
	unsigned int count;
	unsigned long dropped;
	struct tmn_record *records;
	struct tmn_checker check;
	struct list_head watches;
	unsigned int nr_watches;
};

static const char *const tmn_event_names[] = {
	[MMU_NOTIFY_UNMAP] = "unmap",
	[MMU_NOTIFY_CLEAR] = "clear",
	[MMU_NOTIFY_PROTECTION_VMA] = "protection_vma",
	[MMU_NOTIFY_PROTECTION_PAGE] = "protection_page",
	[MMU_NOTIFY_SOFT_DIRTY] = "soft_dirty",
	[MMU_NOTIFY_RELEASE] = "release",
	[MMU_NOTIFY_MIGRATE] = "migrate",
#ifdef MMNR_HAVE_EXCLUSIVE
	[MMU_NOTIFY_EXCLUSIVE] = "exclusive",
#endif
};

static const char *const tmn_phase_names[] = {
	[TMN_START] = "start",
	[TMN_END] = "end",
	[TMN_RELEASE] = "release",
};

static const char *const tmn_vma_names[] = {
	[TMN_VMA_NONE] = "none",
	[TMN_VMA_COVERS] = "covers",
	[TMN_VMA_PARTIAL] = "partial",
};

static void tmn_add(struct tmn_ctx *ctx, const struct tmn_record *rec)
{
	unsigned long flags;

	spin_lock_irqsave(&ctx->lock, flags);
	/* WRITE_ONCE(): tmn_seq_start() reads both without the lock. */
	if (ctx->count < TMN_MAX_RECORDS) {
		ctx->records[ctx->count] = *rec;
		WRITE_ONCE(ctx->count, ctx->count + 1);
	} else {
		WRITE_ONCE(ctx->dropped, ctx->dropped + 1);
	}
	spin_unlock_irqrestore(&ctx->lock, flags);
}

#ifdef MMNR_RANGE_HAS_VMA
/*
 * The vma cannot go away while its range is invalidated. Most callers hold
 * the mmap lock; those that reach the page through the reverse map
 * (reclaim, move_pages(), page_mkclean()) hold only the anon_vma or i_mmap
 * lock, not the mmap lock, and a vma is unlinked under that lock before it
 * is freed.
 */
static enum tmn_vma tmn_vma_of(const struct mmu_notifier_range *range)
{
	if (!range->vma)
		return TMN_VMA_NONE;
	if (range->vma->vm_start <= range->start &&
	    range->end <= range->vma->vm_end)
		return TMN_VMA_COVERS;
	return TMN_VMA_PARTIAL;
}
#else
/*
 * Since commit 7d4a8be0c4b2 ("mm/mmu_notifier: remove unused
 * mmu_notifier_range_update_to_read_only export") a range names no vma.
 */
static enum tmn_vma tmn_vma_of(const struct mmu_notifier_range *range)
{
	return TMN_VMA_NONE;
}
#endif

/*
 * The contract checker. For every range an mmu_notifier of this module
 * receives, the page table entries of the range are compared at
 * invalidate_range_start() and invalidate_range_end() with what the
 * kernel-doc of the range's event promises; between ranges, the entries of
 * the interval of "interval" are compared with their state when the last
 * range ended, and a change made with no range open is a missing
 * notification. The results are in /sys/kernel/debug/test_mmu_notifier/
 * contract, for every notifier of the module together.
 *
 * The page tables are read the way get_user_pages_fast() reads them: with
 * interrupts off, each level read once, no lock taken. With interrupts off
 * no page table can be freed under the walk (freeing waits for an IPI or
 * an RCU-sched grace period), so the walk is safe in every context a
 * callback runs in, sleeps nowhere and cannot deadlock. The vmas are
 * looked up only when mmap_read_trylock() succeeds, which never waits
 * either; a range whose mmap lock is held for writing (mprotect(),
 * mremap()), or wanted by a writer, has its vma checks counted as not done.
 *
 * A range is followed entry by entry up to TMN_SAMPLE leaf entries (a PTE,
 * or a PMD or PUD that maps a huge page); the rest of a larger range is
 * not compared, and the range is counted as sampled.
 */
#define TMN_SAMPLE 512
#define TMN_OPEN_RANGES 8
#define TMN_VIOLATIONS 32

enum tmn_kind {
	TMN_ENTRY_NONE,
	TMN_ENTRY_PRESENT,
	TMN_ENTRY_SWAP,
	TMN_ENTRY_MIGRATION,
	TMN_ENTRY_DEVICE_PRIVATE,
	TMN_ENTRY_DEVICE_EXCLUSIVE,
};

static const char *const tmn_kind_names[] = {
	[TMN_ENTRY_NONE] = "none",
	[TMN_ENTRY_PRESENT] = "present",
	[TMN_ENTRY_SWAP] = "swap",
	[TMN_ENTRY_MIGRATION] = "migration",
	[TMN_ENTRY_DEVICE_PRIVATE] = "device-private",
	[TMN_ENTRY_DEVICE_EXCLUSIVE] = "device-exclusive",
};

#define TMN_WRITE	BIT(0)
#define TMN_DIRTY	BIT(1)
#define TMN_SOFT_DIRTY	BIT(2)

/* One leaf entry: ADDR is where it maps (aligned to 1 << SHIFT). */
struct tmn_entry {
	unsigned long addr;
	unsigned long pfn;	/* of a present entry, else 0 */
	u8 kind;		/* enum tmn_kind */
	u8 shift;		/* PAGE_SHIFT, PMD_SHIFT or PUD_SHIFT */
	u8 bits;		/* TMN_WRITE, TMN_DIRTY, TMN_SOFT_DIRTY */
};

/* The entries of an open range, from its invalidate_range_start(). */
struct tmn_open {
	const struct mmu_notifier_range *range;	/* NULL: slot free */
	unsigned int count;
	bool sampled;
	struct tmn_entry entries[TMN_SAMPLE];
};

/* A row per event, and one for the missing-notification check. */
#define TMN_ROW_MISSING ARRAY_SIZE(tmn_event_names)
#define TMN_ROWS (TMN_ROW_MISSING + 1)

struct tmn_tally {
	atomic_long_t checked;	/* ranges (or comparisons) checked */
	atomic_long_t sampled;	/* of which only TMN_SAMPLE entries */
	atomic_long_t unchecked; /* entries or vmas that could not be read */
	atomic_long_t violations;
};

struct tmn_violation {
	const char *check;
	unsigned long caller;	/* first frame outside the notifier code */
	unsigned long count;
	unsigned long start, end;
	struct tmn_entry before, after;
	u8 event;		/* an event, or TMN_ROW_MISSING */
	bool planted;		/* found in a range of "plant-event" */
};

static struct tmn_tally tmn_tally[TMN_ROWS];
static atomic_long_t tmn_planted_caught;
static atomic_long_t tmn_planted_event_caught;
/* The task running "plant-event": its violations are the planted ones. */
static struct task_struct *tmn_planter;
static atomic_long_t tmn_watch_refused;
static DEFINE_SPINLOCK(tmn_violation_lock);
static struct tmn_violation tmn_violations[TMN_VIOLATIONS];
static unsigned int tmn_nr_violations;
static unsigned long tmn_violations_lost;

static void tmn_pte_entry(pte_t pte, unsigned long addr, struct tmn_entry *e)
{
	swp_entry_t swp;

	*e = (struct tmn_entry){ .addr = addr, .shift = PAGE_SHIFT };
	if (pte_present(pte)) {
		e->kind = TMN_ENTRY_PRESENT;
		e->pfn = pte_pfn(pte);
		e->bits = (pte_write(pte) ? TMN_WRITE : 0) |
			  (pte_dirty(pte) ? TMN_DIRTY : 0) |
			  (pte_soft_dirty(pte) ? TMN_SOFT_DIRTY : 0);
		return;
	}
	swp = pte_to_swp_entry(pte);
	if (is_migration_entry(swp))
		e->kind = TMN_ENTRY_MIGRATION;
	else if (is_device_private_entry(swp))
		e->kind = TMN_ENTRY_DEVICE_PRIVATE;
#ifdef MMNR_HAVE_EXCLUSIVE
	else if (is_device_exclusive_entry(swp))
		e->kind = TMN_ENTRY_DEVICE_EXCLUSIVE;
#endif
	else
		e->kind = TMN_ENTRY_SWAP;
}

static void tmn_pmd_entry(pmd_t pmd, unsigned long addr, struct tmn_entry *e)
{
	*e = (struct tmn_entry){ .addr = addr & PMD_MASK, .shift = PMD_SHIFT };
	if (!pmd_present(pmd)) {
		e->kind = is_pmd_migration_entry(pmd) ? TMN_ENTRY_MIGRATION :
							 TMN_ENTRY_SWAP;
		return;
	}
	e->kind = TMN_ENTRY_PRESENT;
	e->pfn = pmd_pfn(pmd);
	e->bits = (pmd_write(pmd) ? TMN_WRITE : 0) |
		  (pmd_dirty(pmd) ? TMN_DIRTY : 0) |
		  (pmd_soft_dirty(pmd) ? TMN_SOFT_DIRTY : 0);
}

struct tmn_walk {
	struct tmn_entry *entries;	/* where to keep them, or NULL */
	unsigned int max, count;
	bool sampled;			/* more than max were found */
};

/* Keep E; false once the walk has as many entries as it may keep. */
static bool tmn_walk_keep(struct tmn_walk *w, const struct tmn_entry *e)
{
	if (w->count == w->max) {
		w->sampled = true;
		return false;
	}
	if (w->entries)
		w->entries[w->count] = *e;
	w->count++;
	return true;
}

static bool tmn_walk_ptes(struct tmn_walk *w, pmd_t pmd, unsigned long addr,
			  unsigned long end)
{
#ifdef CONFIG_HIGHPTE
	/* A PTE page may be in high memory: not mapped, not read. */
	w->sampled = true;
	return false;
#else
	pte_t *ptep = pte_offset_kernel(&pmd, addr);
	struct tmn_entry e;

	for (; addr < end; addr += PAGE_SIZE, ptep++) {
		pte_t pte = ptep_get(ptep);

		if (pte_none(pte))
			continue;
		tmn_pte_entry(pte, addr, &e);
		if (!tmn_walk_keep(w, &e))
			return false;
	}
	return true;
#endif
}

static bool tmn_walk_pmds(struct tmn_walk *w, pud_t *pudp, pud_t pud,
			  unsigned long addr, unsigned long end)
{
	pmd_t *pmdp = pmd_offset_lockless(pudp, pud, addr);
	unsigned long next;
	struct tmn_entry e;

	for (; addr < end; addr = next, pmdp++) {
		pmd_t pmd = READ_ONCE(*pmdp);

		next = pmd_addr_end(addr, end);
		if (pmd_none(pmd))
			continue;
		if (!pmd_present(pmd) || pmd_leaf(pmd)) {
			tmn_pmd_entry(pmd, addr, &e);
			if (!tmn_walk_keep(w, &e))
				return false;
		} else if (!tmn_walk_ptes(w, pmd, addr, next)) {
			return false;
		}
	}
	return true;
}

static bool tmn_walk_puds(struct tmn_walk *w, p4d_t *p4dp, p4d_t p4d,
			  unsigned long addr, unsigned long end)
{
	pud_t *pudp = pud_offset_lockless(p4dp, p4d, addr);
	unsigned long next;
	struct tmn_entry e;

	for (; addr < end; addr = next, pudp++) {
		pud_t pud = READ_ONCE(*pudp);

		next = pud_addr_end(addr, end);
		if (pud_none(pud) || !pud_present(pud))
			continue;
		if (pud_leaf(pud)) {
			e = (struct tmn_entry){
				.addr = addr & PUD_MASK,
				.shift = PUD_SHIFT,
				.kind = TMN_ENTRY_PRESENT,
				.pfn = pud_pfn(pud),
				.bits = pud_write(pud) ? TMN_WRITE : 0,
			};
			if (!tmn_walk_keep(w, &e))
				return false;
		} else if (!tmn_walk_pmds(w, pudp, pud, addr, next)) {
			return false;
		}
	}
	return true;
}

/*
 * Every leaf entry of MM in [START, END), at most W->max of them, read as
 * get_user_pages_fast() reads page tables (see above).
 */
static void tmn_walk(struct tmn_walk *w, struct mm_struct *mm,
		     unsigned long start, unsigned long end)
{
	unsigned long next, flags;
	pgd_t *pgdp;

	end = min(end, mm->task_size);
	if (start >= end)
		return;
	local_irq_save(flags);
	pgdp = pgd_offset(mm, start);
	for (; start < end; start = next, pgdp++) {
		pgd_t pgd = READ_ONCE(*pgdp);
		unsigned long p4d_next, addr = start;
		p4d_t *p4dp;

		next = pgd_addr_end(start, end);
		if (pgd_none(pgd) || pgd_bad(pgd))
			continue;
		p4dp = p4d_offset_lockless(pgdp, pgd, addr);
		for (; addr < next; addr = p4d_next, p4dp++) {
			p4d_t p4d = READ_ONCE(*p4dp);

			p4d_next = p4d_addr_end(addr, next);
			if (p4d_none(p4d) || p4d_bad(p4d))
				continue;
			if (!tmn_walk_puds(w, p4dp, p4d, addr, p4d_next))
				goto out;
		}
	}
out:
	local_irq_restore(flags);
}

/* The entry that maps ADDR now, or a "none" entry. */
static void tmn_entry_at(struct mm_struct *mm, unsigned long addr,
			 struct tmn_entry *e)
{
	struct tmn_walk w = { .entries = e, .max = 1 };

	addr &= PAGE_MASK;
	tmn_walk(&w, mm, addr, addr + PAGE_SIZE);
	if (!w.count)
		*e = (struct tmn_entry){ .addr = addr, .shift = PAGE_SHIFT };
}

/* The page frame ADDR is mapped to by E, or 0 if E maps none. */
static unsigned long tmn_pfn_at(const struct tmn_entry *e, unsigned long addr)
{
	if (e->kind != TMN_ENTRY_PRESENT)
		return 0;
	return e->pfn + ((addr - e->addr) >> PAGE_SHIFT);
}

#ifdef CONFIG_STACKTRACE
/* Whether the function at ADDR belongs to the notifier code or this module. */
static bool tmn_notifier_frame(unsigned long addr)
{
	static const char *const prefixes[] = {
		"tmn_", "mn_", "__mmu_notifier", "mmu_notifier", "mmu_interval",
		"stack_trace", "arch_stack",
	};
	char name[KSYM_SYMBOL_LEN];
	unsigned int i;

	sprint_symbol_no_offset(name, addr);
	for (i = 0; i < ARRAY_SIZE(prefixes); i++)
		if (!strncmp(name, prefixes[i], strlen(prefixes[i])))
			return true;
	return false;
}

/*
 * Who sent the range: the first caller outside the notifier code. The
 * entries are not on the stack: an unwinder that guesses (x86's
 * UNWINDER_GUESS takes every text address on the stack) would find what
 * it has just stored. Called with tmn_violation_lock held.
 */
static unsigned long tmn_caller(void)
{
	static unsigned long entries[64];
	unsigned int i, n = stack_trace_save(entries, ARRAY_SIZE(entries), 0);

	for (i = 0; i < n; i++)
		if (!tmn_notifier_frame(entries[i]))
			return entries[i];
	return 0;
}
#else
static unsigned long tmn_caller(void)
{
	return 0;
}
#endif

/*
 * Count a violation of CHECK by a range of EVENT (or TMN_ROW_MISSING) and
 * keep it, once per event, check and caller, with the first entries seen.
 */
static void tmn_violation(unsigned int event, const char *check,
			  unsigned long start, unsigned long end,
			  const struct tmn_entry *before,
			  const struct tmn_entry *after)
{
	static const struct tmn_entry none;
	bool planted = READ_ONCE(tmn_planter) == current;
	unsigned long caller, flags;
	struct tmn_violation *v;
	unsigned int i;

	if (planted)
		atomic_long_inc(&tmn_planted_event_caught);
	else
		atomic_long_inc(&tmn_tally[event].violations);
	spin_lock_irqsave(&tmn_violation_lock, flags);
	caller = tmn_caller();
	for (i = 0; i < tmn_nr_violations; i++) {
		v = &tmn_violations[i];
		if (v->event == event && v->check == check &&
		    v->caller == caller && v->planted == planted) {
			v->count++;
			goto out;
		}
	}
	if (tmn_nr_violations == TMN_VIOLATIONS) {
		tmn_violations_lost++;
		goto out;
	}
	tmn_violations[tmn_nr_violations++] = (struct tmn_violation){
		.event = event, .check = check, .caller = caller, .count = 1,
		.start = start, .end = end, .planted = planted,
		.before = before ? *before : none, .after = after ? *after : none,
	};
out:
	spin_unlock_irqrestore(&tmn_violation_lock, flags);
}

static bool tmn_is_special(const struct tmn_entry *e, enum tmn_kind kind)
{
	return e->kind == kind;
}

#ifdef MMNR_RANGE_HAS_VMA
/* 1 or 0 if the range's vma (kept alive by the caller) allows writes. */
static int tmn_vma_writable(const struct mmu_notifier_range *range)
{
	return range->vma ? !!(range->vma->vm_flags & VM_WRITE) : -1;
}
#else
/* 1 or 0 if the vma at the range's start allows writes, -1: unknown. */
static int tmn_vma_writable(const struct mmu_notifier_range *range)
{
	struct vm_area_struct *vma;
	int writable = -1;

	if (!mmap_read_trylock(range->mm))
		return -1;
	vma = find_vma(range->mm, range->start);
	if (vma && vma->vm_start <= range->start)
		writable = !!(vma->vm_flags & VM_WRITE);
	mmap_read_unlock(range->mm);
	return writable;
}
#endif

/*
 * An entry writable at the end of a protection range: PROTECTION_VMA
 * leaves no entry more access than its vma allows (mprotect() may add
 * write access); the other protection events only take access away.
 */
static void tmn_check_writable(const struct mmu_notifier_range *range,
			       const struct tmn_entry *was,
			       const struct tmn_entry *now)
{
	int writable;

	if (range->event != MMU_NOTIFY_PROTECTION_VMA) {
		if (!(was->bits & TMN_WRITE))
			tmn_violation(range->event, "write-gained", range->start,
				      range->end, was, now);
		return;
	}
	writable = tmn_vma_writable(range);
	if (writable < 0)
		atomic_long_inc(&tmn_tally[range->event].unchecked);
	else if (!writable)
		tmn_violation(range->event, "write-beyond-vma", range->start,
			      range->end, was, now);
}

/*
 * The entries of an open range at its start (OPEN) against the same
 * addresses now, by what the range's event promises of them.
 */
static void tmn_check_entries(const struct mmu_notifier_range *range,
			      const struct tmn_open *open)
{
	unsigned int i, event = range->event;
	struct tmn_entry now;

	for (i = 0; i < open->count; i++) {
		const struct tmn_entry *was = &open->entries[i];
		unsigned long addr = max(was->addr, range->start);
		bool changed;

		tmn_entry_at(range->mm, addr, &now);
		changed = now.kind != was->kind ||
			  tmn_pfn_at(&now, addr) != tmn_pfn_at(was, addr);
		switch (event) {
		case MMU_NOTIFY_PROTECTION_VMA:
		case MMU_NOTIFY_PROTECTION_PAGE:
		case MMU_NOTIFY_SOFT_DIRTY:
			/* The same page stays mapped, with no more access. */
			if (was->kind != TMN_ENTRY_PRESENT)
				break;
			if (changed)
				tmn_violation(event, "page-changed", range->start,
					      range->end, was, &now);
			else if (now.bits & TMN_WRITE)
				tmn_check_writable(range, was, &now);
			break;
		case MMU_NOTIFY_MIGRATE:
			/* To or from a migration or device-private entry. */
			if (changed && was->kind != TMN_ENTRY_NONE &&
			    !tmn_is_special(was, TMN_ENTRY_MIGRATION) &&
			    !tmn_is_special(&now, TMN_ENTRY_MIGRATION) &&
			    !tmn_is_special(was, TMN_ENTRY_DEVICE_PRIVATE) &&
			    !tmn_is_special(&now, TMN_ENTRY_DEVICE_PRIVATE))
				tmn_violation(event, "not-migration", range->start,
					      range->end, was, &now);
			break;
#ifdef MMNR_HAVE_EXCLUSIVE
		case MMU_NOTIFY_EXCLUSIVE:
			/* To or from a device-exclusive entry. */
			if (changed &&
			    !tmn_is_special(was, TMN_ENTRY_DEVICE_EXCLUSIVE) &&
			    !tmn_is_special(&now, TMN_ENTRY_DEVICE_EXCLUSIVE))
				tmn_violation(event, "not-exclusive", range->start,
					      range->end, was, &now);
			break;
#endif
		default:
			break;
		}
	}
}

/* The mm is going away: exit_mmap(), or the OOM reaper's MMF_UNSTABLE. */
static bool tmn_mm_dying(struct mm_struct *mm)
{
	return !atomic_read(&mm->mm_users) || test_bit(MMF_UNSTABLE, &mm->flags);
}

/* How much of [START, END) the vmas of MM cover: none, part or all. */
static enum tmn_vma tmn_vmas_cover(struct mm_struct *mm, unsigned long start,
				   unsigned long end, bool *hugetlb_shared)
{
	unsigned long addr = start;
	struct vm_area_struct *vma;
	bool any = false;

	*hugetlb_shared = false;
	while (addr < end) {
		vma = find_vma(mm, addr);
		if (!vma || vma->vm_start >= end)
			break;
		any = true;
		if (is_vm_hugetlb_page(vma) && (vma->vm_flags & VM_MAYSHARE))
			*hugetlb_shared = true;
		if (vma->vm_start > addr)
			return TMN_VMA_PARTIAL;
		addr = vma->vm_end;
	}
	if (addr >= end)
		return TMN_VMA_COVERS;
	return any ? TMN_VMA_PARTIAL : TMN_VMA_NONE;
}

/*
 * What UNMAP and CLEAR promise of the vmas at the end of the range, where
 * the mmap lock can be had without waiting.
 */
static void tmn_check_vmas(const struct mmu_notifier_range *range)
{
	struct mm_struct *mm = range->mm;
	unsigned int event = range->event;
	bool hugetlb_shared;
	enum tmn_vma cover;

	if (event != MMU_NOTIFY_UNMAP && event != MMU_NOTIFY_CLEAR)
		return;
	if (tmn_mm_dying(mm))
		return;
	if (!mmap_read_trylock(mm)) {
		atomic_long_inc(&tmn_tally[event].unchecked);
		return;
	}
	cover = tmn_vmas_cover(mm, range->start, range->end, &hugetlb_shared);
	mmap_read_unlock(mm);
	if (event == MMU_NOTIFY_UNMAP && cover != TMN_VMA_NONE)
		tmn_violation(event, "vma-left", range->start, range->end,
			      NULL, NULL);
	/*
	 * A hugetlb range widened to the PUD around a shared PMD page may
	 * reach beyond its vma (the kernel-doc of CLEAR says so).
	 */
	if (event == MMU_NOTIFY_CLEAR && cover != TMN_VMA_COVERS &&
	    !(hugetlb_shared && IS_ALIGNED(range->start, PUD_SIZE) &&
	      IS_ALIGNED(range->end, PUD_SIZE)))
		tmn_violation(event, "vma-gone", range->start, range->end,
			      NULL, NULL);
}

/* UNMAP: nothing is mapped in the range any more. */
static void tmn_check_unmapped(const struct mmu_notifier_range *range)
{
	struct tmn_entry left;
	struct tmn_walk w = { .entries = &left, .max = 1 };

	tmn_walk(&w, range->mm, range->start, range->end);
	if (w.count)
		tmn_violation(range->event, "entry-left", range->start,
			      range->end, NULL, &left);
}

/*
 * Whether the caller may not sleep, as far as this kernel can tell: with
 * interrupts off always, in any other atomic context only where
 * CONFIG_PREEMPT_COUNT counts it (lockdep and debug configurations).
 */
static bool tmn_atomic(void)
{
	return irqs_disabled() ||
	       (IS_ENABLED(CONFIG_PREEMPT_COUNT) && preempt_count());
}

static void tmn_check_blockable(const struct mmu_notifier_range *range)
{
	bool blockable = mmu_notifier_range_blockable(range);

	if (blockable && tmn_atomic())
		tmn_violation(range->event, "blockable-atomic", range->start,
			      range->end, NULL, NULL);
	/* Only the OOM reaper may not block, on the mm it reaps. */
	if (!blockable && !test_bit(MMF_UNSTABLE, &range->mm->flags))
		tmn_violation(range->event, "nonblockable-not-reaping",
			      range->start, range->end, NULL, NULL);
}

/* Whether the entries of EVENT's ranges are compared from start to end. */
static bool tmn_follows_entries(unsigned int event)
{
	switch (event) {
	case MMU_NOTIFY_PROTECTION_VMA:
	case MMU_NOTIFY_PROTECTION_PAGE:
	case MMU_NOTIFY_SOFT_DIRTY:
	case MMU_NOTIFY_MIGRATE:
#ifdef MMNR_HAVE_EXCLUSIVE
	case MMU_NOTIFY_EXCLUSIVE:
#endif
		return true;
	default:
		return false;
	}
}

/*
 * The entries of the watched interval as the last range left them, to
 * find a change made with no range open. Called with c->lock held.
 */
static void tmn_shadow_take(struct tmn_checker *c)
{
	struct tmn_walk w = { .entries = c->shadow, .max = TMN_SAMPLE };

	if (!c->shadow || !c->mm || c->watch_start >= c->watch_end)
		return;
	tmn_walk(&w, c->mm, c->watch_start, c->watch_end);
	c->shadow_count = w.count;
	c->shadow_valid = true;
}

/*
 * A present entry of the shadow that now maps another page, has lost
 * write access or is gone, while no range was open: a missing
 * notification, unless it is the one "plant" made. Called with c->lock
 * held and no range open.
 */
static void tmn_shadow_compare(struct tmn_checker *c)
{
	struct tmn_entry now;
	unsigned int i;

	if (!c->shadow_valid)
		return;
	atomic_long_inc(&tmn_tally[TMN_ROW_MISSING].checked);
	for (i = 0; i < c->shadow_count; i++) {
		const struct tmn_entry *was = &c->shadow[i];

		if (was->kind != TMN_ENTRY_PRESENT)
			continue;
		tmn_entry_at(c->mm, was->addr, &now);
		if (now.kind == TMN_ENTRY_PRESENT &&
		    tmn_pfn_at(&now, was->addr) == was->pfn &&
		    (now.bits & TMN_WRITE) >= (was->bits & TMN_WRITE))
			continue;
		if (c->planted && c->planted == was->addr) {
			atomic_long_inc(&tmn_planted_caught);
			c->planted = 0;
			continue;
		}
		tmn_violation(TMN_ROW_MISSING, "missing-notification",
			      was->addr, was->addr + (1UL << was->shift), was, &now);
	}
}

/*
 * invalidate_range_start(): the missing-notification check, then the
 * checks of the start, and the entries kept for the end.
 */
static void tmn_contract_start(struct tmn_checker *c,
			       const struct mmu_notifier_range *range)
{
	struct tmn_open *open = NULL;
	struct tmn_walk w = { .max = TMN_SAMPLE };
	unsigned long flags;
	unsigned int i;

	if (c->open)
		tmn_check_blockable(range);
	spin_lock_irqsave(&c->lock, flags);
	if (!c->nr_open)
		tmn_shadow_compare(c);
	c->nr_open++;
	c->shadow_valid = false;
	if (c->open && tmn_follows_entries(range->event)) {
		for (i = 0; i < TMN_OPEN_RANGES && !open; i++)
			if (!c->open[i].range)
				open = &c->open[i];
		if (open)
			open->range = range;
		else
			atomic_long_inc(&tmn_tally[range->event].unchecked);
	}
	spin_unlock_irqrestore(&c->lock, flags);
	if (!open)
		return;
	w.entries = open->entries;
	tmn_walk(&w, range->mm, range->start, range->end);
	open->count = w.count;
	open->sampled = w.sampled;
}

/* invalidate_range_end(): what the range's event promises of its end. */
static void tmn_contract_end(struct tmn_checker *c,
			     const struct mmu_notifier_range *range)
{
	struct tmn_tally *tally = &tmn_tally[range->event];
	struct tmn_open *open = NULL;
	unsigned long flags;
	unsigned int i;

	spin_lock_irqsave(&c->lock, flags);
	for (i = 0; c->open && i < TMN_OPEN_RANGES && !open; i++)
		if (c->open[i].range == range)
			open = &c->open[i];
	spin_unlock_irqrestore(&c->lock, flags);

	if (c->open) {
		atomic_long_inc(&tally->checked);
		if (open && open->sampled)
			atomic_long_inc(&tally->sampled);
		if (open)
			tmn_check_entries(range, open);
		if (range->event == MMU_NOTIFY_UNMAP)
			tmn_check_unmapped(range);
		tmn_check_vmas(range);
	}

	spin_lock_irqsave(&c->lock, flags);
	if (open)
		open->range = NULL;
	/* A range that started before the notifier was registered: no count. */
	if (c->nr_open && !--c->nr_open)
		tmn_shadow_take(c);
	spin_unlock_irqrestore(&c->lock, flags);
}

/* The interval notifier's RELEASE: only once the mm has no user left. */
static void tmn_contract_interval(const struct mmu_notifier_range *range)
{
	if (range->event != MMU_NOTIFY_RELEASE)
		return;
	atomic_long_inc(&tmn_tally[MMU_NOTIFY_RELEASE].checked);
	if (atomic_read(&range->mm->mm_users))
		tmn_violation(MMU_NOTIFY_RELEASE, "not-torn-down", range->start,
			      range->end, NULL, NULL);
}

/*
 * "plant ADDR", for the test of the missing-notification check only:
 * remove write access from the PTE that maps ADDR without any notifier
 * call, the kind of change a notifier user never hears of. The TLB is not
 * flushed: the check reads the page table, and a stale writable TLB entry
 * only delays the write fault that gives write access back.
 */
static int tmn_plant(struct tmn_checker *c, char *args)
{
	struct mm_struct *mm = current->mm;
	unsigned long addr, flags;
	pgd_t *pgdp, pgd;
	p4d_t *p4dp, p4d;
	pud_t *pudp, pud;
	pmd_t *pmdp, pmd;
	pte_t *ptep;
	int ret = -ENOENT;

	if (kstrtoul(args, 16, &addr) || !c->shadow || mm != c->mm)
		return -EINVAL;
	mmap_read_lock(mm);
	local_irq_save(flags);
	pgdp = pgd_offset(mm, addr);
	pgd = READ_ONCE(*pgdp);
	if (pgd_none(pgd) || pgd_bad(pgd))
		goto out;
	p4dp = p4d_offset_lockless(pgdp, pgd, addr);
	p4d = READ_ONCE(*p4dp);
	if (p4d_none(p4d) || p4d_bad(p4d))
		goto out;
	pudp = pud_offset_lockless(p4dp, p4d, addr);
	pud = READ_ONCE(*pudp);
	if (pud_none(pud) || !pud_present(pud) || pud_leaf(pud))
		goto out;
	pmdp = pmd_offset_lockless(pudp, pud, addr);
	pmd = READ_ONCE(*pmdp);
	if (pmd_none(pmd) || !pmd_present(pmd) || pmd_leaf(pmd))
		goto out;
#ifdef CONFIG_HIGHPTE
	ret = -EOPNOTSUPP;
	goto out;
#endif
	ptep = pte_offset_kernel(&pmd, addr);
	if (pte_present(ptep_get(ptep)) && pte_write(ptep_get(ptep))) {
		ptep_set_wrprotect(mm, addr, ptep);
		c->planted = addr & PAGE_MASK;
		ret = 0;
	}
out:
	local_irq_restore(flags);
	mmap_read_unlock(mm);
	return ret;
}

/* The event named NAME in the contract file, or -1. */
static int tmn_event_named(const char *name)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(tmn_event_names); i++)
		if (tmn_event_names[i] && !strcmp(tmn_event_names[i], name))
			return i;
	return -1;
}

/*
 * "plant-event EVENT ADDR", for the test of the checks of each event
 * only: the range of the page at ADDR, claiming EVENT, handed straight to
 * the callbacks of a checker of its own (no notifier of the mm hears of
 * it), with the mmap lock held as most senders of a range hold it. Nothing
 * changes, so an UNMAP over a mapped page or a CLEAR over a hole is a
 * violation; the checker counts it as "planted", not as a violation.
 */
static int tmn_plant_event(char *args)
{
	struct mm_struct *mm = current->mm;
	struct mmu_notifier_range range;
	struct vm_area_struct *vma;
	struct tmn_checker *c;
	unsigned long addr;
	char *name = strsep(&args, " ");
	int event = tmn_event_named(name);

	if (event < 0 || !args || kstrtoul(args, 16, &addr) || !mm ||
	    addr > TASK_SIZE - PAGE_SIZE)
		return -EINVAL;
	addr &= PAGE_MASK;
	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	c->open = kvcalloc(TMN_OPEN_RANGES, sizeof(*c->open), GFP_KERNEL);
	if (!c->open) {
		kfree(c);
		return -ENOMEM;
	}
	spin_lock_init(&c->lock);
	c->mm = mm;
	mmap_read_lock(mm);
	vma = find_vma(mm, addr);
	if (vma && vma->vm_start > addr)
		vma = NULL;
#ifdef MMNR_RANGE_HAS_VMA
	mmu_notifier_range_init(&range, event, 0, vma, mm, addr,
				addr + PAGE_SIZE);
#else
	mmu_notifier_range_init(&range, event, 0, mm, addr, addr + PAGE_SIZE);
#endif
	/* As mmu_notifier_invalidate_range_start() marks it: this may sleep. */
	range.flags |= MMU_NOTIFIER_RANGE_BLOCKABLE;
	WRITE_ONCE(tmn_planter, current);
	tmn_contract_start(c, &range);
	tmn_contract_end(c, &range);
	WRITE_ONCE(tmn_planter, NULL);
	mmap_read_unlock(mm);
	kvfree(c->open);
	kfree(c);
	return 0;
}

/* "check": compare the interval's entries now, as a range start would. */
static int tmn_check_now(struct tmn_checker *c)
{
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&c->lock, flags);
	if (c->nr_open || !c->shadow_valid) {
		ret = -EBUSY;
	} else {
		tmn_shadow_compare(c);
		tmn_shadow_take(c);
	}
	spin_unlock_irqrestore(&c->lock, flags);
	return ret;
}

static void tmn_show_entry(struct seq_file *m, const struct tmn_entry *e)
{
	seq_printf(m, " %s:%lx:%c%c%c", tmn_kind_names[e->kind], e->pfn,
		   e->bits & TMN_WRITE ? 'w' : '-',
		   e->bits & TMN_DIRTY ? 'd' : '-',
		   e->bits & TMN_SOFT_DIRTY ? 's' : '-');
}

static const char *tmn_row_name(unsigned int row)
{
	if (row == TMN_ROW_MISSING)
		return "missing";
	return tmn_event_names[row] ?: "unknown";
}

/*
 * The contract file: a line per event, "EVENT CHECKED SAMPLED UNCHECKED
 * VIOLATIONS", the row "missing" for the comparisons between ranges,
 * "planted-caught N" (the changes of "plant" found), "planted-event-caught
 * N" (the violations of "plant-event" ranges), "watch-refused N" (a "watch"
 * that failed, other than for an mm watched already), then a line per kept
 * violation: "violation EVENT CHECK CALLER COUNT START END BEFORE AFTER"
 * ("planted" instead of "violation" for those of "plant-event"), an entry
 * being KIND:PFN:WDS, and "lost N" if more kinds were seen than kept.
 */
static int tmn_contract_show(struct seq_file *m, void *v)
{
	struct tmn_violation *kept;
	unsigned int row, i, n;
	unsigned long flags, lost;

	kept = kcalloc(TMN_VIOLATIONS, sizeof(*kept), GFP_KERNEL);
	if (!kept)
		return -ENOMEM;
	for (row = 0; row < TMN_ROWS; row++) {
		struct tmn_tally *t = &tmn_tally[row];

		if (row < TMN_ROW_MISSING && !tmn_event_names[row])
			continue;
		seq_printf(m, "%s %ld %ld %ld %ld\n", tmn_row_name(row),
			   atomic_long_read(&t->checked),
			   atomic_long_read(&t->sampled),
			   atomic_long_read(&t->unchecked),
			   atomic_long_read(&t->violations));
	}
	seq_printf(m, "planted-caught %ld\n", atomic_long_read(&tmn_planted_caught));
	seq_printf(m, "planted-event-caught %ld\n",
		   atomic_long_read(&tmn_planted_event_caught));
	seq_printf(m, "watch-refused %ld\n", atomic_long_read(&tmn_watch_refused));
	spin_lock_irqsave(&tmn_violation_lock, flags);
	n = tmn_nr_violations;
	memcpy(kept, tmn_violations, n * sizeof(*kept));
	lost = tmn_violations_lost;
	spin_unlock_irqrestore(&tmn_violation_lock, flags);
	for (i = 0; i < n; i++) {
		seq_printf(m, "%s %s %s %ps %lu %lx %lx",
			   kept[i].planted ? "planted" : "violation",
			   tmn_row_name(kept[i].event), kept[i].check,
			   (void *)kept[i].caller, kept[i].count,
			   kept[i].start, kept[i].end);
		tmn_show_entry(m, &kept[i].before);
		tmn_show_entry(m, &kept[i].after);
		seq_putc(m, '\n');
	}
	if (lost)
		seq_printf(m, "lost %lu\n", lost);
	kfree(kept);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(tmn_contract);

static void tmn_record_range(struct tmn_ctx *ctx, enum tmn_phase phase,
			     enum tmn_source source,
			     const struct mmu_notifier_range *range)
{
	struct tmn_record rec = {
		.phase = phase,
		.source = source,
		.event = range->event,
		.blockable = mmu_notifier_range_blockable(range),
		.vma = tmn_vma_of(range),
#ifdef MMNR_PGMAP_OWNER_FIELD
		/* Named owner since commit 6b49bf6ddbb0 ("mm: rename migrate_pgmap_owner"). */
		.owner = range->migrate_pgmap_owner,
#else
		.owner = range->owner,
#endif
		.start = range->start,
		.end = range->end,
	};

	tmn_add(ctx, &rec);
}

static int tmn_invalidate_range_start(struct mmu_notifier *mn,
				      const struct mmu_notifier_range *range)
{
	struct tmn_ctx *ctx = container_of(mn, struct tmn_ctx, mn);

	tmn_record_range(ctx, TMN_START, TMN_MN, range);
	tmn_contract_start(&ctx->check, range);
	return 0;
}

static void tmn_invalidate_range_end(struct mmu_notifier *mn,
				     const struct mmu_notifier_range *range)
{
	struct tmn_ctx *ctx = container_of(mn, struct tmn_ctx, mn);

	tmn_contract_end(&ctx->check, range);
	tmn_record_range(ctx, TMN_END, TMN_MN, range);
}

static void tmn_release(struct mmu_notifier *mn, struct mm_struct *mm)
{
	struct tmn_record rec = {
		.phase = TMN_RELEASE,
		.source = TMN_MN,
		.event = MMU_NOTIFY_RELEASE,
		.blockable = true,
	};

	tmn_add(container_of(mn, struct tmn_ctx, mn), &rec);
}

static const struct mmu_notifier_ops tmn_ops = {
	.release = tmn_release,
	.invalidate_range_start = tmn_invalidate_range_start,
	.invalidate_range_end = tmn_invalidate_range_end,
};

static bool tmn_interval_invalidate(struct mmu_interval_notifier *interval,
				    const struct mmu_notifier_range *range,
				    unsigned long cur_seq)
{
	tmn_record_range(container_of(interval, struct tmn_ctx, interval),
			 TMN_START, TMN_INTERVAL, range);
	tmn_contract_interval(range);
	mmu_interval_set_seq(interval, cur_seq);
	return true;
}

static const struct mmu_interval_notifier_ops tmn_interval_ops = {
	.invalidate = tmn_interval_invalidate,
};

/*
 * The records and the shadow of the missing-notification check, allocated
 * before the first notifier can call back.
 */
static int tmn_alloc_records(struct tmn_ctx *ctx)
{
	if (!ctx->records)
		ctx->records = kvcalloc(TMN_MAX_RECORDS, sizeof(*ctx->records),
					GFP_KERNEL);
	if (!ctx->check.shadow)
		ctx->check.shadow = kvcalloc(TMN_SAMPLE,
					     sizeof(*ctx->check.shadow),
					     GFP_KERNEL);
	return ctx->records && ctx->check.shadow ? 0 : -ENOMEM;
}

/* A new notifier or interval: the shadow of the interval starts now. */
static void tmn_shadow_start(struct tmn_checker *c)
{
	unsigned long flags;

	spin_lock_irqsave(&c->lock, flags);
	if (!c->nr_open)
		tmn_shadow_take(c);
	spin_unlock_irqrestore(&c->lock, flags);
}

/*
 * "watch PID": a notifier of its own on the mm of task PID, whose ranges
 * the contract checker checks (the launcher of the kernel's mm tests
 * writes it for every process it starts). An mm is watched once per file.
 */
struct tmn_watch {
	struct mmu_notifier mn;
	struct tmn_checker check;
	struct list_head node;
};

#define TMN_MAX_WATCHES 512

static int tmn_watch_start(struct mmu_notifier *mn,
			   const struct mmu_notifier_range *range)
{
	tmn_contract_start(&container_of(mn, struct tmn_watch, mn)->check, range);
	return 0;
}

static void tmn_watch_end(struct mmu_notifier *mn,
			  const struct mmu_notifier_range *range)
{
	tmn_contract_end(&container_of(mn, struct tmn_watch, mn)->check, range);
}

static const struct mmu_notifier_ops tmn_watch_ops = {
	.invalidate_range_start = tmn_watch_start,
	.invalidate_range_end = tmn_watch_end,
};

static int tmn_watch_mm(struct tmn_ctx *ctx, struct mm_struct *mm)
{
	struct tmn_watch *w;
	int ret;

	list_for_each_entry(w, &ctx->watches, node)
		if (w->check.mm == mm)
			return -EALREADY;
	if (ctx->nr_watches == TMN_MAX_WATCHES)
		return -ENOSPC;
	w = kzalloc(sizeof(*w), GFP_KERNEL);
	if (!w)
		return -ENOMEM;
	w->check.open = kvcalloc(TMN_OPEN_RANGES, sizeof(*w->check.open),
				 GFP_KERNEL);
	if (!w->check.open) {
		kfree(w);
		return -ENOMEM;
	}
	spin_lock_init(&w->check.lock);
	w->check.mm = mm;
	w->mn.ops = &tmn_watch_ops;
	ret = mmu_notifier_register(&w->mn, mm);
	if (ret) {
		kvfree(w->check.open);
		kfree(w);
		return ret;
	}
	list_add(&w->node, &ctx->watches);
	ctx->nr_watches++;
	return 0;
}

static int tmn_watch_pid(struct tmn_ctx *ctx, char *args)
{
	struct task_struct *task;
	struct mm_struct *mm;
	struct pid *pid;
	int nr, ret;

	if (kstrtoint(args, 10, &nr) || nr <= 0)
		return -EINVAL;
	pid = find_get_pid(nr);
	task = pid ? get_pid_task(pid, PIDTYPE_PID) : NULL;
	put_pid(pid);
	if (!task)
		return -ESRCH;
	mm = get_task_mm(task);
	put_task_struct(task);
	if (!mm)
		return -EINVAL;
	ret = tmn_watch_mm(ctx, mm);
	mmput(mm);
	if (ret && ret != -EALREADY)
		atomic_long_inc(&tmn_watch_refused);
	return ret;
}

/* Closing the file: each mm the notifiers still hold is let go. */
static void tmn_unwatch_all(struct tmn_ctx *ctx)
{
	struct tmn_watch *w, *next;

	list_for_each_entry_safe(w, next, &ctx->watches, node) {
		mmu_notifier_unregister(&w->mn, w->check.mm);
		kvfree(w->check.open);
		kfree(w);
	}
}

static int tmn_register(struct tmn_ctx *ctx, bool pin)
{
	struct mm_struct *mm = current->mm;
	int ret;

	if (ctx->mm)
		return -EBUSY;
	if (!mm)
		return -EINVAL;
	ret = tmn_alloc_records(ctx);
	if (ret)
		return ret;
	ctx->mn.ops = &tmn_ops;
	ctx->check.mm = mm;
	ret = mmu_notifier_register(&ctx->mn, mm);
	if (ret)
		return ret;
	ctx->mm = mm;
	if (pin) {
		mmget(mm);
		ctx->pinned = true;
	}
	tmn_shadow_start(&ctx->check);
	return 0;
}

/*
 * "START LEN": two hexadecimal numbers separated by one space, nothing
 * else; kstrtoul() rejects overflow and trailing characters.
 */
static int tmn_parse_interval(char *args, unsigned long *start,
			      unsigned long *length)
{
	char *first = strsep(&args, " ");

	if (!args || kstrtoul(first, 16, start) || kstrtoul(args, 16, length))
		return -EINVAL;
	return *length ? 0 : -EINVAL;
}

static int tmn_insert_interval(struct tmn_ctx *ctx, char *args)
{
	unsigned long start, length;
	int ret;

	if (ctx->interval_mm)
		return -EBUSY;
	if (!current->mm)
		return -EINVAL;
	ret = tmn_parse_interval(args, &start, &length);
	if (ret)
		return ret;
	ret = tmn_alloc_records(ctx);
	if (ret)
		return ret;
	ret = mmu_interval_notifier_insert(&ctx->interval, current->mm, start,
					   length, &tmn_interval_ops);
	if (ret)
		return ret;
	ctx->interval_mm = current->mm;
	if (ctx->interval_mm == ctx->mm) {
		ctx->check.watch_start = start;
		ctx->check.watch_end = start + length;
		tmn_shadow_start(&ctx->check);
	}
	return 0;
}

static void tmn_clear(struct tmn_ctx *ctx)
{
	unsigned long flags;

	spin_lock_irqsave(&ctx->lock, flags);
	WRITE_ONCE(ctx->count, 0);
	WRITE_ONCE(ctx->dropped, 0);
	spin_unlock_irqrestore(&ctx->lock, flags);
}

static ssize_t tmn_write(struct file *file, const char __user *ubuf,
			 size_t len, loff_t *ppos)
{
	struct tmn_ctx *ctx = ((struct seq_file *)file->private_data)->private;
	char buf[64], *cmd;
	int ret;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	/* Text only: strcmp() would not see what follows a NUL. */
	if (memchr(buf, '\0', len))
		return -EINVAL;
	buf[len] = '\0';
	cmd = strim(buf);

	mutex_lock(&ctx->cmd_lock);
	if (!strcmp(cmd, "register")) {
		ret = tmn_register(ctx, false);
	} else if (!strcmp(cmd, "pin")) {
		ret = tmn_register(ctx, true);
	} else if (!strncmp(cmd, "interval ", 9)) {
		ret = tmn_insert_interval(ctx, cmd + 9);
	} else if (!strcmp(cmd, "clear")) {
		tmn_clear(ctx);
		ret = 0;
	} else if (!strcmp(cmd, "check")) {
		ret = tmn_check_now(&ctx->check);
	} else if (!strncmp(cmd, "plant ", 6)) {
		ret = tmn_plant(&ctx->check, cmd + 6);
	} else if (!strncmp(cmd, "plant-event ", 12)) {
		ret = tmn_plant_event(cmd + 12);
	} else if (!strncmp(cmd, "watch ", 6)) {
		ret = tmn_watch_pid(ctx, cmd + 6);
	} else {
		ret = -EINVAL;
	}
	mutex_unlock(&ctx->cmd_lock);
	return ret ? ret : len;
}

static void *tmn_seq_start(struct seq_file *m, loff_t *pos)
{
	struct tmn_ctx *ctx = m->private;
	loff_t lines = READ_ONCE(ctx->count) + !!READ_ONCE(ctx->dropped);

	return *pos < lines ? pos : NULL;
}

static void *tmn_seq_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return tmn_seq_start(m, pos);
}

static void tmn_seq_stop(struct seq_file *m, void *v)
{
}

static int tmn_seq_show(struct seq_file *m, void *v)
{
	struct tmn_ctx *ctx = m->private;
	loff_t i = *(loff_t *)v;
	unsigned long flags, dropped;
	struct tmn_record rec;
	bool valid;

	spin_lock_irqsave(&ctx->lock, flags);
	valid = i < ctx->count;
	if (valid)
		rec = ctx->records[i];
	dropped = ctx->dropped;
	spin_unlock_irqrestore(&ctx->lock, flags);
	if (!valid) {
		if (dropped)
			seq_printf(m, "dropped %lu\n", dropped);
		return 0;
	}
	seq_printf(m, "%s %s %s %d %s %s %lx %lx\n",
		   tmn_phase_names[rec.phase],
		   rec.source == TMN_MN ? "mn" : "interval",
		   rec.event < ARRAY_SIZE(tmn_event_names) ?
		   tmn_event_names[rec.event] : "unknown",
		   rec.blockable, tmn_vma_names[rec.vma],
		   rec.owner ? "set" : "none", rec.start, rec.end);
	return 0;
}

static const struct seq_operations tmn_seq_ops = {
	.start = tmn_seq_start,
	.next = tmn_seq_next,
	.stop = tmn_seq_stop,
	.show = tmn_seq_show,
};

static int tmn_open(struct inode *inode, struct file *file)
{
	struct tmn_ctx *ctx;
	int ret;

	ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;
	mutex_init(&ctx->cmd_lock);
	spin_lock_init(&ctx->lock);
	spin_lock_init(&ctx->check.lock);
	INIT_LIST_HEAD(&ctx->watches);
	ret = seq_open(file, &tmn_seq_ops);
	if (ret) {
		kfree(ctx);
		return ret;
	}
	((struct seq_file *)file->private_data)->private = ctx;
	return 0;
}

static int tmn_release_file(struct inode *inode, struct file *file)
{
	struct tmn_ctx *ctx = ((struct seq_file *)file->private_data)->private;

	if (ctx->interval_mm)
		mmu_interval_notifier_remove(&ctx->interval);
	if (ctx->mm) {
		mmu_notifier_unregister(&ctx->mn, ctx->mm);
		if (ctx->pinned)
			mmput(ctx->mm);
	}
	tmn_unwatch_all(ctx);
	kvfree(ctx->records);
	kvfree(ctx->check.shadow);
	kfree(ctx);
	return seq_release(inode, file);
}

static const struct file_operations tmn_fops = {
	.owner = THIS_MODULE,
	.open = tmn_open,
	.read = seq_read,
	.write = tmn_write,
	.llseek = seq_lseek,
	.release = tmn_release_file,
};

static struct dentry *tmn_dir;

static int __init test_mmu_notifier_init(void)
{
	tmn_dir = debugfs_create_dir("test_mmu_notifier", NULL);
	debugfs_create_file("events", 0600, tmn_dir, NULL, &tmn_fops);
	debugfs_create_file("contract", 0400, tmn_dir, NULL, &tmn_contract_fops);
	return 0;
}

static void __exit test_mmu_notifier_exit(void)
{
	debugfs_remove_recursive(tmn_dir);
}

module_init(test_mmu_notifier_init);
module_exit(test_mmu_notifier_exit);
MODULE_DESCRIPTION("Test module for the context of MMU notifier ranges");
MODULE_LICENSE("GPL");
