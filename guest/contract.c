// SPDX-License-Identifier: GPL-2.0
/*
 * The contract suite: what the test module's contract checker found while
 * the other suites ran (init runs it after them, before kmemleak). It reads
 * /sys/kernel/debug/test_mmu_notifier/contract and /contract-findings, the
 * violations known for the kernel booted ("EVENT CHECK CALLER REASON", a
 * line each, put there by scripts/boot from guest/contract-findings), and
 * prints, per row of the contract file (an event, or "missing"):
 *
 *   MMNR CONTRACT ROW CHECKED SAMPLED UNCHECKED VIOLATIONS UNEXPLAINED
 *   MMNR RESULT contract.ROW PASS|FAIL ...
 *
 * and a comment line per kind of violation with the finding that explains
 * it, or UNEXPLAINED. A row fails on an unexplained violation, or when it
 * is named in CONTRACT_EVENTS (comma-separated, from the kernel command
 * line) and no range of it was checked. contract.watch fails if a process
 * could not be watched, contract.kept if violations were lost, and
 * contract.planted unless the selftest's planted faults were caught: a
 * change made with no notifier ("plant"), and ranges of the wrong event
 * ("plant-event"), each named by a function name of the kernel, not an
 * address (the names of the violations come from the same stack walk).
 *
 * CONTRACT_FILE and FINDINGS_FILE in the environment replace the two paths
 * (tests/test-guest.sh runs it on the build host).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "result.h"

#define SUITE "contract"
#define CONTRACT_FILE "/sys/kernel/debug/test_mmu_notifier/contract"
#define FINDINGS_FILE "/contract-findings"
#define MAX_ROWS 16
#define MAX_FINDINGS 64
#define MAX_VIOLATIONS 64

struct row {
	char name[32];
	long checked, sampled, unchecked, violations, unexplained;
};

struct finding {
	char event[32], check[48], caller[64], reason[256];
	int used;
};

struct violation {
	char event[32], check[48], caller[64], rest[256];
	long count;
};

static struct row rows[MAX_ROWS];
static struct finding findings[MAX_FINDINGS];
static struct violation violations[MAX_VIOLATIONS];
static int nrows, nfindings, nviolations;
static long planted, planted_events, refused, lost;
static int planted_unnamed;

/* The file of ENV in the environment, or DEFAULT. */
static const char *path_of(const char *env, const char *path)
{
	return getenv(env) ? getenv(env) : path;
}

static void read_findings(void)
{
	char line[512];
	FILE *f = fopen(path_of("FINDINGS_FILE", FINDINGS_FILE), "r");
	struct finding *fd;
	int n;

	if (!f)
		return;
	while (nfindings < MAX_FINDINGS && fgets(line, sizeof(line), f)) {
		fd = &findings[nfindings];
		line[strcspn(line, "\n")] = '\0';
		if (sscanf(line, "%31s %47s %63s %n", fd->event, fd->check,
			   fd->caller, &n) == 3 && fd->event[0] != '#') {
			snprintf(fd->reason, sizeof(fd->reason), "%s", line + n);
			nfindings++;
		}
	}
	fclose(f);
}

/* A violation of a "plant-event" range: printed, and its caller named. */
static void read_planted(const char *line)
{
	char event[32], check[48], caller[64];
	long count;

	if (sscanf(line, "%31s %47s %63s %ld", event, check, caller,
		   &count) != 4) {
		planted_unnamed++;
		return;
	}
	printf("# contract: planted %s %s by %s x%ld\n", event, check, caller,
	       count);
	if (!strncmp(caller, "0x", 2))
		planted_unnamed++;
}

/* 0, or -1 if the contract file is missing or unreadable. */
static int read_contract(void)
{
	char line[512];
	FILE *f = fopen(path_of("CONTRACT_FILE", CONTRACT_FILE), "r");
	struct violation *v;
	struct row *r;
	int n;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		v = &violations[nviolations];
		r = &rows[nrows];
		if (sscanf(line, "planted-caught %ld", &planted) == 1 ||
		    sscanf(line, "planted-event-caught %ld",
			   &planted_events) == 1 ||
		    sscanf(line, "watch-refused %ld", &refused) == 1 ||
		    sscanf(line, "lost %ld", &lost) == 1)
			continue;
		if (!strncmp(line, "planted ", 8)) {
			read_planted(line + 8);
			continue;
		}
		if (!strncmp(line, "violation ", 10)) {
			if (nviolations < MAX_VIOLATIONS &&
			    sscanf(line + 10, "%31s %47s %63s %ld %n", v->event,
				   v->check, v->caller, &v->count, &n) == 4) {
				snprintf(v->rest, sizeof(v->rest), "%s",
					 line + 10 + n);
				nviolations++;
			} else {
				lost++;
			}
			continue;
		}
		if (nrows < MAX_ROWS &&
		    sscanf(line, "%31s %ld %ld %ld %ld", r->name, &r->checked,
			   &r->sampled, &r->unchecked, &r->violations) == 5)
			nrows++;
	}
	fclose(f);
	return 0;
}

static struct finding *finding_for(const struct violation *v)
{
	int i;

	for (i = 0; i < nfindings; i++)
		if (!strcmp(findings[i].event, v->event) &&
		    !strcmp(findings[i].check, v->check) &&
		    !strcmp(findings[i].caller, v->caller))
			return &findings[i];
	return NULL;
}

static struct row *row_named(const char *name)
{
	int i;

	for (i = 0; i < nrows; i++)
		if (!strcmp(rows[i].name, name))
			return &rows[i];
	return NULL;
}

/* Whether ROW is one CONTRACT_EVENTS says must be exercised. */
static int required(const char *row)
{
	const char *list = getenv("CONTRACT_EVENTS"), *p;
	size_t len = strlen(row);

	for (p = list; p && *p; p += strcspn(p, ","), p += *p == ',') {
		if (!strncmp(p, row, len) && (p[len] == ',' || !p[len]))
			return 1;
	}
	return 0;
}

static void explain(void)
{
	struct finding *fd;
	struct row *r;
	int i;

	for (i = 0; i < nviolations; i++) {
		struct violation *v = &violations[i];

		fd = finding_for(v);
		printf("# contract: violation %s %s by %s x%ld: %s -- %s%s\n",
		       v->event, v->check, v->caller, v->count, v->rest,
		       fd ? "explained: " : "UNEXPLAINED",
		       fd ? fd->reason : "");
		if (fd) {
			fd->used = 1;
			continue;
		}
		r = row_named(v->event);
		if (r)
			r->unexplained += v->count;
	}
	for (i = 0; i < nfindings; i++)
		if (!findings[i].used)
			printf("# contract: finding not seen in this boot: %s %s %s\n",
			       findings[i].event, findings[i].check,
			       findings[i].caller);
}

int main(void)
{
	int i;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (read_contract()) {
		result_plan(SUITE, 1);
		result(SUITE, "file", 0, "%s: cannot read it",
		       path_of("CONTRACT_FILE", CONTRACT_FILE));
		return 1;
	}
	read_findings();
	explain();
	result_plan(SUITE, nrows + 3);
	for (i = 0; i < nrows; i++) {
		struct row *r = &rows[i];
		int ok = !r->unexplained && (r->checked || !required(r->name));

		printf("MMNR CONTRACT %s %ld %ld %ld %ld %ld\n", r->name,
		       r->checked, r->sampled, r->unchecked, r->violations,
		       r->unexplained);
		result(SUITE, r->name, ok,
		       "%ld checked (%ld sampled, %ld not read), %ld violations, %ld unexplained%s",
		       r->checked, r->sampled, r->unchecked, r->violations,
		       r->unexplained,
		       !r->checked && required(r->name) ? "; none checked, and CONTRACT_EVENTS names it" : "");
	}
	result(SUITE, "watch", !refused, "%ld processes could not be watched",
	       refused);
	result(SUITE, "kept", !lost, "%ld kinds of violation lost", lost);
	result(SUITE, "planted", planted && planted_events && !planted_unnamed,
	       "%ld planted changes caught, %ld violations of planted ranges, %d of their callers not named",
	       planted, planted_events, planted_unnamed);
	return 0;
}
