# shellcheck shell=bash
# The scripts under faults (issue 13): bad input, broken downloads, a full
# disk, a patch or semantic patch that does not apply, and interrupts (INT,
# TERM) at several points of get-kernel, rewind, series, apply and build.
# Every refusal is one 'error:' line that names the cause, with the user's
# tree as it was (tree_state before and after); every interrupt ends the
# script with 130 or 143 and nothing half-made, and a re-run then succeeds
# with exactly the refs and worktrees of an uninterrupted run. Each case
# adds a row to the fault matrix that tests/run prints (FAULT_MATRIX).
# shellcheck source=tests/fakes.sh
. "$PROJECT_ROOT/tests/fakes.sh"

P=$T/p
W=$T/w

matrix_row() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"${FAULT_MATRIX:-/dev/null}"; }

# expect_refusal CASE TEXT STATE CMD...: CMD fails and its output ends with
# one 'error:' line that says TEXT (grep -E); the output of the command
# STATE (a string, word-split) is the same before and after.
expect_refusal() {
	local name=$1 text=$2 state=$3 before seen
	shift 3
	before=$($state)
	expect_fail "$text" "$@"
	seen=$(tail -n1 "$T/out")
	[[ $seen == 'error: '* ]] || fail "$name: the last line is no 'error:' line: $seen"
	grep -qE -- "$text" <<<"$seen" || fail "$name: the error line lacks '$text': $seen"
	[[ $($state) == "$before" ]] || fail "$name: ${state#* } changed"
	matrix_row "$name" "error: /$text/; unchanged" "${seen//$T/\$T}; unchanged"
}

# The fake project's scripts on the user's repository, with a worktree
# under WORK_DIR: "${PENV[@]}" "$P/scripts/NAME".
PENV=(env PATH="$T/bin:$PATH" WORK_DIR="$W" KERNEL_SRC="$T/user" JOBS=1)

user_with_worktree() {
	fast_python
	fake_project
	fake_user_repo "$T/user"
	expect_ok "${PENV[@]}" "$P/scripts/get-kernel"
}

# What a tarball import leaves: the tarball, and any kernel tree or
# half-made import under WORK_DIR.
import_state() {
	sum_of "$1"
	find "$W" -maxdepth 1 -name 'linux*' 2>/dev/null || true
}

test_fault_kernel_src_refusals() {
	fake_user_repo "$T/user"
	echo '# local change' >>"$T/user/Makefile"
	expect_refusal "get-kernel: dirty KERNEL_SRC" 'KERNEL_SRC=.* has uncommitted changes' \
		"tree_state $T/user" env WORK_DIR="$W" KERNEL_SRC="$T/user" "$S/get-kernel"
	git -C "$T/user" checkout -q Makefile
	echo new >"$T/user/untracked"
	expect_refusal "get-kernel: KERNEL_SRC with an untracked file" 'KERNEL_SRC=.* has uncommitted changes' \
		"tree_state $T/user" env WORK_DIR="$W" KERNEL_SRC="$T/user" "$S/get-kernel"
	rm "$T/user/untracked"
	expect_refusal "get-kernel: KERNEL_REF no such name" 'KERNEL_REF=nope is not a commit in' \
		"tree_state $T/user" env WORK_DIR="$W" KERNEL_SRC="$T/user" KERNEL_REF=nope "$S/get-kernel"
	expect_refusal "get-kernel: KERNEL_REF a tree, not a commit" 'KERNEL_REF=HEAD\^\{tree\} is not a commit in' \
		"tree_state $T/user" env WORK_DIR="$W" KERNEL_SRC="$T/user" KERNEL_REF='HEAD^{tree}' "$S/get-kernel"
	mkdir -p "$T/notkernel" && echo hi >"$T/notkernel/README"
	git -C "$T/notkernel" init -q && git -C "$T/notkernel" add -A && git_t -C "$T/notkernel" commit -qm x
	expect_refusal "get-kernel: KERNEL_SRC not a kernel" 'KERNEL_SRC=.* is not a Linux kernel tree' \
		"tree_state $T/notkernel" env WORK_DIR="$W" KERNEL_SRC="$T/notkernel" "$S/get-kernel"
	rm -rf "$T/notkernel/.git"
	expect_refusal "get-kernel: KERNEL_SRC not a git checkout" 'KERNEL_SRC=.* is not a git checkout' \
		"sum_of $T/notkernel/README" env WORK_DIR="$W" KERNEL_SRC="$T/notkernel" "$S/get-kernel"
	[[ ! -e $W/worktree ]] || fail "a worktree was left behind"
}

test_fault_tree_already_converted() {
	fast_python
	fake_project
	fake_user_repo "$T/user" '/* fake */
struct mmu_notifier_range { unsigned long start; bool blockable; };'
	expect_ok "${PENV[@]}" "$P/scripts/get-kernel"
	expect_refusal "rewind: tree already converted" 'rewind: .* already has the pre-contextual mmu_notifier API' \
		"tree_state $T/user" "${PENV[@]}" "$P/scripts/rewind"
	[[ ! -e $W/rewind-worktree ]] || fail "the rewind worktree was left behind"
}

test_fault_broken_tarballs() {
	fake_tarball
	head -c 8192 /dev/urandom >"$T/corrupt.tar.xz"
	expect_refusal "get-kernel: corrupt tarball" 'unpacking .* failed: .*(xz|tar)' \
		"import_state $T/corrupt.tar.xz" env WORK_DIR="$W" KERNEL_TARBALL="$T/corrupt.tar.xz" \
		KERNEL_SHA256="$(sum_of "$T/corrupt.tar.xz")" "$S/get-kernel"
	head -c "$(($(stat -c %s "$T/fake.tar.xz") / 2))" "$T/fake.tar.xz" >"$T/truncated.tar.xz"
	expect_refusal "get-kernel: truncated tarball" 'unpacking .* failed: .*(Unexpected end of input|xz)' \
		"import_state $T/truncated.tar.xz" env WORK_DIR="$W" KERNEL_TARBALL="$T/truncated.tar.xz" \
		KERNEL_SHA256="$(sum_of "$T/truncated.tar.xz")" "$S/get-kernel"
	expect_refusal "get-kernel: checksum mismatch" 'checksum mismatch for .*fake.tar.xz: got [0-9a-f]{64}, expected' \
		"import_state $T/fake.tar.xz" env WORK_DIR="$W" KERNEL_TARBALL="$T/fake.tar.xz" "$S/get-kernel"
}

test_fault_missing_tool() {
	user_with_worktree
	# Every tool of the machine but spatch.
	mkdir "$T/nospatch"
	cp -s /usr/bin/* "$T/nospatch/" 2>/dev/null || true
	rm -f "$T/nospatch/spatch"
	local path
	path=$T/nospatch:$(dirname "$(command -v python3)")
	PATH=$path command -v spatch >/dev/null && skip "spatch is also installed outside /usr/bin"
	expect_refusal "rewind: spatch missing" "'spatch' is not installed; run 'make deps'" \
		"tree_state $T/user" "${PENV[@]}" PATH="$path" "$P/scripts/rewind"
}

test_fault_full_disk() {
	mkdir -p "$W"
	local err
	err=$(mount -t tmpfs -o size=2M fault-disk "$W" 2>&1) || skip "cannot mount a 2M tmpfs on WORK_DIR: $err"
	trap 'umount "$W"' EXIT
	mkdir -p "$T/src/linux-6.1.176"
	fake_kernel_tree "$T/src/linux-6.1.176"
	head -c 3M /dev/zero >"$T/src/linux-6.1.176/big"
	tar -C "$T/src" -cJf "$T/big.tar.xz" linux-6.1.176
	expect_refusal "get-kernel: full disk under WORK_DIR" 'unpacking .* failed: .*No space left on device' \
		"import_state $T/big.tar.xz" env WORK_DIR="$W" KERNEL_TARBALL="$T/big.tar.xz" \
		KERNEL_SHA256="$(sum_of "$T/big.tar.xz")" "$S/get-kernel"
	[[ $(du -s "$W" | cut -f1) -lt 64 ]] || fail "the half-made import was left on the full disk: $(du -sh "$W")"
}

# Refs, worktrees and patches/ as a successful series run left them.
series_state() {
	refs_state "$T/user"
	(cd "$P/patches" && sha1sum -- *)
	find "$P" -maxdepth 1 -name 'patches*'
}

# interrupt_points CASE STATE AFTER RESET CMD...: for each point of
# POINTS (NAME:K:SIGNAL), after RESET (a command that takes back what CMD
# made), CMD interrupted there ends with 128+signal and the output of
# STATE unchanged; the re-run succeeds and AFTER prints what it printed
# after an uninterrupted run (refs, worktrees, output: nothing stray).
# What the last re-run made is kept.
interrupt_points() {
	local name=$1 state=$2 after=$3 reset=$4 point rc before want sig code
	shift 4
	expect_ok run_faulted "$@"
	want=$($after)
	for point in "${POINTS[@]}"; do
		$reset
		before=$($state)
		rc=0
		FAULT_AT=$point run_faulted "$@" >"$T/out" 2>&1 || rc=$?
		(($(cat "$T/fault/count-${point%%:*}" 2>/dev/null || echo 0) >= $(cut -d: -f2 <<<"$point"))) ||
			{ cat "$T/out" >&2; fail "$name: $point never reached"; }
		sig=${point##*:} code=130
		[[ $sig == TERM ]] && code=143
		((rc == code)) || { cat "$T/out" >&2; fail "$name at $point: exit $rc, not $code"; }
		[[ $($state) == "$before" ]] || fail "$name at $point: left something behind (${state})"
		expect_ok run_faulted "$@"
		[[ $($after) == "$want" ]] || fail "$name at $point: the re-run left other refs, worktrees or output"
		matrix_row "$name: SIG$sig at ${point%:*}" "exit $code, nothing left; re-run ok, as uninterrupted" \
			"exit $rc, nothing left; re-run ok, as uninterrupted"
	done
}

drop_worktree() { git -C "$T/user" worktree remove --force "$W/worktree" 2>/dev/null || true; }

test_fault_interrupted_get_kernel() {
	fault_injector
	user_with_worktree
	local POINTS=(hook-post-checkout:1:INT hook-post-checkout:1:TERM)
	interrupt_points "get-kernel (KERNEL_SRC)" "tree_state $T/user" "refs_state $T/user" \
		drop_worktree "${PENV[@]}" "$P/scripts/get-kernel"
	fake_tarball
	POINTS=(hook-pre-commit:1:INT hook-post-commit:1:TERM)
	interrupt_points "get-kernel (tarball)" "import_state $T/fake.tar.xz" "import_state $T/fake.tar.xz" \
		"rm -rf $W/linux" env WORK_DIR="$W" KERNEL_TARBALL="$T/fake.tar.xz" \
		KERNEL_SHA256="$(sum_of "$T/fake.tar.xz")" "$S/get-kernel"
}

drop_base() {
	local tag
	tag=$(git -C "$T/user" tag -l 'base/*')
	[[ -n $tag ]] || return 0
	git -C "$T/user" tag -d "$tag" >/dev/null
	git -C "$T/user" branch -q -D "$(git -C "$T/user" for-each-ref --format='%(refname:short)' 'refs/heads/rewind/*')"
}

drop_applied() {
	local branch
	branch=$(git -C "$T/user" for-each-ref --format='%(refname:short)' 'refs/heads/applied/*')
	[[ -n $branch ]] || return 0
	git -C "$W/worktree" checkout -q --detach "$(git -C "$T/user" rev-parse HEAD)"
	git -C "$T/user" branch -q -D "$branch"
}

# A patch (apply) and a hand patch or semantic patch (series) that do
# not apply: on the base and patches/ of a successful series run.
patches_that_do_not_apply() {
	# apply: a patch whose context the base does not have.
	cp -r "$P/patches" "$T/bad"
	sed -i 's|^ /\* fake mmu_notifier.h \*/| /* another header */|' "$T/bad/0003-"*.patch
	expect_refusal "apply: patch does not apply" \
		'apply: patch 0003-mm-add-the-event.patch does not apply to base/.*-pre: include/linux/mmu_notifier.h; .* is back on' \
		"tree_state $W/worktree" "${PENV[@]}" PATCHES_DIR="$T/bad" "$P/scripts/apply"
	# series: a hand patch that does not apply; patches/ and the branch stay.
	cp "$P/series/03-event/hand.patch" "$T/hand.patch"
	sed -i 's|^ /\* fake mmu_notifier.h \*/| /* another header */|' "$P/series/03-event/hand.patch"
	expect_refusal "series: hand patch does not apply" \
		'series: 03-event/hand.patch does not apply: patch failed: include/linux/mmu_notifier.h' \
		series_state "${PENV[@]}" "$P/scripts/series"
	cp "$T/hand.patch" "$P/series/03-event/hand.patch"
	# series: a semantic patch spatch rejects (a rule cut short).
	cp "$P/spatch/forward/fake-accessor.cocci" "$T/accessor.cocci"
	sed -i '/^+ mmu_notifier_range_blockable/d; s/^- R->blockable/- R->blockable(/' "$P/spatch/forward/fake-accessor.cocci"
	expect_refusal "series: spatch rejects a semantic patch" \
		'spatch failed on fake-accessor.cocci: .*parse error.*fake-accessor.cocci", line [0-9]+.* \(1 files: mm/a.c' \
		series_state "${PENV[@]}" "$P/scripts/series"
	cp "$T/accessor.cocci" "$P/spatch/forward/fake-accessor.cocci"
}

# rewind, series and apply on one fake project (a base, then a series on
# it, then the series applied): interrupted at several points each, and the
# patches that do not apply.
test_fault_rewind_series_apply() {
	fault_injector
	wrap_tool spatch
	user_with_worktree
	local POINTS=(hook-post-checkout:1:INT spatch:1:TERM spatch:2:INT hook-post-commit:1:TERM)
	interrupt_points rewind "tree_state $T/user" "refs_state $T/user" drop_base "${PENV[@]}" "$P/scripts/rewind"
	# series: the branch and patches/ of the first run stay as they are
	# until a run completes.
	POINTS=(hook-post-checkout:1:INT spatch:1:TERM hook-pre-commit:2:INT hook-post-commit:3:TERM)
	interrupt_points series series_state series_state true "${PENV[@]}" "$P/scripts/series"
	patches_that_do_not_apply
	POINTS=(hook-post-checkout:1:INT hook-pre-applypatch:2:TERM hook-post-applypatch:3:INT)
	interrupt_points apply "tree_state $W/worktree" "refs_state $T/user" drop_applied "${PENV[@]}" "$P/scripts/apply"
}

# An interrupted build leaves no stamp (nothing claims a build).
build_interrupted_state() {
	tree_state "$T/user"
	ls "$W/out/fake/series/mmnr-built" 2>/dev/null || true
}

drop_stamp() { rm -f "$W/out/fake/series/mmnr-built"; }

built_state() {
	cat "$W/out/fake/series/mmnr-built"
	cat "$W/out/fake/series/.config"
}

test_fault_interrupted_build() {
	fault_injector
	fake_make
	wrap_tool make
	user_with_worktree
	local POINTS=(make:1:INT make:2:TERM make:3:INT make:3:TERM)
	interrupt_points build build_interrupted_state built_state drop_stamp "${PENV[@]}" "$P/scripts/build" fake
}

# A step's files/ directory: its C files go into the commit whole, as new
# files of the tree, the same on every run.
test_series_copies_a_steps_files_into_its_commit() {
	user_with_worktree
	expect_ok "${PENV[@]}" "$P/scripts/rewind"
	mkdir -p "$P/series/03-event/files/lib"
	printf '// SPDX-License-Identifier: GPL-2.0\nint test_fake;\n' >"$P/series/03-event/files/lib/test_fake.c"
	expect_ok "${PENV[@]}" "$P/scripts/series"
	local patch
	patch=$(ls "$P"/patches/0003-*.patch)
	grep -qx '+++ b/lib/test_fake.c' "$patch" || fail "patch 3 lacks lib/test_fake.c"
	grep -qx '+int test_fake;' "$patch" || fail "patch 3 lacks the file's content"
	grep -q 'test_fake' "$P"/patches/0001-*.patch "$P"/patches/0002-*.patch && fail "an earlier patch has the file"
	sha1sum "$P"/patches/*.patch >"$T/first"
	expect_ok "${PENV[@]}" "$P/scripts/series"
	sha1sum "$P"/patches/*.patch | diff "$T/first" - >&2 || fail "a second run wrote other patches"
}
