# shellcheck shell=bash
# spatch/check/ under the kernel's own `make coccicheck`: a small tree made
# of the kernel's top Makefile and scripts/ (git archive of the kernel tree
# of the work directory, about 4 MB) and the checks' test inputs; each rule
# runs unchanged in MODE=report, context and org, with its "// Options:".
# Needs a kernel tree (make kernel); without one there is nothing to take
# the kernel's coccicheck from: the test is skipped, with the reason, and
# the pipeline's coccicheck stage runs it once the tree is there.

COCCI_KERNEL=${COCCICHECK_KERNEL:-$PROJECT_ROOT/build/linux}

small_tree() {
	git -C "$COCCI_KERNEL" archive HEAD Makefile scripts arch/x86/Makefile arch/x86/Makefile_32.cpu \
		include/linux/compiler-version.h include/linux/kconfig.h | tar -x -C "$1"
	cp -r "$PROJECT_ROOT/spatch/tests/check" "$1/t"
	find "$1/t" -type f ! -name '*.c' -delete
}

have_kernel() {
	[[ -f $COCCI_KERNEL/scripts/coccicheck ]] ||
		skip "no kernel tree at $COCCI_KERNEL to take make coccicheck from (the pipeline's coccicheck stage runs this)"
}

test_coccicheck_modes_on_a_small_tree() {
	have_kernel
	command -v spatch >/dev/null || fail "spatch is not installed (make deps)"
	local tree=$T/linux cocci rule options expected got n
	mkdir -p "$tree"
	small_tree "$tree"
	for cocci in "$PROJECT_ROOT"/spatch/check/*.cocci; do
		rule=$(basename "$cocci" .cocci)
		options=$(sed -n 's|^// Options: *||p' "$cocci")
		expected=$(cat "$PROJECT_ROOT"/spatch/tests/check/"$rule"/*.report | sort)
		[[ -n $expected ]] || fail "$rule: its test inputs report nothing; the test would prove nothing"
		make -C "$tree" -s coccicheck MODE=report COCCI="$cocci" M="t/$rule" J=1 >report 2>&1 ||
			{ cat report >&2; fail "$rule: make coccicheck MODE=report failed"; }
		grep -qF -- "--cocci-file $cocci $options " report || fail "$rule: coccicheck did not pass '$options'"
		got=$(grep -E '^t/' report | sed 's|^t/||' | sort)
		[[ $got == "$expected" ]] || fail "$rule: MODE=report gives"$'\n'"$got"$'\n'"expected"$'\n'"$expected"
		n=$(grep -c . <<<"$expected")
		make -C "$tree" -s coccicheck MODE=org COCCI="$cocci" M="t/$rule" J=1 >org 2>&1 ||
			{ cat org >&2; fail "$rule: make coccicheck MODE=org failed"; }
		[[ $(grep -c '^\* TODO' org) -eq $n ]] || { cat org >&2; fail "$rule: MODE=org does not list the $n places"; }
		make -C "$tree" -s coccicheck MODE=context COCCI="$cocci" M="t/$rule" J=1 >context 2>&1 ||
			{ cat context >&2; fail "$rule: make coccicheck MODE=context failed"; }
		grep -q '^@@ ' context || { cat context >&2; fail "$rule: MODE=context marks nothing"; }
	done
}
