# shellcheck shell=bash
# The kernel's layout for the lines a semantic patch changed: calls
# refilled, indentation re-tabbed (scripts/columns.awk, refill-calls.awk,
# retab-lines.awk). Sourced, never run.
[[ -z ${MMNR_LIB_REFLOW:-} ]] || return 0
MMNR_LIB_REFLOW=1
# shellcheck source=scripts/lib/paths.sh
. "$(dirname "${BASH_SOURCE[0]}")/paths.sh"

# The line numbers of the new side of a unified diff read on stdin (made
# with -U0): the lines it adds or changes.
added_lines() {
	sed -nE 's/^@@ -[0-9,]+ \+([0-9]+)(,([0-9]+))? @@.*/\1 \3/p' |
		awk '{ n = ($2 == "") ? 1 : $2; for (i = 0; i < n; i++) print $1 + i }'
}

# Refill, in FILE, the argument list of each call of FUNC that covers one
# of LINES (newline-separated line numbers): as many arguments on a line
# as fit in 80 columns, continuation lines aligned after the opening
# parenthesis (tabs, then spaces), which is how the kernel wraps calls.
# spatch keeps a changed call's old line breaks unless a line overflows;
# rules whose change shortens or lengthens an argument ask for this with
# a "// Reflow: FUNC" header line. Calls with comments are left alone.
refill_calls() {
	local file=$1 func=$2 lines=$3
	[[ -n $func && -n $lines ]] || return 0
	awk -v func_name="$func" -v lines="$lines" -f "$PROJECT_ROOT/scripts/columns.awk" \
		-f "$PROJECT_ROOT/scripts/refill-calls.awk" "$file" >"$file.refill" && mv "$file.refill" "$file"
}

# Refill, in each file of TREE the working tree changes, the calls of FUNC
# that the change touches (refill_calls).
refill_tree_calls() {
	local tree=$1 func=$2 file
	[[ -n $func ]] || return 0
	while IFS= read -r file; do
		refill_calls "$tree/$file" "$func" "$(git -C "$tree" diff -U0 -- "$file" | added_lines)"
	done < <(git -C "$tree" diff --name-only)
}

# Re-tab the indentation of the lines that the working tree of TREE adds
# (unstaged changes): spatch 1.1.1 aligns continuation lines past the last
# tab stop with spaces, which the kernel's coding style rejects. Leading
# blanks become tabs then at most seven spaces; nothing else changes.
retab_added_lines() {
	local tree=$1 file lines
	while IFS= read -r file; do
		lines=$(git -C "$tree" diff -U0 -- "$file" | added_lines)
		[[ -n $lines ]] || continue
		awk -v lines="$lines" -f "$PROJECT_ROOT/scripts/columns.awk" -f "$PROJECT_ROOT/scripts/retab-lines.awk" \
			"$tree/$file" >"$tree/$file.retab" && mv "$tree/$file.retab" "$tree/$file"
	done < <(git -C "$tree" diff --name-only)
}
