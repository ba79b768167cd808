# shellcheck shell=bash
# scripts/dependents on hand-made kbuild .cmd files, and check-patches'
# choice of the objects a patch feeds.

# A kernel tree $T/k and an output tree $T/k-out/cfg (so that the tree is
# ../../k from it, as ccache's base directory writes paths) with three
# compiled objects, an assembler file and a composite one.
fake_build() {
	local out=$T/k-out/cfg
	mkdir -p "$T/k/include/linux" "$T/k/mm" "$T/k/tools/include/linux" "$out/mm" "$out/lib" "$out/drv"
	# mm/memory.o: the header through a relative path, and its source.
	cat >"$out/mm/.memory.o.cmd" <<-'CMD'
		cmd_mm/memory.o := gcc -c -o mm/memory.o ../../k/mm/memory.c

		source_mm/memory.o := ../../k/mm/memory.c

		deps_mm/memory.o := \
		  ../../k/include/linux/kconfig.h \
		    $(wildcard include/config/include/linux/mmu_notifier.h) \
		  ../../k/include/linux/mmu_notifier.h \
		  include/generated/autoconf.h \

		mm/memory.o: $(deps_mm/memory.o)

		$(deps_mm/memory.o):
	CMD
	# lib/gen.o: a generated source, the header through an absolute path.
	cat >"$out/lib/.gen.o.cmd" <<-CMD
		cmd_lib/gen.o := gcc -c -o lib/gen.o lib/gen.c

		source_lib/gen.o := lib/gen.c

		deps_lib/gen.o := \\
		  $T/k/include/linux/mmu_notifier.h \\

		lib/gen.o: \$(deps_lib/gen.o)
	CMD
	# drv/other.o: a header of the same name elsewhere, and one outside.
	cat >"$out/drv/.other.o.cmd" <<-'CMD'
		source_drv/other.o := ../../k/drv/other.c

		deps_drv/other.o := \
		  ../../k/tools/include/linux/mmu_notifier.h \
		  /usr/lib/gcc/x86_64-linux-gnu/12/include/stddef.h \

		drv/other.o: $(deps_drv/other.o)
	CMD
	# lib/offsets.s: C compiled to assembler (asm-offsets).
	printf 'source_lib/offsets.s := ../../k/lib/offsets.c\n\ndeps_lib/offsets.s := \\\n  ../../k/include/linux/mmu_notifier.h \\\n\n' \
		>"$out/lib/.offsets.s.cmd"
	# drv/built.o: composite, linked from others (no source, no deps).
	printf 'cmd_drv/built.o := ld -r -o drv/built.o drv/other.o\n' >"$out/drv/.built.o.cmd"
}

test_dependents_reads_relative_and_absolute_paths() {
	fake_build
	expect_ok env KERNEL_TREE="$T/k" "$S/dependents" "$T/k-out/cfg" include/linux/mmu_notifier.h
	[[ $(cat "$T/out") == "lib/gen.o - include/linux/mmu_notifier.h
lib/offsets.s lib/offsets.c include/linux/mmu_notifier.h
mm/memory.o mm/memory.c include/linux/mmu_notifier.h" ]] || fail "got: $(cat "$T/out")"
}

test_dependents_names_objects_of_a_source_and_each_file() {
	fake_build
	expect_ok env KERNEL_TREE="$T/k" "$S/dependents" "$T/k-out/cfg" mm/memory.c include/linux/kconfig.h \
		tools/include/linux/mmu_notifier.h /usr/lib/gcc/x86_64-linux-gnu/12/include/stddef.h
	[[ $(cat "$T/out") == "drv/other.o drv/other.c tools/include/linux/mmu_notifier.h
mm/memory.o mm/memory.c include/linux/kconfig.h
mm/memory.o mm/memory.c mm/memory.c" ]] || fail "got: $(cat "$T/out")"
}

# An external module built below the output tree (kbuild M=, as
# scripts/bench-artifacts builds the benchmark's module) includes the
# header too, but its objects are not the kernel's: check-patches must not
# compile them.
test_dependents_leaves_out_external_module_builds() {
	local ext=$T/k-out/cfg/variant-base/modules-src
	fake_build
	mkdir -p "$ext"
	printf 'source_%s/bench.o := %s/bench.c\n\ndeps_%s/bench.o := \\\n  ../../k/include/linux/mmu_notifier.h \\\n\n' \
		"$ext" "$ext" "$ext" >"$ext/.bench.o.cmd"
	# Without its Module.symvers it is not recognised as a module build.
	expect_ok env KERNEL_TREE="$T/k" "$S/dependents" "$T/k-out/cfg" include/linux/mmu_notifier.h
	grep -q 'bench.o' "$T/out" || fail "the fixture's module object is not read at all: $(cat "$T/out")"
	: >"$ext/Module.symvers"
	expect_ok env KERNEL_TREE="$T/k" "$S/dependents" "$T/k-out/cfg" include/linux/mmu_notifier.h
	[[ $(cat "$T/out") == "lib/gen.o - include/linux/mmu_notifier.h
lib/offsets.s lib/offsets.c include/linux/mmu_notifier.h
mm/memory.o mm/memory.c include/linux/mmu_notifier.h" ]] || fail "got: $(cat "$T/out")"
}

test_dependents_needs_a_build_tree() {
	mkdir -p "$T/k"
	expect_fail 'no build tree' env KERNEL_TREE="$T/k" "$S/dependents" "$T/nowhere" a.h
	expect_fail usage env KERNEL_TREE="$T/k" "$S/dependents" "$T/k"
}

# objects_fed_by: the files a commit changes select objects; an object whose
# source the commit lacks is left out; a header makes it "header".
test_check_patches_picks_the_objects_a_patch_feeds() {
	mkdir -p "$T/k/mm"
	touch "$T/k/mm/memory.c"
	git -C "$T/k" init -q
	git -C "$T/k" add -A
	git -C "$T/k" -c user.name=t -c user.email=t@x commit -qm base
	cat >"$T/deps" <<-'EOF2'
		lib/gen.o - include/linux/mmu_notifier.h
		lib/new.o lib/new.c include/linux/mmu_notifier.h
		mm/memory.o mm/memory.c include/linux/mmu_notifier.h
		mm/memory.o mm/memory.c mm/memory.c
		mm/other.o mm/other.c include/linux/other.h
	EOF2
	(
		export KERNEL_TREE=$T/k
		# shellcheck source=scripts/check-patches
		. "$S/check-patches"
		objects_fed_by "$T/deps" HEAD include/linux/mmu_notifier.h mm/memory.c >"$T/a"
		objects_fed_by "$T/deps" HEAD mm/memory.c >"$T/b"
	)
	[[ $(cat "$T/a") == $'lib/gen.o header\nmm/memory.o header' ]] || fail "header patch: $(cat "$T/a")"
	[[ $(cat "$T/b") == 'mm/memory.o source' ]] || fail "source patch: $(cat "$T/b")"
}

# final_only_holds_in TREE: check-patches' final-only guard on TREE's HEAD.
final_only_holds_in() {
	# shellcheck disable=SC2016,SC2031 # the inner script's own $1; PROJECT_ROOT is the harness's
	env KERNEL_TREE="$1" bash -c '. "$1"; final_only_holds HEAD' - "$PROJECT_ROOT/scripts/check-patches"
}

# arm64-notifier is final-only (compiled at the last commit, not at every
# patch) because its architecture's code names nothing of the notifier
# API; check-patches refuses that shortcut on a tree where it does.
test_check_patches_final_only_needs_an_arch_without_notifier_users() {
	mkdir -p "$T/k/arch/arm64/kvm" "$T/k/arch/x86/kvm"
	echo 'void f(void) { mmu_notifier_range_init(0); }' >"$T/k/arch/x86/kvm/mmu.c"
	echo 'int g;' >"$T/k/arch/arm64/kvm/mmu.c"
	git -C "$T/k" init -q
	git -C "$T/k" add -A
	git -C "$T/k" -c user.name=t -c user.email=t@x commit -qm base
	expect_ok final_only_holds_in "$T/k"
	echo 'void h(struct mmu_notifier_range *r) { }' >>"$T/k/arch/arm64/kvm/mmu.c"
	git -C "$T/k" -c user.name=t -c user.email=t@x commit -qam 'arm64 uses it'
	expect_fail 'arm64-notifier is final-only, but arch/arm64 uses the notifier API: arch/arm64/kvm/mmu.c' \
		final_only_holds_in "$T/k"
}
