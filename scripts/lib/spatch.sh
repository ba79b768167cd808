# shellcheck shell=bash
# Running semantic patches: rule headers, candidate files, the spatch
# runner with its post-processing (listed sites shown, refilled calls,
# re-tabbed lines), version-gated runs, report-mode checks. Sourced, never
# run.
[[ -z ${MMNR_LIB_SPATCH:-} ]] || return 0
MMNR_LIB_SPATCH=1
# shellcheck source=scripts/lib/paths.sh
. "$(dirname "${BASH_SOURCE[0]}")/paths.sh"
# shellcheck source=scripts/lib/spatch-sites.sh
. "$(dirname "${BASH_SOURCE[0]}")/spatch-sites.sh"
# shellcheck source=scripts/lib/reflow.sh
. "$(dirname "${BASH_SOURCE[0]}")/reflow.sh"

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
