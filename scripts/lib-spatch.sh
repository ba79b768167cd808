# shellcheck shell=bash
# Running semantic patches: rule headers, candidate files, the spatch
# runner with its post-processing (listed sites, refilled calls, re-tabbed
# lines), version-gated runs, report-mode checks, the per-step report of
# rewind and forward. Sourced by lib.sh.

# A semantic patch's "// Key: value" header line.
rule_header() {
	sed -n "s|^// $2: *||p" "$1" | sed -n 1p
}

# The files of TREE that the semantic patch COCCI can match: those in which
# git grep -w finds its "// Search:" pattern (kernel sources only).
rule_candidates() {
	local tree=$1 cocci=$2 search
	search=$(rule_header "$cocci" Search)
	[[ -n $search ]] || die "$(basename "$cocci") has no '// Search:' line"
	git -C "$tree" grep -lwE "$search" -- '*.c' '*.h' ':!tools' ':!Documentation'
}

# Apply the semantic patch COCCI in place in TREE to its candidate files,
# then refill the calls its "// Reflow:" line names and re-tab the lines it
# added (retab_added_lines: the tree's earlier changes must be staged).
# spatch's messages go to LOG; what the rule prints on stdout (the sites it
# lists, "FILE:LINE: ...") goes to LOG.out and is shown.
run_semantic_patch() {
	local tree=$1 cocci=$2 log=$3 opts files file tmp n=0 i failed first
	read -r -a opts <<<"$(rule_header "$cocci" Options)"
	mapfile -t files < <(rule_candidates "$tree" "$cocci")
	: >"$log.out"
	: >"$log"
	((${#files[@]} > 0)) || return 0
	# One spatch per file, JOBS at a time: files named together on spatch's
	# command line form one unit, where a rule that depends on another sees
	# its match in any of them (a walk callback of one file deciding a call
	# site of another). Output is gathered in the files' order.
	tmp=$(mktemp -d)
	for file in "${files[@]}"; do
		while (($(jobs -rp | wc -l) >= JOBS)); do
			wait -n || true
		done
		{ (cd "$tree" && spatch --very-quiet --sp-file "$cocci" -D patch --in-place \
			"${opts[@]}" "$file" >"$tmp/$n.out" 2>"$tmp/$n.err") || echo "$n $file" >>"$tmp/failed"; } &
		n=$((n + 1))
	done
	wait
	for ((i = 0; i < n; i++)); do
		cat "$tmp/$i.out" >>"$log.out"
		cat "$tmp/$i.err" >>"$log"
	done
	if [[ -s $tmp/failed ]]; then
		failed=$(sort -n "$tmp/failed")
		first=$(spatch_error "$tmp/$(head -n1 <<<"$failed" | cut -d' ' -f1).err")
		first=${first:-no message}
		rm -rf "$tmp"
		cat "$log" >&2
		n=$(wc -l <<<"$failed")
		file=$(cut -d' ' -f2- <<<"$failed" | sed -n '1,3p' | paste -sd' ')
		((n <= 3)) || file+=" ..."
		die "spatch failed on $(basename "$cocci"): $first ($n files: $file; log: $log)"
	fi
	rm -rf "$tmp"
	show_rule_output "$cocci" "$log.out"
	refill_tree_calls "$tree" "$(rule_header "$cocci" Reflow)"
	retab_added_lines "$tree"
}

# The first error spatch wrote in its stderr file ERR, on one line: a line
# that ends with a colon is joined with the next ("minus: parse error:" and
# the 'File "x.cocci", line 6, column 0' that says where).
spatch_error() {
	awk 'NF { sub(/^[ \t]+/, ""); sub(/[ \t]+$/, ""); msg = msg (msg == "" ? "" : " ") $0; if ($0 !~ /:$/) exit }
		END { print msg }' "$1"
}

# The lines a semantic patch wrote on stdout (file OUT) that name a place,
# "FILE:LINE: ...": the sites it lists for a human to look at (spatch's
# own diff output never starts that way).
rule_listed_sites() {
	grep -E '^[^[:space:]:]+:[0-9]+: ' "$1" || true
}

# The call sites a rule decided or listed, from its stdout OUT:
# "decided: FILE:LINE: FN(): EVENT by RULE" and "FILE:LINE: FN(): EVENT,
# listed: WHY" lines, as they are.
rule_site_lines() {
	grep -E '^(decided: )?[^[:space:]:]+:[0-9]+: [^ ]+\(\): ' "$1" || true
}

# The per-site table of SITES (rule_site_lines of every rule of a run,
# each prefixed with "STEP/RULE: "): file:line, function, event, and the
# rule that decided it or, in capitals, LISTED and why.
print_site_table() {
	sed -E 's/^[^ ]+: //' "$1" | awk '
		{ listed = ($1 != "decided:"); if (!listed) sub(/^decided: /, "") }
		{ where = $1; sub(/:$/, "", where); fn = $2; sub(/:$/, "", fn); rest = $0; sub(/^[^ ]+ [^ ]+ /, "", rest) }
		!listed { ev = rest; sub(/ .*/, "", ev); how = rest; sub(/^[^ ]+ /, "", how) }
		listed { ev = rest; sub(/,.*/, "", ev); how = rest; sub(/^[^,]+, listed: /, "LISTED: ", how) }
		{ sub(/^MMU_NOTIFY_/, "", ev); printf "  %-34s %-34s %-15s %s\n", where, fn, ev, how }'
}

# record_sites OUT PREFIX SITES LISTED: append the call sites that the
# rule output OUT decided or listed to SITES, and the listed ones to
# LISTED, each line prefixed with "PREFIX: " (the step and rule).
record_sites() {
	rule_site_lines "$1" | sed "s|^|$2: |" >>"$3"
	rule_listed_sites "$1" | sed "s|^|$2: |" >>"$4"
}

# report_sites WHO SITES LISTED: the per-site table of a run, and how many
# sites it listed.
report_sites() {
	info "$1: the event of each call site, and the rule that decided it (also in $2):"
	print_site_table "$2" >&2
	if [[ -s $3 ]]; then
		info "$1: $(wc -l <"$3") call sites listed: no rule decides them, or their evidence is mixed;" \
			"they get the safe event (in $3)"
	fi
}

show_rule_output() {
	local cocci=$1 out=$2 line
	while IFS= read -r line; do
		log "  $(basename "$cocci"): $line"
	done < <(rule_listed_sites "$out")
}

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

# run_semantic_patch with the version-gated branches of TREE that DIRECTION
# (backport or forward) must leave alone hidden from spatch
# (scripts/version-gate), and put back whatever happens.
run_semantic_patch_gated() {
	local tree=$1 cocci=$2 log=$3 direction=$4 state files rc=0
	state=$(mktemp)
	mapfile -t files < <(git -C "$tree" grep -lw LINUX_VERSION_CODE -- '*.c' '*.h' ':!tools' ':!Documentation' || true)
	if ((${#files[@]} > 0)); then
		(cd "$tree" && "$PROJECT_ROOT/scripts/version-gate" mask --for "$direction" --state "$state" "${files[@]}")
	else
		echo '{}' >"$state"
	fi
	(run_semantic_patch "$tree" "$cocci" "$log") || rc=$?
	(cd "$tree" && "$PROJECT_ROOT/scripts/version-gate" unmask --for "$direction" --state "$state")
	rm -f "$state"
	return "$rc"
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

# Run the report-mode check COCCI over the files of TREE that can match it;
# print its reports (nothing when the tree is clean).
run_check() {
	local tree=$1 cocci=$2 opts files
	read -r -a opts <<<"$(rule_header "$cocci" Options)"
	mapfile -t files < <(rule_candidates "$tree" "$cocci")
	((${#files[@]} > 0)) || return 0
	(cd "$tree" && spatch --very-quiet --sp-file "$cocci" -D report "${opts[@]}" "${files[@]}" 2>/dev/null) ||
		die "spatch failed on $(basename "$cocci")"
}

# Run the report-mode rule COCCI over a scratch copy of the files of TREE
# that can match it, with the version-gated branches that DIRECTION
# (backport or forward) leaves alone hidden; print its reports (paths
# relative to TREE), nothing when there is nothing to report. TREE itself
# is not modified.
run_report_gated() {
	local tree=$1 cocci=$2 direction=$3 scratch files opts
	read -r -a opts <<<"$(rule_header "$cocci" Options)"
	mapfile -t files < <(rule_candidates "$tree" "$cocci")
	((${#files[@]} > 0)) || return 0
	scratch=$(mktemp -d)
	(cd "$tree" && cp --parents -- "${files[@]}" "$scratch/")
	(cd "$scratch" && "$PROJECT_ROOT/scripts/version-gate" mask --for "$direction" --state .gated "${files[@]}")
	if ! (cd "$scratch" && spatch --very-quiet --sp-file "$cocci" -D report "${opts[@]}" "${files[@]}" \
		2>"$scratch/.log"); then
		cat "$scratch/.log" >&2
		rm -rf "$scratch"
		die "spatch failed on $(basename "$cocci")"
	fi
	rm -rf "$scratch"
}

# Print what the last step of a run over TREE (rewind, forward) changed:
# its hunks as sites, in all and per file, and its time; then stage it.
report_step() {
	local tree=$1 step=$2 seconds=$3 files sites
	files=$(git -C "$tree" diff --name-only | wc -l)
	sites=$(git -C "$tree" diff -U0 | grep -c '^@@' || true)
	printf '  %-32s %3d sites in %2d files  (%ds)\n' "$step" "$sites" "$files" "$seconds"
	git -C "$tree" diff -U0 | awk '
		/^\+\+\+ b\// { file = substr($0, 7) }
		/^@@/ { n[file]++ }
		END { for (f in n) printf "      %3d  %s\n", n[f], f }' | sort -k2
	git -C "$tree" add -A
}
