# shellcheck shell=bash
# The kernel tree every later step works on and its refs: the import
# stamp, the reference commit and its name, the base tag, the series
# branch. Sourced, never run.
[[ -z ${MMNR_LIB_KERNEL:-} ]] || return 0
MMNR_LIB_KERNEL=1
# shellcheck source=scripts/lib/paths.sh
. "$(dirname "${BASH_SOURCE[0]}")/paths.sh"

# The kernel tree: an import of the tarball, or a worktree of the user's
# KERNEL_SRC (never the user's checkout itself).
if [[ -n ${KERNEL_SRC:-} ]]; then
	KERNEL_TREE=${KERNEL_TREE:-$WORK_DIR/worktree}
else
	KERNEL_TREE=${KERNEL_TREE:-$WORK_DIR/linux}
fi

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

# The tag scripts/rewind gives the rewound reference.
base_tag() { echo "${BASE_TAG:-base/$(reference_name)-pre}"; }

# The branch scripts/apply makes for the series: series_branch_of NAME on
# the reference named NAME, series_branch on this tree's (reference_name).
series_branch_of() { echo "applied/$1"; }
series_branch() { series_branch_of "$(reference_name)"; }

# git with a fixed identity and date, so that generated commits are
# byte-identical from one run to the next.
git_fixed() {
	GIT_AUTHOR_NAME=mmnr GIT_AUTHOR_EMAIL=mmnr@localhost \
		GIT_COMMITTER_NAME=mmnr GIT_COMMITTER_EMAIL=mmnr@localhost \
		GIT_AUTHOR_DATE="@0 +0000" GIT_COMMITTER_DATE="@0 +0000" git "$@"
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

# The stamp for what KERNEL_TREE has checked out now (build stamps,
# scripts/lib/kmake.sh).
tree_state() {
	local state
	state=$(git -C "$KERNEL_TREE" rev-parse HEAD)
	[[ -z $(git -C "$KERNEL_TREE" status --porcelain --untracked-files=no) ]] || state+=" dirty"
	echo "$state"
}

# commit_as_series_author TREE MESSAGE-FILE DATE: commit what TREE has
# staged under the identity of series/AUTHOR ("Name <email>") at DATE, as
# author and committer, so that the same change gives the same commit.
commit_as_series_author() {
	local tree=$1 message=$2 date=$3
	[[ $(cat "$PROJECT_ROOT/series/AUTHOR") =~ ^(.+)\ \<(.+)\>$ ]] ||
		die "series/AUTHOR must hold 'Name <email>'"
	GIT_AUTHOR_NAME=${BASH_REMATCH[1]} GIT_AUTHOR_EMAIL=${BASH_REMATCH[2]} GIT_AUTHOR_DATE=$date \
		GIT_COMMITTER_NAME=${BASH_REMATCH[1]} GIT_COMMITTER_EMAIL=${BASH_REMATCH[2]} GIT_COMMITTER_DATE=$date \
		git -C "$tree" commit -q -F "$message"
}
