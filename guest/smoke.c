// SPDX-License-Identifier: GPL-2.0
/*
 * Smoke test: the page-table changes the event tests build on work at all
 * on the booted kernel. Each case checks the effect, not only the return
 * value. Also runs on the build host (tests/run uses it to feed the parser).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "result.h"

#define SUITE "smoke"
#define PAGES 16

static size_t page;

static int fill_check(unsigned char *p, size_t len, unsigned char seed)
{
	size_t i;

	for (i = 0; i < len; i += page)
		p[i] = (unsigned char)(seed + i / page);
	for (i = 0; i < len; i += page)
		if (p[i] != (unsigned char)(seed + i / page))
			return 0;
	return 1;
}

/* Run fn(arg) in a child; return how the child ended. */
static int in_child(void (*fn)(unsigned char *), unsigned char *arg)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		fn(arg);
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static void write_first(unsigned char *p)
{
	p[0] = 0x5a;
}

static void cow_write(unsigned char *p)
{
	p[0] = 0xee;
	_exit(p[0] == 0xee ? 0 : 1);
}

int main(void)
{
	unsigned char *p, *q;
	unsigned char vec;
	size_t len;
	int status, ok;

	page = (size_t)sysconf(_SC_PAGESIZE);
	len = PAGES * page;
	result_plan(SUITE, 7);

	p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		 -1, 0);
	if (!result(SUITE, "mmap", p != MAP_FAILED, "%zu bytes: %s", len,
		    p == MAP_FAILED ? strerror(errno) : "mapped"))
		return 1;

	result(SUITE, "touch", fill_check(p, len, 1), "write and read back %d pages",
	       PAGES);

	ok = mprotect(p, len, PROT_READ) == 0;
	status = ok ? in_child(write_first, p) : -1;
	ok = ok && WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV && p[0] == 1;
	ok = ok && mprotect(p, len, PROT_READ | PROT_WRITE) == 0;
	result(SUITE, "mprotect", ok,
	       "write to a read-only page faults (child status 0x%x)", status);

	ok = madvise(p, len, MADV_DONTNEED) == 0 && p[0] == 0 && p[len - page] == 0;
	result(SUITE, "madvise-dontneed", ok, "private anonymous pages read zero");

	fill_check(p, len, 7);
	q = mremap(p, len, 2 * len, MREMAP_MAYMOVE);
	ok = q != MAP_FAILED && q[0] == 7 && q[len - page] == (unsigned char)(7 + PAGES - 1);
	ok = ok && fill_check(q, 2 * len, 9);
	result(SUITE, "mremap", ok, "grown to %d pages, contents kept", 2 * PAGES);
	if (q != MAP_FAILED) {
		p = q;
		len *= 2;
	}

	status = in_child(cow_write, p);
	ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 && p[0] == 9;
	result(SUITE, "fork", ok, "child's write stays private (child status 0x%x)",
	       status);

	ok = munmap(p, len) == 0 && mincore(p, page, &vec) == -1 && errno == ENOMEM;
	result(SUITE, "munmap", ok, "range gone (mincore gives ENOMEM)");
	return 0;
}
