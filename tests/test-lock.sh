# shellcheck shell=bash
# One run per work directory (lock_work_dir, scripts/lib/paths.sh).

# A first run holds the lock (a shell that took it as lock_work_dir does);
# a second run of any script on that WORK_DIR refuses at once, naming the
# first, and writes nothing there.
test_second_run_on_a_work_dir_refuses_naming_the_first() {
	mkdir -p "$T/w"
	(
		exec 9>>"$T/w/.lock"
		flock 9
		echo 'pid 4242 (rewind, since 2026-01-01 00:00:00)' >"$T/w/.lock"
		touch "$T/held"
		sleep 30
	) &
	local holder=$! tries=50
	while [[ ! -f $T/held ]] && ((tries-- > 0)); do sleep 0.1; done
	find "$T/w" | sort >"$T/before"
	expect_fail "series: $T/w is in use by pid 4242 \(rewind, since" env WORK_DIR="$T/w" "$S/series"
	expect_fail "in use by pid 4242" env WORK_DIR="$T/w" "$S/apply"
	find "$T/w" | sort | diff -u "$T/before" - >&2 || fail "the refused run wrote in the work directory"
	kill "$holder"
	wait "$holder" 2>/dev/null || true
	# Once the first run is gone, the next one takes the lock and says who it is.
	expect_fail 'no base' env WORK_DIR="$T/w" KERNEL_TREE="$T/none" "$S/series"
	grep -q '^pid [0-9]* (series, since ' "$T/w/.lock" || fail "the lock does not name its holder: $(cat "$T/w/.lock")"
}

# A script started by one that holds the lock (ci/pipeline runs the others)
# goes on: the lock is inherited, not taken twice.
test_nested_run_inherits_the_lock() {
	mkdir -p "$T/w"
	expect_fail 'no base' bash -c "
		exec 9>>'$T/w/.lock'; flock 9
		MMNR_LOCKED_WORK_DIR='$T/w' WORK_DIR='$T/w' KERNEL_TREE='$T/none' '$S/series'"
}
