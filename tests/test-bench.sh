# shellcheck shell=bash
# scripts/bench-table on made-up boots, guest/bench.c run on the host, and
# the configurations scripts/bench works on. No kernel is needed.

. "$PROJECT_ROOT/scripts/lib/configs.sh"
. "$PROJECT_ROOT/scripts/lib/kmake.sh"

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
	expect_output '^fault +none +1000\.0 +1001\.0 +\+0\.10% +\+0\.00% +0\.000% +0\.000% +0\.00%$'
	# The IQM's change and the cheapest iteration's, side by side.
	expect_output '^mprotect +none +5000\.0 +5150\.0 +\+3\.00% +\+1\.00% .*over the goal \(0\.5 %\)$'
	expect_output '^mprotect +mn +5000\.0 +5150\.0 +\+3\.00% .*over the goal \(2 %\)$'
	expect_output 'largest spread between boots of one kernel is 0\.000 %'
	expect_output '^noise: not measured'
}

# A warmed-up boot (wW) moves the figures: the noise column is the largest
# move of either kernel, and a change over the goal within it says so.
test_bench_table_prints_the_noise_of_warmed_up_boots() {
	bench_lines 1000.0 5000.0 >base-1.txt
	bench_lines 1000.0 5200.0 >base-w5.txt
	bench_lines 1000.0 5100.0 >series-1.txt
	bench_lines 1010.0 5100.0 >series-w5.txt
	expect_ok "$S/bench-table" base-1.txt series-1.txt base-w5.txt series-w5.txt
	expect_output '^fault +none +1000\.0 +1000\.0 +\+0\.00% .* 1\.00%$'
	expect_output '^mprotect +none +5000\.0 +5100\.0 +\+2\.00% .* 4\.00%  over the goal \(0\.5 %\), within its noise$'
	expect_output '^noise: the largest move .* is 4\.00 % \(mprotect/none\)$'
	# Warmed-up boots never count as disagreeing plain boots.
	expect_output 'largest spread between boots of one kernel is 0\.000 %'
	# A change beyond the noise is over the goal without the remark.
	bench_lines 1000.0 5300.0 >series-1.txt
	expect_ok "$S/bench-table" base-1.txt series-1.txt base-w5.txt series-w5.txt
	expect_output '^mprotect +none .* +\+6\.00% .*over the goal \(0\.5 %\)$'
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
	BENCH_WARMUP=3 ./bench 16 none >warm.txt || fail "bench with a warm-up failed: $(cat warm.txt)"
	grep -qx 'BENCH END' warm.txt || fail "bench with a warm-up did not finish"
	for bad in x 3x -1 1001 ''; do
		expect_fail 'BENCH_WARMUP' env BENCH_WARMUP="$bad" ./bench 16 none
	done
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

# A kernel is a function of its sources: kmake fixes what kbuild would take
# from the machine and from earlier builds (the "#N" build number seeds the
# guest's random numbers, and moved the benchmark's figures).
test_kernel_builds_fix_their_identity() {
	mkdir -p "$T/bin"
	printf '#!/bin/bash\nprintf "%%s\\n" "$@" >"%s/make.args"\n' "$T" >"$T/bin/make"
	chmod +x "$T/bin/make"
	PATH=$T/bin:$PATH kmake x86_64 "$T/out" vmlinux
	local want
	for want in KBUILD_BUILD_VERSION=1 KBUILD_BUILD_TIMESTAMP=@0 KBUILD_BUILD_USER=mmnr KBUILD_BUILD_HOST=mmnr vmlinux; do
		grep -qx -- "$want" "$T/make.args" || fail "kmake does not pass $want: $(tr '\n' ' ' <"$T/make.args")"
	done
}
