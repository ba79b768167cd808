# shellcheck shell=bash
# The same result however spatch is run: spatch treats the files named on
# one command line as one unit, and coccicheck runs it with --dir, while
# the project's runner gives it one file at a time. Each semantic patch of
# forward/ and backport/ runs the three ways over all of its test inputs
# at once (plus spatch/tests/units/RULE/, inputs written to carry evidence
# across files), and the trees and the sites it decides or lists must be
# the same.

SPATCH_DIR=$PROJECT_ROOT/spatch

# units_inputs KIND RULE DIR: the rule's test inputs, copied into DIR.
units_inputs() {
	local kind=$1 rule=$2 dir=$3
	mkdir -p "$dir"
	cp "$SPATCH_DIR/tests/$kind/$rule"/*.c "$dir/"
	if [[ -d $SPATCH_DIR/tests/units/$rule ]]; then
		cp "$SPATCH_DIR/tests/units/$rule"/*.c "$dir/"
	fi
}

# run_three_ways KIND RULE: the rule over its inputs one file at a time,
# as one list and with --dir; the three trees and the three sets of site
# lines (in $T/sites.one, .list, .dir) must agree.
run_three_ways() {
	local kind=$1 rule=$2 cocci opts way f
	cocci=$SPATCH_DIR/$kind/$rule.cocci
	read -r -a opts <<<"$(sed -n 's|^// Options: *||p' "$cocci")"
	for way in one list dir; do
		units_inputs "$kind" "$rule" "$T/$way"
	done
	for f in "$T"/one/*.c; do
		(cd "$T/one" && spatch --very-quiet --sp-file "$cocci" -D patch "${opts[@]}" --in-place \
			"$(basename "$f")") >>"$T/out.one" 2>>"$T/log" || { cat "$T/log" >&2; fail "spatch failed on $f"; }
	done
	(cd "$T/list" && spatch --very-quiet --sp-file "$cocci" -D patch "${opts[@]}" --in-place ./*.c) \
		>"$T/out.list" 2>>"$T/log" || { cat "$T/log" >&2; fail "spatch failed on the list"; }
	(cd "$T/dir" && spatch --very-quiet --sp-file "$cocci" -D patch "${opts[@]}" --in-place --dir .) \
		>"$T/out.dir" 2>>"$T/log" || { cat "$T/log" >&2; fail "spatch failed with --dir"; }
	for way in one list dir; do
		grep -E '^(decided: )?(\./)?[^[:space:]:]+:[0-9]+: ' "$T/out.$way" | sed -E 's/^(decided: )?\.\//\1/' |
			sort >"$T/sites.$way" || true
	done
	for way in list dir; do
		diff -r "$T/one" "$T/$way" >&2 || fail "$kind/$rule: run as a $way, the files differ from one at a time"
		diff -u "$T/sites.one" "$T/sites.$way" >&2 ||
			fail "$kind/$rule: run as a $way, other sites decided or listed than one at a time"
	done
}

rule_tests test_spatch_three_ways run_three_ways forward backport

# The cross-file inputs decide what each file's own code says: the walk
# and the function of b-free.c that share names with a-scan.c's are listed.
test_spatch_evidence_stays_in_its_file() {
	run_three_ways forward call-site-events
	grep -qx 'decided: a-scan.c:22: scan(): MMU_NOTIFY_PROTECTION_VMA by uffd_wp_walk' "$T/sites.list" ||
		fail "a-scan.c's own walk not decided"
	grep -q '^b-free.c:21: free_range(): MMU_NOTIFY_UNMAP, listed: no rule decides' "$T/sites.list" ||
		fail "b-free.c's walk took a-scan.c's evidence"
	grep -q '^b-free.c:31: frob(): MMU_NOTIFY_UNMAP, listed: no rule decides' "$T/sites.list" ||
		fail "b-free.c's frob() took a-scan.c's evidence"
}
