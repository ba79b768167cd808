# shellcheck shell=bash
# scripts/rewind, check-leftovers, forward and version-gate on small fake
# trees: the refusals, and module trees from spatch/tests/module/ (every
# use converted to its .res or named in expected.report, exit status).

# shellcheck source=tests/fakes.sh
. "$PROJECT_ROOT/tests/fakes.sh"

test_rewind_refuses_pre_contextual_tree() {
	fake_tree 'struct mmu_notifier_range { bool blockable; };'
	expect_fail 'already has the pre-contextual mmu_notifier API' env WORK_DIR="$T/w" REWIND_TREE="$T/k" "$S/rewind"
}

test_rewind_refuses_dirty_tree() {
	fake_tree 'enum mmu_notifier_event { MMU_NOTIFY_UNMAP = 0 };'
	echo 'int y;' >>"$T/k/mm/a.c"
	expect_fail 'uncommitted changes' env WORK_DIR="$T/w" REWIND_TREE="$T/k" "$S/rewind"
}

test_rewind_names_the_step_file_and_construct_it_cannot_handle() {
	fake_tree 'enum mmu_notifier_event { MMU_NOTIFY_UNMAP = 0 };'
	expect_fail 'rewind: mmu_notifier-header.py failed' env WORK_DIR="$T/w" REWIND_TREE="$T/k" "$S/rewind"
	expect_output "include/linux/mmu_notifier.h: no '#define MMU_NOTIFIER_RANGE_BLOCKABLE'"
	[[ -z $(git -C "$T/k" status --porcelain) ]] || fail "the failed rewind left changes behind"
}

test_check_leftovers_finds_uses_and_ignores_lookalikes() {
	fake_tree 'struct mmu_notifier_range { bool blockable; };'
	printf '#define _HFI1_EVENT_TID_MMU_NOTIFY_BIT 5\n' >"$T/k/mm/b.c"
	mkdir -p "$T/k/Documentation" && echo 'MMU_NOTIFY_UNMAP' >"$T/k/Documentation/x.rst"
	git -C "$T/k" add -A
	expect_ok env WORK_DIR="$T/w" "$S/check-leftovers" --worktree "$T/k"
	printf 'int e = MMU_NOTIFY_CLEAR;\n' >>"$T/k/mm/a.c"
	expect_fail '1 uses of the contextual API' env WORK_DIR="$T/w" "$S/check-leftovers" --worktree "$T/k"
	expect_output 'mm/a.c:2:8-24: MMU_NOTIFY_CLEAR: not in the pre-v5.2 API'
	# A kernel tree must not even name the removed API in a comment.
	printf 'int e;\n/* MMU_NOTIFY_CLEAR */\n' >"$T/k/mm/a.c"
	expect_fail '1 uses of the contextual API' env WORK_DIR="$T/w" "$S/check-leftovers" --worktree "$T/k"
	expect_output 'mm/a.c:2:/\* MMU_NOTIFY_CLEAR \*/'
}

test_check_leftovers_module_tree_counts_code_not_comments() {
	mkdir -p "$T/m"
	printf '/* MMU_NOTIFY_CLEAR and range->event are gone */\nint e;\n' >"$T/m/a.c"
	git -C "$T/m" init -q && git -C "$T/m" add -A
	expect_ok env WORK_DIR="$T/w" "$S/check-leftovers" --worktree "$T/m"
	expect_output 'no use left'
}

test_rewind_backports_out_of_tree_module_sources() {
	mkdir -p "$T/mod"
	cat >"$T/mod/drv.c" <<'C'
static int drv_start(struct mmu_notifier *mn,
		     const struct mmu_notifier_range *range)
{
	if (!mmu_notifier_range_blockable(range))
		return -EAGAIN;
	return 0;
}

static void drv_fault(struct vm_area_struct *vma, void *me)
{
	struct mmu_notifier_range range;

	mmu_notifier_range_init_owner(&range, MMU_NOTIFY_EXCLUSIVE, 0, vma,
				      vma->vm_mm, vma->vm_start, vma->vm_end, me);
}
C
	git -C "$T/mod" init -q
	git -C "$T/mod" add -A
	git -C "$T/mod" -c user.name=t -c user.email=t@x commit -qm mod
	expect_ok env WORK_DIR="$T/w" REWIND_TREE="$T/mod" "$S/rewind"
	grep -q 'if (!range->blockable)' "$T/mod/drv.c" || fail "accessor not rewound"
	[[ $(tr -s ' \t\n' ' ' <"$T/mod/drv.c") == *'mmu_notifier_range_init(&range, vma->vm_mm, vma->vm_start, vma->vm_end);'* ]] ||
		{ cat "$T/mod/drv.c" >&2; fail "init_owner not rewound"; }
	grep -q 'mmu_notifier-header.py' "$T/out" && fail "kernel-only step run on module sources"
	true
}

# A git tree in $T/$1 holding the files given after it.
module_tree() {
	local dir=$T/$1
	shift
	mkdir -p "$dir"
	cp "$@" "$dir/"
	git -C "$dir" init -q
	git -C "$dir" add -A
	git -C "$dir" -c user.name=t -c user.email=t@x commit -qm mod
}

# Each file of TREE is its .res in CASES; the listed sites are the
# expected ones.
expect_converted() {
	local tree=$1 cases=$2 f
	for f in "$tree"/*.c; do
		diff -u "$cases/$(basename "${f%.c}").res" "$f" >&2 || fail "$(basename "$f") differs from its .res"
	done
}

MODULE_CASES=$PROJECT_ROOT/spatch/tests/module

test_rewind_module_tree_converts_or_names_every_use() {
	module_tree mod "$MODULE_CASES"/backport/*.c
	expect_fail 'check-leftovers: 4 uses of the contextual API left in' \
		env WORK_DIR="$T/w" REWIND_TREE="$T/mod" "$S/rewind"
	diff -u "$MODULE_CASES/backport/expected.report" <(grep -E '^[a-z-]+\.c:[0-9]+:' "$T/out") >&2 ||
		fail "the sites left are not the expected ones"
	expect_converted "$T/mod" "$MODULE_CASES/backport"
	[[ -z $(git -C "$T/mod" diff) ]] || fail "changes left unstaged (version-gated lines not restored?)"
}

test_rewind_module_tree_all_convertible_exits_0() {
	local f files=()
	for f in "$MODULE_CASES"/backport/*.c; do
		[[ $f == */leftover.c ]] || files+=("$f")
	done
	module_tree mod "${files[@]}"
	expect_ok env WORK_DIR="$T/w" REWIND_TREE="$T/mod" "$S/rewind"
	expect_output 'no use left of the contextual API in'
	expect_output 'done in place'
	expect_converted "$T/mod" "$MODULE_CASES/backport"
}

test_forward_module_tree_converts_or_names_every_use() {
	module_tree mod "$MODULE_CASES"/forward/*.c
	expect_fail 'forward: 1 sites left for spatch/check/' env WORK_DIR="$T/w" "$S/forward" "$T/mod"
	diff -u "$MODULE_CASES/forward/expected.report" <(grep -E '^[a-z-]+\.c:[0-9]+:' "$T/out") >&2 ||
		fail "the sites left are not the expected ones"
	expect_converted "$T/mod" "$MODULE_CASES/forward"
}

test_forward_module_tree_all_convertible_exits_0() {
	module_tree mod "$MODULE_CASES/forward/driver.c"
	expect_ok env WORK_DIR="$T/w" "$S/forward" "$T/mod"
	expect_output 'no use left of the pre-v5.2 API'
	expect_converted "$T/mod" "$MODULE_CASES/forward"
}

test_forward_refuses_kernel_and_dirty_trees() {
	fake_tree 'struct mmu_notifier_range { bool blockable; };'
	expect_fail 'is a kernel tree' env WORK_DIR="$T/w" "$S/forward" "$T/k"
	module_tree mod "$MODULE_CASES/forward/driver.c"
	echo '/* x */' >>"$T/mod/driver.c"
	expect_fail 'uncommitted changes' env WORK_DIR="$T/w" "$S/forward" "$T/mod"
}

test_version_gate_masks_and_restores() {
	cp "$MODULE_CASES/backport/multi-kernel.c" "$T/a.c"
	cp "$T/a.c" "$T/orig.c"
	(cd "$T" && "$S/version-gate" mask --for backport --state s.json a.c)
	grep -q 'mmu_notifier_range_blockable\|MMU_NOTIFY_EXCLUSIVE' "$T/a.c" && fail "new-API branches not hidden"
	grep -q 'range->blockable' "$T/a.c" || fail "old-API branch hidden"
	grep -q 'MMU_NOTIFY_RELEASE' "$T/a.c" || fail "ungated code hidden"
	[[ $(wc -l <"$T/a.c") == $(wc -l <"$T/orig.c") ]] || fail "line count changed"
	(cd "$T" && "$S/version-gate" unmask --for backport --state s.json)
	cmp "$T/a.c" "$T/orig.c" || fail "not restored"
	(cd "$T" && "$S/version-gate" mask --for forward --state s.json a.c)
	grep -q 'range->blockable' "$T/a.c" && fail "old-API branch not hidden for forward"
	grep -q 'mmu_notifier_range_blockable' "$T/a.c" || fail "new-API branch hidden for forward"
	true
}
