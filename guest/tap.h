/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel selftests speak TAP (kselftest_harness.h). relay() passes a
 * program's output on line by line and also translates its plan and result
 * lines into the MMNR protocol of result.h, each result named after the
 * test that the harness's last "#  RUN" line announced. A test for which
 * the harness printed its "#      SKIP" line is a SKIP even when its result
 * line says ok (in v6.1 a SKIP() in a fixture's setup ends in "ok").
 *
 * Some of the kernel's older mm selftests print no TAP at all and say how
 * they did by their exit status alone (kselftest's convention: 0 passed,
 * 4 skipped). relay() says whether the program announced a plan, in TAP
 * or in the MMNR protocol, so that init can judge those by their status.
 */
#ifndef MMNR_TAP_H
#define MMNR_TAP_H

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* The running test of a TAP suite, and the reason the harness skipped it. */
struct tap_state {
	char current[256];
	char skipped[256];
	int planned;
};

static inline void copy_word(char *dst, size_t size, const char *src, int whole)
{
	size_t n;

	while (*src == ' ')
		src++;
	n = whole ? strlen(src) : strcspn(src, " ");
	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* Translate one top-level TAP line of suite NAME. */
static inline void tap_line(const char *name, const char *line, struct tap_state *t)
{
	const char *skip;
	int count;

	if (!strncmp(line, "#      SKIP ", 12)) {
		copy_word(t->skipped, sizeof(t->skipped), line + 12, 1);
		return;
	}
	if (!strncmp(line, "#  RUN ", 7)) {
		copy_word(t->current, sizeof(t->current), line + 7, 0);
		t->skipped[0] = '\0';
		return;
	}
	if (!strncmp(line, "MMNR PLAN ", 10)) {
		t->planned = 1;
		return;
	}
	if (sscanf(line, "1..%d", &count) == 1) {
		t->planned = 1;
		printf("MMNR PLAN %s %d\n", name, count);
		skip = strstr(line, "# SKIP");
		if (count == 0 && skip)
			printf("MMNR SKIP %s %s\n", name, skip + 7);
		return;
	}
	skip = strstr(line, "# SKIP");
	if (skip)
		copy_word(t->skipped, sizeof(t->skipped), skip + 6, 1);
	if (!strncmp(line, "ok ", 3) || !strncmp(line, "not ok ", 7)) {
		/* Without "#  RUN" (ksft_test_result()), the TAP number names it. */
		const char *desc = line + (line[0] == 'o' ? 3 : 7);
		char number[16] = "unnamed";
		size_t digits = strspn(desc, "0123456789");

		if (digits && digits < sizeof(number)) {
			memcpy(number, desc, digits);
			number[digits] = '\0';
			desc += digits + strspn(desc + digits, " -");
		}
		printf("MMNR RESULT %s.%s %s %s\n", name,
		       t->current[0] ? t->current : number,
		       t->skipped[0] ? "SKIP" : line[0] == 'o' ? "PASS" : "FAIL",
		       t->skipped[0] ? t->skipped :
		       t->current[0] || !*desc ? "tap" : desc);
		t->current[0] = '\0';
		t->skipped[0] = '\0';
	}
}

/*
 * Pass the program's output on, translating TAP as it goes; 1 if it
 * announced a plan.
 */
static inline int relay(const char *name, int fd)
{
	struct tap_state tap = { "", "", 0 };
	char line[1024];
	size_t len = 0;
	ssize_t n;
	char c;

	while ((n = read(fd, &c, 1)) == 1 || (n < 0 && errno == EINTR)) {
		if (n < 0)
			continue;
		if (c != '\n' && len < sizeof(line) - 1) {
			line[len++] = c;
			continue;
		}
		if (c != '\n')
			continue;
		while (len && isspace((unsigned char)line[len - 1]))
			len--;
		line[len] = '\0';
		printf("%s\n", line);
		tap_line(name, line, &tap);
		len = 0;
	}
	return tap.planned;
}

/*
 * A program that announced no plan is judged by its exit status, the way
 * the kselftest runner judges it: 0 passed, 4 skipped, else failed.
 */
static inline void tap_judge_by_status(const char *name, int status)
{
	const char *verdict = "FAIL";

	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		verdict = "PASS";
	else if (WIFEXITED(status) && WEXITSTATUS(status) == 4)
		verdict = "SKIP";
	printf("MMNR PLAN %s 1\n", name);
	if (WIFEXITED(status))
		printf("MMNR RESULT %s.status %s no TAP output; exit status %d\n",
		       name, verdict, WEXITSTATUS(status));
	else
		printf("MMNR RESULT %s.status %s no TAP output; signal %d\n",
		       name, verdict, WTERMSIG(status));
}

#endif
