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
