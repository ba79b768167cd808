# shellcheck shell=bash
# Single objects under x86_64 allmodconfig with sparse: which object a
# source makes, which sources changed between commits, the warnings of a
# build log, and the cached compile of a list of objects (compare-objects,
# check-patches). Sourced, never run.
[[ -z ${MMNR_LIB_OBJECTS:-} ]] || return 0
MMNR_LIB_OBJECTS=1
# shellcheck source=scripts/lib/kernel.sh
. "$(dirname "${BASH_SOURCE[0]}")/kernel.sh"

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
# compiled there. A compile that fails is returned, and none of its output
# is kept for next time.
allmod_sparse_build() {
	local ref=$1 log=$2 rc=0
	shift 2
	SPARSE=1 OBJECT_CACHE=$WORK_DIR/logs/allmod-objects \
		"$PROJECT_ROOT/scripts/build" --ref "$ref" --objects "$@" >/dev/null || rc=1
	cp "$WORK_DIR/out/allmodconfig/objects.log" "$log"
	return "$rc"
}
