# shellcheck shell=bash
# scripts/boot without a kernel: a fake QEMU that runs nothing, only reads
# the initramfs it is given and answers for each program in /tests, so that
# what boot puts in the guest and how it reports is checked.

. "$PROJECT_ROOT/scripts/lib/kernel.sh"

# A kernel tree whose only build is a fake x86_64 image; a repository of
# selftests laid out as from v6.3 on (tools/testing/selftests/mm); a fake
# qemu-system-x86_64 first on PATH.
boot_fakes() {
	local sel=$T/sel/tools/testing/selftests
	mkdir -p "$T/w/linux" "$T/w/out/x86_64-notifier/base/arch/x86/boot" "$sel/mm" "$T/bin"
	: >"$T/w/out/x86_64-notifier/base/arch/x86/boot/bzImage"
	printf '#define TEST_TIMEOUT_DEFAULT 30\n' >"$sel/kselftest_harness.h"
	: >"$sel/kselftest.h"
	printf '#include "../kselftest_harness.h"\nint main(void) { return 4; }\n' >"$sel/mm/mmu_notifier_events.c"
	git -C "$T/sel" init -q
	git -C "$T/sel" add -A
	git -C "$T/sel" -c user.name=t -c user.email=t@t commit -qm selftests
	git -C "$T/sel" branch -q applied/v6.1.176
	cat >"$T/bin/qemu-system-x86_64" <<'FAKE'
#!/bin/bash
while (($#)); do [[ $1 == -initrd ]] && initrd=$2; shift; done
# The event selftest on a kernel without its interface: a whole-suite skip.
for t in $(gzip -dc "$initrd" | cpio -t --quiet | sed -nE 's|^(\./)?tests/(.)|\2|p' | sort); do
	if [[ $t == mmu_notifier_events ]]; then
		echo "MMNR PLAN $t 0"; echo "MMNR SKIP $t test_mmu_notifier interface absent"; echo "MMNR EXIT $t 4"
		continue
	fi
	echo "MMNR PLAN $t 1"; echo "MMNR RESULT $t.ran PASS fake"; echo "MMNR EXIT $t 0"
done
echo "MMNR END"
FAKE
	chmod +x "$T/bin/qemu-system-x86_64"
	export PATH=$T/bin:$PATH WORK_DIR=$T/w KERNEL_TREE=$T/w/linux BOOT_TIMEOUT=60
}

initrd_tests() {
	gzip -dc "$T/w/guest/x86_64-notifier.cpio.gz" | cpio -t --quiet | sed -nE 's|^(\./)?tests/(.)|\2|p' | sort | tr '\n' ' '
}

# Another tag's base has no series branch: without a way out, the boot
# stops and says which settings give one.
test_boot_without_series_branch_names_the_settings() {
	boot_fakes
	git -C "$KERNEL_TREE" init -q
	expect_fail 'no refs/heads/none in .*SELFTEST_TREE.*GUEST_TESTS' \
		env SELFTEST_REF=refs/heads/none "$S/boot" --variant base x86_64-notifier
}

# GUEST_TESTS replaces the config's suites; what it leaves out is named as
# not run, at the start and in the final line, never as passed.
test_boot_guest_tests_override_names_what_did_not_run() {
	boot_fakes
	GUEST_TESTS=smoke expect_ok "$S/boot" --variant base x86_64-notifier
	[[ $(initrd_tests) == 'smoke ' ]] || fail "initramfs holds: $(initrd_tests)"
	expect_output 'GUEST_TESTS replaces the config.s suites: smoke; not run: kselftest/mmu_notifier_events=absent'
	expect_output 'passed \(GUEST_TESTS; not run: kselftest/mmu_notifier_events=absent\)'
	# A suite GUEST_TESTS names must still run and report.
	# shellcheck disable=SC2016 # the fake's own $t, not ours
	sed -i 's/RESULT \$t.ran PASS/RESULT $t.ran SKIP/' "$T/bin/qemu-system-x86_64"
	GUEST_TESTS=smoke expect_fail 'skipped: smoke.ran' "$S/boot" --variant base x86_64-notifier
}

# The selftest comes from SELFTEST_REF of SELFTEST_TREE, in mm/ there:
# the config's own list for the base runs whole.
test_boot_takes_selftests_from_another_repository() {
	boot_fakes
	SELFTEST_TREE=$T/sel SELFTEST_REF=applied/v6.1.176 expect_ok "$S/boot" --variant base x86_64-notifier
	[[ $(initrd_tests) == 'mmu_notifier_events smoke ' ]] || fail "initramfs holds: $(initrd_tests)"
	expect_output "kernel selftests from applied/v6.1.176 of $T/sel"
	expect_output 'suite mmu_notifier_events: interface absent, as expected'
	grep -q 'not run' "$T/out" && fail "a suite is said not run"
	true
}

# A tree without a series branch of its own (another pinned tag's) takes
# the selftest from the reference's series branch in the reference's tree,
# by default; without it, it says so.
test_boot_of_another_tag_takes_the_reference_series() {
	local other
	boot_fakes
	other=$(pinned_kernels other | sed -n 1p)
	[[ -n $other ]] || fail "kernel-tags pins no tag other than the reference"
	mkdir -p "$T/ref"
	ln -s "$T/sel" "$T/ref/linux"
	KERNEL_VERSION=$other REFERENCE_WORK_DIR=$T/ref expect_ok "$S/boot" --variant base x86_64-notifier
	expect_output "kernel selftests from applied/v$(pinned_kernels reference) of $T/ref/linux"
	expect_output 'suite mmu_notifier_events: interface absent, as expected'
	KERNEL_VERSION=$other REFERENCE_WORK_DIR=$T/none expect_fail "no applied/v.* in $T/none/linux .*the reference's apply stage" \
		"$S/boot" --variant base x86_64-notifier
}

# scripts/lib/qemu.sh, the one machine of boot and bench: the test boots'
# two CPUs on two NUMA nodes, the benchmark's one CPU with its counting
# options passed through, and a refusal of NUMA with one CPU.
test_qemu_command_serves_boot_and_bench() {
	. "$PROJECT_ROOT/scripts/lib/qemu.sh"
	qemu_command --numa x86_64 img initrd 'A=1'
	[[ "${QEMU_CMD[*]}" == *'-smp 2 -m 1G '*'-append console=ttyS0 panic=-1 numa=fake=2 A=1' ]] ||
		fail "x86_64 boot: ${QEMU_CMD[*]}"
	qemu_command --numa arm64 img initrd ''
	[[ "${QEMU_CMD[*]}" == *'-append console=ttyAMA0 panic=-1 -object memory-backend-ram,id=m0,size=512M'*'cpus=1,memdev=m1' ]] ||
		fail "arm64 boot: ${QEMU_CMD[*]}"
	qemu_command --cpus 1 --memory 512M arm64 img initrd 'nokaslr' -icount shift=0 -machine dtb-randomness=off
	[[ "${QEMU_CMD[*]}" == *'-smp 1 -m 512M '*'panic=-1 nokaslr -icount shift=0 -machine dtb-randomness=off' ]] ||
		fail "arm64 bench: ${QEMU_CMD[*]}"
	[[ "${QEMU_CMD[*]}" != *numa* ]] || fail "a machine without --numa has nodes: ${QEMU_CMD[*]}"
	expect_fail 'needs --cpus 2' in_subshell qemu_command --cpus 1 --numa x86_64 img initrd ''
	expect_fail "no QEMU for architecture 'mips'" in_subshell qemu_command mips img initrd ''
}

# A library function that dies, without ending the test.
in_subshell() { ("$@"); }

# The same files give the same archive, whenever they were made.
test_initramfs_is_reproducible() {
	. "$PROJECT_ROOT/scripts/lib/qemu.sh"
	local n
	for n in 1 2; do
		mkdir -p "$T/root$n/tests" "$T/root$n/modules"
		echo test >"$T/root$n/tests/t"
		echo ko >"$T/root$n/modules/m.ko"
		touch -d "@$((n * 1000))" "$T/root$n/tests/t"
		pack_initramfs "$T/root$n" "$T/initrd$n.cpio.gz"
	done
	cmp -s "$T/initrd1.cpio.gz" "$T/initrd2.cpio.gz" || fail "two packs of the same files differ"
	[[ $(gzip -dc "$T/initrd1.cpio.gz" | cpio -t --quiet | tr '\n' ' ') == '. modules modules/m.ko tests tests/t ' ]] ||
		fail "archive holds: $(gzip -dc "$T/initrd1.cpio.gz" | cpio -t --quiet | tr '\n' ' ')"
}
