# shellcheck shell=bash
# guest/: the programs compile for both architectures, and the smoke test,
# run on the build host, produces a log the parser accepts.

CFLAGS=(-static -O2 -Wall -Wextra -Werror -I"$PROJECT_ROOT/guest")

test_guest_programs_build_for_both_architectures() {
	local cc src
	for cc in gcc aarch64-linux-gnu-gcc; do
		for src in "$PROJECT_ROOT"/guest/*.c; do
			"$cc" "${CFLAGS[@]}" -o "$T/$(basename "$src" .c)-$cc" "$src" ||
				fail "$src does not build with $cc"
		done
	done
	grep -q 'Machine:.*AArch64' <<<"$(readelf -h "$T/init-aarch64-linux-gnu-gcc")" || fail "cross build is not AArch64"
	grep -q INTERP <<<"$(readelf -l "$T/init-gcc")" && fail "init is not static"
	true
}

test_smoke_suite_passes_on_the_host() {
	gcc "${CFLAGS[@]}" -o smoke "$PROJECT_ROOT/guest/smoke.c"
	{ ./smoke; echo "MMNR EXIT smoke $?"; echo "MMNR END"; } >log
	expect_ok "$S/parse-results" log smoke
	expect_output 'results: 7 passed, 0 failed'
}

# guest/tap.h on a kselftest harness transcript: plan, names from "#  RUN",
# PASS, FAIL, a SKIP the harness reports as ok, and a whole-suite skip.
tap_relay() {
	printf '#include "tap.h"\nint main(void) { relay("%s", 0); return 0; }\n' "$1" >relay.c
	gcc "${CFLAGS[@]}" -o relay relay.c
}

test_tap_lines_become_mmnr_results() {
	tap_relay hmm
	printf '%s\n' 'TAP version 13' '1..3' '#  RUN           hmm.private.open ...' \
		'#            OK  hmm.private.open' 'ok 1 hmm.private.open' \
		'#  RUN           hmm.private.exclusive ...' 'not ok 2 hmm.private.exclusive' \
		'#  RUN           hmm.coherent.open ...' '#      SKIP      DEVICE_COHERENT not available' \
		'ok 3 hmm.coherent.open' >tap.txt
	./relay <tap.txt >log
	grep -qx 'ok 1 hmm.private.open' log || fail "the TAP lines are not passed on"
	grep -qx 'MMNR PLAN hmm 3' log || fail "no plan"
	grep -qx 'MMNR RESULT hmm.hmm.private.open PASS tap' log || fail "no PASS"
	grep -qx 'MMNR RESULT hmm.hmm.private.exclusive FAIL tap' log || fail "no FAIL"
	grep -qx 'MMNR RESULT hmm.hmm.coherent.open SKIP DEVICE_COHERENT not available' log ||
		fail "a skipped test reported as ok is not a SKIP"
	printf 'MMNR EXIT hmm 1\nMMNR END\n' >>log
	expect_fail 'failed: hmm.hmm.private.exclusive' "$S/parse-results" log hmm
	expect_output '1 passed, 1 failed, 1 skipped'
}

# A program that prints no plan (some of the kernel's older mm selftests)
# is judged by its exit status: 0 passes, 4 skips, anything else fails; a
# program with a plan, in TAP or in the MMNR protocol, is not judged again.
test_a_program_without_a_plan_is_judged_by_its_status() {
	printf '%s\n' '#include "tap.h"' '#include <stdlib.h>' \
		'int main(int argc, char **argv) {' '	(void)argc;' \
		'	if (!relay("ksm", 0)) tap_judge_by_status("ksm", atoi(argv[1]) << 8);' \
		'	return 0; }' >judge.c
	gcc "${CFLAGS[@]}" -o judge judge.c
	echo 'OK' | ./judge 0 >log
	grep -qx 'MMNR PLAN ksm 1' log || fail "no plan for a program without one"
	grep -qx 'MMNR RESULT ksm.status PASS no TAP output; exit status 0' log || fail "status 0 is not a PASS"
	echo 'skipped' | ./judge 4 >log
	grep -qx 'MMNR RESULT ksm.status SKIP no TAP output; exit status 4' log || fail "status 4 is not a SKIP"
	echo 'Not OK' | ./judge 1 >log
	grep -qx 'MMNR RESULT ksm.status FAIL no TAP output; exit status 1' log || fail "status 1 is not a FAIL"
	printf '1..1\nok 1 merge\n' | ./judge 0 >log
	grep -q 'ksm.status' log && fail "a TAP program is judged twice"
	printf 'MMNR PLAN ksm 1\n' | ./judge 0 >log
	grep -q 'ksm.status' log && fail "a guest suite is judged twice"
	return 0
}

# ksft_test_result() lines have no "#  RUN" name: the TAP number names
# the result, the description is its detail.
test_tap_results_without_a_run_line_are_named_by_number() {
	tap_relay mremap
	printf '%s\n' '1..2' 'ok 1 4KB mremap - Source PTE-aligned' 'not ok 2 2GB mremap - Source PUD-aligned' | ./relay >log
	grep -qx 'MMNR RESULT mremap.1 PASS 4KB mremap - Source PTE-aligned' log || fail "no PASS named 1"
	grep -qx 'MMNR RESULT mremap.2 FAIL 2GB mremap - Source PUD-aligned' log || fail "no FAIL named 2"
}

test_tap_whole_suite_skip_reads_absent() {
	tap_relay events
	printf '%s\n' 'TAP version 13' '1..0 # SKIP test_mmu_notifier interface absent: no file' | ./relay >log
	grep -qx 'MMNR SKIP events test_mmu_notifier interface absent: no file' log || fail "no suite SKIP"
	printf 'MMNR EXIT events 4\nMMNR END\n' >>log
	expect_ok "$S/parse-results" log events=absent
}

# Without the test module (the build host), fuzz-events names its seed,
# takes FUZZ_SEED, and reports the interface absent as the parser expects.
test_fuzzer_prints_its_seed_and_finds_no_interface_on_the_host() {
	[[ ! -e /sys/kernel/debug/test_mmu_notifier/events ]] || skip "this host has the test module"
	gcc "${CFLAGS[@]}" -o fuzz-events "$PROJECT_ROOT/guest/fuzz-events.c"
	{
		FUZZ_SEED=12345 ./fuzz-events && rc=0 || rc=$?
		echo "MMNR EXIT fuzz-events $rc"
		echo "MMNR END"
	} >log
	grep -q '^MMNR NOTE fuzz-events seed 12345, .*FUZZ_SEED=12345' log || fail "the seed given is not the seed printed"
	expect_ok "$S/parse-results" log fuzz-events=absent
	grep -qE '^MMNR NOTE fuzz-events seed [0-9]+,' <<<"$(./fuzz-events || true)" || fail "no seed printed without FUZZ_SEED"
}

test_kmemleak_suite_is_skipped_without_kmemleak() {
	[[ ! -e /sys/kernel/debug/kmemleak ]] || skip "this host has kmemleak"
	gcc "${CFLAGS[@]}" -o kmemleak "$PROJECT_ROOT/guest/kmemleak.c"
	{
		./kmemleak && rc=0 || rc=$?
		echo "MMNR EXIT kmemleak $rc"
		echo "MMNR END"
	} >log
	expect_ok "$S/parse-results" log kmemleak=absent
}

# guest/contract.c judges a contract file by the findings: an explained
# violation passes, an unexplained one fails its row, a row that
# CONTRACT_EVENTS names fails when nothing of it was checked.
contract_file() {
	printf '%s\n' 'unmap 40 0 2 2' 'clear 10 0 0 1' 'protection_page 0 0 0 0' 'missing 3 0 0 0' \
		'planted-caught 1' 'planted-event-caught 2' 'watch-refused 0' \
		'planted unmap entry-left full_proxy_write 2 1000 2000 none:0:--- present:5:w--' \
		'violation unmap vma-left move_page_tables 2 1000 2000 none:0:--- none:0:---' \
		'violation clear vma-gone zap_page_range 1 1000 2000 none:0:--- none:0:---'
}

test_contract_suite_fails_only_the_unexplained() {
	gcc "${CFLAGS[@]}" -o contract "$PROJECT_ROOT/guest/contract.c"
	contract_file >contract.txt
	printf 'unmap vma-left move_page_tables the entries move before the vma goes\n' >findings
	{
		CONTRACT_FILE=contract.txt FINDINGS_FILE=findings ./contract && rc=0 || rc=$?
		echo "MMNR EXIT contract $rc"
		echo "MMNR END"
	} >log
	grep -q '^MMNR CONTRACT unmap 40 0 2 2 0$' log || fail "unmap: the explained violations are counted as unexplained"
	grep -q '^MMNR CONTRACT clear 10 0 0 1 1$' log || fail "clear: the unexplained violation is not counted"
	grep -q 'violation unmap vma-left by move_page_tables x2: .* -- explained: the entries move' log ||
		fail "no explanation printed"
	expect_fail 'failed: contract.clear' "$S/parse-results" log contract
	expect_output '6 passed, 1 failed'
}

# contract.planted passes only when both planted kinds of fault were
# caught and each planted range's sender is named, not an address.
test_contract_suite_requires_the_planted_faults_named() {
	local file
	gcc "${CFLAGS[@]}" -o contract "$PROJECT_ROOT/guest/contract.c"
	for file in unnamed none; do
		contract_file | grep -v '^violation' >contract.txt
		if [[ $file == unnamed ]]; then
			sed -i 's/full_proxy_write/0xffffffff81234567/' contract.txt
		else
			sed -i '/^planted/d' contract.txt
		fi
		{
			CONTRACT_FILE=contract.txt FINDINGS_FILE=/nonexistent ./contract
			echo "MMNR EXIT contract 0"
			echo "MMNR END"
		} >log
		expect_fail 'failed: contract.planted' "$S/parse-results" log contract
	done
	contract_file | grep -v '^violation' >contract.txt
	CONTRACT_FILE=contract.txt FINDINGS_FILE=/nonexistent ./contract >log
	grep -q '^# contract: planted unmap entry-left by full_proxy_write x2$' log ||
		fail "the planted violation is not printed with its sender"
	grep -q '^MMNR RESULT contract.planted PASS 1 planted changes caught, 2 violations' log ||
		fail "contract.planted does not pass with both planted kinds caught"
}

test_contract_suite_requires_the_events_named() {
	gcc "${CFLAGS[@]}" -o contract "$PROJECT_ROOT/guest/contract.c"
	contract_file | grep -v '^violation' >contract.txt
	{
		CONTRACT_EVENTS=unmap,protection_page CONTRACT_FILE=contract.txt FINDINGS_FILE=/nonexistent ./contract
		echo "MMNR EXIT contract 0"
		echo "MMNR END"
	} >log
	expect_fail 'failed: contract.protection_page .*none checked' "$S/parse-results" log contract
	CONTRACT_FILE=/nonexistent ./contract >log2 && fail "a missing contract file passes"
	grep -q 'MMNR RESULT contract.file FAIL' log2 || fail "no FAIL for a missing contract file"
}

# guest/watch.c runs a program (here one that forks and execs) to its end
# and ends as it did, by status or signal, also without the test module.
test_watch_runs_the_program_and_ends_as_it_did() {
	gcc "${CFLAGS[@]}" -o watch "$PROJECT_ROOT/guest/watch.c"
	./watch /bin/sh -c 'echo one; (echo two); /bin/echo three; exit 7' >out && rc=0 || rc=$?
	((rc == 7)) || fail "exit status $rc, 7 expected"
	[[ $(cat out) == $'one\ntwo\nthree' ]] || fail "output: $(cat out)"
	./watch /bin/sh -c 'kill -TERM $$' && rc=0 || rc=$?
	((rc == 143)) || fail "a program killed by SIGTERM: status $rc, 143 expected"
	expect_fail 'usage: watch' ./watch
}
