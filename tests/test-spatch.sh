# shellcheck shell=bash
# spatch/: every semantic patch has a kernel-style header, a place in its
# ORDER file, and test cases; every case's output is what the .res file
# says (a .res equal to its .c is a shape that must not change), and the
# sites it lists are those of the case's .listed file; for report-mode
# rules (check/, leftovers/) what the .report file says.

SPATCH_DIR=$PROJECT_ROOT/spatch
# refill_calls, added_lines, rule_listed_sites: as the series runs rules.
. "$PROJECT_ROOT/scripts/lib/spatch-sites.sh"
. "$PROJECT_ROOT/scripts/lib/reflow.sh"

# run_cases KIND RULE: spatch/KIND/RULE.cocci over spatch/tests/KIND/RULE/*.c
# as the series runs it (run_semantic_patch): the calls its "// Reflow:"
# line names are refilled. The sites it lists on stdout ("FILE:LINE: ...")
# must be those of NAME.listed (sorted), or none when there is no such file.
run_cases() {
	local kind=$1 rule=$2 cocci case name out opts reflow n=0
	cocci=$SPATCH_DIR/$kind/$rule.cocci
	read -r -a opts <<<"$(sed -n 's|^// Options: *||p' "$cocci")"
	reflow=$(sed -n 's|^// Reflow: *||p' "$cocci")
	for case in "$SPATCH_DIR/tests/$kind/$rule"/*.c; do
		[[ -f ${case%.c}.res ]] || fail "$case has no .res"
		name=$(basename "$case")
		out=$T/$name
		cp "$case" "$out"
		(cd "$T" && spatch --very-quiet --sp-file "$cocci" -D patch "${opts[@]}" --in-place "$name") \
			>"$T/spatch.out" 2>"$T/spatch.log" ||
			{ cat "$T/spatch.log" >&2; fail "spatch failed on $case"; }
		refill_calls "$out" "$reflow" "$(diff -U0 "$case" "$out" | added_lines)"
		diff -u "${case%.c}.res" "$out" >&2 || fail "$kind/$rule: $name differs from its .res"
		rule_listed_sites "$T/spatch.out" | sort >"$T/listed"
		listed_as_expected "${case%.c}.listed" "$T/listed" ||
			fail "$kind/$rule: $name lists other sites than its .listed (none when absent)"
		n=$((n + 1))
	done
	((n > 0)) || fail "$kind/$rule has no test case"
}

# run_report_cases KIND RULE: spatch/KIND/RULE.cocci (check/ or leftovers/)
# in report mode over spatch/tests/KIND/RULE/*.c, output compared with the
# .report files.
run_report_cases() {
	local kind=$1 rule=$2 cocci case opts n=0
	cocci=$SPATCH_DIR/$kind/$rule.cocci
	read -r -a opts <<<"$(sed -n 's|^// Options: *||p' "$cocci")"
	for case in "$SPATCH_DIR/tests/$kind/$rule"/*.c; do
		[[ -f ${case%.c}.report ]] || fail "$case has no .report"
		(cd "$SPATCH_DIR/tests/$kind" && spatch --very-quiet --sp-file "$cocci" -D report "${opts[@]}" \
			"$rule/$(basename "$case")") >"$T/report" 2>&1 || { cat "$T/report" >&2; fail "spatch failed on $case"; }
		diff -u "${case%.c}.report" "$T/report" >&2 || fail "$kind/$rule: $(basename "$case") reports otherwise"
		n=$((n + 1))
	done
	((n > 0)) || fail "$kind/$rule has no test case"
}

rule_tests test_spatch run_report_cases check leftovers extract
rule_tests test_spatch run_cases backport forward

# run_generator_cases NAME: spatch/backport/NAME.py over each case of
# spatch/tests/backport/NAME/: a .h is the tree's include/linux/
# mmu_notifier.h, a .c a source file; the result must be the .res, and
# what the run lists on stdout the .listed (nothing when absent), or the
# run must fail with the .err message and leave the file as it was.
run_generator_cases() {
	local name=$1 gen case tree rel n=0
	gen=$SPATCH_DIR/backport/$name.py
	for case in "$SPATCH_DIR/tests/backport/$name"/*.[ch]; do
		tree=$T/gen-$n
		rel=$(basename "$case")
		[[ $case == *.h ]] && rel=include/linux/mmu_notifier.h
		mkdir -p "$tree/$(dirname "$rel")"
		cp "$case" "$tree/$rel"
		git -C "$tree" init -q && git -C "$tree" add -A
		if [[ -f ${case%.*}.err ]]; then
			python3 "$gen" "$tree" >/dev/null 2>"$T/gen.err" && fail "$name: $(basename "$case") did not fail"
			diff -u "${case%.*}.err" "$T/gen.err" >&2 || fail "$name: $(basename "$case") fails otherwise"
			cmp -s "$case" "$tree/$rel" || fail "$name: $(basename "$case") was written despite the error"
		else
			[[ -f ${case%.*}.res ]] || fail "$case has neither .res nor .err"
			python3 "$gen" "$tree" >"$T/gen.out" 2>"$T/gen.err" || { cat "$T/gen.err" >&2; fail "$name failed on $case"; }
			diff -u "${case%.*}.res" "$tree/$rel" >&2 || fail "$name: $(basename "$case") differs from its .res"
			listed_as_expected "${case%.*}.listed" "$T/gen.out" || fail "$name: $(basename "$case") lists otherwise"
		fi
		n=$((n + 1))
	done
	((n > 0)) || fail "backport/$name.py has no test case"
}

# listed_as_expected EXPECTED OUT: OUT says what the file EXPECTED does, or
# nothing when there is no such file.
listed_as_expected() {
	if [[ -f $1 ]]; then diff -u "$1" "$2" >&2; else diff -u /dev/null "$2" >&2; fi
}

# The header generator's refusals, on inputs made from the v6.1 case: its
# own output (already rewound) and a header whose blockable bit and
# accessor have other names (a shape it does not know).
test_generator_header_refusals() {
	local dir=$SPATCH_DIR/tests/backport/mmu_notifier-header
	mkdir -p "$T/a/include/linux" "$T/b/include/linux"
	cp "$dir/v6.1.res" "$T/a/include/linux/mmu_notifier.h"
	sed '/^#define MMU_NOTIFIER_RANGE_BLOCKABLE/d; s/^mmu_notifier_range_blockable(const/mmu_notifier_range_is_blockable(const/' \
		"$dir/v6.1.h" >"$T/b/include/linux/mmu_notifier.h"
	expect_fail '' python3 "$SPATCH_DIR/backport/mmu_notifier-header.py" "$T/a"
	diff -u "$dir/already-rewound.err" "$T/out" >&2 || fail "already rewound: another error"
	expect_fail '' python3 "$SPATCH_DIR/backport/mmu_notifier-header.py" "$T/b"
	diff -u "$dir/unknown-shape.err" "$T/out" >&2 || fail "unknown shape: another error"
	cmp -s "$dir/v6.1.res" "$T/a/include/linux/mmu_notifier.h" || fail "written despite the error"
}

for gen in "$SPATCH_DIR"/backport/*.py; do
	[[ -f $gen ]] || continue
	name=$(basename "$gen" .py)
	eval "test_generator_${name//-/_}() { run_generator_cases $name; }"
done

test_semantic_patches_have_kernel_style_headers() {
	local cocci
	for cocci in "$SPATCH_DIR"/*/*.cocci; do
		[[ $cocci == */tests/* ]] && continue
		grep -q '^/// ' "$cocci" || fail "$cocci: no /// description"
		grep -q '^// Confidence: ' "$cocci" || fail "$cocci: no Confidence line"
		grep -q '^// Options: ' "$cocci" || fail "$cocci: no Options line"
		grep -q '^// Search: ' "$cocci" || fail "$cocci: no Search line"
		grep -q '^virtual ' "$cocci" || fail "$cocci: no virtual rule"
	done
}

test_backport_order_lists_every_step() {
	local f step listed
	listed=$(grep -vE '^(#|$)' "$SPATCH_DIR/backport/ORDER")
	for step in $listed; do
		[[ -f $SPATCH_DIR/backport/$step ]] || fail "ORDER names missing $step"
	done
	for f in "$SPATCH_DIR"/backport/*.cocci "$SPATCH_DIR"/backport/*.py; do
		grep -qx "$(basename "$f")" <<<"$listed" || fail "$(basename "$f") is not in ORDER"
	done
}
