// SPDX-License-Identifier: GPL-2.0
/*
 * watch PROGRAM [ARG...]: run PROGRAM with every mm it and its descendants
 * make watched by the test module's contract checker ("watch PID" to
 * /sys/kernel/debug/test_mmu_notifier/events), then exit as it did.
 *
 * The processes run under ptrace: each exec (a new mm) and each fork,
 * vfork or clone (a new mm, or one watched already, which the module
 * refuses with EALREADY) stops the task until its mm is watched; every
 * other stop passes its signal on, but SIGSTOP, which it takes for the
 * first stop of a new task (none of the programs it runs stops itself).
 * PTRACE_O_EXITKILL takes the whole tree down if the launcher dies
 * (init's time limit kills it).
 *
 * Without the module (a base kernel) it only runs PROGRAM. It prints a
 * comment line when it cannot watch an mm; the module counts those too
 * (watch-refused), so the contract suite fails on them.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#define EVENTS_FILE "/sys/kernel/debug/test_mmu_notifier/events"

static int events_fd = -1;

static void watch(pid_t pid)
{
	char cmd[32];
	int len;

	if (events_fd < 0)
		return;
	len = snprintf(cmd, sizeof(cmd), "watch %d", pid);
	if (write(events_fd, cmd, len) != len && errno != EALREADY)
		printf("# watch: mm of pid %d not watched: %s\n", pid,
		       strerror(errno));
}

/* The child: stop until the launcher has set its options, then exec. */
static void start(char **argv)
{
	if (ptrace(PTRACE_TRACEME, 0, NULL, NULL))
		_exit(126);
	raise(SIGSTOP);
	execv(argv[0], argv);
	printf("# watch: %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

/* What a stop of PID with STATUS passes on when it resumes it. */
static int on_stop(pid_t pid, int status)
{
	int sig = WSTOPSIG(status), event = (unsigned int)status >> 16;
	unsigned long msg;

	switch (event) {
	case PTRACE_EVENT_EXEC:
		watch(pid);
		return 0;
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
	case PTRACE_EVENT_CLONE:
		if (!ptrace(PTRACE_GETEVENTMSG, pid, NULL, &msg))
			watch((pid_t)msg);
		return 0;
	case 0:
		/* A new child's first stop is the SIGSTOP ptrace gives it. */
		return sig == SIGSTOP ? 0 : sig;
	default:
		return 0;
	}
}

int main(int argc, char **argv)
{
	int status, code = 1 << 8;
	pid_t pid, child;

	if (argc < 2) {
		fprintf(stderr, "usage: watch PROGRAM [ARG...]\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	events_fd = open(EVENTS_FILE, O_WRONLY | O_CLOEXEC);
	child = fork();
	if (child < 0)
		return 1;
	if (!child)
		start(argv + 1);
	if (waitpid(child, &status, 0) != child || !WIFSTOPPED(status))
		return 1;
	if (ptrace(PTRACE_SETOPTIONS, child, NULL,
		   PTRACE_O_TRACEEXEC | PTRACE_O_TRACEFORK |
		   PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE |
		   PTRACE_O_EXITKILL))
		return 1;
	ptrace(PTRACE_CONT, child, NULL, NULL);
	while ((pid = waitpid(-1, &status, __WALL)) > 0) {
		if (WIFSTOPPED(status)) {
			ptrace(PTRACE_CONT, pid, NULL,
			       (void *)(long)on_stop(pid, status));
		} else if (pid == child) {
			code = status;
		}
	}
	/* End as PROGRAM did: with its status, or by its signal. */
	if (WIFSIGNALED(code)) {
		signal(WTERMSIG(code), SIG_DFL);
		raise(WTERMSIG(code));
	}
	return WIFEXITED(code) ? WEXITSTATUS(code) : 1;
}
