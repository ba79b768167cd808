# shellcheck shell=bash
# Messages, errors, signals, tools, timing: what every script may need and
# what needs nothing else. Sourced, never run.
[[ -z ${MMNR_LIB_LOG:-} ]] || return 0
MMNR_LIB_LOG=1

log() { printf '%s\n' "$*" >&2; }
info() { printf '==> %s\n' "$*" >&2; }
die() {
	printf 'error: %s\n' "$*" >&2
	exit 1
}

# INT and TERM end the script at once with 130 and 143, so that its EXIT
# trap (its cleanup) runs, whatever it was doing. Every script that leaves
# something to clean up calls this first.
exit_on_signals() {
	trap 'exit 130' INT
	trap 'exit 143' TERM
}

# run_or_die WHAT CMD...: run CMD (its stdout passes through); if it fails,
# show what it wrote on stderr and die with WHAT and the line of it that
# names a cause the system gave (no space, permissions), else its first.
run_or_die() {
	local what=$1 err rc=0
	shift
	{ err=$("$@" 2>&1 1>&3 3>&-); } 3>&1 || rc=$?
	[[ -z $err ]] || printf '%s\n' "$err" >&2
	((rc == 0)) || die "$what failed: $(grep -m1 -E 'No space left|quota exceeded|Read-only file system|Permission denied' <<<"$err" ||
		grep -m1 . <<<"$err" || echo "exit status $rc")"
}

need_tool() {
	local tool
	for tool in "$@"; do
		command -v "$tool" >/dev/null 2>&1 ||
			die "'$tool' is not installed; run 'make deps' (or: scripts/deps)"
	done
}

# Seconds since the epoch, for stage timing.
now() { date +%s; }

fmt_duration() {
	local s=$1
	printf '%dm%02ds' $((s / 60)) $((s % 60))
}
