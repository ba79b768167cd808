# shellcheck shell=bash
# scripts/parse-results: the host's verdict on a guest console log.

good_log() {
	cat <<'LOG'
[    0.000000] Linux version 6.1.176 (mmnr@mmnr)
MMNR PLAN smoke 2
MMNR RESULT smoke.mmap PASS mapped
MMNR RESULT smoke.munmap PASS gone
MMNR EXIT smoke 0
MMNR END
LOG
}

test_good_log_passes() {
	good_log >log
	expect_ok "$S/parse-results" log smoke
	expect_output 'results: 2 passed, 0 failed'
}

test_crlf_and_prefix_noise_are_tolerated() {
	good_log | sed 's/MMNR RESULT smoke.mmap/[  1.2] xyz MMNR RESULT smoke.mmap/; s/$/\r/' >log
	expect_ok "$S/parse-results" log smoke
	expect_output 'results: 2 passed'
}

test_failed_result_fails() {
	good_log | sed 's/smoke.munmap PASS/smoke.munmap FAIL/' >log
	expect_fail 'failed: smoke.munmap' "$S/parse-results" log smoke
}

test_missing_result_fails() {
	good_log | grep -v munmap >log
	expect_fail 'smoke: 1 results, 2 planned' "$S/parse-results" log smoke
}

test_missing_suite_fails() {
	good_log >log
	expect_fail 'suite events: no plan line' "$S/parse-results" log smoke events
}

test_missing_end_fails() {
	good_log | grep -v 'MMNR END' >log
	expect_fail 'no END line' "$S/parse-results" log smoke
}

test_nonzero_suite_exit_fails() {
	good_log | sed 's/MMNR EXIT smoke 0/MMNR EXIT smoke signal-11/' >log
	expect_fail 'ended with status signal-11' "$S/parse-results" log smoke
}

# Each console LINE, added to a good log, fails it and is named.
# Both verdicts on a console with LINE: scripts/parse-results fails the
# boot naming it, and scripts/results' JUnit "console" case fails with it.
each_line_fails() {
	local line
	for line in "$@"; do
		{ good_log; echo "$line"; } >log
		expect_fail 'PROBLEM kernel: ' "$S/parse-results" log smoke
		grep -qF -- "PROBLEM kernel: $line" "$T/out" || fail "not reported: $line"
		rm -rf work
		mkdir -p work/logs
		cp log work/logs/boot-x86_64-notifier.log
		expect_ok "$S/results" --work-dir work
		python3 - work/results/junit.xml "$line" <<'PY' || fail "scripts/results passes the console with: $line"
import sys
import xml.etree.ElementTree as ET
cases = [c for c in ET.parse(sys.argv[1]).getroot().iter('testcase') if c.get('name') == 'console']
failure = cases[0].find('failure') if cases else None
sys.exit(0 if failure is not None and sys.argv[2] in failure.text else 1)
PY
	done
}

test_kernel_trouble_fails() {
	each_line_fails \
		'[    3.1] WARNING: CPU: 1 PID: 1 at mm/mmu_notifier.c:42 foo+0x1/0x2' \
		'[    3.1] BUG: kernel NULL pointer dereference, address: 0000000000000008' \
		'[    3.1] Oops: 0000 [#1] PREEMPT SMP' \
		'[    3.1] Kernel panic - not syncing: Attempted to kill init!' \
		'[    3.1] Unable to handle kernel paging request at virtual address 0'
}

test_empty_log_fails() {
	: >log
	expect_fail 'no END line' "$S/parse-results" log smoke
}

test_missing_log_is_an_error() {
	expect_fail 'no console log' "$S/parse-results" nonexistent.log smoke
}

test_skipped_result_fails() {
	good_log | sed 's/smoke.munmap PASS/smoke.munmap SKIP/' >log
	expect_fail 'skipped: smoke.munmap' "$S/parse-results" log smoke
	expect_output '1 skipped'
}

absent_log() {
	printf '%s\n' 'MMNR PLAN events 0' 'MMNR SKIP events interface absent: no such file' \
		"MMNR EXIT events $1" 'MMNR END' >log
}

test_absent_suite_passes_only_when_it_says_absent() {
	absent_log 4
	expect_ok "$S/parse-results" log events=absent
	expect_output 'interface absent, as expected'
	expect_fail 'skipped whole' "$S/parse-results" log events
	absent_log 0
	expect_fail 'ended with status 0 \(4 expected\)' "$S/parse-results" log events=absent
	good_log >log
	expect_fail 'smoke: expected to report its interface absent' "$S/parse-results" log smoke=absent
}

test_call_trace_of_an_oom_report_is_not_trouble() {
	{
		good_log | sed -n '1,2p'
		printf '%s\n' '[ 9.1] mmu_notifier_ev invoked oom-killer: gfp_mask=0x140dca' \
			'[ 9.1] Call Trace:' '[ 9.1]  <TASK>' \
			'[ 9.2] Out of memory: Killed process 77 (mmu_notifier_ev)'
		good_log | tail -n +3
	} >log
	expect_ok "$S/parse-results" log smoke
	expect_output 'OOM killer reports on the console: 1'
	printf '%s\n' '[ 9.3] Call Trace:' >>log
	expect_fail 'PROBLEM kernel: .*Call Trace:' "$S/parse-results" log smoke
}

# A memory cgroup's OOM kill ends its report with another message.
test_call_trace_of_a_memcg_oom_report_is_not_trouble() {
	{
		good_log | sed -n '1,2p'
		printf '%s\n' '[ 9.1] mmu_notifier_ev invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL)' \
			'[ 9.1] Call Trace:' '[ 9.1]  <TASK>' \
			'[ 9.2] Memory cgroup out of memory: Killed process 77 (mmu_notifier_ev)'
		good_log | tail -n +3
	} >log
	expect_ok "$S/parse-results" log smoke
	expect_output 'OOM killer reports on the console: 1'
	printf '%s\n' '[ 9.3] Call Trace:' >>log
	expect_fail 'PROBLEM kernel: .*Call Trace:' "$S/parse-results" log smoke
}

test_allowed_skips_are_counted_not_hidden() {
	good_log | sed 's/smoke.munmap PASS gone/smoke.munmap SKIP DEVICE_COHERENT not available/' >log
	expect_ok "$S/parse-results" --allow-skip 'smoke DEVICE_COHERENT' log smoke
	expect_output '1 passed, 0 failed, 1 skipped \(1 allowed'
	expect_fail 'skipped: smoke.munmap' "$S/parse-results" --allow-skip 'smoke other reason' log smoke
}

test_each_allowed_skip_names_its_own_reason() {
	good_log | sed 's/smoke.munmap PASS gone/smoke.munmap SKIP DEVICE_COHERENT not available/' >log
	expect_ok "$S/parse-results" --allow-skip 'smoke other reason' --allow-skip 'smoke DEVICE_COHERENT' log smoke
	expect_output '\(1 allowed: 1 smoke DEVICE_COHERENT\)'
	expect_fail 'needs .SUITE TEXT.' "$S/parse-results" --allow-skip 'smoke' log smoke
}

test_event_table_is_printed_and_a_mismatch_fails() {
	{
		good_log | sed -n '1,3p'
		printf '%s\n' '# event-table: munmap | mn unmap vma=covers (exact) | mn unmap vma=covers x1 | ok' \
			'# event-table: fork (parent) | mn protection_page vma=covers (containing) | mn clear vma=covers x1 | MISMATCH'
		good_log | tail -n +4
	} >log
	expect_fail 'PROBLEM event mismatch: fork \(parent\)' "$S/parse-results" log smoke
	expect_output '^event table:'
	expect_output '^  munmap        \| mn unmap vma=covers \(exact\) +\| mn unmap vma=covers x1 +\| ok'
	sed -i '/MISMATCH/d' log
	expect_ok "$S/parse-results" log smoke
}

# The debug configuration's checkers, as v6.1 words their reports: each
# fails the boot and is named in the problem list.
test_debug_checker_reports_fail() {
	each_line_fails \
		'[   12.1] WARNING: possible recursive locking detected' \
		'[   12.1] WARNING: possible circular locking dependency detected' \
		'[   12.1] WARNING: inconsistent lock state' \
		'[   12.1] WARNING: suspicious RCU usage' \
		'[   12.1] INFO: trying to register non-static key.' \
		'[   12.1] DEBUG_LOCKS_WARN_ON(1)' \
		'[   12.1] BUG: sleeping function called from invalid context at mm/memory.c:5581' \
		'[   12.1] BUG: KASAN: slab-out-of-bounds in tmn_write+0x7c/0x1f0' \
		'[   12.1] UBSAN: shift-out-of-bounds in mm/mmu_notifier.c:42:17' \
		'[   12.1] kmemleak: 3 new suspected memory leaks (see /sys/kernel/debug/kmemleak)' \
		'[   12.1] list_add corruption. prev->next should be next (ffff888004a1c0c8), but was 0000000000000000.' \
		'[   12.1] list_del corruption, ffff888004a1c0c8->next is LIST_POISON1 (dead000000000100)' \
		'[   12.1] kernel BUG at mm/huge_memory.c:2736!'
}

# kmemleak's other messages, and the guest's notes, are not reports.
test_kmemleak_notices_are_not_reports() {
	{
		good_log | sed -n '1,2p'
		printf '%s\n' '[    0.5] kmemleak: Kernel memory leak detector initialized (mem pool available: 14506)' \
			'MMNR NOTE fuzz-events seed 42, 4.0 s' 'MMNR NOTE kmemleak unreferenced objects: none'
		good_log | tail -n +3
	} >log
	expect_ok "$S/parse-results" log smoke
}
