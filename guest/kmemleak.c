// SPDX-License-Identifier: GPL-2.0
/*
 * The kmemleak scan after every other test (/init runs this suite last):
 * wait until what the tests allocated is older than kmemleak's minimum age
 * (5 s), scan twice (an object is reported only when its contents did not
 * change between two scans), then read the suspects back. One result: the
 * number of suspected leaks, each printed as a note with its backtrace.
 *
 * On a kernel without kmemleak the suite says so and is skipped whole.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "result.h"

#define SUITE "kmemleak"
#define KMEMLEAK "/sys/kernel/debug/kmemleak"
#define MIN_AGE_S 6
#define SCANS 2
#define MAX_NOTE_LINES 200

static int command(const char *cmd)
{
	int fd = open(KMEMLEAK, O_WRONLY), ok;

	if (fd < 0)
		return 0;
	ok = write(fd, cmd, strlen(cmd)) == (ssize_t)strlen(cmd);
	close(fd);
	return ok;
}

int main(void)
{
	char line[512];
	unsigned long leaks = 0, lines = 0;
	FILE *f;
	int i;

	if (access(KMEMLEAK, R_OK)) {
		result_plan(SUITE, 0);
		printf("MMNR SKIP " SUITE " kmemleak interface absent: " KMEMLEAK ": %s\n",
		       strerror(errno));
		return 4;
	}
	result_plan(SUITE, 1);
	sleep(MIN_AGE_S);
	for (i = 0; i < SCANS; i++) {
		if (!command("scan"))
			return !result(SUITE, "scan", 0, "writing 'scan' to " KMEMLEAK " failed: %s",
				       strerror(errno));
	}
	f = fopen(KMEMLEAK, "r");
	if (!f)
		return !result(SUITE, "scan", 0, "cannot read " KMEMLEAK ": %s", strerror(errno));
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (!strncmp(line, "unreferenced object", 19))
			leaks++;
		if (lines++ < MAX_NOTE_LINES)
			printf("MMNR NOTE " SUITE " %s\n", line);
	}
	fclose(f);
	return !result(SUITE, "scan", leaks == 0, "%lu suspected leaks after %d scans (%lu lines in " KMEMLEAK ")",
		       leaks, SCANS, lines);
}
