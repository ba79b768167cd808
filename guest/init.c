// SPDX-License-Identifier: GPL-2.0
/*
 * The guest's /init: mount the pseudo file systems, load every module in
 * /modules, run every program in /tests in name order (contract, then
 * kmemleak last), each under a time limit, report how each ended, then
 * reset the machine (QEMU runs with -no-reboot, so it exits). Where the
 * initramfs has /watch (guest/watch.c), every program but those two runs
 * under it, so that the test module's contract checker watches each mm.
 *
 * A program's output is passed on line by line, with TAP translated into
 * the MMNR protocol (tap.h).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

#define TESTS_DIR "/tests"
/* /args/NAME: the arguments of /tests/NAME, separated by spaces. */
#define ARGS_DIR "/args"
#define MAX_ARGS 16
#define MODULES_DIR "/modules"
#define TEST_TIMEOUT_S 600
#define WATCH "/watch"

static void console(void)
{
	int fd;

	mkdir("/dev", 0755);
	mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	fd = open("/dev/console", O_RDWR);
	if (fd < 0)
		return;
	dup2(fd, 0);
	dup2(fd, 1);
	dup2(fd, 2);
	if (fd > 2)
		close(fd);
}

static void mount_or_warn(const char *src, const char *dir, const char *type)
{
	mkdir(dir, 0755);
	if (mount(src, dir, type, 0, NULL))
		printf("MMNR RESULT init.mount-%s FAIL %s: %s\n", type, dir,
		       strerror(errno));
}

/* Write VALUE to the sysctl or sysfs file PATH, or report why not. */
static void set_or_warn(const char *path, const char *value)
{
	int fd = open(path, O_WRONLY);
	ssize_t n = -1;

	if (fd >= 0) {
		n = write(fd, value, strlen(value));
		close(fd);
	}
	if (n != (ssize_t)strlen(value))
		printf("MMNR RESULT init.set FAIL %s=%s: %s\n", path, value,
		       strerror(errno));
}

/* Load every module of MODULES_DIR, in name order; report the ones that fail. */
static void load_modules(void)
{
	struct dirent **mods;
	char path[sizeof(MODULES_DIR) + sizeof(mods[0]->d_name)];
	int n, i, fd;

	n = scandir(MODULES_DIR, &mods, NULL, alphasort);
	for (i = 0; i < n; i++) {
		if (mods[i]->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", MODULES_DIR, mods[i]->d_name);
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0 || syscall(SYS_finit_module, fd, "", 0))
			printf("MMNR RESULT init.module FAIL %s: %s\n", path,
			       strerror(errno));
		if (fd >= 0)
			close(fd);
	}
}

/*
 * test_hmm registers the character devices of hmm-tests. Later kernels
 * (v6.1 among them) add them with cdev_device_add(), so devtmpfs makes
 * their nodes; v5.10's driver only reserves a major number and a range of
 * minors, and its test_hmm.sh makes /dev/hmm_dmirror0 and 1 from
 * /proc/devices. Do what that script does when the nodes are missing.
 */
static void hmm_device_nodes(void)
{
	char line[128], name[64], node[32];
	unsigned int major, minor;
	FILE *f;

	if (!access("/dev/hmm_dmirror0", F_OK))
		return;
	f = fopen("/proc/devices", "r");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		if (!strncmp(line, "Block devices:", 14))
			break;
		if (sscanf(line, "%u %63s", &major, name) != 2 ||
		    strcmp(name, "HMM_DMIRROR"))
			continue;
		for (minor = 0; minor < 2; minor++) {
			snprintf(node, sizeof(node), "/dev/hmm_dmirror%u", minor);
			if (mknod(node, S_IFCHR | 0600, makedev(major, minor)))
				printf("MMNR RESULT init.mknod FAIL %s: %s\n",
				       node, strerror(errno));
		}
	}
	fclose(f);
}

/*
 * Name order, except that the suites that judge what the others left come
 * last: the contract checker's report, then kmemleak's scan.
 */
static const char *const late_suites[] = { "contract", "kmemleak" };

/* 0 for an ordinary suite, else its place among the late ones, from 1. */
static int lateness(const char *name)
{
	unsigned int i;

	for (i = 0; i < sizeof(late_suites) / sizeof(late_suites[0]); i++)
		if (!strcmp(name, late_suites[i]))
			return i + 1;
	return 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	int a_late = lateness((*a)->d_name), b_late = lateness((*b)->d_name);

	if (a_late != b_late)
		return a_late - b_late;
	return strcmp((*a)->d_name, (*b)->d_name);
}

/*
 * The command line of the test at PATH into ARGV, under /watch when WATCH:
 * the program, then the words of /args/NAME. BUF keeps the words.
 */
static void test_argv(const char *name, char *path, int watch, char **argv,
		      char *buf, size_t size)
{
	char file[256], *word, *save;
	int argc = 0;
	FILE *f;

	if (watch)
		argv[argc++] = WATCH;
	argv[argc++] = path;
	buf[0] = '\0';
	snprintf(file, sizeof(file), "%s/%s", ARGS_DIR, name);
	f = fopen(file, "r");
	if (f) {
		if (!fgets(buf, size, f))
			buf[0] = '\0';
		fclose(f);
	}
	for (word = strtok_r(buf, " \n", &save); word && argc < MAX_ARGS - 1;
	     word = strtok_r(NULL, " \n", &save))
		argv[argc++] = word;
	argv[argc] = NULL;
}

static void run_test(const char *name)
{
	char path[256], words[256], *argv[MAX_ARGS];
	int status, out[2], planned;
	pid_t pid;

	snprintf(path, sizeof(path), "%s/%s", TESTS_DIR, name);
	test_argv(name, path, !lateness(name) && !access(WATCH, X_OK), argv,
		  words, sizeof(words));
	fflush(stdout);
	if (pipe(out)) {
		printf("MMNR EXIT %s pipe-failed\n", name);
		return;
	}
	pid = fork();
	if (pid == 0) {
		dup2(out[1], 1);
		dup2(out[1], 2);
		close(out[0]);
		close(out[1]);
		alarm(TEST_TIMEOUT_S);
		execv(argv[0], argv);
		printf("MMNR RESULT %s.exec FAIL %s\n", name, strerror(errno));
		_exit(127);
	}
	close(out[1]);
	planned = relay(name, out[0]);
	close(out[0]);
	if (pid < 0 || waitpid(pid, &status, 0) != pid) {
		printf("MMNR EXIT %s fork-failed\n", name);
		return;
	}
	if (!planned)
		tap_judge_by_status(name, status);
	if (WIFEXITED(status))
		printf("MMNR EXIT %s %d\n", name, WEXITSTATUS(status));
	else
		printf("MMNR EXIT %s signal-%d\n", name, WTERMSIG(status));
}

int main(void)
{
	struct dirent **tests;
	int n, i;

	console();
	setvbuf(stdout, NULL, _IOLBF, 0);
	mount_or_warn("proc", "/proc", "proc");
	mount_or_warn("sysfs", "/sys", "sysfs");
	mount_or_warn("debugfs", "/sys/kernel/debug", "debugfs");
	/* Files made with O_TMPFILE (hmm-tests) need a tmpfs. */
	mount_or_warn("tmpfs", "/tmp", "tmpfs");
	/*
	 * The cgroup v2 hierarchy where distributions mount it, for the memory
	 * cgroup of the OOM test; sysfs has the directory when the kernel
	 * has cgroups at all.
	 */
	if (!access("/sys/fs/cgroup", F_OK))
		mount_or_warn("cgroup2", "/sys/fs/cgroup", "cgroup2");
	/*
	 * Huge pages for the hugetlbfs cases of hmm-tests, and hugetlbfs
	 * where distributions mount it: v5.10's hmm-tests takes its huge
	 * pages from libhugetlbfs, which looks for a mount.
	 */
	set_or_warn("/proc/sys/vm/nr_hugepages", "4");
	/*
	 * The kernel's mremap_test maps 2 GiB regions and touches 4 MiB of
	 * them; the VM has 1 GiB, which the default heuristic refuses.
	 */
	set_or_warn("/proc/sys/vm/overcommit_memory", "1");
	if (!access("/sys/kernel/mm/hugepages", F_OK))
		mount_or_warn("hugetlbfs", "/dev/hugepages", "hugetlbfs");
	load_modules();
	hmm_device_nodes();

	n = scandir(TESTS_DIR, &tests, NULL, by_name);
	for (i = 0; i < n; i++) {
		if (tests[i]->d_name[0] != '.')
			run_test(tests[i]->d_name);
	}
	printf("MMNR END\n");
	fflush(stdout);
	sync();
	reboot(RB_AUTOBOOT);
	return 1;
}
