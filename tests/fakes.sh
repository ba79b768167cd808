# shellcheck shell=bash
# Small fakes for the tests (sourced after tests/lib.sh, T set): kernel
# trees, tarballs, a copy of the project with a tiny rewind and series, a
# fake make, and fault injection (a signal to the script's process group at
# the Kth call of a tool or git hook).

# A tree that passes get-kernel's is_kernel_tree; HEADER is its
# include/linux/mmu_notifier.h (default: a comment).
fake_kernel_tree() {
	local dir=$1 header=${2:-/* fake */}
	mkdir -p "$dir/include/linux" "$dir/scripts/kconfig"
	printf 'VERSION = 6\nPATCHLEVEL = 1\n' >"$dir/Makefile"
	printf '%s\n' "$header" >"$dir/include/linux/mmu_notifier.h"
	# kconfig's merge (as build runs it: -m -O OUT BASE FRAGMENT...): the
	# fragments appended to the base.
	cat >"$dir/scripts/kconfig/merge_config.sh" <<'SH'
#!/bin/bash
shift 3
base=$1
shift
cat "$@" >>"$base"
SH
	chmod +x "$dir/scripts/kconfig/merge_config.sh"
	echo 'build/' >"$dir/.gitignore"
	mkdir -p "$dir/build" && echo 'kept despite .gitignore' >"$dir/build/file"
}

fake_tarball() {
	fake_kernel_tree "$T/src/linux-6.1.176"
	tar -C "$T/src" -cJf "$T/fake.tar.xz" linux-6.1.176
}

# A git tree in $T/k whose include/linux/mmu_notifier.h is HEADER, and an
# mm/a.c (for REWIND_TREE, check-leftovers, forward).
fake_tree() {
	mkdir -p "$T/k/include/linux" "$T/k/mm"
	printf '%s\n' "$1" >"$T/k/include/linux/mmu_notifier.h"
	printf 'int x;\n' >"$T/k/mm/a.c"
	git -C "$T/k" init -q
	git -C "$T/k" add -A
	git -C "$T/k" -c user.name=t -c user.email=t@x commit -qm base
}

sum_of() { sha256sum "$1" | cut -d' ' -f1; }

git_t() { git -c user.name=u -c user.email=u@x "$@"; }

# The contextual header and a reader of the blockable bit, as the fake
# rewind (fake_project) expects them.
FAKE_HEADER='/* fake mmu_notifier.h */
enum mmu_notifier_event { MMU_NOTIFY_UNMAP = 0 };
struct mmu_notifier_range { unsigned long start; unsigned int flags; };'

# A user's kernel repository in DIR (default $T/user), one commit, a branch
# and a tag of its own; HEADER as fake_kernel_tree.
fake_user_repo() {
	local dir=${1:-$T/user} header=${2:-$FAKE_HEADER}
	fake_kernel_tree "$dir" "$header"
	rm -rf "$dir/build"
	mkdir -p "$dir/mm"
	cat >"$dir/mm/a.c" <<'C'
int f_reader(struct mmu_notifier_range *range)
{
	return mmu_notifier_range_blockable(range);
}
C
	git -C "$dir" init -q -b master
	git -C "$dir" add -A
	git_t -C "$dir" commit -qm one
	git -C "$dir" branch mine
	git -C "$dir" tag v-user
}

# Everything of a git checkout that a script must leave alone, as one line:
# refs, HEAD, index, tracked and untracked files, registered worktrees.
tree_state() {
	local dir=$1
	{
		git -C "$dir" for-each-ref --format='%(refname) %(objectname)'
		git -C "$dir" symbolic-ref -q HEAD || true
		git -C "$dir" rev-parse HEAD
		git -C "$dir" ls-files --stage
		git -C "$dir" status --porcelain --untracked-files=all --ignored
		(cd "$dir" && find . -path ./.git -prune -o -type f -print0 | sort -z | xargs -0 sha1sum)
		git -C "$dir" worktree list --porcelain
	} | sha1sum | cut -c1-12
}

# Refs and worktrees only (what a successful run may add to).
refs_state() {
	git -C "$1" for-each-ref --format='%(refname) %(objectname)'
	git -C "$1" worktree list --porcelain | sed -n 's/^worktree //p'
}

# The project as seen from $T/p: the real scripts and
# kernel-tags, and tiny stand-ins for spatch/backport (a header generator,
# one semantic patch), series/ (three steps: hand patch, semantic patch,
# hand patch) and configs/ (one x86_64 configuration), so that rewind,
# series, apply and build run in a second on fake_user_repo.
fake_project() {
	local p=$T/p
	mkdir -p "$p/spatch/backport" "$p/spatch/forward" "$p/configs/fragments"
	ln -s "$PROJECT_ROOT/scripts" "$p/scripts"
	ln -s "$PROJECT_ROOT/kernel-tags" "$p/kernel-tags"
	ln -s "$PROJECT_ROOT/spatch/leftovers" "$p/spatch/leftovers"
	# check-leftovers's comment lexer (not a step of the fake ORDER).
	ln -s "$PROJECT_ROOT/spatch/backport/removed-api-comments.py" "$p/spatch/backport/"
	printf 'fake-header.py\nfake-blockable.cocci\n' >"$p/spatch/backport/ORDER"
	cat >"$p/spatch/backport/fake-header.py" <<'PY'
#!/usr/bin/env python3
import sys
with open(sys.argv[1] + "/include/linux/mmu_notifier.h", "w") as f:
    f.write("/* fake mmu_notifier.h */\nstruct mmu_notifier_range { unsigned long start; bool blockable; };\n")
PY
	cat >"$p/spatch/backport/fake-blockable.cocci" <<'COCCI'
// Search: mmu_notifier_range_blockable
virtual patch

@depends on patch@
expression R;
@@
- mmu_notifier_range_blockable(R)
+ R->blockable
COCCI
	cat >"$p/spatch/forward/fake-accessor.cocci" <<'COCCI'
// Search: f_reader
virtual patch

@depends on patch@
expression R;
@@
- R->blockable
+ mmu_notifier_range_blockable(R)
COCCI
	mkdir -p "$p/series/01-accessor" "$p/series/02-readers" "$p/series/03-event"
	echo 'Fake Author <fake@example.org>' >"$p/series/AUTHOR"
	printf 'mm: add the accessor\n\nFake.\n' >"$p/series/01-accessor/message"
	cat >"$p/series/01-accessor/hand.patch" <<'PATCH'
--- a/include/linux/mmu_notifier.h
+++ b/include/linux/mmu_notifier.h
@@ -1,2 +1,3 @@
 /* fake mmu_notifier.h */
 struct mmu_notifier_range { unsigned long start; bool blockable; };
+static inline bool mmu_notifier_range_blockable(const struct mmu_notifier_range *r) { return r->blockable; }
PATCH
	printf 'mm: read through the accessor\n\nFake.\n' >"$p/series/02-readers/message"
	echo fake-accessor.cocci >"$p/series/02-readers/cocci"
	printf 'mm: add the event\n\nFake.\n' >"$p/series/03-event/message"
	cat >"$p/series/03-event/hand.patch" <<'PATCH'
--- a/include/linux/mmu_notifier.h
+++ b/include/linux/mmu_notifier.h
@@ -1,3 +1,4 @@
 /* fake mmu_notifier.h */
+enum mmu_notifier_event { MMU_NOTIFY_UNMAP = 0 };
 struct mmu_notifier_range { unsigned long start; bool blockable; };
 static inline bool mmu_notifier_range_blockable(const struct mmu_notifier_range *r) { return r->blockable; }
PATCH
	printf '# arch: x86_64\n# base: defconfig\nCONFIG_FAKE=y\n' >"$p/configs/fake.config"
}

# A make that "builds" what scripts/build asks for: defconfig writes
# O/.config, the image target writes the image.
fake_make() {
	mkdir -p "$T/bin"
	cat >"$T/bin/make" <<'SH'
#!/bin/bash
out=""
for a; do
	case $a in
	O=*) out=${a#O=} ;;
	defconfig) echo 'CONFIG_BASE=y' >"$out/.config" ;;
	bzImage) mkdir -p "$out/arch/x86/boot" && echo image >"$out/arch/x86/boot/bzImage" ;;
	esac
done
SH
	chmod +x "$T/bin/make"
}

# python3 on $T/bin: the interpreter itself, not a version manager's shim
# (pyenv's costs a second a call on a loaded machine).
fast_python() {
	mkdir -p "$T/bin"
	ln -sf "$(python3 -c 'import sys; print(sys.executable)')" "$T/bin/python3"
}

# Fault injection. FAULT_AT=NAME:K:SIGNAL makes the Kth call of NAME (a
# tool wrapped by wrap_tool, or hook-HOOK for a git hook) send SIGNAL to
# its process group, the script's when it runs under setsid (run_faulted).
# Calls are counted in $T/fault/count-NAME.
fault_injector() {
	mkdir -p "$T/fault/hooks" "$T/bin"
	cat >"$T/fault/inject" <<'SH'
#!/bin/bash
name=$1
count=$T_FAULT/count-$1
n=$(($(cat "$count" 2>/dev/null || echo 0) + 1))
echo "$n" >"$count"
if [[ ${FAULT_AT:-} == "$name:$n:"* ]]; then
	read -r -a stat <"/proc/$$/stat"
	kill -s "${FAULT_AT##*:}" -- "-${stat[4]}"
	sleep 2 # the signal ends this process too, or the script ends it
	exit 1
fi
SH
	chmod +x "$T/fault/inject"
	local hook
	for hook in post-checkout pre-commit post-commit pre-applypatch post-applypatch; do
		printf '#!/bin/bash\n"%s" hook-%s\n' "$T/fault/inject" "$hook" >"$T/fault/hooks/$hook"
		chmod +x "$T/fault/hooks/$hook"
	done
}

# wrap_tool NAME: NAME on $T/bin counts its calls (and faults) first.
wrap_tool() {
	local real
	real=$(PATH=${PATH#"$T/bin:"} command -v "$1")
	[[ -f $T/bin/$1 ]] && mv "$T/bin/$1" "$T/bin/$1.real" && real=$T/bin/$1.real
	printf '#!/bin/bash\n"%s" %s || exit 1\nexec "%s" "$@"\n' "$T/fault/inject" "$1" "$real" >"$T/bin/$1"
	chmod +x "$T/bin/$1"
}

# run_faulted CMD...: CMD in a process group of its own, with the fake
# tools first on PATH and the fault hooks as git's hooks; FAULT_AT from
# the environment. Returns CMD's status.
run_faulted() {
	rm -f "$T"/fault/count-*
	env PATH="$T/bin:$PATH" T_FAULT="$T/fault" GIT_CONFIG_COUNT=1 \
		GIT_CONFIG_KEY_0=core.hooksPath GIT_CONFIG_VALUE_0="$T/fault/hooks" \
		setsid -w "$@"
}
