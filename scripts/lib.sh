# shellcheck shell=bash
# Shared helpers for the project's scripts: paths, logging, errors, timing.
# Sourced, never run.

PROJECT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# The packaged kernels (kernel-tags): "SUITE DEBIAN-VERSION UPSTREAM SHA256
# ROLE" lines. pinned_kernel UPSTREAM prints the line of that tag;
# pinned_kernels ROLE the upstream versions with that role.
KERNEL_PINS=$PROJECT_ROOT/kernel-tags
pinned_kernel() { awk -v v="$1" '!/^#/ && NF == 5 && $3 == v' "$KERNEL_PINS"; }
pinned_kernels() { awk -v r="$1" '!/^#/ && NF == 5 && $5 == r { print $3 }' "$KERNEL_PINS"; }

# KERNEL=UPSTREAM picks a pinned tag; without it, the reference. Each
# KERNEL_* variable set in the environment still wins.
read -r _pin_suite _pin_deb _pin_version _pin_sha _pin_role < <(
	if [[ -n ${KERNEL:-} ]]; then pinned_kernel "$KERNEL"; else pinned_kernel "$(pinned_kernels reference)"; fi) || {
	printf 'error: KERNEL=%s is not pinned in %s (pinned: %s)\n' "${KERNEL:-}" "$KERNEL_PINS" \
		"$(awk '!/^#/ && NF == 5 { printf "%s ", $3 }' "$KERNEL_PINS")" >&2
	exit 1
}

# Everything the pipeline downloads, unpacks or builds lives below WORK_DIR;
# a tag other than the reference gets a directory of its own there.
if [[ $_pin_role == reference ]]; then
	WORK_DIR=${WORK_DIR:-$PROJECT_ROOT/build}
else
	WORK_DIR=${WORK_DIR:-$PROJECT_ROOT/build/kernels/v$_pin_version}
fi
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

# The kernel tree every later step works on: an import of the tarball, or a
# worktree of the user's KERNEL_SRC (never the user's checkout itself).
if [[ -n ${KERNEL_SRC:-} ]]; then
	KERNEL_TREE=${KERNEL_TREE:-$WORK_DIR/worktree}
else
	KERNEL_TREE=${KERNEL_TREE:-$WORK_DIR/linux}
fi

JOBS=${JOBS:-$(nproc)}

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

# Kernel ARCH and cross compiler for a configuration's target architecture.
arch_make_vars() {
	case "$1" in
	x86_64) echo "ARCH=x86_64" ;;
	arm64) echo "ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-" ;;
	*) die "unknown architecture '$1' (known: x86_64 arm64)" ;;
	esac
}

arch_image() {
	case "$1" in
	x86_64) echo "arch/x86/boot/bzImage" ;;
	arm64) echo "arch/arm64/boot/Image" ;;
	*) die "unknown architecture '$1'" ;;
	esac
}

# A configuration is configs/NAME.config; its header carries "# key: value"
# lines (arch, base, include, guest-tests).
config_file() {
	local f="$PROJECT_ROOT/configs/$1.config"
	[[ -f $f ]] || die "no configuration '$1' (known: $(list_configs | tr '\n' ' '))"
	echo "$f"
}

list_configs() {
	local f
	for f in "$PROJECT_ROOT"/configs/*.config; do
		grep -q '^# arch:' "$f" && basename "$f" .config
	done
}

# A configuration's "# pipeline:" line says how the pipeline treats it:
# "series-only", only its series variant is built and booted (no base
# build or boot, no check-patches); "opt-in", it is not among the default
# configurations (DEBUG_CONFIGS or CONFIGS names it); "final-only", its
# objects are compiled at the series' last commit (series-build) but not
# at every patch (check-patches).
config_in_pipeline_as() {
	[[ " $(config_meta "$(config_file "$1")" pipeline) " == *" $2 "* ]]
}

# configs_without MARKS CONFIG...: the CONFIGs whose "# pipeline:" line
# has none of MARKS (space-separated). Those with a base build are
# configs_without series-only; those check-patches compiles at every
# patch, configs_without "series-only final-only".
configs_without() {
	local marks=$1 c m
	shift
	for c in "$@"; do
		for m in $marks; do
			config_in_pipeline_as "$c" "$m" && continue 2
		done
		echo "$c"
	done
}

# The pipeline's configurations when CONFIGS does not say: all but opt-in.
# shellcheck disable=SC2046 # one configuration name per word
default_configs() { configs_without opt-in $(list_configs); }

config_meta() {
	local file=$1 key=$2
	sed -n "s/^# $key: *//p" "$file" | sed -n 1p
}

# The kernel a build or boot is for: "series" (the default, the series
# applied) or "base" (the rewound base). A config's "KEY-series:" and
# "KEY-base:" lines add to its "KEY:" line for that variant only.
VARIANT=${VARIANT:-series}

check_variant() {
	[[ $1 == base || $1 == series ]] || die "variant must be 'base' or 'series', not '$1'"
}

config_meta_for() {
	local file=$1 key=$2 variant=$3
	echo "$(config_meta "$file" "$key") $(config_meta "$file" "$key-$variant")"
}

config_out_dir() { echo "$WORK_DIR/out/$1"; }
# What scripts/bench-artifacts keeps of one variant of CONFIG: outside the
# kbuild output tree, which holds kbuild's own files only.
bench_variant_dir() { echo "$WORK_DIR/bench-artifacts/$1/$2"; }

# A full build of a configuration leaves "VARIANT COMMIT" in its tree
# (COMMIT followed by " dirty" if the kernel tree had local changes);
# anything that compiles there at another commit removes it.
build_stamp() { echo "$(config_out_dir "$1")/mmnr-built"; }

built_from() { cat "$(build_stamp "$1")" 2>/dev/null || true; }

# The stamp for what KERNEL_TREE has checked out now.
tree_state() {
	local state
	state=$(git -C "$KERNEL_TREE" rev-parse HEAD)
	[[ -z $(git -C "$KERNEL_TREE" status --porcelain --untracked-files=no) ]] || state+=" dirty"
	echo "$state"
}

# make(1) with ccache, out of tree, for one configuration's architecture.
kmake() {
	local arch=$1 out=$2
	shift 2
	local cc=gcc
	[[ $arch == arm64 ]] && cc=aarch64-linux-gnu-gcc
	# CCACHE_BASEDIR: the kernel's command lines carry absolute paths; made
	# relative to the work directory, the cache serves every clone.
	# The build's user, host, time and number are fixed so that a kernel
	# is a function of its sources: the number ("#2" after a second build
	# in one output directory) is in the utsname that seeds the guest's
	# random numbers, which made scripts/bench's figures depend on how many
	# builds came before.
	# shellcheck disable=SC2046 # arch_make_vars yields separate words
	CCACHE_BASEDIR=${CCACHE_BASEDIR:-$WORK_DIR} make -C "$KERNEL_TREE" O="$out" $(arch_make_vars "$arch") \
		CC="ccache $cc" HOSTCC="ccache gcc" \
		KBUILD_BUILD_USER=mmnr KBUILD_BUILD_HOST=mmnr \
		KBUILD_BUILD_TIMESTAMP="@0" KBUILD_BUILD_VERSION=1 -j"$JOBS" "$@"
}

# The import stamp, kept in the kernel tree's git directory by get-kernel:
# "<origin> <reference commit> <its tree>".
STAMP_NAME=mmnr-import

read_stamp() {
	local stamp
	stamp=$(git -C "$KERNEL_TREE" rev-parse --path-format=absolute --git-path "$STAMP_NAME" 2>/dev/null) ||
		return 1
	[[ -f $stamp ]] || return 1
	cat "$stamp"
}

# The commit every later step starts from: the tagged import, or KERNEL_REF
# of the user's KERNEL_SRC.
reference_commit() {
	local commit
	read -r _ commit _ < <(read_stamp) ||
		die "no kernel tree at $KERNEL_TREE; run 'make kernel' first"
	echo "$commit"
}

# A name for the reference in branch and tag names: the tag of the import,
# or the exact tag (else the short hash) of KERNEL_REF in KERNEL_SRC.
reference_name() {
	local commit
	commit=$(reference_commit)
	if [[ -z ${KERNEL_SRC:-} ]]; then
		echo "$KERNEL_TAG"
	else
		git -C "$KERNEL_TREE" describe --tags --exact-match "$commit" 2>/dev/null ||
			git -C "$KERNEL_TREE" rev-parse --short "$commit"
	fi
}

# git with a fixed identity and date, so that generated commits are
# byte-identical from one run to the next.
git_fixed() {
	GIT_AUTHOR_NAME=mmnr GIT_AUTHOR_EMAIL=mmnr@localhost \
		GIT_COMMITTER_NAME=mmnr GIT_COMMITTER_EMAIL=mmnr@localhost \
		GIT_AUTHOR_DATE="@0 +0000" GIT_COMMITTER_DATE="@0 +0000" git "$@"
}

# The make target that compiles SOURCE (a .c path) with the flags of the
# Makefile that really builds it: amdkfd is built from amdgpu's Makefile,
# KVM's common code from the architecture's kvm directory.
object_for_source() {
	local src=$1
	case $src in
	drivers/gpu/drm/amd/amdkfd/*.c) echo "drivers/gpu/drm/amd/amdgpu/../amdkfd/$(basename "${src%.c}").o" ;;
	virt/kvm/*.c) echo "arch/x86/kvm/../../../virt/kvm/$(basename "${src%.c}").o" ;;
	*.c) echo "${src%.c}.o" ;;
	*) return 1 ;;
	esac
}

# Check REF out in KERNEL_TREE (ours: the import or a worktree), refusing
# to throw away local changes.
checkout_ref() {
	local ref=$1
	git -C "$KERNEL_TREE" rev-parse -q --verify "$ref^{commit}" >/dev/null ||
		die "no such commit in $KERNEL_TREE: $ref"
	[[ -z $(git -C "$KERNEL_TREE" status --porcelain --untracked-files=no) ]] ||
		die "$KERNEL_TREE has uncommitted changes; not switching it to $ref"
	git -C "$KERNEL_TREE" checkout -q --detach "$ref"
}

# The tag scripts/rewind gives the rewound reference.
base_tag() { echo "${BASE_TAG:-base/$(reference_name)-pre}"; }

# checkpatch.pl finds no upstream commit in the kernel tree (a tarball
# import: one commit, no history), so every commit id a message cites is
# "unknown" to it; the ids are checked by hand. Only that check is left out.
# shellcheck disable=SC2034 # used by the scripts that source this file
CHECKPATCH_IGNORE=UNKNOWN_COMMIT_ID

# checkpatch.pl runs scripts/spdxcheck.py with the first python3 of PATH;
# Debian's has the modules it needs (python3-ply and python3-git, from
# scripts/deps), a python3 of the user's own may not.
CHECKPATCH_PATH=/usr/bin:$PATH

# checkpatch.pl --no-tree ARGS... on PATCH (an absolute path), run from a
# new directory outside any git tree: there it checks the form of every
# commit reference (GIT_COMMIT_ID), which in the tree it skips for ids it
# cannot look up.
checkpatch_no_tree() {
	local patch=$1 dir rc=0
	shift
	dir=$(mktemp -d "${TMPDIR:-/tmp}/mmnr-notree.XXXXXX")
	if git -C "$dir" rev-parse --git-dir >/dev/null 2>&1; then
		rmdir "$dir"
		die "checkpatch: $dir is inside a git tree; set TMPDIR to a directory outside one"
	fi
	(cd "$dir" && PATH=$CHECKPATCH_PATH "$KERNEL_TREE/scripts/checkpatch.pl" --no-tree "$@" "$patch") || rc=$?
	rmdir "$dir"
	return "$rc"
}

# Identifiers of the contextual API that the pre-v5.2 API does not have.
# shellcheck disable=SC2034 # used by check-leftovers
REMOVED_API='mmu_notifier_event|MMU_NOTIFY_[A-Z_]+|MMU_NOTIFIER_RANGE_BLOCKABLE|mmu_notifier_range_blockable|mmu_notifier_range_init_(owner|migrate)|mmu_notifier_range_update_to_read_only'

# The compiler and sparse warnings of a build log as "file: kind: message"
# lines, sorted, without line and column numbers (changes move lines).
warnings_of() {
	sed -nE "s|^$KERNEL_TREE/||; s|^([^ :]+):[0-9]+:[0-9]+: (warning\|error): (.*)$|\\1: \\2: \\3|p" "$1" | sort
}

# The C sources outside tools/ that differ between commits A and B: those
# modified, or those FILTER (git diff --diff-filter) selects.
sources_changed() {
	git -C "$KERNEL_TREE" diff --name-only --diff-filter="${3:-M}" "$1" "$2" -- '*.c' ':!tools'
}

# The objects whose C source was modified between commits A and B.
objects_changed() {
	local src
	sources_changed "$1" "$2" | while IFS= read -r src; do object_for_source "$src"; done
}

# Compile OBJECTS at REF under x86_64 allmodconfig with sparse, and keep
# every object's compiler and sparse output as LOG. An object that reads
# nothing changed since its last compile is not compiled again: its output
# is kept by key under WORK_DIR/logs/allmod-objects (scripts/build,
# scripts/object-keys). So check-patches compiles at each patch only the
# objects the patch changes, and at the base nothing that compare-objects
# compiled there. A whole call is also kept, under WORK_DIR/logs/allmod-cache
# by commit, objects and compiler and sparse versions.
allmod_sparse_build() {
	local ref=$1 log=$2 out=$WORK_DIR/out/allmodconfig obj key cache
	shift 2
	key=$({
		git -C "$KERNEL_TREE" rev-parse "$ref^{commit}"
		printf '%s\n' "$@" | sort
		gcc --version | sed -n 1p
		sparse --version 2>/dev/null || true
	} | sha256sum | cut -c1-16)
	cache=$WORK_DIR/logs/allmod-cache/$key.log
	if [[ -f $cache ]]; then
		info "build allmodconfig: $# objects at $ref already compiled (log $cache)"
		cp "$cache" "$log"
		return
	fi
	for obj in "$@"; do
		rm -f "$out/$obj"
	done
	# A failed compile is returned, and its log is not kept for next time.
	if ! SPARSE=1 OBJECT_CACHE=$WORK_DIR/logs/allmod-objects "$PROJECT_ROOT/scripts/build" --ref "$ref" --objects "$@" >/dev/null; then
		cp "$out/objects.log" "$log"
		return 1
	fi
	mkdir -p "${cache%/*}"
	cp "$out/objects.log" "$cache.tmp"
	mv "$cache.tmp" "$cache"
	cp "$cache" "$log"
}

# shellcheck source=scripts/lib-spatch.sh
. "$PROJECT_ROOT/scripts/lib-spatch.sh"
