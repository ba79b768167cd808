# shellcheck shell=bash
# scripts/apply on a small repository, and answer-key's allowlist parser.

small_repo() {
	mkdir -p "$T/k"
	printf 'one\ntwo\nthree\n' >"$T/k/file.c"
	git -C "$T/k" init -q
	git -C "$T/k" add -A
	git -C "$T/k" -c user.name=t -c user.email=t@x commit -qm base
	git -C "$T/k" tag base
	mkdir -p "$T/p"
	sed -i 's/two/TWO/' "$T/k/file.c"
	git -C "$T/k" -c user.name=t -c user.email=t@x commit -qam "change two"
	git -C "$T/k" format-patch -q -1 -o "$T/p"
	git -C "$T/k" reset -q --hard base
}

apply_env() {
	env WORK_DIR="$T/w" KERNEL_TREE="$T/k" APPLY_TREE="$T/k" APPLY_ONTO=base \
		APPLY_BRANCH=applied PATCHES_DIR="$T/p" "$S/apply"
}

test_apply_makes_a_branch_with_the_series() {
	small_repo
	expect_ok apply_env
	[[ $(git -C "$T/k" symbolic-ref --short HEAD) == applied ]] || fail "not on the new branch"
	grep -q TWO "$T/k/file.c" || fail "patch not applied"
	expect_fail 'branch applied exists' apply_env
}

test_apply_refuses_a_dirty_tree() {
	small_repo
	echo dirt >>"$T/k/file.c"
	expect_fail 'uncommitted changes' apply_env
}

test_apply_failure_names_patch_and_file_and_restores_the_tree() {
	small_repo
	sed 's/-two/-deux/' "$T/p/0001-change-two.patch" >"$T/p/0002-broken.patch"
	git -C "$T/k" checkout -q -b work base
	expect_fail 'patch 0002-broken.patch does not apply to base: file.c; .* is back on work' apply_env
	[[ $(git -C "$T/k" symbolic-ref --short HEAD) == work ]] || fail "not back on the previous branch"
	git -C "$T/k" rev-parse -q --verify refs/heads/applied >/dev/null && fail "half-made branch left"
	[[ -z $(git -C "$T/k" status --porcelain) && ! -d $T/k/.git/rebase-apply ]] || fail "am left state behind"
}

test_answer_key_allowlist_needs_a_reason() {
	# shellcheck source=scripts/answer-key
	. "$S/answer-key"
	printf -- '- init|a|b\n+ init|a|c\n  reason: because\n' >"$T/ok"
	ALLOWLIST=$T/ok allowed_differences >"$T/out"
	[[ $(cat "$T/out") == $'+ init|a|c\n- init|a|b' ]] || fail "parsed: $(cat "$T/out")"
	printf -- '- init|a|b\n' >"$T/bad"
	if ALLOWLIST=$T/bad allowed_differences >/dev/null 2>&1; then fail "entry without reason accepted"; fi
	printf 'nonsense\n' >"$T/bad"
	if ALLOWLIST=$T/bad allowed_differences >/dev/null 2>&1; then fail "unreadable line accepted"; fi
	true
}

# run_semantic_patch as scripts/series runs a step's rule: the calls the
# rule's "// Reflow:" line names are refilled where it changed them, and
# the sites it lists are shown with the rule's name.
test_semantic_patch_runner_refills_and_lists() {
	local case=$PROJECT_ROOT/spatch/tests/forward/call-site-events
	mkdir -p "$T/k/mm"
	cp "$case/own-shapes.c" "$T/k/mm/shapes.c"
	cp "$case/undecided.c" "$T/k/mm/other.c"
	git -C "$T/k" init -q
	git -C "$T/k" add -A
	expect_ok bash -c ". '$S/lib/spatch.sh'; run_semantic_patch '$T/k' \
		'$PROJECT_ROOT/spatch/forward/call-site-events.cocci' '$T/rule.log'"
	diff -u "$case/own-shapes.res" "$T/k/mm/shapes.c" >&2 || fail "not refilled as the test case says"
	expect_output '^  call-site-events.cocci: mm/other.c:12: remap_through_helper\(\): MMU_NOTIFY_UNMAP, listed: no rule decides'
	[[ $(grep -c 'listed: ' "$T/out") == 1 ]] || fail "other sites listed"
	grep -q '^decided: mm/shapes.c:[0-9]*: odd_layout(): MMU_NOTIFY_CLEAR by split_huge$' "$T/rule.log.out" ||
		fail "decision not recorded"
}

# A rule's facts are per file: a uffd-wp walk callback in one file must not
# make another file's page walk a protection change (spatch treats files
# named together as one unit; the runner gives it one file at a time).
test_semantic_patch_runner_keeps_rules_per_file() {
	mkdir -p "$T/k/mm"
	cat >"$T/k/mm/uffd.c" <<'C'
static int wp_pte(pte_t *pte, unsigned long addr, struct mm_walk *walk)
{
	set_pte_at(walk->mm, addr, pte, pte_mkuffd_wp(*pte));
	return 0;
}
C
	cat >"$T/k/mm/free.c" <<'C'
static int free_vma(struct vm_area_struct *vma, struct mm_struct *mm,
		    unsigned long start, unsigned long end)
{
	struct mmu_notifier_range range;
	struct mmu_gather tlb;

	mmu_notifier_range_init(&range, MMU_NOTIFY_UNMAP, 0, vma, mm, start, end);
	tlb_gather_mmu(&tlb, mm);
	mmu_notifier_invalidate_range_start(&range);
	walk_page_range(mm, start, end, &free_walk_ops, &tlb);
	mmu_notifier_invalidate_range_end(&range);
	return 0;
}
C
	git -C "$T/k" init -q
	git -C "$T/k" add -A
	expect_ok bash -c ". '$S/lib/spatch.sh'; run_semantic_patch '$T/k' \
		'$PROJECT_ROOT/spatch/forward/call-site-events.cocci' '$T/rule.log'"
	grep -q 'MMU_NOTIFY_CLEAR, 0, vma, mm' "$T/k/mm/free.c" || { cat "$T/k/mm/free.c" >&2; fail "not CLEAR"; }
	grep -q '^decided: mm/free.c:[0-9]*: free_vma(): MMU_NOTIFY_CLEAR by own_gather$' "$T/rule.log.out" ||
		{ cat "$T/rule.log.out" >&2; fail "decided by another file's callback"; }
}
