# shellcheck shell=bash
# scripts/rewind and check-leftovers on small fake trees: the refusals.

fake_tree() {
	mkdir -p "$T/k/include/linux" "$T/k/mm"
	printf '%s\n' "$1" >"$T/k/include/linux/mmu_notifier.h"
	printf 'int x;\n' >"$T/k/mm/a.c"
	git -C "$T/k" init -q
	git -C "$T/k" add -A
	git -C "$T/k" -c user.name=t -c user.email=t@x commit -qm base
}

test_rewind_refuses_pre_contextual_tree() {
	fake_tree 'struct mmu_notifier_range { bool blockable; };'
	expect_fail 'already has the pre-contextual mmu_notifier API' env WORK_DIR="$T/w" REWIND_TREE="$T/k" "$S/rewind"
}

test_rewind_refuses_dirty_tree() {
	fake_tree 'enum mmu_notifier_event { MMU_NOTIFY_UNMAP = 0 };'
	echo 'int y;' >>"$T/k/mm/a.c"
	expect_fail 'uncommitted changes' env WORK_DIR="$T/w" REWIND_TREE="$T/k" "$S/rewind"
}

test_rewind_names_the_patch_and_file_that_do_not_apply() {
	fake_tree 'enum mmu_notifier_event { MMU_NOTIFY_UNMAP = 0 };'
	expect_fail 'mmu_notifier-header.patch does not apply: patch failed: include/linux/mmu_notifier.h' \
		env WORK_DIR="$T/w" REWIND_TREE="$T/k" "$S/rewind"
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
	expect_output 'mm/a.c:2:int e = MMU_NOTIFY_CLEAR;'
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
	grep -q 'mmu_notifier-header.patch' "$T/out" && fail "kernel-only patch run on module sources"
	true
}
