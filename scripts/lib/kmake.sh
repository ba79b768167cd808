# shellcheck shell=bash
# make(1) on the kernel tree for a configuration, and the stamp a full
# build leaves. Sourced, never run.
[[ -z ${MMNR_LIB_KMAKE:-} ]] || return 0
MMNR_LIB_KMAKE=1
# shellcheck source=scripts/lib/kernel.sh
. "$(dirname "${BASH_SOURCE[0]}")/kernel.sh"
# shellcheck source=scripts/lib/configs.sh
. "$(dirname "${BASH_SOURCE[0]}")/configs.sh"

# A full build of a configuration leaves "VARIANT COMMIT" in its tree
# (COMMIT followed by " dirty" if the kernel tree had local changes:
# tree_state); anything that compiles there at another commit removes it.
build_stamp() { echo "$(config_out_dir "$1")/mmnr-built"; }

built_from() { cat "$(build_stamp "$1")" 2>/dev/null || true; }

# make(1) with ccache, out of tree, for one configuration's architecture.
kmake() {
	local arch=$1 out=$2 cc
	shift 2
	cc=$(arch_cc "$arch")
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
