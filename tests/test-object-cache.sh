# shellcheck shell=bash
# scripts/object-keys and scripts/build's split of a compile's output per
# object: what the allmodconfig sparse check keeps from one compile to the
# next (check-patches compiles at each patch only what the patch changes).

# A git kernel tree $T/k and a kbuild output tree $T/out in which
# mm/memory.o was compiled: its source, a header of the tree, a header
# kbuild generated, and two configuration options.
fake_compiled() {
	mkdir -p "$T/k/include/linux" "$T/k/mm" "$T/out/mm" "$T/out/include/generated"
	echo 'int x;' >"$T/k/mm/memory.c"
	echo '/* header */' >"$T/k/include/linux/mmu_notifier.h"
	echo '/* other */' >"$T/k/include/linux/other.h"
	echo '/* unread */' >"$T/k/include/linux/unread.h"
	git -C "$T/k" init -q
	git -C "$T/k" add -A
	git -C "$T/k" -c user.name=t -c user.email=t@x commit -qm base
	echo '#define GEN 1' >"$T/out/include/generated/bounds.h"
	printf 'CONFIG_MMU_NOTIFIER=y\n# CONFIG_KSM is not set\nCONFIG_OTHER=m\n' >"$T/out/.config"
	cat >"$T/out/mm/.memory.o.cmd" <<-'CMD'
		cmd_mm/memory.o := gcc -c -o mm/memory.o ../k/mm/memory.c

		source_mm/memory.o := ../k/mm/memory.c

		deps_mm/memory.o := \
		    $(wildcard include/config/MMU_NOTIFIER) \
		    $(wildcard include/config/KSM) \
		  ../k/include/linux/mmu_notifier.h \
		  ../k/mm/../include/linux/other.h \
		  include/generated/bounds.h \

		mm/memory.o: $(deps_mm/memory.o)

		$(deps_mm/memory.o):
	CMD
}

key() {
	"$S/object-keys" "$T/k" "$T/out" "${EXTRA:-gcc 12}" mm/memory.o mm/never.o | awk '$1 == "mm/memory.o" { print $2 }'
}

commit_change() {
	echo "$2" >>"$T/k/$1"
	git -C "$T/k" -c user.name=t -c user.email=t@x commit -qam "$1"
}

test_object_key_is_stable_and_ignores_what_the_object_does_not_read() {
	fake_compiled
	local k0
	k0=$(key)
	[[ $k0 =~ ^[0-9a-f]{32}$ ]] || fail "no key: '$k0'"
	[[ $(key) == "$k0" ]] || fail "two keys of the same inputs differ"
	# Not printed: an object never compiled has no key (it must be compiled).
	[[ -z $("$S/object-keys" "$T/k" "$T/out" x mm/never.o) ]] || fail "a key for an object with no .cmd"
	commit_change include/linux/unread.h '/* more */'
	sed -i 's/^CONFIG_OTHER=m/CONFIG_OTHER=y/' "$T/out/.config"
	[[ $(key) == "$k0" ]] || fail "the key changed with a header and an option the object does not read"
}

test_object_key_changes_with_each_input() {
	fake_compiled
	local k0 k1 k2 k3 k4 k5
	k0=$(key)
	commit_change mm/memory.c 'int y;'
	k1=$(key)
	[[ $k1 != "$k0" ]] || fail "the source changed, the key did not"
	commit_change include/linux/mmu_notifier.h '/* doc */'
	k2=$(key)
	[[ $k2 != "$k1" ]] || fail "a header the object includes changed, the key did not"
	commit_change include/linux/other.h '/* through mm/../ */'
	[[ $(key) != "$k2" ]] || fail "a header read through a path with .. changed, the key did not"
	k2=$(key)
	sed -i 's/^# CONFIG_KSM is not set/CONFIG_KSM=y/' "$T/out/.config"
	k3=$(key)
	[[ $k3 != "$k2" ]] || fail "an option the object reads changed, the key did not"
	echo '#define GEN 2' >"$T/out/include/generated/bounds.h"
	k4=$(key)
	[[ $k4 != "$k3" ]] || fail "a generated header changed, the key did not"
	k5=$(EXTRA='gcc 13' key)
	[[ $k5 != "$k4" ]] || fail "the tools changed, the key did not"
	sed -i 's/-c -o/-O2 -c -o/' "$T/out/mm/.memory.o.cmd"
	[[ $(key) != "$k4" ]] || fail "the command line changed, the key did not"
}

test_object_key_refuses_files_git_does_not_know() {
	fake_compiled
	echo '/* untracked */' >"$T/k/include/linux/new.h"
	sed -i 's|^  include/generated/bounds.h \\|  ../k/include/linux/new.h \\\n  include/generated/bounds.h \\|' "$T/out/mm/.memory.o.cmd"
	[[ -z $(key) ]] || fail "a key for an object that reads an untracked file"
}

# make --output-sync=target output of three objects, one of them with a
# header warning; make's own lines come first.
test_compile_output_is_split_per_object() {
	cat >"$T/log" <<-'LOG'
		make[1]: Entering directory '/k'
		  CALL    /k/scripts/checksyscalls.sh
		  CC      mm/memory.o
		  CHECK   /k/mm/memory.c
		/k/mm/memory.c:10:2: warning: context imbalance
		  CC [M]  drivers/gpu/drm/amd/amdgpu/../amdkfd/kfd_svm.o
		  CHECK   /k/drivers/gpu/drm/amd/amdgpu/../amdkfd/kfd_svm.c
		/k/drivers/gpu/drm/amd/amdgpu/../amdkfd/kfd_svm.c: note: in included file:
		/k/include/linux/x.h:3:1: error: static assertion failed
		  CC      mm/rmap.o
	LOG
	mkdir "$T/d"
	(
		# shellcheck source=scripts/build
		. "$S/build"
		split_output "$T/log" "$T/d" mm/memory.o mm/rmap.o drivers/gpu/drm/amd/amdgpu/../amdkfd/kfd_svm.o
	) 2>"$T/err"
	[[ $(cat "$T/d/mm%memory.o.log") == $'  CC      mm/memory.o\n  CHECK   /k/mm/memory.c\n/k/mm/memory.c:10:2: warning: context imbalance' ]] ||
		fail "memory.o: $(cat "$T/d/mm%memory.o.log")"
	grep -q 'static assertion failed' "$T/d/drivers%gpu%drm%amd%amdgpu%..%amdkfd%kfd_svm.o.log" ||
		fail "kfd_svm.o lost its header's error"
	[[ $(cat "$T/d/mm%rmap.o.log") == '  CC      mm/rmap.o' ]] || fail "rmap.o: $(cat "$T/d/mm%rmap.o.log")"
	[[ ! -s $T/err ]] || fail "make's own lines reported: $(cat "$T/err")"
}
