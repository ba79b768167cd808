/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The line protocol between guest tests and the host (scripts/parse-results).
 * Every line starts with "MMNR " so the host can pick it out of the console:
 *
 *   MMNR PLAN <suite> <count>           a suite announces how many results
 *   MMNR RESULT <suite>.<case> PASS|FAIL <detail>
 *   MMNR EXIT <suite> <status>          init: how the suite's program ended
 *   MMNR END                            init: all suites ran
 */
#ifndef MMNR_RESULT_H
#define MMNR_RESULT_H

#include <stdarg.h>
#include <stdio.h>

static inline void result_plan(const char *suite, int count)
{
	printf("MMNR PLAN %s %d\n", suite, count);
	fflush(stdout);
}

static inline int result(const char *suite, const char *name, int ok,
			 const char *fmt, ...)
{
	va_list ap;

	printf("MMNR RESULT %s.%s %s ", suite, name, ok ? "PASS" : "FAIL");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	return ok;
}

#endif
