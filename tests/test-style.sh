# shellcheck shell=bash
# Shell scripts are shellcheck clean and strict.

# Executable bash scripts: the first line says so.
bash_programs() {
	local f
	find "$PROJECT_ROOT/scripts" "$PROJECT_ROOT/ci" "$PROJECT_ROOT/tests" "$PROJECT_ROOT/.ci" -type f |
		while IFS= read -r f; do
			[[ $(head -n1 "$f") == '#!/bin/bash' ]] && echo "$f"
		done
}

test_shellcheck_clean() {
	command -v shellcheck >/dev/null || fail "shellcheck is not installed (make deps)"
	local files
	mapfile -t files < <(bash_programs; ls "$PROJECT_ROOT"/scripts/lib/*.sh "$PROJECT_ROOT"/tests/*.sh)
	((${#files[@]} > 5)) || fail "found only ${#files[@]} scripts"
	(cd "$PROJECT_ROOT" && shellcheck "${files[@]}")
}

test_executable_scripts_are_strict() {
	local f
	while IFS= read -r f; do
		grep -q '^set -euo pipefail' "$f" || fail "$f lacks set -euo pipefail"
	done < <(bash_programs)
}

test_bash_programs_are_executable_in_git() {
	local f mode
	while IFS= read -r f; do
		mode=$(git -C "$PROJECT_ROOT" ls-files -s -- "$f" | cut -d' ' -f1)
		[[ -z $mode || $mode == 100755 ]] || fail "$f is committed without its executable bit"
		[[ -x $f ]] || fail "$f is not executable"
	done < <(bash_programs)
}

# Lines where a pipe feeds a reader that can stop before its input ends
# (head, grep -q, grep -m). Under pipefail the writer then dies of SIGPIPE
# and the pipeline fails with 141, or not, depending on timing.
early_exit_readers() {
	awk '{
		line = (held == "" ? "" : held " ") $0
		if (line ~ /\|[ \t]*\\?$/) { held = line; sub(/\\$/, "", held); next }
		held = ""
		if (line ~ /[^|]\|[ \t]*(head[ \t]|grep[ \t]+-[A-Za-z]*[qm])/) print FILENAME ":" FNR ": " $0
	}' "$@"
}

test_no_pipe_into_a_reader_that_stops_early() {
	# '!' stands for '|' so that this file does not hold the lines it checks for.
	printf '%s\n' 'a ! head -n 1' 'b !' '	grep -q x !! true' 'c !! head x' 'grep -q x <<<y' | tr '!' '|' >"$T/sample"
	[[ $(early_exit_readers "$T/sample" | wc -l) == 2 ]] || fail "the check does not find both early readers in its sample"
	local found files
	mapfile -t files < <(bash_programs; ls "$PROJECT_ROOT"/scripts/lib/*.sh "$PROJECT_ROOT"/tests/*.sh)
	found=$(early_exit_readers "${files[@]}")
	[[ -z $found ]] || fail "pipes into a reader that stops early (SIGPIPE under pipefail):"$'\n'"$found"
}

# The C files a series step adds whole (series/NN-name/files/) are kernel
# style on their own: checkpatch.pl --strict -f, from the kernel tree the
# pipeline imports (skipped without one).
test_series_c_files_are_checkpatch_clean() {
	local tree=${KERNEL_TREE:-$PROJECT_ROOT/build/linux} files
	[[ -x $tree/scripts/checkpatch.pl ]] || skip "no kernel tree at $tree (make kernel)"
	mapfile -t files < <(find "$PROJECT_ROOT"/series/*/files -name '*.[ch]' 2>/dev/null)
	((${#files[@]} > 0)) || fail "no C file under series/*/files"
	(
		export KERNEL_TREE=$tree
		# shellcheck source=scripts/lib/checkpatch.sh
		. "$S/lib/checkpatch.sh"
		rc=0
		for f in "${files[@]}"; do
			checkpatch_no_tree "$f" --strict -f --quiet --no-summary || rc=1
		done
		exit "$rc"
	) || fail "checkpatch.pl --strict -f finds the problems above"
}
