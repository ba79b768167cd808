# shellcheck shell=bash
# scripts/bench-table on made-up boots, guest/bench.c run on the host, and
# the configurations scripts/bench works on. No kernel is needed.

. "$PROJECT_ROOT/scripts/lib.sh"

# bench_lines FAULT MPROTECT [MPROTECT-MIN]: one boot's lines, two states
# (IQMs, and mprotect's cheapest iteration, 4000 unless given).
bench_lines() {
	local min=${3:-4000}
	printf 'BENCH fault none iters=200 iqm=%s min=900 median=2 max=3\n' "$1"
	printf 'BENCH mprotect none iters=200 iqm=%s min=%s median=2 max=3\n' "$2" "$min"
	printf 'BENCH fault mn iters=200 iqm=%s min=900 median=2 max=3\n' "$1"
	printf 'BENCH mprotect mn iters=200 iqm=%s min=%s median=2 max=3\n' "$2" "$min"
	echo 'BENCH END'
}

test_bench_table_prints_change_and_spread() {
	bench_lines 1000.0 5000.0 >base-1.txt
	bench_lines 1000.0 5000.0 >base-2.txt
	bench_lines 1001.0 5150.0 4040 >series-1.txt
	bench_lines 1001.0 5150.0 4040 >series-2.txt
	expect_ok "$S/bench-table" base-1.txt series-1.txt base-2.txt series-2.txt
	expect_output '^fault +none +1000\.0 +1001\.0 +\+0\.10% +\+0\.00% +0\.000% +0\.000%$'
	# The IQM's change and the cheapest iteration's, side by side.
	expect_output '^mprotect +none +5000\.0 +5150\.0 +\+3\.00% +\+1\.00% .*over the goal \(0\.5 %\)$'
	expect_output '^mprotect +mn +5000\.0 +5150\.0 +\+3\.00% .*over the goal \(2 %\)$'
	expect_output 'largest spread between boots of one kernel is 0\.000 %'
}

test_bench_table_fails_when_boots_disagree() {
	bench_lines 1000.0 5000.0 >base-1.txt
	bench_lines 1002.0 5000.0 >base-2.txt
	bench_lines 1000.0 5000.0 >series-1.txt
	bench_lines 1000.0 5000.0 >series-2.txt
	expect_fail 'disagree beyond 0\.1 %: fault/none \(0\.200 %' "$S/bench-table" ./*.txt
	# A threshold above the spread accepts the same boots.
	expect_ok "$S/bench-table" --threshold 0.5 ./*.txt
	expect_output 'largest spread .* is 0\.200 % \(threshold 0\.5 %\)'
}

test_bench_table_refuses_unfinished_or_misnamed_runs() {
	bench_lines 1000.0 5000.0 | sed -n '1,3p' >base-1.txt
	bench_lines 1000.0 5000.0 >series-1.txt
	expect_fail "base-1.txt has no 'BENCH END'" "$S/bench-table" base-1.txt series-1.txt
	bench_lines 1000.0 5000.0 >run-1.txt
	expect_fail 'name is not base-N.txt' "$S/bench-table" run-1.txt series-1.txt
	bench_lines 1000.0 5000.0 >base-1.txt
	expect_fail 'need base and series' "$S/bench-table" base-1.txt
	expect_fail 'not a percentage' "$S/bench-table" --threshold x base-1.txt series-1.txt
}

test_bench_table_fails_when_a_boot_lacks_an_operation() {
	bench_lines 1000.0 5000.0 >base-1.txt
	bench_lines 1000.0 5000.0 | grep -v 'fault mn' >base-2.txt
	bench_lines 1000.0 5000.0 >series-1.txt
	expect_fail 'missing in some boots: base-2:fault mn' "$S/bench-table" base-1.txt base-2.txt series-1.txt
}

# The benchmark itself, on the host: no module, so the "none" state only.
# Its times are the host's and vary; the test checks the lines, not them.
test_bench_program_runs_on_the_host() {
	local v n
	gcc -static -O2 -Wall -Wextra -Werror -o bench "$PROJECT_ROOT/guest/bench.c"
	for v in base series; do
		for n in 1 2; do
			./bench 16 none >"$v-$n.txt" || fail "bench failed on the host: $(cat "$v-$n.txt")"
		done
	done
	[[ $(grep -c '^BENCH [a-z]* none iters=16 iqm=[0-9.]* min=' base-1.txt) == 7 ]] ||
		fail "expected 7 operations: $(cat base-1.txt)"
	expect_ok "$S/bench-table" --threshold 1000000000 base-1.txt series-1.txt base-2.txt series-2.txt
	for op in fault mprotect munmap dontneed fork cow mremap; do
		expect_output "^$op +none "
	done
	expect_fail 'iterations' ./bench 2 none
	expect_fail 'BENCH FAIL register' ./bench 16 register
}

test_bench_configs_build_the_module() {
	local c f n=0
	for c in $(list_configs); do
		f=$PROJECT_ROOT/configs/$c.config
		[[ -n $(config_meta "$f" modules) ]] || continue
		n=$((n + 1))
		[[ " $(config_meta_for "$f" include base) " == *" bench-module "* ]] ||
			fail "$c names modules but does not include the bench-module fragment"
		for m in $(config_meta "$f" modules); do
			[[ -f $PROJECT_ROOT/modules/$m.c ]] || fail "$c: no modules/$m.c"
		done
	done
	((n == 2)) || fail "expected the two notifier configurations to build the module, found $n"
}
