# shellcheck shell=bash
# Assertions for tests/test-*.sh. Each test runs with T set to a fresh
# scratch directory, which is also its working directory.
PROJECT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck disable=SC2034 # used by the test files
S=$PROJECT_ROOT/scripts

fail() {
	printf 'assertion failed: %s\n' "$*" >&2
	exit 1
}

# skip REASON: the test cannot run here (tests/run reports it as skipped,
# with the reason, never as passed). Exit status 77, as automake's.
skip() {
	printf '%s\n' "$*" >&2
	exit 77
}

# expect_ok CMD...: CMD succeeds; its output is left in $T/out.
expect_ok() {
	"$@" >"$T/out" 2>&1 || { cat "$T/out" >&2; fail "expected success: $*"; }
}

# expect_fail TEXT CMD...: CMD fails and says TEXT (a grep -E pattern).
expect_fail() {
	local text=$1
	shift
	if "$@" >"$T/out" 2>&1; then
		cat "$T/out" >&2
		fail "expected failure: $*"
	fi
	grep -qE -- "$text" "$T/out" || { cat "$T/out" >&2; fail "output lacks '$text': $*"; }
}

# expect_output TEXT: the last command's output says TEXT.
expect_output() {
	grep -qE -- "$1" "$T/out" || { cat "$T/out" >&2; fail "output lacks '$1'"; }
}

# rule_tests PREFIX RUNNER KIND...: for every semantic patch
# spatch/KIND/RULE.cocci, a test PREFIX_KIND_RULE that runs "RUNNER KIND
# RULE".
rule_tests() {
	local prefix=$1 runner=$2 kind cocci rule
	shift 2
	for kind in "$@"; do
		for cocci in "$PROJECT_ROOT/spatch/$kind"/*.cocci; do
			[[ -f $cocci ]] || continue
			rule=$(basename "$cocci" .cocci)
			eval "${prefix}_${kind}_${rule//-/_}() { $runner $kind $rule; }"
		done
	done
}
