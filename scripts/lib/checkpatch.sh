# shellcheck shell=bash
# checkpatch.pl as check-patches and mail run it. Sourced, never run.
[[ -z ${MMNR_LIB_CHECKPATCH:-} ]] || return 0
MMNR_LIB_CHECKPATCH=1
# shellcheck source=scripts/lib/kernel.sh
. "$(dirname "${BASH_SOURCE[0]}")/kernel.sh"

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
