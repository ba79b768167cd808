// SPDX-License-Identifier: GPL-2.0
/*
 * Check on the running kernel that each kind of page table change tells
 * MMU notifiers why it happens: the event, the blockable flag, the vma and
 * the bounds of every range, as recorded by lib/test_mmu_notifier.c
 * (CONFIG_TEST_MMU_NOTIFIER) in /sys/kernel/debug/test_mmu_notifier/events.
 *
 * Each test does one thing to a mapping of its own and then checks every
 * range that overlaps the mapping: each must be of a kind the test expects,
 * with the expected bounds, each expected kind must be seen, and every
 * invalidate_range_start() must have its invalidate_range_end(). Each test
 * prints an "event-table:" line with what it expected and what it saw.
 *
 * Needs root and debugfs at /sys/kernel/debug. A test whose feature is
 * missing is skipped with the reason: KSM with /proc/self/ksm_merging_pages,
 * a transparent huge page, a hugetlb page, two NUMA nodes, clear_refs,
 * and for the OOM reaper a cgroup v2 hierarchy with the memory controller
 * and a readable /dev/kmsg.
 *
 * While the tests run, NUMA balancing and proactive compaction are off, so
 * that no range the tests did not ask for lands on their memory. Every
 * setting the program changes is restored: a test's by its teardown, also
 * after a failed assertion, and those two when the program exits.
 *
 * Every wait ends on something the kernel reports, never on a guessed
 * quiet period, and is bounded so that it fails loudly instead of hanging.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../kselftest_harness.h"

#define EVENTS_FILE "/sys/kernel/debug/test_mmu_notifier/events"
#define CONTRACT_FILE "/sys/kernel/debug/test_mmu_notifier/contract"
#define KSM_DIR "/sys/kernel/mm/ksm/"
#define THP_DIR "/sys/kernel/mm/transparent_hugepage/"
#define KSM_MERGING "/proc/self/ksm_merging_pages"
#define NR_HUGEPAGES "/proc/sys/vm/nr_hugepages"
#define NPAGES 16
#define MAX_RECORDS 1024	/* the module keeps at most this many */

/*
 * The OOM-reaper test's memory cgroup: the child is killed once it has
 * charged OOM_MEMCG_MAX, so the machine itself never runs out of memory.
 */
#define OOM_MEMCG_MAX (32UL << 20)
#define OOM_CHUNK (4UL << 20)
/*
 * The reaper starts two seconds after the kill (OOM_REAPER_DELAY) and then
 * unmaps 32 MiB, which takes well under a second even under software
 * emulation; two minutes leave room for a host many times slower.
 */
#define REAP_TIMEOUT_MS 120000
/* ksmd merges NPAGES pages in two scans of 10 ms; a minute is plenty. */
#define KSM_TIMEOUT_MS 60000

/* The KSM knobs the KSM test changes, restored by the teardown. */
static const char *const ksm_knobs[] = {
	KSM_DIR "sleep_millisecs", KSM_DIR "pages_to_scan", KSM_DIR "run",
};

#define NKNOBS ARRAY_SIZE(ksm_knobs)

/*
 * What changes page tables behind the tests' back: NUMA balancing marks
 * memory inaccessible (change_prot_numa(), PROTECTION_VMA) and proactive
 * compaction migrates it (CLEAR). Both are off while the tests run, so
 * that each test can expect exactly its own ranges, and the old values are
 * restored when the program exits, whatever the tests did (each runs in a
 * child of this process). Compaction started by memory pressure cannot be
 * turned off: the tests use little memory, and the OOM test's pressure
 * stays in its memory cgroup, whose reclaim wakes no kswapd or kcompactd.
 */
static const char *const quiet_knobs[] = {
	"/proc/sys/kernel/numa_balancing",
	"/proc/sys/vm/compaction_proactiveness",
};

#define NQUIET ARRAY_SIZE(quiet_knobs)

static long quiet_saved[NQUIET];	/* -1: nothing to restore */

struct record {
	char phase[16];
	char source[16];
	char event[24];
	int blockable;
	char vma[16];
	char owner[8];
	unsigned long start;
	unsigned long end;
};

/* How an expected range relates to the region the test acts on. */
enum bounds {
	EXACT,		/* the range is the region */
	CONTAINS,	/* the range contains the region */
	WITHIN,		/* the range lies inside the region */
	ANYWHERE,	/* any range that overlaps it */
};

/* One kind of record a test expects; every kind must be seen. */
struct kind {
	const char *source;	/* "mn", "interval" */
	const char *phase;	/* "start" or "release" */
	const char *event;
	int blockable;
	const char *vma;	/* "none", "covers", "partial" */
	enum bounds bounds;
	unsigned long start, end;
	int once;		/* exactly one such range, not several */
};

static unsigned long page_size;
static struct record records[MAX_RECORDS];

static void table_line(const char *scenario, const char *expected,
		       const char *observed, int ok)
{
	printf("# event-table: %s | %s | %s | %s\n", scenario, expected,
	       observed, ok ? "ok" : "MISMATCH");
	fflush(stdout);
}

static int events_open(void)
{
	return open(EVENTS_FILE, O_RDWR | O_CLOEXEC);
}

static int events_cmd(int fd, const char *fmt, ...)
{
	char cmd[64];
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	return write(fd, cmd, len) == len ? 0 : -errno;
}

/* Read every record; returns how many, or -1 (also when some were lost). */
static int events_read(int fd)
{
	static char text[MAX_RECORDS * 96];
	size_t len = 0;
	ssize_t n;
	char *line, *save;
	int count = 0;

	if (lseek(fd, 0, SEEK_SET))
		return -1;
	while ((n = read(fd, text + len, sizeof(text) - 1 - len)) > 0)
		len += n;
	if (n < 0)
		return -1;
	text[len] = '\0';
	for (line = strtok_r(text, "\n", &save); line && count < MAX_RECORDS;
	     line = strtok_r(NULL, "\n", &save)) {
		struct record *r = &records[count];

		if (!strncmp(line, "dropped ", 8))
			return -1;
		if (sscanf(line, "%15s %15s %23s %d %15s %7s %lx %lx", r->phase,
			   r->source, r->event, &r->blockable, r->vma, r->owner,
			   &r->start, &r->end) == 8)
			count++;
	}
	return count;
}

static int overlaps(const struct record *r, unsigned long start,
		    unsigned long end)
{
	if (!strcmp(r->phase, "release"))
		return 1;
	return r->start < end && start < r->end;
}

static int in_bounds(const struct record *r, const struct kind *k)
{
	switch (k->bounds) {
	case EXACT:
		return r->start == k->start && r->end == k->end;
	case CONTAINS:
		return r->start <= k->start && k->end <= r->end;
	case WITHIN:
		return k->start <= r->start && r->end <= k->end;
	case ANYWHERE:
		return 1;
	}
	return 0;
}

static int is_kind(const struct record *r, const struct kind *k)
{
	return !strcmp(r->source, k->source) && !strcmp(r->phase, k->phase) &&
	       !strcmp(r->event, k->event) && r->blockable == k->blockable &&
	       !strcmp(r->vma, k->vma) && !strcmp(r->owner, "none") &&
	       in_bounds(r, k);
}

/* Every start of the mn notifier has its end, with the same range. */
static int ends_match(int count, unsigned long start, unsigned long end)
{
	static char used[MAX_RECORDS];
	int i, j, found;

	memset(used, 0, sizeof(used));
	for (i = 0; i < count; i++) {
		const struct record *s = &records[i];

		if (strcmp(s->source, "mn") || strcmp(s->phase, "start") ||
		    !overlaps(s, start, end))
			continue;
		found = 0;
		for (j = i + 1; j < count && !found; j++) {
			const struct record *e = &records[j];

			if (!used[j] && !strcmp(e->phase, "end") &&
			    !strcmp(e->source, "mn") &&
			    !strcmp(e->event, s->event) &&
			    e->start == s->start && e->end == s->end) {
				used[j] = 1;
				found = 1;
			}
		}
		if (!found)
			return 0;
	}
	return 1;
}

static const char *bounds_name(enum bounds b)
{
	static const char *const names[] = {
		[EXACT] = "exact", [CONTAINS] = "containing",
		[WITHIN] = "inside", [ANYWHERE] = "any range",
	};

	return names[b];
}

static void describe(char *buf, size_t size, const char *source,
		     const char *phase, const char *event, int blockable,
		     const char *vma)
{
	snprintf(buf, size, "%s %s%s%s vma=%s", source,
		 strcmp(phase, "release") ? "" : "release-callback ", event,
		 blockable ? "" : " non-blockable", vma);
}

/*
 * Check the records that overlap [start, end) against the expected kinds
 * and print the scenario's table line. Returns 1 when they match.
 */
static int check_kinds(const char *scenario, unsigned long start,
		       unsigned long end, const struct kind *kinds, int nkinds,
		       int count)
{
	char expected[512] = "", observed[512] = "", one[128];
	int seen[8] = { 0 }, ok = 1, i, j, matched;
	int nobs = 0, obs_count[32] = { 0 };
	char obs_desc[32][128];
#ifndef MMNR_RANGE_HAS_VMA
	struct kind novma[8];

	/*
	 * Since commit 7d4a8be0c4b2 ("mm/mmu_notifier: remove unused
	 * mmu_notifier_range_update_to_read_only export") a range names no
	 * vma: every range is expected with vma=none.
	 */
	for (j = 0; j < nkinds && j < 8; j++) {
		novma[j] = kinds[j];
		novma[j].vma = "none";
	}
	kinds = novma;
#endif

	for (j = 0; j < nkinds; j++) {
		describe(one, sizeof(one), kinds[j].source, kinds[j].phase,
			 kinds[j].event, kinds[j].blockable, kinds[j].vma);
		snprintf(expected + strlen(expected),
			 sizeof(expected) - strlen(expected), "%s%s (%s%s)",
			 j ? " + " : "", one, bounds_name(kinds[j].bounds),
			 kinds[j].once ? ", once" : "");
	}
#ifndef MMNR_HUGETLB_DONTNEED
	if (!nkinds)
		snprintf(expected, sizeof(expected), "nothing");
#endif
	for (i = 0; i < count; i++) {
		const struct record *r = &records[i];

		if (!strcmp(r->phase, "end") || !overlaps(r, start, end))
			continue;
		matched = 0;
		for (j = 0; j < nkinds; j++) {
			if (is_kind(r, &kinds[j])) {
				seen[j]++;
				matched = 1;
				break;
			}
		}
		describe(one, sizeof(one), r->source, r->phase, r->event,
			 r->blockable, r->vma);
		if (!matched) {
			ok = 0;
			snprintf(one + strlen(one), sizeof(one) - strlen(one),
				 " [%lx-%lx owner=%s]", r->start, r->end,
				 r->owner);
		}
		for (j = 0; j < nobs && strcmp(obs_desc[j], one); j++)
			;
		if (j == nobs && nobs < 32)
#ifdef MMNR_STRCPY_STYLE
			strcpy(obs_desc[nobs++], one);
#else
			snprintf(obs_desc[nobs++], sizeof(obs_desc[0]), "%s", one);
#endif
		if (j < 32)
			obs_count[j]++;
	}
	for (j = 0; j < nkinds; j++)
		ok = ok && seen[j] && (!kinds[j].once || seen[j] == 1);
	for (j = 0; j < nobs; j++)
		snprintf(observed + strlen(observed),
			 sizeof(observed) - strlen(observed), "%s%.127s x%d",
			 j ? " + " : "", obs_desc[j], obs_count[j]);
	if (!nobs)
#ifdef MMNR_STRCPY_STYLE
		strcpy(observed, "nothing");
#else
		snprintf(observed, sizeof(observed), "nothing");
#endif
	if (!ends_match(count, start, end)) {
		ok = 0;
		strncat(observed, " (a start without its end)",
			sizeof(observed) - strlen(observed) - 1);
	}
	table_line(scenario, expected, observed, ok);
	return ok;
}

static void touch(char *p, unsigned long len, char value)
{
	unsigned long i;

	for (i = 0; i < len; i += page_size)
		p[i] = value;
}

static int write_file(const char *path, const char *value)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = write(fd, value, strlen(value));
	close(fd);
	return n == (ssize_t)strlen(value) ? 0 : -errno;
}

/* The first line of the file at PATH, without its newline; 0 or -errno. */
static int read_line(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n < 0)
		return -errno;
	buf[n] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	return 0;
}

/* The non-negative number in the file at PATH, or -1. */
static long read_number(const char *path)
{
	char buf[32], *end;
	long value;

	if (read_line(path, buf, sizeof(buf)) || !buf[0])
		return -1;
	errno = 0;
	value = strtol(buf, &end, 10);
	return errno || *end || value < 0 ? -1 : value;
}

/*
 * Field FIELD (1 is the first after the name) of the line of the contract
 * file that starts with NAME, or -1.
 */
static long contract_number(const char *name, int field)
{
	char line[256], *tok, *save;
	long value = -1;
	FILE *f = fopen(CONTRACT_FILE, "r");
	int i;

	if (!f)
		return -1;
	while (value < 0 && fgets(line, sizeof(line), f)) {
		tok = strtok_r(line, "\n ", &save);
		if (!tok || strcmp(tok, name))
			continue;
		for (i = 0; tok && i < field; i++)
			tok = strtok_r(NULL, "\n ", &save);
		if (tok)
			value = strtol(tok, NULL, 10);
	}
	fclose(f);
	return value;
}

/*
 * The count of the kept violations of "plant-event" ranges, lines
 * "planted EVENT CHECK CALLER COUNT ...", of EVENT and CHECK.
 */
static long planted_count(const char *event, const char *check)
{
	char line[256], ev[32], ck[48], caller[64];
	long count, total = 0;
	FILE *f = fopen(CONTRACT_FILE, "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "planted %31s %47s %63s %ld", ev, ck, caller,
			   &count) == 4 && !strcmp(ev, event) &&
		    !strcmp(ck, check))
			total += count;
	fclose(f);
	return total;
}

static long elapsed_ms(const struct timespec *since)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - since->tv_sec) * 1000 +
	       (now.tv_nsec - since->tv_nsec) / 1000000;
}

/* AnonHugePages of the mapping that starts at addr, in kB, or -1. */
static long anon_huge_kb(void *addr)
{
	char line[256], want[32];
	FILE *f = fopen("/proc/self/smaps", "re");
	int in_vma = 0;
	long kb = -1;

	if (!f)
		return -1;
	snprintf(want, sizeof(want), "%lx-", (unsigned long)addr);
	while (fgets(line, sizeof(line), f)) {
		if (strchr(line, '-') && strchr(line, ' ') &&
		    strchr(line, '-') < strchr(line, ' '))
			in_vma = !strncmp(line, want, strlen(want));
		else if (in_vma && sscanf(line, "AnonHugePages: %ld kB", &kb) == 1)
			break;
	}
	fclose(f);
	return kb;
}

/* The size of a default huge page (Hugepagesize in /proc/meminfo), or 0. */
static unsigned long hugetlb_size(void)
{
	FILE *f = fopen("/proc/meminfo", "re");
	unsigned long kb = 0;
	char line[128];

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f) &&
	       sscanf(line, "Hugepagesize: %lu kB", &kb) != 1)
		;
	fclose(f);
	return kb << 10;
}

/*
 * Map one private huge page of SIZE bytes with MAP_HUGETLB and touch it.
 * When the pool has none to spare, grow it by one page: *SAVED gets the
 * pool's size before, for the teardown to restore. Returns MAP_FAILED when
 * the kernel cannot give a huge page.
 */
static char *hugetlb_map(unsigned long size, long *saved)
{
	char value[32];
	long pages;
	char *p;

	p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB, -1, 0);
	if (p == MAP_FAILED && errno == ENOMEM) {
		pages = read_number(NR_HUGEPAGES);
		if (pages < 0)
			return MAP_FAILED;
		*saved = pages;
		snprintf(value, sizeof(value), "%ld", pages + 1);
		if (write_file(NR_HUGEPAGES, value))
			return MAP_FAILED;
		p = mmap(NULL, size, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB, -1, 0);
	}
	if (p != MAP_FAILED)
		touch(p, size, 6);
	return p;
}

static long sys_move_pages(int count, void **pages, const int *nodes,
			   int *status)
{
	return syscall(SYS_move_pages, 0, count, pages, nodes, status,
		       1 << 1 /* MPOL_MF_MOVE */);
}

/* Where the cgroup v2 hierarchy is mounted, into DIR; 0 or -ENOENT. */
static int cgroup2_root(char *dir, size_t size)
{
	char line[512], path[256], type[32];
	FILE *f = fopen("/proc/self/mounts", "re");
	int ret = -ENOENT;

	if (!f)
		return -errno;
	while (ret && fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%*s %255s %31s", path, type) == 2 &&
		    !strcmp(type, "cgroup2")) {
			snprintf(dir, size, "%s", path);
			ret = 0;
		}
	}
	fclose(f);
	return ret;
}

/* Whether the space-separated list in the file at PATH has WORD. */
static int list_has(const char *path, const char *word)
{
	char buf[512], *tok, *save;

	if (read_line(path, buf, sizeof(buf)))
		return 0;
	for (tok = strtok_r(buf, " ", &save); tok;
	     tok = strtok_r(NULL, " ", &save))
		if (!strcmp(tok, word))
			return 1;
	return 0;
}

/*
 * Make the memory cgroup DIR (a child of the cgroup v2 root) limited to
 * OOM_MEMCG_MAX without swap. When the root's cgroup.subtree_control did
 * not have the memory controller, it gets it, and ADDED the path of that
 * file, for the teardown to take it away again. Returns 0, or -errno with
 * WHY saying what is missing.
 */
static int memcg_create(char *dir, size_t size, char *added,
			size_t added_size, const char **why)
{
	char root[256], path[512], max[32];
	int ret;

	*why = "no cgroup v2 hierarchy is mounted";
	ret = cgroup2_root(root, sizeof(root));
	if (ret)
		return ret;
	*why = "the cgroup v2 root has no memory controller";
	snprintf(path, sizeof(path), "%s/cgroup.controllers", root);
	if (!list_has(path, "memory"))
		return -ENOENT;
	snprintf(path, sizeof(path), "%s/cgroup.subtree_control", root);
	if (!list_has(path, "memory")) {
		*why = "cannot enable the memory controller below the root";
		ret = write_file(path, "+memory");
		if (ret)
			return ret;
		snprintf(added, added_size, "%s", path);
	}
	*why = "cannot make the test's cgroup";
	snprintf(dir, size, "%s/mmu_notifier_events.%d", root, getpid());
	if (mkdir(dir, 0755)) {
		ret = -errno;
		dir[0] = '\0';
		return ret;
	}
	snprintf(path, sizeof(path), "%s/memory.max", dir);
	snprintf(max, sizeof(max), "%lu", OOM_MEMCG_MAX);
	ret = write_file(path, max);
	snprintf(path, sizeof(path), "%s/memory.swap.max", dir);
	if (!ret && !access(path, F_OK))
		ret = write_file(path, "0");
	return ret;
}

/* Move the calling process into the cgroup DIR. */
static int memcg_enter(const char *dir)
{
	char path[512], pid[16];

	snprintf(path, sizeof(path), "%s/cgroup.procs", dir);
	snprintf(pid, sizeof(pid), "%d", getpid());
	return write_file(path, pid);
}

/*
 * Wait until the kernel log, read from KMSG, says that the OOM reaper is
 * done with PID: it prints "oom_reaper: reaped process PID" after it has
 * unmapped every vma, each range's invalidate_range_end() included, and
 * "unable to reap pid:PID" when it gives up. Returns 1 when reaped, else
 * 0; LAST gets the last line about the OOM killer that was seen. Prints
 * how long after the kill the reap ended, from the log's own timestamps.
 */
static int wait_reaped(int kmsg, pid_t pid, char *last, size_t size)
{
	char rec[4096], reaped[64], failed[64], killed[64], *msg;
	struct pollfd pfd = { .fd = kmsg, .events = POLLIN };
	unsigned long long usec, killed_usec = 0;
	struct timespec since;
	long left;
	ssize_t n;

	snprintf(reaped, sizeof(reaped), "oom_reaper: reaped process %d ", pid);
	snprintf(failed, sizeof(failed), "oom_reaper: unable to reap pid:%d ",
		 pid);
	snprintf(killed, sizeof(killed), "Killed process %d ", pid);
	clock_gettime(CLOCK_MONOTONIC, &since);
	for (;;) {
		n = read(kmsg, rec, sizeof(rec) - 1);
		if (n < 0 && errno == EPIPE)	/* records overwritten */
			continue;
		if (n < 0 && errno == EAGAIN) {
			left = REAP_TIMEOUT_MS - elapsed_ms(&since);
			if (left <= 0)
				return 0;
			poll(&pfd, 1, left);
			continue;
		}
		if (n <= 0)
			return 0;
		rec[n] = '\0';
		/* "PRIORITY,SEQUENCE,MICROSECONDS,FLAGS;MESSAGE" */
		if (sscanf(rec, "%*u,%*u,%llu", &usec) != 1)
			usec = 0;
		msg = strchr(rec, ';');
		msg = msg ? msg + 1 : rec;
		msg[strcspn(msg, "\n")] = '\0';
		if (strstr(msg, "oom") || strstr(msg, "out of memory"))
			snprintf(last, size, "%.*s", (int)size - 1, msg);
		if (strstr(msg, killed))
			killed_usec = usec;
		if (!strncmp(msg, reaped, strlen(reaped))) {
			if (killed_usec)
				printf("# oom-reaper: reap of %d done %.3f s after its kill\n",
				       pid, (usec - killed_usec) / 1e6);
			return 1;
		}
		if (!strncmp(msg, failed, strlen(failed)))
			return 0;
	}
}

FIXTURE(events)
{
	int fd;
	char *p;
	unsigned long len;
	unsigned long start;	/* the bounds of p, as numbers */
	unsigned long end;
	long ksm_saved[NKNOBS];	/* KSM's settings before the test */
	int ksm_changed;
	char memcg[320];	/* the OOM test's cgroup, to remove */
	char memcg_added[512];	/* subtree_control this test gave +memory */
	long nr_hugepages;	/* the huge page pool before, or -1 */
};

FIXTURE_SETUP(events)
{
	page_size = sysconf(_SC_PAGESIZE);
	self->len = NPAGES * page_size;
	self->nr_hugepages = -1;
	self->fd = events_open();
	ASSERT_GE(self->fd, 0) TH_LOG("%s: %s", EVENTS_FILE, strerror(errno));
	ASSERT_EQ(events_cmd(self->fd, "register"), 0);
	self->p = mmap(NULL, self->len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(self->p, MAP_FAILED);
	self->start = (unsigned long)self->p;
	self->end = self->start + self->len;
	touch(self->p, self->len, 1);
}

FIXTURE_TEARDOWN(events)
{
	char value[32];
	unsigned int i;

	close(self->fd);
	for (i = 0; self->ksm_changed && i < NKNOBS; i++) {
		snprintf(value, sizeof(value), "%ld", self->ksm_saved[i]);
		if (write_file(ksm_knobs[i], value))
			TH_LOG("cannot restore %s to %s", ksm_knobs[i], value);
	}
	if (self->memcg[0] && rmdir(self->memcg))
		TH_LOG("cannot remove %s: %s", self->memcg, strerror(errno));
	if (self->memcg_added[0] && write_file(self->memcg_added, "-memory"))
		TH_LOG("cannot remove the memory controller from %s",
		       self->memcg_added);
	if (self->nr_hugepages >= 0) {
		snprintf(value, sizeof(value), "%ld", self->nr_hugepages);
		if (write_file(NR_HUGEPAGES, value))
			TH_LOG("cannot restore %s to %s", NR_HUGEPAGES, value);
	}
}

#define CLEAR(fd) ASSERT_EQ(events_cmd(fd, "clear"), 0)

TEST_F(events, munmap)
{
	struct kind k[] = {
		{ "mn", "start", "unmap", 1, "covers", EXACT, self->start, self->end },
	};
	int n;

	CLEAR(self->fd);
	ASSERT_EQ(munmap(self->p, self->len), 0);
	n = events_read(self->fd);
	ASSERT_GE(n, 0);
	ASSERT_TRUE(check_kinds("munmap", self->start, self->end, k, 1, n));
}

/* Both moving the page tables and unmapping the old vma report UNMAP. */
TEST_F(events, mremap_move)
{
	struct kind k[] = {
		{ "mn", "start", "unmap", 1, "covers", EXACT, self->start, self->end },
	};
	char *target;
	int n;

	target = mmap(NULL, self->len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS,
		      -1, 0);
	ASSERT_NE(target, MAP_FAILED);
	CLEAR(self->fd);
	ASSERT_EQ(mremap(self->p, self->len, self->len,
			 MREMAP_MAYMOVE | MREMAP_FIXED, target), target);
	n = events_read(self->fd);
	ASSERT_GE(n, 0);
	ASSERT_TRUE(check_kinds("mremap (old range)", self->start, self->end, k, 1, n));
	ASSERT_EQ(target[0], 1);
}

TEST_F(events, mprotect)
{
	struct kind k[] = {
		{ "mn", "start", "protection_vma", 1, "covers", EXACT,
		  self->start, self->end },
	};
	int n;

	CLEAR(self->fd);
	ASSERT_EQ(mprotect(self->p, self->len, PROT_READ), 0);
	n = events_read(self->fd);
	ASSERT_GE(n, 0);
	ASSERT_TRUE(check_kinds("mprotect", self->start, self->end, k, 1, n));
}

TEST_F(events, madvise_dontneed)
{
	struct kind k[] = {
		{ "mn", "start", "clear", 1, "covers", EXACT, self->start, self->end },
	};
	int n;

	CLEAR(self->fd);
	ASSERT_EQ(madvise(self->p, self->len, MADV_DONTNEED), 0);
	n = events_read(self->fd);
	ASSERT_GE(n, 0);
	ASSERT_TRUE(check_kinds("madvise(DONTNEED)", self->start, self->end, k, 1, n));
	ASSERT_EQ(self->p[0], 0);
}

/* clear_refs resets soft-dirty bits of the whole mm, with no vma. */
TEST_F(events, soft_dirty)
{
	struct kind k[] = {
		{ "mn", "start", "soft_dirty", 1, "none", EXACT, 0, ULONG_MAX },
	};
	int n;

	if (access("/proc/self/clear_refs", W_OK))
		SKIP(return, "no /proc/self/clear_refs: %s", strerror(errno));
	CLEAR(self->fd);
	ASSERT_EQ(write_file("/proc/self/clear_refs", "4"), 0);
	n = events_read(self->fd);
	ASSERT_GE(n, 0);
	ASSERT_TRUE(check_kinds("clear_refs 4 (soft-dirty)", self->start, self->end, k,
				1, n));
}

/* fork() write-protects the parent's private pages, vma by vma. */
TEST_F(events, fork)
{
	struct kind k[] = {
		{ "mn", "start", "protection_page", 1, "covers", CONTAINS,
		  self->start, self->end },
	};
	int n, status;
	pid_t pid;

	CLEAR(self->fd);
	pid = fork();
	ASSERT_GE(pid, 0);
	if (!pid)
		_exit(0);
	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	n = events_read(self->fd);
	ASSERT_GE(n, 0);
	ASSERT_TRUE(check_kinds("fork (parent)", self->start, self->end, k, 1, n));
}

/*
 * A write to a page shared with a live child copies it: CLEAR on that
 * page. The child must still be there, or the page is simply reused.
 */
TEST_F(events, cow_fault)
{
	struct kind k[] = {
		{ "mn", "start", "clear", 1, "covers", EXACT,
		  (unsigned long)self->p, (unsigned long)self->p + page_size },
	};
	int n, status, go[2];
	char byte;
	pid_t pid;

	ASSERT_EQ(pipe(go), 0);
	pid = fork();
	ASSERT_GE(pid, 0);
	if (!pid) {
		close(go[1]);
		_exit(read(go[0], &byte, 1) == 1 && self->p[0] == 1 ? 0 : 1);
	}
	CLEAR(self->fd);
	self->p[0] = 2;
	n = events_read(self->fd);
	ASSERT_GE(n, 0);
	ASSERT_EQ(write(go[1], "x", 1), 1);
	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ASSERT_TRUE(check_kinds("copy-on-write fault", self->start, self->end, k, 1, n));
}

/*
 * ksmd write-protects both pages and replaces one by the KSM page. The
 * wait ends when /proc/self/ksm_merging_pages says that every page of the
 * region was merged (this process's count: the global pages_sharing also
 * counts other processes' pages); then stopping ksmd takes the mutex that
 * each of its scan batches holds, so that no merge is half done when the
 * records are read.
 */
TEST_F_TIMEOUT(events, ksm_merge, 120)
{
	struct kind k[] = {
		{ "mn", "start", "clear", 1, "covers", WITHIN, self->start, self->end },
	};
	struct timespec since;
	unsigned int i;
	int n;

	if (access(KSM_MERGING, R_OK))
		SKIP(return, "no KSM count of this process: %s: %s",
		     KSM_MERGING, strerror(errno));
	if (access(KSM_DIR "run", W_OK))
		SKIP(return, "no KSM: %s: %s", KSM_DIR "run", strerror(errno));
	for (i = 0; i < NKNOBS; i++) {
		self->ksm_saved[i] = read_number(ksm_knobs[i]);
		ASSERT_GE(self->ksm_saved[i], 0) TH_LOG("cannot read %s", ksm_knobs[i]);
	}
	self->ksm_changed = 1;
	memset(self->p, 0x5a, self->len);
	ASSERT_EQ(madvise(self->p, self->len, MADV_MERGEABLE), 0);
	ASSERT_EQ(write_file(KSM_DIR "sleep_millisecs", "10"), 0);
	ASSERT_EQ(write_file(KSM_DIR "pages_to_scan", "1000"), 0);
	CLEAR(self->fd);
	ASSERT_EQ(write_file(KSM_DIR "run", "1"), 0);
	clock_gettime(CLOCK_MONOTONIC, &since);
	while (read_number(KSM_MERGING) < NPAGES &&
	       elapsed_ms(&since) < KSM_TIMEOUT_MS)
		usleep(10000);
	ASSERT_EQ(write_file(KSM_DIR "run", "0"), 0);
	n = events_read(self->fd);
	ASSERT_GE(n, 0);
	ASSERT_GE(read_number(KSM_MERGING), NPAGES)
		TH_LOG("ksmd did not merge the pages in %d s", KSM_TIMEOUT_MS / 1000);
	ASSERT_TRUE(check_kinds("KSM merge", self->start, self->end, k, 1, n));
}

/*
 * mprotect() of all but the first page of a huge page: splitting the vma
 * splits the PMD first (CLEAR on the whole huge page), then the new
 * protection is set (PROTECTION_VMA on the pages it changes).
 */
TEST_F(events, thp_split)
{
	struct kind k[2] = {
		{ "mn", "start", "clear", 1, "covers", EXACT },
		{ "mn", "start", "protection_vma", 1, "covers", EXACT },
	};
	unsigned long base, huge, hpage_size;
	char mode[64];
	long size, kb;
	char *area;
	int n;

	size = read_number(THP_DIR "hpage_pmd_size");
	if (size <= (long)page_size)
		SKIP(return, "no transparent huge pages (%s)", THP_DIR);
	if (read_line(THP_DIR "enabled", mode, sizeof(mode)) ||
	    strstr(mode, "[never]"))
		SKIP(return, "transparent huge pages are disabled: %s", mode);
	hpage_size = size;
	area = mmap(NULL, 2 * hpage_size, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(area, MAP_FAILED);
	base = (unsigned long)area;
	huge = (base + hpage_size - 1) & ~(hpage_size - 1);
	/* Leave the huge page alone in its vma. */
	if (huge > base)
		ASSERT_EQ(munmap(area, huge - base), 0);
	ASSERT_EQ(munmap((char *)huge + hpage_size,
			 base + 2 * hpage_size - huge - hpage_size), 0);
	ASSERT_EQ(madvise((char *)huge, hpage_size, MADV_HUGEPAGE), 0);
	touch((char *)huge, hpage_size, 3);
	/* THP is best effort: without a huge page there is nothing to split. */
	kb = anon_huge_kb((char *)huge);
	if (kb != (long)(hpage_size >> 10))
		SKIP(return,
		     "the kernel gave no transparent huge page at %lx (AnonHugePages: %ld kB)",
		     huge, kb);
	k[0].start = huge;
	k[0].end = huge + hpage_size;
	k[1].start = huge + page_size;
	k[1].end = huge + hpage_size;
	CLEAR(self->fd);
	ASSERT_EQ(mprotect((char *)huge + page_size, hpage_size - page_size,
			   PROT_READ), 0);
	n = events_read(self->fd);
	ASSERT_GE(n, 0);
	ASSERT_TRUE(check_kinds("THP split (mprotect)", huge, huge + hpage_size,
				k, 2, n));
}

/*
 * One hugetlb page, mapped and touched (growing the pool, whose old size
 * goes to *POOL, if need be), then ACT on it: the ranges FD records over
 * it must be K, once.
 */
#ifdef MMNR_HUGETLB_NOTIFY_ONCE
static void hugetlb_case(struct __test_metadata *_metadata, int fd,
			 long *pool, const char *what,
			 int (*act)(void *addr, size_t len), struct kind *k)
#else
/*
 * Before commit 369258ce41c6 ("hugetlb: remove duplicate mmu
 * notifications"), in v6.2, __unmap_hugepage_range() starts an UNMAP range
 * of its own over the page, nested in the range its caller has started:
 * the ranges must be the NK kinds of K, and there must be UNMAPS UNMAP
 * ranges in all.
 */
static void hugetlb_case(struct __test_metadata *_metadata, int fd,
			 long *pool, const char *what,
			 int (*act)(void *addr, size_t len), struct kind *k,
			 int nk, int unmaps)
#endif
{
	unsigned long size, start;
	char *area;
	int n;
#ifndef MMNR_HUGETLB_NOTIFY_ONCE
	int i, seen;
#endif

	size = hugetlb_size();
	if (!size)
		SKIP(return, "no hugetlb pages: no Hugepagesize in /proc/meminfo");
	area = hugetlb_map(size, pool);
	if (area == MAP_FAILED)
		SKIP(return, "the kernel gave no %lu kB huge page: %s",
		     size >> 10, strerror(errno));
	start = (unsigned long)area;
#ifdef MMNR_HUGETLB_NOTIFY_ONCE
	k->start = start;
	k->end = start + size;
#else
	for (i = 0; i < nk; i++) {
		k[i].start = start;
		k[i].end = start + size;
	}
#endif
	CLEAR(fd);
	ASSERT_EQ(act(area, size), 0);
	n = events_read(fd);
	ASSERT_GE(n, 0);
#ifdef MMNR_HUGETLB_NOTIFY_ONCE
	ASSERT_TRUE(check_kinds(what, start, start + size, k, 1, n));
#else
	ASSERT_TRUE(check_kinds(what, start, start + size, k, nk, n));
	for (i = 0, seen = 0; i < n; i++)
		seen += !strcmp(records[i].source, "mn") &&
			!strcmp(records[i].phase, "start") &&
			!strcmp(records[i].event, "unmap") &&
			overlaps(&records[i], start, start + size);
	ASSERT_EQ(seen, unmaps);
#endif
}

#ifdef MMNR_HUGETLB_DONTNEED
static int dontneed(void *addr, size_t len)
{
	return madvise(addr, len, MADV_DONTNEED);
}

#endif
#ifdef MMNR_HUGETLB_NOTIFY_ONCE
/*
 * MADV_DONTNEED of a hugetlb page: zap_page_range_single() reports CLEAR,
 * once; nothing below it may report the same page again (as UNMAP).
 */
#else
/*
 * MADV_DONTNEED of a hugetlb page: zap_page_range_single() reports CLEAR,
 * once, and __unmap_hugepage_range() the same page again as UNMAP.
 */
#endif
TEST_F(events, hugetlb_dontneed)
{
#ifndef MMNR_HUGETLB_DONTNEED
	/*
	 * Before commit 90e7e7f5ef3f ("mm: enable MADV_DONTNEED for hugetlb
	 * mappings") it fails with EINVAL, and must not touch the page.
	 */
	unsigned long size, start;
	char *area;
	int n;

	size = hugetlb_size();
	if (!size)
		SKIP(return, "no hugetlb pages: no Hugepagesize in /proc/meminfo");
	area = hugetlb_map(size, &self->nr_hugepages);
	if (area == MAP_FAILED)
		SKIP(return, "the kernel gave no %lu kB huge page: %s",
		     size >> 10, strerror(errno));
	start = (unsigned long)area;
	CLEAR(self->fd);
	ASSERT_EQ(madvise(area, size, MADV_DONTNEED), -1);
	ASSERT_EQ(errno, EINVAL);
	n = events_read(self->fd);
	ASSERT_GE(n, 0);
	ASSERT_TRUE(check_kinds("hugetlb madvise(DONTNEED): EINVAL", start,
				start + size, NULL, 0, n));
	ASSERT_EQ(area[0], 6);
#elif defined(MMNR_HUGETLB_NOTIFY_ONCE)
	struct kind k = { "mn", "start", "clear", 1, "covers", EXACT, .once = 1 };

	hugetlb_case(_metadata, self->fd, &self->nr_hugepages,
		     "hugetlb madvise(DONTNEED)", dontneed, &k);
#else
	/* The CLEAR of zap_page_range_single(), the UNMAP nested in it. */
	struct kind k[] = {
		{ "mn", "start", "clear", 1, "covers", EXACT, .once = 1 },
		{ "mn", "start", "unmap", 1, "covers", EXACT, .once = 1 },
	};

	hugetlb_case(_metadata, self->fd, &self->nr_hugepages,
		     "hugetlb madvise(DONTNEED)", dontneed, k, 2, 1);
#endif
}

#ifdef MMNR_HUGETLB_NOTIFY_ONCE
/* munmap() of a hugetlb page: unmap_vmas() reports UNMAP, once. */
#else
/* munmap() of a hugetlb page: unmap_vmas() and __unmap_hugepage_range(). */
#endif
TEST_F(events, hugetlb_munmap)
{
#ifdef MMNR_HUGETLB_NOTIFY_ONCE
	struct kind k = { "mn", "start", "unmap", 1, "covers", EXACT, .once = 1 };

	hugetlb_case(_metadata, self->fd, &self->nr_hugepages,
		     "hugetlb munmap", munmap, &k);
#else
	/* The UNMAP of unmap_vmas(), and the same UNMAP nested in it. */
	struct kind k = { "mn", "start", "unmap", 1, "covers", EXACT };

	hugetlb_case(_metadata, self->fd, &self->nr_hugepages,
		     "hugetlb munmap (twice)", munmap, &k, 1, 2);
#endif
}

/* move_pages() to the other node unmaps each page to migrate it. */
TEST_F(events, migrate)
{
	struct kind k[] = {
		{ "mn", "start", "clear", 1, "covers", WITHIN, self->start, self->end },
	};
	void *pages[NPAGES];
	int nodes[NPAGES], status[NPAGES], i, n, target;
	char node[64];

	for (i = 0; i < NPAGES; i++)
		pages[i] = self->p + i * page_size;
	if (sys_move_pages(NPAGES, pages, NULL, status))
		SKIP(return, "move_pages: %s (no NUMA or page migration)",
		     strerror(errno));
	ASSERT_GE(status[0], 0);
	target = !status[0];
	snprintf(node, sizeof(node), "/sys/devices/system/node/node%d", target);
	if (access(node, F_OK))
		SKIP(return, "no NUMA node %d: page migration needs two nodes",
		     target);
	for (i = 0; i < NPAGES; i++)
		nodes[i] = target;
	CLEAR(self->fd);
	ASSERT_EQ(sys_move_pages(NPAGES, pages, nodes, status), 0)
		TH_LOG("move_pages to node %d: %s (two NUMA nodes needed)",
		       target, strerror(errno));
	n = events_read(self->fd);
	ASSERT_GE(n, 0);
	for (i = 0; i < NPAGES; i++)
		ASSERT_EQ(status[i], target);
	ASSERT_TRUE(check_kinds("page migration (move_pages)", self->start, self->end,
				k, 1, n));
}

/*
 * Exit: __mmu_notifier_release() runs mn_itree_release() first, so the
 * interval notifier sees RELEASE before the mmu_notifier's release callback
 * runs and removes that notifier; the interval notifier stays and then sees
 * the UNMAP of the teardown.
 * Both cover the whole address space; the UNMAP names the first vma only,
 * so that vma covers part of the range.
 */
TEST_F(events, exit_release)
{
	struct kind k[] = {
		{ "mn", "release", "release", 1, "none", ANYWHERE },
		{ "interval", "start", "release", 1, "none", EXACT, 0, ULONG_MAX },
		{ "interval", "start", "unmap", 1, "partial", EXACT, 0,
		  ULONG_MAX },
	};
	int fd, n, status;
	pid_t pid;

	fd = events_open();
	ASSERT_GE(fd, 0);
	pid = fork();
	ASSERT_GE(pid, 0);
	if (!pid) {
		/* No writes here: they would copy pages, CLEAR on each. */
		if (events_cmd(fd, "register") ||
		    events_cmd(fd, "interval %lx %lx", (unsigned long)self->p,
			       self->len))
			_exit(1);
		_exit(0);
	}
	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	n = events_read(fd);
	ASSERT_GE(n, 0);
	close(fd);
	ASSERT_TRUE(check_kinds("process exit", self->start, self->end, k, 3, n));
}

/*
 * The contract checker of the module compares the entries of the interval
 * between ranges: a change made with no notifier call is a missing
 * notification. "plant" makes one (a PTE write-protected behind the
 * notifiers' back); "check" must find it, and nothing else.
 */
TEST_F(events, missing_notification)
{
	long missing, caught;
	char seen[96];

	ASSERT_EQ(events_cmd(self->fd, "interval %lx %lx", self->start,
			     self->len), 0);
	missing = contract_number("missing", 4);
	caught = contract_number("planted-caught", 1);
	ASSERT_GE(missing, 0) TH_LOG("%s: no missing row", CONTRACT_FILE);
	ASSERT_GE(caught, 0) TH_LOG("%s: no planted-caught row", CONTRACT_FILE);
	/* Nothing changed: nothing is missing. */
	ASSERT_EQ(events_cmd(self->fd, "check"), 0);
	ASSERT_EQ(contract_number("missing", 4), missing);
	ASSERT_EQ(events_cmd(self->fd, "plant %lx", self->start), 0);
	ASSERT_EQ(events_cmd(self->fd, "check"), 0);
	snprintf(seen, sizeof(seen), "caught %ld, other missing %ld",
		 contract_number("planted-caught", 1) - caught,
		 contract_number("missing", 4) - missing);
	table_line("PTE write-protected with no notifier",
		   "caught 1, other missing 0", seen,
		   !strcmp(seen, "caught 1, other missing 0"));
	ASSERT_EQ(contract_number("planted-caught", 1), caught + 1);
	ASSERT_EQ(contract_number("missing", 4), missing);
}

/*
 * Each range is judged by what its event promises. "plant-event" hands the
 * checker a range of one page that claims an event and changes nothing:
 * UNMAP over a mapped page leaves its entry and its vma (two violations),
 * CLEAR over a hole has no vma (one). The vma checks need the mmap lock
 * without waiting, so a try whose check could not run is tried again.
 */
TEST_F(events, wrong_event_caught)
{
	long entry = planted_count("unmap", "entry-left");
	long vma = planted_count("unmap", "vma-left");
	long gone = planted_count("clear", "vma-gone");
	long unmap = contract_number("unmap", 4);
	long clear = contract_number("clear", 4);
	long planted = contract_number("planted-event-caught", 1);
	char seen[96];
	void *hole;
	int i;

	ASSERT_GE(entry, 0) TH_LOG("%s: %s", CONTRACT_FILE, strerror(errno));
	ASSERT_GE(unmap, 0) TH_LOG("%s: no unmap row", CONTRACT_FILE);
	ASSERT_GE(clear, 0) TH_LOG("%s: no clear row", CONTRACT_FILE);
	ASSERT_GE(planted, 0) TH_LOG("%s: no planted-event-caught row",
				     CONTRACT_FILE);
	hole = mmap(NULL, page_size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS,
		    -1, 0);
	ASSERT_NE(hole, MAP_FAILED);
	ASSERT_EQ(munmap(hole, page_size), 0);
	for (i = 0; i < 10 && planted_count("unmap", "vma-left") == vma; i++)
		ASSERT_EQ(events_cmd(self->fd, "plant-event unmap %lx",
				     self->start), 0);
	for (i = 0; i < 10 && planted_count("clear", "vma-gone") == gone; i++)
		ASSERT_EQ(events_cmd(self->fd, "plant-event clear %lx",
				     (unsigned long)hole), 0);
	snprintf(seen, sizeof(seen), "caught %d of 3, other violations %ld",
		 (planted_count("unmap", "entry-left") > entry) +
		 (planted_count("unmap", "vma-left") > vma) +
		 (planted_count("clear", "vma-gone") > gone),
		 contract_number("unmap", 4) - unmap +
		 contract_number("clear", 4) - clear);
	table_line("UNMAP and CLEAR that change nothing",
		   "caught 3 of 3, other violations 0", seen,
		   !strcmp(seen, "caught 3 of 3, other violations 0"));
	ASSERT_GT(planted_count("unmap", "entry-left"), entry);
	ASSERT_GT(planted_count("unmap", "vma-left"), vma);
	ASSERT_GT(planted_count("clear", "vma-gone"), gone);
	ASSERT_EQ(contract_number("unmap", 4), unmap);
	ASSERT_EQ(contract_number("clear", 4), clear);
	/* Nothing but these three: the ranges were blockable, for one. */
	ASSERT_EQ(contract_number("planted-event-caught", 1) - planted,
		  planted_count("unmap", "entry-left") - entry +
		  planted_count("unmap", "vma-left") - vma +
		  planted_count("clear", "vma-gone") - gone);
}

/*
 * The OOM reaper tears down a killed task's memory without sleeping: its
 * ranges are not blockable. The child joins a memory cgroup of its own,
 * pins its mm through the test module, so that the reaper, not the exiting
 * task, unmaps it, and allocates until the cgroup's OOM killer kills it.
 * It stays a zombie until the reaper is done. Recording starts when the
 * child pins its mm; before the kill nothing invalidates its pages (anon
 * memory without swap is not reclaimed), so every record is the reaper's.
 * The test waits for the reaper's own report in the kernel log: reading
 * the records any earlier could catch a range between its start and end.
 */
TEST_F_TIMEOUT(events, oom_reaper, 300)
{
	struct kind k[] = {
		{ "mn", "start", "unmap", 0, "covers", ANYWHERE },
	};
	char last[256] = "nothing";
	int fd, kmsg, n, status, reaped, ret;
	const char *why;
	siginfo_t info;
	pid_t pid;
	char *chunk;

	ret = memcg_create(self->memcg, sizeof(self->memcg), self->memcg_added,
			   sizeof(self->memcg_added), &why);
	if (ret)
		SKIP(return, "%s: %s", why, strerror(-ret));
	kmsg = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (kmsg < 0)
		SKIP(return, "cannot read the kernel log: /dev/kmsg: %s",
		     strerror(errno));
	/* Only what the kernel logs from now on. */
	ASSERT_EQ(lseek(kmsg, 0, SEEK_END), 0);
	fd = events_open();
	ASSERT_GE(fd, 0);
	pid = fork();
	ASSERT_GE(pid, 0);
	if (!pid) {
		if (memcg_enter(self->memcg) || events_cmd(fd, "pin") ||
		    prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0) ||
		    write_file("/proc/self/oom_score_adj", "1000"))
			_exit(1);
		for (;;) {
			chunk = mmap(NULL, OOM_CHUNK, PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
			if (chunk == MAP_FAILED)
				_exit(2);
			touch(chunk, OOM_CHUNK, 5);
		}
	}
	ASSERT_EQ(waitid(P_PID, pid, &info, WEXITED | WNOWAIT), 0);
	ASSERT_TRUE(info.si_code == CLD_KILLED && info.si_status == SIGKILL)
		TH_LOG("the child was not OOM-killed (code %d, status %d)",
		       info.si_code, info.si_status);
	reaped = wait_reaped(kmsg, pid, last, sizeof(last));
	n = events_read(fd);
	ASSERT_EQ(waitpid(pid, &status, 0), pid);
	close(fd);
	close(kmsg);
	ASSERT_TRUE(reaped)
		TH_LOG("no report of the OOM reaper on %d within %d s; last OOM line: %s",
		       pid, REAP_TIMEOUT_MS / 1000, last);
	ASSERT_GE(n, 0);
	ASSERT_TRUE(check_kinds("OOM reaper", 0, ULONG_MAX, k, 1, n));
}

static void quiet_restore(void)
{
	char value[32];
	unsigned int i;

	for (i = 0; i < NQUIET; i++) {
		if (quiet_saved[i] < 0)
			continue;
		snprintf(value, sizeof(value), "%ld", quiet_saved[i]);
		if (write_file(quiet_knobs[i], value))
			ksft_print_msg("cannot restore %s to %s\n", quiet_knobs[i],
				       value);
		else
			ksft_print_msg("%s restored to %s\n", quiet_knobs[i],
				       value);
	}
}

/* Turn off what quiet_knobs[] names, until the program exits. */
static void quiet_start(void)
{
	unsigned int i;
	int ret;

	for (i = 0; i < NQUIET; i++) {
		quiet_saved[i] = read_number(quiet_knobs[i]);
		if (quiet_saved[i] <= 0) {	/* absent, or off already */
			quiet_saved[i] = -1;
			continue;
		}
		ret = write_file(quiet_knobs[i], "0");
		if (ret) {
			ksft_print_msg("cannot turn off %s: %s\n",
				       quiet_knobs[i], strerror(-ret));
			quiet_saved[i] = -1;
			continue;
		}
		ksft_print_msg("%s: %ld, 0 while the tests run\n",
			       quiet_knobs[i], quiet_saved[i]);
	}
	atexit(quiet_restore);
}

int main(int argc, char **argv)
{
	int fd = events_open();

	if (fd < 0) {
		ksft_print_header();
		ksft_exit_skip("test_mmu_notifier interface absent: %s: %s\n",
			       EVENTS_FILE, strerror(errno));
	}
	close(fd);
	quiet_start();
	return test_harness_run(argc, argv);
}
