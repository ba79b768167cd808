# columns.awk: display columns of kernel source text, tabs every 8.
# Functions only; used with -f before refill-calls.awk and retab-lines.awk.

# The column after the text S, from column 0.
function width(s,    i, c, col) {
	col = 0
	for (i = 1; i <= length(s); i++) {
		c = substr(s, i, 1)
		col = (c == "\t") ? int(col / 8) * 8 + 8 : col + 1
	}
	return col
}
# Blanks that reach column COL the kernel's way: tabs, then spaces.
function indent(col,    ws, i) {
	ws = ""
	for (i = 0; i < int(col / 8); i++) ws = ws "\t"
	for (i = 0; i < col % 8; i++) ws = ws " "
	return ws
}
