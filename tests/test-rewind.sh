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
	# By name, in a kernel tree: a string is code, whatever it holds.
	printf 'char *s = "/* MMU_NOTIFY_CLEAR */";\n' >"$T/k/mm/a.c"
	expect_fail '1 uses of the contextual API' env WORK_DIR="$T/w" "$S/check-leftovers" --worktree "$T/k"
	expect_output 'mm/a.c:1:char \*s'
}

# A comment is no use of the API: listed apart, in each form, and the
# check passes; by name in a commit (REF) as in a worktree.
test_check_leftovers_lists_comments_apart_from_uses() {
	fake_tree 'struct mmu_notifier_range { bool blockable; };'
	cat >"$T/k/mm/a.c" <<'C'
/*
 * Once MMU_NOTIFY_CLEAR meant something.
 */
int e; // mmu_notifier_range_blockable() is gone
char c = '"'; /* MMU_NOTIFY_PROTECTION_VMA " */
C
	git -C "$T/k" add -A
	git_t -C "$T/k" commit -qm comments
	printf '%s\n' 'mm/a.c:2: comment names MMU_NOTIFY_CLEAR' \
		'mm/a.c:4: comment names mmu_notifier_range_blockable' \
		'mm/a.c:5: comment names MMU_NOTIFY_PROTECTION_VMA' >"$T/expected"
	expect_ok env WORK_DIR="$T/w" "$S/check-leftovers" --worktree "$T/k"
	expect_output 'check-leftovers: 3 comments name removed identifiers'
	expect_output 'no use left'
	diff -u "$T/expected" <(grep ': comment names ' "$T/out") >&2 || fail "worktree: other comments listed"
	expect_ok env WORK_DIR="$T/w" KERNEL_TREE="$T/k" "$S/check-leftovers" HEAD
	diff -u "$T/expected" <(grep ': comment names ' "$T/out") >&2 || fail "REF: other comments listed"
	expect_ok env WORK_DIR="$T/w" "$S/check-leftovers" --comments "$T/listed" --worktree "$T/k"
	diff -u "$T/expected" "$T/listed" >&2 || fail "--comments: another listing"
	grep -q ': comment names ' "$T/out" && fail "--comments: the listing was printed too"
	true
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

# The rewind's output ends with the comments it left, as EXPECTED lists
# them: nothing but its closing messages come after the block.
expect_comments_listed() {
	local expected=$1
	sed '1,/comments name removed identifiers; no rule rewrites them/d' "$T/out" |
		grep -vE '^(==> rewind: done|error: rewind: uses of)' >"$T/block"
	diff -u "$expected" "$T/block" >&2 || fail "the comments listed at the end are not the expected ones"
}

test_rewind_module_tree_converts_or_names_every_use() {
	module_tree mod "$MODULE_CASES"/backport/*.c
	expect_fail 'check-leftovers: 4 uses of the contextual API left in' \
		env WORK_DIR="$T/w" REWIND_TREE="$T/mod" "$S/rewind"
	diff -u "$MODULE_CASES/backport/expected.report" \
		<(grep -E '^[a-z-]+\.c:[0-9]+:' "$T/out" | grep -v ': comment names ') >&2 ||
		fail "the sites left are not the expected ones"
	expect_comments_listed "$MODULE_CASES/backport/expected.comments"
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
	expect_comments_listed "$MODULE_CASES/backport/expected.comments"
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

# rewind_fake_kernel NAME LINE...: the fake project's rewind (its tiny
# steps plus the real comment step) on a fake kernel repository $T/NAME
# whose mm/b.c holds the LINEs; its output is in $T/out, its base tag's
# name in $T/NAME.tag.
rewind_fake_kernel() {
	local name=$1 penv=(env PATH="$T/bin:$PATH" WORK_DIR="$T/w-$1" KERNEL_SRC="$T/$1" JOBS=1)
	shift
	fake_user_repo "$T/$name"
	printf '%s\n' "$@" >"$T/$name/mm/b.c"
	git_t -C "$T/$name" add -A && git_t -C "$T/$name" commit -qm comments
	expect_ok "${penv[@]}" "$T/p/scripts/get-kernel"
	expect_ok "${penv[@]}" "$T/p/scripts/rewind"
	git -C "$T/$name" tag -l 'base/*' >"$T/$name.tag"
}

# A kernel tree with one comment the rules rewrite and one they do not
# know: the rewind completes, rewrites the first, and lists the second at
# the end of its output and in the commit's message; a tree without such a
# comment gets the message without the block.
test_rewind_kernel_tree_lists_unknown_comments_and_completes() {
	fast_python
	fake_project
	printf 'fake-header.py\nremoved-api-comments.py\nfake-blockable.cocci\n' >"$T/p/spatch/backport/ORDER"
	local known=('/*' ' * When the event is MMU_NOTIFY_UNMAP, the entries are dropped as well.' ' */')
	local unknown='int drop; // the ranges go to the collector upon a MMU_NOTIFY_UNMAP event'
	rewind_fake_kernel user "${known[@]}" "$unknown"
	printf 'mm/b.c:4: comment names MMU_NOTIFY_UNMAP\n' >"$T/expected"
	sed '1,/comments name removed identifiers; no rule rewrites them/d' "$T/out" | grep -v '^==> rewind: base/' >"$T/block"
	diff -u "$T/expected" "$T/block" >&2 || fail "the unknown comment is not listed at the end"
	[[ $(git -C "$T/user" show "$(cat "$T/user.tag"):mm/b.c") == $'/*\n * The entries are dropped as well.\n */\n'"$unknown" ]] ||
		fail "the known comment was not rewritten"
	grep -qx '  mm/b.c:4: comment names MMU_NOTIFY_UNMAP' <<<"$(git -C "$T/user" log -1 --format=%B "$(cat "$T/user.tag")")" ||
		fail "the commit message does not list the comment"
	rewind_fake_kernel plain "${known[@]}" 'int drop;'
	grep -q 'comment names' "$T/out" && fail "a block without comments"
	[[ $(git -C "$T/plain" log -1 --format=%B "$(cat "$T/plain.tag")" | grep . | tail -n 2) == $'  removed-api-comments.py\n  fake-blockable.cocci' ]] ||
		fail "the message of a run with nothing listed is not the plain one"
}

# A tree checked once (by rewind, or by a REF check that passed) is not
# searched again with the same tools; another tree is.
test_check_leftovers_trusts_a_recorded_check_of_the_same_tree_only() {
	fake_tree 'struct mmu_notifier_range { bool blockable; };'
	expect_ok env WORK_DIR="$T/w" KERNEL_TREE="$T/k" "$S/check-leftovers" --record HEAD
	expect_ok env WORK_DIR="$T/w" KERNEL_TREE="$T/k" "$S/check-leftovers" HEAD
	expect_output 'not searched again'
	printf 'int e = MMU_NOTIFY_CLEAR;\n' >>"$T/k/mm/a.c"
	git_t -C "$T/k" commit -qam leftover
	expect_fail '1 uses of the contextual API' env WORK_DIR="$T/w" KERNEL_TREE="$T/k" "$S/check-leftovers" HEAD
	# The same tree again, after a passing search: noted, not searched.
	git_t -C "$T/k" revert --no-edit HEAD >/dev/null
	expect_ok env WORK_DIR="$T/w" KERNEL_TREE="$T/k" "$S/check-leftovers" HEAD
	expect_output 'not searched again'
	rm "$T/w/leftovers-checked"
	expect_ok env WORK_DIR="$T/w" KERNEL_TREE="$T/k" "$S/check-leftovers" HEAD
	expect_output 'no use left of the contextual API in HEAD'
}
