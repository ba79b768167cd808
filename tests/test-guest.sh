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
	readelf -h "$T/init-aarch64-linux-gnu-gcc" | grep -q 'Machine:.*AArch64' || fail "cross build is not AArch64"
	readelf -l "$T/init-gcc" | grep -q INTERP && fail "init is not static"
	true
}

test_smoke_suite_passes_on_the_host() {
	gcc "${CFLAGS[@]}" -o smoke "$PROJECT_ROOT/guest/smoke.c"
	{ ./smoke; echo "MMNR EXIT smoke $?"; echo "MMNR END"; } >log
	expect_ok "$S/parse-results" log smoke
	expect_output 'results: 7 passed, 0 failed'
}
