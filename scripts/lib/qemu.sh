# shellcheck shell=bash
# The guest machine, one layer for scripts/boot and scripts/bench: the
# initramfs (guest/init.c as /init, programs in /tests, modules in
# /modules), packed reproducibly, and the QEMU command line per
# architecture. Sourced, never run.
[[ -z ${MMNR_LIB_QEMU:-} ]] || return 0
MMNR_LIB_QEMU=1
# shellcheck source=scripts/lib/configs.sh
. "$(dirname "${BASH_SOURCE[0]}")/configs.sh"

GUEST_CFLAGS=(-static -O2 -Wall -Wextra -Werror)

# guest_root ARCH ROOT: an empty ROOT with the compiled /init (guest/init.c:
# it loads every /modules/*.ko, runs every /tests program in name order and
# resets the machine).
guest_root() {
	local arch=$1 root=$2 cc
	cc=$(arch_cc "$arch")
	need_tool "$cc"
	rm -rf "$root"
	mkdir -p "$root/tests" "$root/modules" "$root/dev" "$root/proc" "$root/sys"
	"$cc" "${GUEST_CFLAGS[@]}" -I"$PROJECT_ROOT/guest" -o "$root/init" "$PROJECT_ROOT/guest/init.c"
}

# guest_program ARCH SOURCE OUT: a guest/ program compiled for ARCH.
guest_program() {
	local arch=$1 src=$2 out=$3
	"$(arch_cc "$arch")" "${GUEST_CFLAGS[@]}" -I"$PROJECT_ROOT/guest" -o "$out" "$src"
}

# pack_initramfs ROOT OUT: ROOT as a gzipped newc cpio archive at OUT, the
# same bytes for the same files: names sorted, owned by root, every file
# dated at the epoch.
pack_initramfs() {
	local root=$1 out=$2
	need_tool cpio gzip
	find "$root" -exec touch -h -d @0 {} +
	(cd "$root" && find . -print0 | LC_ALL=C sort -z |
		cpio --null --create --format=newc --owner=0:0 --reproducible --quiet) |
		gzip -9n >"$out.tmp"
	mv "$out.tmp" "$out"
}

# SIZE (QEMU's: N, NM or NG) in mebibytes.
mebibytes() {
	case $1 in
	*G) echo $((${1%G} * 1024)) ;;
	*M) echo "${1%M}" ;;
	*[!0-9]* | '') die "qemu_command: memory '$1' is not N, NM or NG" ;;
	*) echo "$1" ;;
	esac
}

# qemu_command [--cpus N] [--memory SIZE] [--numa] ARCH IMAGE INITRD APPEND
#              [QEMU-OPTION...]
# The QEMU command line, into the array QEMU_CMD: software emulation, the
# serial console on standard output, no reboot (the guest's reset ends
# QEMU). APPEND is added to the console and panic settings of the kernel
# command line; the QEMU-OPTIONs after it are added as they are (scripts/
# bench's instruction counting; a second -machine adds properties to the
# first). --numa: two memory nodes, one per CPU (needs --cpus 2), for page
# migration between them. Defaults: 2 CPUs, 1G.
qemu_command() {
	local cpus=2 memory=1G numa=0 arch image initrd append
	while [[ ${1:-} == --* ]]; do
		case $1 in
		--cpus) cpus=${2:?--cpus needs a count} && shift 2 ;;
		--memory) memory=${2:?--memory needs a size} && shift 2 ;;
		--numa) numa=1 && shift ;;
		*) die "qemu_command: unknown option $1" ;;
		esac
	done
	(($# >= 4)) || die "usage: qemu_command [options] ARCH IMAGE INITRD APPEND [QEMU-OPTION...]"
	arch=$1 image=$2 initrd=$3 append=$4
	shift 4
	((numa == 0 || cpus == 2)) || die "qemu_command: --numa puts one CPU on each of two nodes: it needs --cpus 2"
	local node
	node=$(($(mebibytes "$memory") / 2))M
	local common=(-smp "$cpus" -m "$memory" -display none -monitor none -serial stdio -no-reboot
		-kernel "$image" -initrd "$initrd")
	case $arch in
	x86_64)
		need_tool qemu-system-x86_64
		((numa)) && append="numa=fake=2${append:+ $append}"
		QEMU_CMD=(qemu-system-x86_64 -machine q35 "${common[@]}" -append "console=ttyS0 panic=-1${append:+ $append}")
		;;
	arm64)
		need_tool qemu-system-aarch64
		QEMU_CMD=(qemu-system-aarch64 -machine virt -cpu cortex-a57 "${common[@]}"
			-append "console=ttyAMA0 panic=-1${append:+ $append}")
		# shellcheck disable=SC2054 # QEMU's commas, not array separators
		((numa)) && QEMU_CMD+=(-object "memory-backend-ram,id=m0,size=$node"
			-object "memory-backend-ram,id=m1,size=$node" -numa node,nodeid=0,cpus=0,memdev=m0 -numa node,nodeid=1,cpus=1,memdev=m1)
		;;
	*) die "qemu_command: no QEMU for architecture '$arch'" ;;
	esac
	QEMU_CMD+=("$@")
}
