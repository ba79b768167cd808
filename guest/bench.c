// SPDX-License-Identifier: GPL-2.0
/*
 * The benchmark guest (scripts/bench): what each memory operation that sends
 * an mmu_notifier invalidation costs, in guest instructions.
 *
 * Under QEMU with -icount shift=0 the guest's clock advances one nanosecond
 * per instruction, so the x86 TSC counts instructions and the arm64 virtual
 * counter (62.5 MHz) counts them in steps of 16; either way the time of an
 * operation, in nanoseconds, is its instruction count. Each operation is
 * timed ITERS times; what is reported is the interquartile mean (the mean
 * of the middle half, which drops the iterations a timer tick or the first
 * use of a path lands in).
 *
 * Operations (every one but "fault" sends an invalidation):
 *   fault     first write to a page: the control, no invalidation
 *   mprotect  mprotect(PROT_READ) then back to read-write, 16 dirty pages
 *   munmap    munmap of a mapping of 16 touched pages
 *   dontneed  madvise(MADV_DONTNEED) of 16 touched pages, then touch them
 *   fork      fork with 16 private dirty pages; the child exits, waited for
 *   cow       a write fault on a page shared copy-on-write with a child
 *   mremap    mremap moving 16 touched pages to another address
 * each in three states of the process's mm, each in a process of its own:
 *   none      no notifier
 *   mn        an mmu_notifier with empty start and end callbacks
 *   interval  an interval notifier over every address the operations use
 * The notifiers are the module modules/bench_notifier.c's, which /init
 * loads; it is the same source on the base and on the series.
 *
 * Output, one line per operation and state, for scripts/bench:
 *   BENCH <op> <state> iters=<n> iqm=<x.y> min=<n> median=<n> max=<n>
 * then "BENCH END" (or "BENCH FAIL <why>").
 *
 * BENCH_WARMUP=N on the kernel command line (the kernel hands it to /init
 * in its environment) first runs N children that each touch a different
 * number of pages and exit. The operations are the same; only the state of
 * the kernel's allocators and pid space they start from differs, so
 * scripts/bench boots each kernel so to see how far each figure moves with
 * that state alone: its noise.
 *
 * In the guest it is a program of /tests that the project's /init
 * (guest/init.c) runs, after loading the module from /modules: with no
 * arguments it measures every state, BENCH_ITERS iterations (the kernel
 * hands BENCH_ITERS=N on its command line to /init's environment, which
 * the program inherits). With arguments ("bench ITERS STATE...") it
 * measures those states: on the host, the "none" state tests the program
 * itself.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096UL
#define MAX_ITERS 1000
#define OP_PAGES 16
/* Every region lies in [ARENA, ARENA + ARENA_LEN): the interval notifier's. */
#define ARENA 0x100000000UL
#define SLOT (2UL << 20)
#define ARENA_LEN (8 * SLOT)
#define FAULT_PAGES MAX_ITERS
#define CONTROL "/sys/kernel/debug/bench_notifier"

enum slot { S_FAULT, S_MPROTECT, S_MUNMAP, S_DONTNEED, S_FORK, S_COW, S_MREMAP_A, S_MREMAP_B };

static int iters = 200;
static uint64_t samples[MAX_ITERS];

static void fail(const char *what)
{
	printf("BENCH FAIL %s: %s\n", what, strerror(errno));
	fflush(stdout);
	exit(1);
}

/* The guest clock in nanoseconds: instructions, under icount shift=0. */
static inline uint64_t clock_ns(void)
{
#if defined(__x86_64__)
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
#elif defined(__aarch64__)
	static uint64_t ns_per_tick;
	uint64_t ticks, freq;

	if (!ns_per_tick) {
		__asm__ volatile("mrs %0, cntfrq_el0" : "=r"(freq));
		ns_per_tick = freq ? 1000000000UL / freq : 1;
	}
	__asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(ticks) : : "memory");
	return ticks * ns_per_tick;
#else
#error "bench: no clock for this architecture"
#endif
}

static char *slot_addr(enum slot s)
{
	return (char *)(ARENA + s * SLOT);
}

static char *map_at(enum slot s, unsigned long pages)
{
	char *p = mmap(slot_addr(s), pages * PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);

	if (p != slot_addr(s))
		fail("mmap at the slot's address");
	return p;
}

static void touch(char *p, unsigned long pages)
{
	unsigned long i;

	for (i = 0; i < pages; i++)
		((volatile char *)p)[i * PAGE] = (char)i;
}

static int by_value(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static void report(const char *op, const char *state)
{
	int lo = iters / 4, hi = iters - iters / 4, i;
	uint64_t sum = 0;

	qsort(samples, iters, sizeof(samples[0]), by_value);
	for (i = lo; i < hi; i++)
		sum += samples[i];
	printf("BENCH %s %s iters=%d iqm=%.1f min=%llu median=%llu max=%llu\n",
	       op, state, iters, (double)sum / (hi - lo),
	       (unsigned long long)samples[0],
	       (unsigned long long)samples[iters / 2],
	       (unsigned long long)samples[iters - 1]);
	fflush(stdout);
}

static void op_fault(void)
{
	char *p = map_at(S_FAULT, FAULT_PAGES);
	uint64_t t;
	int i;

	for (i = 0; i < iters; i++) {
		t = clock_ns();
		((volatile char *)p)[i * PAGE] = 1;
		samples[i] = clock_ns() - t;
	}
	munmap(p, FAULT_PAGES * PAGE);
}

static void op_mprotect(void)
{
	char *p = map_at(S_MPROTECT, OP_PAGES);
	uint64_t t;
	int i;

	touch(p, OP_PAGES);
	for (i = 0; i < iters; i++) {
		t = clock_ns();
		if (mprotect(p, OP_PAGES * PAGE, PROT_READ) ||
		    mprotect(p, OP_PAGES * PAGE, PROT_READ | PROT_WRITE))
			fail("mprotect");
		samples[i] = clock_ns() - t;
	}
	munmap(p, OP_PAGES * PAGE);
}

static void op_munmap(void)
{
	uint64_t t;
	char *p;
	int i;

	for (i = 0; i < iters; i++) {
		p = map_at(S_MUNMAP, OP_PAGES);
		touch(p, OP_PAGES);
		t = clock_ns();
		if (munmap(p, OP_PAGES * PAGE))
			fail("munmap");
		samples[i] = clock_ns() - t;
	}
}

static void op_dontneed(void)
{
	char *p = map_at(S_DONTNEED, OP_PAGES);
	uint64_t t;
	int i;

	touch(p, OP_PAGES);
	for (i = 0; i < iters; i++) {
		t = clock_ns();
		if (madvise(p, OP_PAGES * PAGE, MADV_DONTNEED))
			fail("madvise");
		touch(p, OP_PAGES);
		samples[i] = clock_ns() - t;
	}
	munmap(p, OP_PAGES * PAGE);
}

static void op_fork(void)
{
	char *p = map_at(S_FORK, OP_PAGES);
	uint64_t t;
	pid_t pid;
	int i;

	for (i = 0; i < iters; i++) {
		touch(p, OP_PAGES);
		t = clock_ns();
		pid = fork();
		if (pid < 0)
			fail("fork");
		if (pid == 0)
			_exit(0);
		if (waitpid(pid, NULL, 0) != pid)
			fail("waitpid");
		samples[i] = clock_ns() - t;
	}
	munmap(p, OP_PAGES * PAGE);
}

/* A child that shares the pages until its parent closes the pipe. */
static void op_cow(void)
{
	char *p = map_at(S_COW, FAULT_PAGES), c;
	int pipefd[2], i;
	uint64_t t;
	pid_t pid;

	touch(p, iters);
	if (pipe(pipefd))
		fail("pipe");
	pid = fork();
	if (pid < 0)
		fail("fork");
	if (pid == 0) {
		close(pipefd[1]);
		_exit(read(pipefd[0], &c, 1) < 0);
	}
	close(pipefd[0]);
	for (i = 0; i < iters; i++) {
		t = clock_ns();
		((volatile char *)p)[i * PAGE] = 2;
		samples[i] = clock_ns() - t;
	}
	close(pipefd[1]);
	if (waitpid(pid, NULL, 0) != pid)
		fail("waitpid");
	munmap(p, FAULT_PAGES * PAGE);
}

static void op_mremap(void)
{
	char *from = map_at(S_MREMAP_A, OP_PAGES), *to = slot_addr(S_MREMAP_B), *q;
	uint64_t t;
	int i;

	touch(from, OP_PAGES);
	for (i = 0; i < iters; i++) {
		t = clock_ns();
		q = mremap(from, OP_PAGES * PAGE, OP_PAGES * PAGE,
			   MREMAP_MAYMOVE | MREMAP_FIXED, to);
		samples[i] = clock_ns() - t;
		if (q != to)
			fail("mremap");
		to = from;
		from = q;
	}
	munmap(from, OP_PAGES * PAGE);
}

static const struct {
	const char *name;
	void (*run)(void);
} ops[] = {
	{ "fault", op_fault },	   { "mprotect", op_mprotect },
	{ "munmap", op_munmap },   { "dontneed", op_dontneed },
	{ "fork", op_fork },	   { "cow", op_cow },
	{ "mremap", op_mremap },
};

static void control(const char *cmd)
{
	int fd = open(CONTROL, O_WRONLY);

	if (fd < 0)
		fail("open " CONTROL);
	if (write(fd, cmd, strlen(cmd)) != (ssize_t)strlen(cmd))
		fail(cmd);
	close(fd);
}

/* N short-lived children, the i-th touching i + 1 pages of its own. */
static void warm_up(int n)
{
	pid_t pid;
	char *p;
	int i;

	for (i = 0; i < n; i++) {
		pid = fork();
		if (pid < 0)
			fail("fork (warm-up)");
		if (pid == 0) {
			p = mmap(NULL, (i + 1) * PAGE, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
			if (p == MAP_FAILED)
				_exit(1);
			touch(p, i + 1);
			_exit(0);
		}
		if (waitpid(pid, NULL, 0) != pid)
			fail("waitpid (warm-up)");
	}
}

/* One state, in a process of its own: its mm starts with no notifier. */
static void run_state(const char *state)
{
	char cmd[64];
	unsigned int i;
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		fail("fork");
	if (pid > 0) {
		if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
		    WEXITSTATUS(status))
			exit(1);
		return;
	}
	if (!strcmp(state, "mn")) {
		control("register");
	} else if (!strcmp(state, "interval")) {
		snprintf(cmd, sizeof(cmd), "interval %lx %lx", ARENA, ARENA_LEN);
		control(cmd);
	} else if (strcmp(state, "none")) {
		errno = EINVAL;
		fail(state);
	}
	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		ops[i].run();
		report(ops[i].name, state);
	}
	if (strcmp(state, "none"))
		control("clear");
	exit(0);
}

int main(int argc, char **argv)
{
	static const char *const all[] = { "none", "mn", "interval" };
	const char *warm = getenv("BENCH_WARMUP");
	const char *n_iters = argc > 1 ? argv[1] : getenv("BENCH_ITERS");
	int i;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (n_iters)
		iters = atoi(n_iters);
	if (iters < 8 || iters > MAX_ITERS) {
		errno = EINVAL;
		fail("iterations (8 to 1000)");
	}
	if (warm) {
		char *end;
		long n = strtol(warm, &end, 10);

		errno = EINVAL;
		if (!*warm || *end || n < 0 || n > MAX_ITERS)
			fail("BENCH_WARMUP (0 to 1000)");
		warm_up(n);
	}
	if (argc > 2) {
		for (i = 2; i < argc; i++)
			run_state(argv[i]);
	} else {
		for (i = 0; i < 3; i++)
			run_state(all[i]);
	}
	printf("BENCH END\n");
	return 0;
}
