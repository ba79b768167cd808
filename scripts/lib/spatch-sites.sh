# shellcheck shell=bash
# What a semantic patch reports: the sites it lists, the call sites it
# decided, the per-site table of a run, the per-step report of rewind and
# forward. Sourced, never run.
[[ -z ${MMNR_LIB_SPATCH_SITES:-} ]] || return 0
MMNR_LIB_SPATCH_SITES=1
# shellcheck source=scripts/lib/log.sh
. "$(dirname "${BASH_SOURCE[0]}")/log.sh"

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
