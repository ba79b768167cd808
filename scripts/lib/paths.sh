# shellcheck shell=bash
# Where things are: the project, the packaged kernels (kernel-tags) and the
# one picked, the work directory (a tag's, computed here only) and its
# lock. Sourced, never run.
[[ -z ${MMNR_LIB_PATHS:-} ]] || return 0
MMNR_LIB_PATHS=1
# shellcheck source=scripts/lib/log.sh
. "$(dirname "${BASH_SOURCE[0]}")/log.sh"

PROJECT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# The packaged kernels (kernel-tags): "SUITE DEBIAN-VERSION UPSTREAM SHA256
# ROLE" lines. pinned_kernel UPSTREAM prints the line of that tag;
# pinned_kernels ROLE the upstream versions with that role.
KERNEL_PINS=$PROJECT_ROOT/kernel-tags
pinned_kernel() { awk -v v="$1" '!/^#/ && NF == 5 && $3 == v' "$KERNEL_PINS"; }
pinned_kernels() { awk -v r="$1" '!/^#/ && NF == 5 && $5 == r { print $3 }' "$KERNEL_PINS"; }

# tag_work_dir UPSTREAM [ROOT]: the work directory of a pinned tag, given
# the reference's (ROOT, default ./build): the reference works in ROOT,
# another tag in a directory of its own there.
tag_work_dir() {
	local root=${2:-$PROJECT_ROOT/build}
	if [[ $(pinned_kernel "$1" | awk '{ print $5 }') == reference ]]; then
		echo "$root"
	else
		echo "$root/kernels/v$1"
	fi
}

# KERNEL=UPSTREAM picks a pinned tag; without it, the reference. Each
# KERNEL_* variable set in the environment still wins.
read -r _pin_suite _pin_deb _pin_version _pin_sha _ < <(
	if [[ -n ${KERNEL:-} ]]; then pinned_kernel "$KERNEL"; else pinned_kernel "$(pinned_kernels reference)"; fi) || {
	printf 'error: KERNEL=%s is not pinned in %s (pinned: %s)\n' "${KERNEL:-}" "$KERNEL_PINS" \
		"$(awk '!/^#/ && NF == 5 { printf "%s ", $3 }' "$KERNEL_PINS")" >&2
	exit 1
}

# Everything the pipeline downloads, unpacks or builds lives below WORK_DIR.
WORK_DIR=${WORK_DIR:-$(tag_work_dir "$_pin_version")}
WORK_MARKER=.mmnr-work

# Create WORK_DIR (marked as ours, so that clean-work may remove it).
make_work_dir() {
	mkdir -p "$WORK_DIR"
	[[ -f $WORK_DIR/$WORK_MARKER ]] || echo "work directory of $PROJECT_ROOT" >"$WORK_DIR/$WORK_MARKER"
}

# One run per work directory: a script that writes below WORK_DIR calls
# this first. It holds WORK_DIR/.lock (flock) for its whole life and writes
# there who holds it; a second run on the same WORK_DIR refuses at once,
# naming the first. Scripts it starts inherit the lock (the environment
# says which directory is held), so nested runs go on. Sourcing a script
# for its functions (the tests do) takes no lock.
lock_work_dir() {
	[[ ${BASH_SOURCE[-1]} -ef $0 ]] || return 0
	[[ ${MMNR_LOCKED_WORK_DIR:-} != "$WORK_DIR" ]] || return 0
	[[ -d $WORK_DIR ]] || make_work_dir
	exec {WORK_LOCK_FD}>>"$WORK_DIR/.lock"
	if ! flock -n "$WORK_LOCK_FD"; then
		die "$(basename "$0"): $WORK_DIR is in use by $(tr -d '\n' <"$WORK_DIR/.lock" || echo 'another run');" \
			"wait for it to end, or give this run another WORK_DIR"
	fi
	printf 'pid %s (%s, since %s)\n' "$$" "$(basename "$0")${1:+ $*}" "$(date '+%F %T')" >"$WORK_DIR/.lock"
	export MMNR_LOCKED_WORK_DIR=$WORK_DIR
}

# The tag, as its Debian suite packages it.
KERNEL_VERSION=${KERNEL_VERSION:-$_pin_version}
KERNEL_DEB_VERSION=${KERNEL_DEB_VERSION:-$_pin_deb}
KERNEL_SHA256=${KERNEL_SHA256:-$_pin_sha}
KERNEL_SUITE=${KERNEL_SUITE:-$_pin_suite}
KERNEL_TAG=${KERNEL_TAG:-v$KERNEL_VERSION}

JOBS=${JOBS:-$(nproc)}
