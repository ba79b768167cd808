# retab-lines.awk: re-indent the lines numbered in lines (newline-separated)
# the kernel's way, tabs then at most seven spaces, keeping their column;
# nothing else changes. Used by retab_added_lines() in scripts/lib/reflow.sh:
#   awk -v lines=LINES -f columns.awk -f retab-lines.awk FILE
BEGIN { n = split(lines, l, "\n"); for (i = 1; i <= n; i++) want[l[i]] = 1 }
want[FNR] && match($0, /^[ \t]+/) {
	$0 = indent(width(substr($0, 1, RLENGTH))) substr($0, RLENGTH + 1)
}
{ print }
