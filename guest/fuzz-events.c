// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzzer of the event test module's file,
 * /sys/kernel/debug/test_mmu_notifier/events (lib/test_mmu_notifier.c of
 * the series' last patch).
 *
 * Every command is written twice, and every answer is checked against a
 * model of the interface: a command is at most 63 bytes of text without
 * NUL, with whitespace around it ignored; "register" and "pin" are
 * refused with EBUSY once the file has a notifier, "interval START LEN"
 * (two hexadecimal numbers, as kstrtoul() reads them, LEN not 0) with
 * EBUSY once it has an interval and with EOVERFLOW when START+LEN wraps;
 * "clear" always succeeds; anything else is EINVAL, and a buffer the
 * kernel cannot read is EFAULT. Unaligned intervals and intervals above
 * the user address space are accepted (they never see an invalidation).
 *
 * Phases, each for a share of the time budget:
 *   sequence   random bytes, mutated and valid commands, overlong lines,
 *              hostile numbers; one file at a time, the model exact
 *   efault     buffers the kernel cannot read
 *   fork       commands from parent and child on the file they share
 *   race       register/pin/interval/clear/close/reopen from several
 *              threads while another maps, mprotects and unmaps
 *   overflow   reads (in random chunk sizes) while a thread overflows the
 *              record buffer: every line a record, "dropped N" last
 *
 * Seeded and reproducible: the seed is printed; FUZZ_SEED=N (in the
 * environment, or on the kernel command line: the kernel hands unknown
 * NAME=VALUE parameters to init, which passes them on) replays it, and
 * FUZZ_SECONDS sets the budget (default 4). The threads of the race phase
 * draw from seeds of their own, derived from it; their interleaving is
 * the scheduler's.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "result.h"

#define SUITE "fuzz-events"
#define EVENTS "/sys/kernel/debug/test_mmu_notifier/events"
#define CMD_MAX 64		/* the module's buffer: 63 bytes and a NUL */
#define MAX_RECORDS 1024	/* the module's TMN_MAX_RECORDS */
#define RACE_THREADS 4
#define MAX_NOTES 8		/* mismatches printed per phase */
#define KERNEL_ADDR 0xffff888000000000UL

/* ---- random numbers: splitmix64, one state per thread ---- */

static uint64_t rnd(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static unsigned int below(uint64_t *s, unsigned int n)
{
	return (unsigned int)(rnd(s) % n);
}

/* ---- answers, counted per errno over the whole run ---- */

static const int counted[] = { 0, EINVAL, EBUSY, EOVERFLOW, EFAULT, EBADF, ENOMEM };
#define NCOUNTED (sizeof(counted) / sizeof(counted[0]))
/* Shared with the children of the fork phase; the last: any other errno. */
static unsigned long *answers;

static void count_answer(int err)
{
	unsigned int i;

	for (i = 0; i < NCOUNTED && counted[i] != err; i++)
		;
	__atomic_fetch_add(&answers[i], 1, __ATOMIC_RELAXED);
}

static const char *err_name(int err)
{
	switch (err) {
	case 0: return "success";
	case EINVAL: return "EINVAL";
	case EBUSY: return "EBUSY";
	case EOVERFLOW: return "EOVERFLOW";
	case EFAULT: return "EFAULT";
	case EBADF: return "EBADF";
	case ENOMEM: return "ENOMEM";
	case -1: return "short write";
	default: return strerror(err);
	}
}

/* Write a command; 0 on success, else the errno (-1: a short write). */
static int send_cmd(int fd, const void *buf, size_t len)
{
	ssize_t n = write(fd, buf, len);
	int err = n < 0 ? errno : (size_t)n == len ? 0 : -1;

	count_answer(err < 0 ? 1000 : err);
	return err;
}

/* ---- the phases' verdicts ---- */

struct phase {
	const char *name;
	unsigned long commands;
	unsigned long bad;
	unsigned long reads;
};

/* The command, printable: C escapes for everything else, cut at 80. */
static void escape(char *out, size_t size, const unsigned char *buf, size_t len)
{
	size_t i, o = 0;

	for (i = 0; i < len && o + 8 < size && o < 80; i++) {
		if (buf[i] >= 0x20 && buf[i] < 0x7f && buf[i] != '\\')
			out[o++] = (char)buf[i];
		else
			o += (size_t)snprintf(out + o, size - o, "\\x%02x", buf[i]);
	}
	if (i < len)
		o += (size_t)snprintf(out + o, size - o, "...(%zu bytes)", len);
	out[o] = '\0';
}

static void mismatch(struct phase *p, const unsigned char *buf, size_t len,
		     int want, int got)
{
	char text[128];

	if (__atomic_fetch_add(&p->bad, 1, __ATOMIC_RELAXED) >= MAX_NOTES)
		return;
	escape(text, sizeof(text), buf, len);
	printf("MMNR NOTE " SUITE " %s: \"%s\": expected %s, got %s\n",
	       p->name, text, err_name(want), err_name(got));
	fflush(stdout);
}

static void problem(struct phase *p, const char *what)
{
	if (__atomic_fetch_add(&p->bad, 1, __ATOMIC_RELAXED) < MAX_NOTES) {
		printf("MMNR NOTE " SUITE " %s: %s\n", p->name, what);
		fflush(stdout);
	}
}

static void verdict(const struct phase *p, const char *what)
{
	result(SUITE, p->name, p->bad == 0 && p->commands > 0,
	       "%lu commands, %lu reads, %lu unexpected answers: %s",
	       p->commands, p->reads, p->bad, what);
}

/* ---- the model of the interface ---- */

/* The kernel's isspace(): its ctype table has 0xa0 (Latin-1 NBSP) too. */
static int kspace(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xa0;
}

/* kstrtoul(s, 16): '+', "0x", hex digits (overflow refused), one '\n'. */
static int model_kstrtoul(const char *s, unsigned long *val)
{
	unsigned long long v = 0;
	int digits = 0, overflow = 0, d;

	if (*s == '+')
		s++;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	for (;; s++, digits++) {
		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'f')
			d = (*s | 0x20) - 'a' + 10;
		else
			break;
		if (__builtin_mul_overflow(v, 16, &v) || __builtin_add_overflow(v, (unsigned)d, &v))
			overflow = 1;
	}
	if (overflow || !digits)
		return -1;
	if (*s == '\n')
		s++;
	if (*s)
		return -1;
	*val = (unsigned long)v;
	return 0;
}

/* What one open file has: a notifier, an interval; the last command's verb. */
enum verb { V_NONE, V_REGISTER, V_INTERVAL, V_CLEAR };

struct model {
	int registered;
	int interval;
	enum verb verb;
};

/* The answer the module must give to BUF, and the file's state after it. */
static int model_answer(struct model *m, const unsigned char *buf, size_t len)
{
	char text[CMD_MAX], *cmd, *end, *args, *first;
	unsigned long start, length, last;

	m->verb = V_NONE;
	if (len >= CMD_MAX || memchr(buf, '\0', len))
		return EINVAL;
	memcpy(text, buf, len);
	text[len] = '\0';
	cmd = text;
	end = text + len;
	while (end > cmd && kspace((unsigned char)end[-1]))
		*--end = '\0';
	while (kspace((unsigned char)*cmd))
		cmd++;
	if (!strcmp(cmd, "register") || !strcmp(cmd, "pin")) {
		m->verb = V_REGISTER;
		if (m->registered)
			return EBUSY;
		m->registered = 1;
		return 0;
	}
	if (!strcmp(cmd, "clear")) {
		m->verb = V_CLEAR;
		return 0;
	}
	if (strncmp(cmd, "interval ", 9))
		return EINVAL;
	m->verb = V_INTERVAL;
	if (m->interval)
		return EBUSY;
	args = cmd + 9;
	first = strsep(&args, " ");
	if (!args || model_kstrtoul(first, &start) || model_kstrtoul(args, &length) || !length)
		return EINVAL;
	/* An interval may end at the top of the address space, not beyond. */
	if (__builtin_add_overflow(start, length - 1, &last))
		return EOVERFLOW;
	m->interval = 1;
	return 0;
}

/* ---- command generators ---- */

static const char *const verbs[] = { "register", "pin", "clear", "interval" };
static const char spaces[] = " \t\n\v\f\r";

static size_t put_spaces(uint64_t *s, char *out, size_t max)
{
	size_t n = below(s, 4), i;

	for (i = 0; i < n && i < max; i++)
		out[i] = below(s, 8) ? spaces[below(s, sizeof(spaces) - 1)] : (char)0xa0;
	return i;
}

/* A number in hexadecimal, as kstrtoul may or may not take it. */
static int put_number(uint64_t *s, char *out, size_t size, unsigned long v)
{
	switch (below(s, 8)) {
	case 0: return snprintf(out, size, "0x%lx", v);
	case 1: return snprintf(out, size, "0X%lX", v);
	case 2: return snprintf(out, size, "+%lx", v);
	case 3: return snprintf(out, size, "%020lx", v);
	default: return snprintf(out, size, "%lx", v);
	}
}

/* Hostile (START, LEN) pairs: wrapping, zero, unaligned, kernel, extreme. */
static void hostile_interval(uint64_t *s, unsigned long *start, unsigned long *len,
			     unsigned long near)
{
	switch (below(s, 9)) {
	case 0: *start = ~0UL - below(s, 0x2000); *len = 0x1000 + below(s, 0x4000); break;
	case 1: *start = near; *len = 0; break;
	case 2: *start = near + 1 + below(s, 0xffe); *len = 1 + below(s, 0x1fff); break;
	case 3: *start = KERNEL_ADDR + (rnd(s) & 0xfffff000); *len = 0x1000; break;
	case 4: *start = 0; *len = ~0UL; break;
	case 5: *start = 1; *len = ~0UL; break;
	case 6: *start = ~0UL; *len = 1; break;
	case 7: *start = rnd(s); *len = rnd(s); break;
	default: *start = near; *len = 0x1000 * (1 + below(s, 16)); break;
	}
}

/* One command into BUF (up to SIZE bytes); returns its length. */
static size_t make_command(uint64_t *s, unsigned char *buf, size_t size, unsigned long near)
{
	char *out = (char *)buf;
	unsigned long start, len;
	size_t n = 0, i;

	switch (below(s, 10)) {
	case 0:		/* random bytes */
	case 1:
		n = below(s, 80);
		for (i = 0; i < n && i < size; i++)
			buf[i] = (unsigned char)(below(s, 4) ? 0x20 + below(s, 0x5f) : rnd(s));
		return i;
	case 2:		/* overlong, around the limit and far beyond */
		n = below(s, 2) ? CMD_MAX - 2 + below(s, 4) : CMD_MAX + below(s, (unsigned)size - CMD_MAX);
		n = n > size ? size : n;
		memset(buf, below(s, 2) ? ' ' : 'x', n);
		i = below(s, 3);
		memcpy(buf, verbs[i], strlen(verbs[i]));
		return n;
	case 3:		/* hostile numbers */
	case 4:
		hostile_interval(s, &start, &len, near);
		n = put_spaces(s, out, size);
		n += (size_t)snprintf(out + n, size - n, "interval ");
		n += (size_t)put_number(s, out + n, size - n, start);
		out[n++] = below(s, 8) ? ' ' : '\t';
		n += (size_t)put_number(s, out + n, size - n, len);
		n += put_spaces(s, out + n, size - n);
		return n < size ? n : size;
	default:	/* a valid verb, sometimes mutated */
		i = below(s, 4);
		n = put_spaces(s, out, size);
		if (i == 3) {
			n += (size_t)snprintf(out + n, size - n, "interval %lx %lx", near,
					      0x1000UL * (1 + below(s, 8)));
		} else {
			n += (size_t)snprintf(out + n, size - n, "%s", verbs[i]);
		}
		n += put_spaces(s, out + n, size - n);
		if (below(s, 3) == 0 && n > 0) {
			/* flip, insert a NUL, or cut */
			switch (below(s, 3)) {
			case 0: buf[below(s, (unsigned)n)] ^= (unsigned char)(1 << below(s, 8)); break;
			case 1: buf[below(s, (unsigned)n)] = '\0'; break;
			default: n = below(s, (unsigned)n); break;
			}
		}
		return n;
	}
}

/* ---- helpers ---- */

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int open_events(void)
{
	return open(EVENTS, O_RDWR | O_CLOEXEC);
}

/* Read the whole file in chunks of random size; check every line. */
struct read_check {
	unsigned long records;
	unsigned long dropped;	/* the "dropped N" line's N, or 0 */
	int bad_line;
	char first_bad[96];
};

static int valid_record(const char *line)
{
	static const char *const events[] = { "unmap", "clear", "protection_vma",
		"protection_page", "soft_dirty", "release", "migrate", "exclusive" };
	char phase[16], source[16], event[32], vma[16], owner[16];
	unsigned long start, end;
	int blockable, n = 0;
	unsigned int i;

	if (sscanf(line, "%15s %15s %31s %d %15s %15s %lx %lx%n", phase, source, event,
		   &blockable, vma, owner, &start, &end, &n) != 8 || line[n] != '\0')
		return 0;
	for (i = 0; i < sizeof(events) / sizeof(events[0]) && strcmp(event, events[i]); i++)
		;
	return i < sizeof(events) / sizeof(events[0]) &&
	       (!strcmp(phase, "start") || !strcmp(phase, "end") || !strcmp(phase, "release")) &&
	       (!strcmp(source, "mn") || !strcmp(source, "interval")) &&
	       (blockable == 0 || blockable == 1) &&
	       (!strcmp(vma, "none") || !strcmp(vma, "covers") || !strcmp(vma, "partial")) &&
	       (!strcmp(owner, "none") || !strcmp(owner, "set")) &&
	       (start <= end || !strcmp(phase, "release"));
}

static void check_line(struct read_check *rc, const char *line)
{
	unsigned long n;
	int used = 0;

	if (rc->dropped) {
		rc->bad_line = 1;	/* anything after "dropped" */
	} else if (sscanf(line, "dropped %lu%n", &n, &used) == 1 && line[used] == '\0') {
		rc->dropped = n;
		if (!n || rc->records != MAX_RECORDS)
			rc->bad_line = 1;
	} else if (valid_record(line)) {
		rc->records++;
		return;
	} else {
		rc->bad_line = 1;
	}
	if (rc->bad_line && !rc->first_bad[0])
		snprintf(rc->first_bad, sizeof(rc->first_bad), "%.80s", line);
}

static int read_all(uint64_t *s, int fd, struct read_check *rc)
{
	static char buf[8192];
	static char line[256];
	size_t used = 0;
	ssize_t n, i;

	memset(rc, 0, sizeof(*rc));
	if (lseek(fd, 0, SEEK_SET) != 0)
		return errno;
	for (;;) {
		n = read(fd, buf, 1 + below(s, sizeof(buf)));
		if (n < 0)
			return errno;
		if (n == 0)
			break;
		for (i = 0; i < n; i++) {
			if (buf[i] != '\n') {
				if (used < sizeof(line) - 1)
					line[used++] = buf[i];
				continue;
			}
			line[used] = '\0';
			check_line(rc, line);
			used = 0;
		}
	}
	if (used) {
		line[used] = '\0';
		rc->bad_line = 1;
		snprintf(rc->first_bad, sizeof(rc->first_bad), "unterminated: %.64s", line);
	}
	return 0;
}

/* ---- phase: one file at a time, the model exact ---- */

static void phase_sequence(uint64_t *s, double until, unsigned long near)
{
	struct phase p = { .name = "sequence" };
	static unsigned char buf[8192];
	struct read_check rc;
	struct model m;
	int fd, want, got, twice, left;
	size_t len;

	do {
		fd = open_events();
		if (fd < 0) {
			problem(&p, "cannot open " EVENTS);
			break;
		}
		memset(&m, 0, sizeof(m));
		for (left = 1 + (int)below(s, 40); left > 0; left--) {
			len = make_command(s, buf, sizeof(buf), near);
			for (twice = 0; twice < 2; twice++) {
				want = model_answer(&m, buf, len);
				got = send_cmd(fd, buf, len);
				p.commands++;
				if (got != want)
					mismatch(&p, buf, len, want, got);
			}
		}
		if (read_all(s, fd, &rc) || rc.bad_line)
			problem(&p, rc.first_bad[0] ? rc.first_bad : "read failed");
		p.reads++;
		close(fd);
	} while (now_s() < until);
	verdict(&p, "every answer as the model says (random bytes, mutated and valid commands, overlong lines, hostile numbers), each command twice");
}

/* ---- phase: buffers the kernel cannot read ---- */

static void phase_efault(uint64_t *s, double until)
{
	struct phase p = { .name = "efault" };
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	unsigned char *map;
	const void *where;
	size_t len;
	int fd, want, got;

	map = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	fd = open_events();
	if (map == MAP_FAILED || fd < 0) {
		problem(&p, "cannot map or open");
		verdict(&p, "");
		return;
	}
	memcpy(map + page - 4, "regi", 4);	/* "regi" then a PROT_NONE page */
	mprotect(map + page, page, PROT_NONE);
	do {
		/* At least 5 bytes: "regi" is readable before the PROT_NONE page. */
		len = 5 + below(s, 2 * CMD_MAX);
		switch (below(s, 4)) {
		case 0: where = NULL; break;
		case 1: where = (void *)(uintptr_t)(1 + below(s, 4096)); break;
		case 2: where = map + page; break;
		default: where = map + page - 4; break;
		}
		/* The module refuses the length before it reads. */
		want = len >= CMD_MAX ? EINVAL : EFAULT;
		got = send_cmd(fd, where, len);
		p.commands++;
		if (got != want)
			mismatch(&p, (const unsigned char *)"(unreadable buffer)", 19, want, got);
		/* Above the user address space: refused before the module. */
		got = send_cmd(fd, (void *)KERNEL_ADDR, len);
		p.commands++;
		if (got != EFAULT)
			mismatch(&p, (const unsigned char *)"(kernel address)", 16, EFAULT, got);
	} while (now_s() < until);
	close(fd);
	munmap(map, 2 * page);
	verdict(&p, "unreadable buffers: EFAULT, or EINVAL for 64 bytes or more");
}

/* ---- phase: parent and child on one file ---- */

struct expect {
	const char *cmd;
	int want;
};

/* Send each command twice; return the number of wrong answers. */
static int run_expect(struct phase *p, int fd, const struct expect *e, int n)
{
	int i, twice, got, bad = 0, want;

	for (i = 0; i < n; i++) {
		for (twice = 0; twice < 2; twice++) {
			/* A success makes the same command's second try EBUSY. */
			want = twice && e[i].want == 0 && strcmp(e[i].cmd, "clear") ? EBUSY : e[i].want;
			got = send_cmd(fd, e[i].cmd, strlen(e[i].cmd));
			p->commands++;
			if (got != want) {
				mismatch(p, (const unsigned char *)e[i].cmd, strlen(e[i].cmd), want, got);
				bad++;
			}
		}
	}
	return bad;
}

/* Whether the file holds a record whose line contains NEEDLE. */
static int has_record(int fd, const char *needle)
{
	static char buf[65536];
	ssize_t n, got = 0;

	lseek(fd, 0, SEEK_SET);
	while ((size_t)got < sizeof(buf) - 1 && (n = read(fd, buf + got, sizeof(buf) - 1 - (size_t)got)) > 0)
		got += n;
	buf[got < 0 ? 0 : got] = '\0';
	return strstr(buf, needle) != NULL;
}

static int child_status(pid_t pid)
{
	int status;

	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void phase_fork(double until)
{
	struct phase p = { .name = "fork" };
	char interval[64];
	unsigned char *mem;
	pid_t pid;
	int fd, rc, mode = 0;

	mem = mmap(NULL, 4 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (mem == MAP_FAILED) {
		problem(&p, "mmap failed");
		verdict(&p, "");
		return;
	}
	snprintf(interval, sizeof(interval), "interval %lx 4000", (unsigned long)mem);
	do {
		fd = open_events();
		if (fd < 0) {
			problem(&p, "cannot open " EVENTS);
			break;
		}
		fflush(stdout);
		if (mode == 0) {
			/* The parent registers; the child adds the interval, on its mm. */
			const struct expect parent[] = { { "register", 0 } };
			const struct expect child[] = { { "register", EBUSY }, { "pin", EBUSY },
							{ interval, 0 }, { "clear", 0 } };

			run_expect(&p, fd, parent, 1);
			pid = fork();
			if (pid == 0) {
				rc = run_expect(&p, fd, child, 4);
				mem[0] = 1;
				munmap(mem, 4096);
				_exit(rc);
			}
			rc = child_status(pid);
			p.commands += 8;
			if (rc)
				problem(&p, "child: unexpected answers (register first)");
			const struct expect after[] = { { interval, EBUSY }, { "register", EBUSY } };

			run_expect(&p, fd, after, 2);
			if (!has_record(fd, "start interval release"))
				problem(&p, "the child's exit left no release record of its interval");
		} else {
			/* The child registers (or pins) its mm and exits first. */
			const struct expect child[] = { { mode == 1 ? "register" : "pin", 0 },
							{ "register", EBUSY } };

			pid = fork();
			if (pid == 0) {
				rc = run_expect(&p, fd, child, 2);
				mprotect(mem, 4096, PROT_READ);
				_exit(rc);
			}
			rc = child_status(pid);
			p.commands += 4;
			if (rc)
				problem(&p, "child: unexpected answers (child registers)");
			const struct expect after[] = { { "register", EBUSY }, { "pin", EBUSY },
							{ interval, 0 }, { "clear", 0 } };

			/*
			 * An unpinned mm is gone with its task; a pinned one is
			 * not. Looked for before "clear" below forgets it.
			 */
			if (mode == 1 && !has_record(fd, "release mn release"))
				problem(&p, "the child's exit left no release record");
			run_expect(&p, fd, after, 4);
		}
		p.reads++;
		close(fd);	/* unregisters from a dead or pinned mm */
		mode = (mode + 1) % 3;
	} while (now_s() < until);
	munmap(mem, 4 * 4096);
	verdict(&p, "parent and child share the file: EBUSY once either registered, release records of the child's mm");
}

/* ---- phase: threads racing on shared files ---- */

#define CHURN_PAGES 16

static int race_fd[2];
static volatile int race_stop;
static unsigned char *churn;
static uint64_t race_seed;
static struct phase race = { .name = "race" };

static void *race_worker(void *arg)
{
	uint64_t s = race_seed ^ (uint64_t)(uintptr_t)arg * 0x51ed270b27c6f3e1ULL;
	unsigned char buf[256];
	struct model m = { 0 };
	int slot, fd, got, want;
	size_t len;

	while (!race_stop) {
		slot = (int)below(&s, 2);
		fd = __atomic_load_n(&race_fd[slot], __ATOMIC_RELAXED);
		switch (below(&s, 16)) {
		case 0:		/* close and reopen the slot */
			fd = __atomic_exchange_n(&race_fd[slot], open_events(), __ATOMIC_RELAXED);
			close(fd);
			break;
		case 1:
			read(fd, buf, sizeof(buf));
			__atomic_fetch_add(&race.reads, 1, __ATOMIC_RELAXED);
			break;
		default:
			len = make_command(&s, buf, sizeof(buf), (unsigned long)churn);
			/*
			 * The state is shared: the slot may have a notifier or
			 * an interval already (EBUSY), or have been closed
			 * under the thread (EBADF).
			 */
			m.registered = m.interval = 0;
			want = model_answer(&m, buf, len);
			got = send_cmd(fd, buf, len);
			__atomic_fetch_add(&race.commands, 1, __ATOMIC_RELAXED);
			if (got != want && got != EBADF &&
			    !(got == EBUSY && (m.verb == V_REGISTER || m.verb == V_INTERVAL)))
				mismatch(&race, buf, len, want, got);
			break;
		}
	}
	return NULL;
}

/* Map, fault, mprotect, madvise and unmap the region the intervals watch. */
static void *race_churn(void *arg)
{
	uint64_t s = race_seed ^ 0xc0ffee;
	size_t size = CHURN_PAGES * 4096, off;
	void *p;

	(void)arg;
	while (!race_stop) {
		off = 4096 * below(&s, CHURN_PAGES);
		switch (below(&s, 4)) {
		case 0:
			munmap(churn, size);
			/* Where it was: the intervals watch that address. */
			p = mmap(churn, size, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
			if (p != churn)
				race_stop = 1;
			break;
		case 1:
			mprotect(churn + off, 4096, PROT_READ);
			mprotect(churn + off, 4096, PROT_READ | PROT_WRITE);
			break;
		case 2:
			madvise(churn + off, 4096, MADV_DONTNEED);
			break;
		default:
			churn[off] = (unsigned char)off;
			break;
		}
	}
	return NULL;
}

static void phase_race(uint64_t *s, double until)
{
	pthread_t threads[RACE_THREADS + 1];
	int i, started = 0;

	race_seed = rnd(s);
	churn = mmap(NULL, CHURN_PAGES * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	race_fd[0] = open_events();
	race_fd[1] = open_events();
	if (churn == MAP_FAILED || race_fd[0] < 0 || race_fd[1] < 0) {
		problem(&race, "cannot map or open");
		verdict(&race, "");
		return;
	}
	race_stop = 0;
	for (i = 0; i < RACE_THREADS; i++)
		started += !pthread_create(&threads[i], NULL, race_worker, (void *)(uintptr_t)(i + 1));
	started += !pthread_create(&threads[RACE_THREADS], NULL, race_churn, NULL);
	if (started != RACE_THREADS + 1)
		problem(&race, "cannot start the threads");
	while (now_s() < until && !race_stop)
		usleep(10000);
	if (race_stop)
		problem(&race, "the churn thread could not map its region again");
	race_stop = 1;
	for (i = 0; i < RACE_THREADS + 1; i++) {
		if (i < RACE_THREADS || started == RACE_THREADS + 1)
			pthread_join(threads[i], NULL);
	}
	close(race_fd[0]);
	close(race_fd[1]);
	munmap(churn, CHURN_PAGES * 4096);
	verdict(&race, "register/pin/interval/clear/read/close from 4 threads on 2 shared slots while a thread maps, mprotects and unmaps");
}

/* ---- phase: reads while the buffer overflows ---- */

static volatile int hammer_stop;
static unsigned char *hammer_page;

static void *hammer(void *arg)
{
	(void)arg;
	while (!hammer_stop) {
		mprotect(hammer_page, 4096, PROT_READ);
		mprotect(hammer_page, 4096, PROT_READ | PROT_WRITE);
	}
	return NULL;
}

/*
 * Until UNTIL, and past it (up to GRACE seconds more) until one read has
 * seen the buffer overflow: a slow host must not fail the phase.
 */
static void phase_overflow(uint64_t *s, double until, double grace)
{
	struct phase p = { .name = "overflow" };
	unsigned long last_dropped = 0, overflowed = 0;
	struct read_check rc;
	pthread_t thread;
	char note[160];
	int fd, err;

	hammer_page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	fd = open_events();
	if (hammer_page == MAP_FAILED || fd < 0 || send_cmd(fd, "register", 8)) {
		problem(&p, "cannot map, open or register");
		verdict(&p, "");
		return;
	}
	p.commands++;
	hammer_stop = 0;
	if (pthread_create(&thread, NULL, hammer, NULL)) {
		problem(&p, "cannot start the thread");
		verdict(&p, "");
		return;
	}
	do {
		err = read_all(s, fd, &rc);
		p.reads++;
		if (err || rc.bad_line) {
			snprintf(note, sizeof(note), "read %s, bad line: %s", err_name(err), rc.first_bad);
			problem(&p, note);
		}
		/* Without a clear, what was dropped can only grow. */
		if (rc.dropped && rc.dropped < last_dropped)
			problem(&p, "the dropped count went down without a clear");
		overflowed += rc.dropped > 0;
		last_dropped = rc.dropped;
		if (below(s, 8) == 0) {
			p.commands++;
			if (send_cmd(fd, "clear", 5))
				problem(&p, "clear failed");
			last_dropped = 0;
		}
	} while (now_s() < until || (!overflowed && now_s() < until + grace));
	hammer_stop = 1;
	pthread_join(thread, NULL);
	if (!overflowed)
		problem(&p, "the buffer never overflowed");
	close(fd);
	munmap(hammer_page, 4096);
	snprintf(note, sizeof(note), "%lu reads saw the buffer overflowed; every line a record, \"dropped N\" only after %d records",
		 overflowed, MAX_RECORDS);
	verdict(&p, note);
}

/* ---- main ---- */

static uint64_t seed_of(void)
{
	const char *env = getenv("FUZZ_SEED");
	struct timespec ts;

	if (env && *env)
		return strtoull(env, NULL, 0);
	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^ (uint64_t)getpid();
}

int main(void)
{
	const char *env = getenv("FUZZ_SECONDS");
	double budget = env && *env ? atof(env) : 4.0, t0;
	uint64_t seed = seed_of(), s = seed;
	unsigned long near, total;
	char counts[256];
	size_t n = 0;
	unsigned int i;
	int fd;

	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("MMNR NOTE " SUITE " seed %llu, %.1f s (replay: FUZZ_SEED=%llu on the kernel command line, e.g. BOOT_APPEND=FUZZ_SEED=%llu scripts/boot CONFIG)\n",
	       (unsigned long long)seed, budget, (unsigned long long)seed, (unsigned long long)seed);
	fd = open_events();
	if (fd < 0) {
		result_plan(SUITE, 0);
		printf("MMNR SKIP " SUITE " test_mmu_notifier interface absent: %s: %s\n", EVENTS, strerror(errno));
		return 4;
	}
	close(fd);
	answers = mmap(NULL, sizeof(*answers) * (NCOUNTED + 1), PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (answers == MAP_FAILED) {
		printf("MMNR NOTE " SUITE " cannot map the answer counters\n");
		return 1;
	}
	result_plan(SUITE, 6);
	near = (unsigned long)mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	t0 = now_s();
	phase_sequence(&s, t0 + budget * 0.35, near);
	phase_efault(&s, t0 + budget * 0.40);
	phase_fork(t0 + budget * 0.55);
	phase_race(&s, t0 + budget * 0.85);
	phase_overflow(&s, t0 + budget, 10 * budget);
	for (i = 0, total = 0; i <= NCOUNTED; i++) {
		total += answers[i];
		n += (size_t)snprintf(counts + n, sizeof(counts) - n, "%s%s %lu", i ? ", " : "",
				      i < NCOUNTED ? err_name(counted[i]) : "other", answers[i]);
	}
	/* Every answer is one the interface documents: none of another kind. */
	result(SUITE, "answers", total > 0 && !answers[NCOUNTED],
	       "seed %llu, %lu commands: %s", (unsigned long long)seed, total, counts);
	return 0;
}
