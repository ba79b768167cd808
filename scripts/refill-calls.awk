# refill-calls.awk: refill the argument lists of calls of func_name that
# cover one of the line numbers in lines (newline-separated): as many
# arguments on a line as fit in 80 columns, continuation lines aligned
# after the opening parenthesis (tabs, then spaces), as the kernel wraps
# calls. Calls with comments are left alone. Used by refill_calls() in
# scripts/lib/reflow.sh:
#   awk -v func_name=FUNC -v lines=LINES -f columns.awk -f refill-calls.awk FILE
# The last line of the call opening at line s, or 0.
function call_end(s,    i, j, c, depth, start) {
	start = index(L[s], func_name "(")
	if (!start) return 0
	depth = 0
	for (i = s; i <= n && i < s + 30; i++) {
		for (j = (i == s ? start + length(func_name) : 1); j <= length(L[i]); j++) {
			c = substr(L[i], j, 1)
			if (c == "(") depth++
			else if (c == ")" && --depth == 0) return i
		}
	}
	return 0
}
function refill(s, e,    head, text, t, i, c, depth, nargs, arg, tail, out, piece, cur, col) {
	delete args
	for (i = s; i <= e; i++)
		if (L[i] ~ /\/\*|\/\/|^#/) return 0
	i = index(L[s], func_name "(") + length(func_name)
	head = substr(L[s], 1, i)
	text = substr(L[s], i + 1)
	for (i = s + 1; i <= e; i++) {
		t = L[i]
		sub(/^[ \t]+/, "", t)
		text = (text ~ /\($/) ? text t : text " " t
	}
	depth = 0; nargs = 0; arg = ""
	for (i = 1; i <= length(text); i++) {
		c = substr(text, i, 1)
		if (c == "(" || c == "[" || c == "{") depth++
		else if (c == ")" || c == "]" || c == "}") {
			if (depth == 0) break
			depth--
		} else if (c == "," && depth == 0) {
			args[++nargs] = arg; arg = ""; continue
		}
		arg = arg c
	}
	args[++nargs] = arg
	tail = substr(text, i)
	col = width(head)
	cur = ""
	for (i = 1; i <= nargs; i++) {
		sub(/^ +/, "", args[i]); sub(/ +$/, "", args[i])
		piece = args[i] (i < nargs ? "," : tail)
		if (i == 1) cur = head piece
		else if (width(cur " " piece) <= 80) cur = cur " " piece
		else { out = out cur "\n"; cur = indent(col) piece }
	}
	R[s] = out cur
	return 1
}
{ L[++n] = $0 }
END {
	m = split(lines, want, "\n")
	for (k = 1; k <= m; k++) {
		w = want[k] + 0
		for (s = w; s >= 1 && s > w - 30; s--) {
			e = call_end(s)
			if (e) break
		}
		if (s >= 1 && e >= w && !(s in R) && refill(s, e)) {
			for (i = s + 1; i <= e; i++) skip[i] = 1
		}
	}
	for (i = 1; i <= n; i++) {
		if (i in R) print R[i]
		else if (!(i in skip)) print L[i]
	}
}
