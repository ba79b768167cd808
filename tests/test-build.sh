# shellcheck shell=bash
# scripts/build's trees: one per variant (WORK_DIR/out/CONFIG/VARIANT),
# each with its own stamp, a variant's first tree copied from the other's
# build, and a tree of the earlier one-tree layout moved to its variant.
# A fake make and the fake project of tests/fakes.sh: no kernel is built.
# shellcheck source=tests/fakes.sh
. "$PROJECT_ROOT/tests/fakes.sh"

P=$T/p
W=$T/w
PENV=(env PATH="$T/bin:$PATH" WORK_DIR="$W" KERNEL_SRC="$T/user" JOBS=1)

build_fakes() {
	fast_python
	fake_make
	fake_project
	fake_user_repo "$T/user"
	expect_ok "${PENV[@]}" "$P/scripts/get-kernel"
}

stamp_variant() { cut -d' ' -f1 "$W/out/fake/$1/mmnr-built"; }

test_build_keeps_a_tree_and_a_stamp_per_variant() {
	build_fakes
	expect_ok "${PENV[@]}" "$P/scripts/build" --variant base fake
	[[ $(stamp_variant base) == base ]] || fail "base stamp: $(cat "$W/out/fake/base/mmnr-built")"
	[[ ! -e $W/out/fake/series ]] || fail "a base build made a series tree"
	echo marker >"$W/out/fake/base/made-by-base"
	expect_ok "${PENV[@]}" "$P/scripts/build" --variant series fake
	expect_output 'build fake \(series\): a new tree, copied from the base build'
	[[ -f $W/out/fake/series/made-by-base ]] || fail "the series tree is not a copy of the base's"
	[[ $(stamp_variant series) == series ]] || fail "series stamp: $(cat "$W/out/fake/series/mmnr-built")"
	[[ $(stamp_variant base) == base ]] || fail "the series build changed the base's stamp"
	# A tree that exists is built where it is, not copied again.
	rm "$W/out/fake/series/made-by-base"
	expect_ok "${PENV[@]}" "$P/scripts/build" --variant series fake
	! grep -q "copied from" "$T/out" || fail "an existing tree was copied again"
	[[ ! -f $W/out/fake/series/made-by-base ]] || fail "an existing tree was replaced by a copy"
}

test_build_moves_a_tree_of_the_earlier_layout_to_its_variant() {
	build_fakes
	mkdir -p "$W/out/fake"
	echo 'CONFIG_EARLIER=y' >"$W/out/fake/.config"
	echo 'base 0123' >"$W/out/fake/mmnr-built"
	expect_ok "${PENV[@]}" "$P/scripts/build" --variant series fake
	expect_output "$W/out/fake is a tree of the earlier layout; it becomes $W/out/fake/base"
	[[ -f $W/out/fake/base/.config && ! -f $W/out/fake/.config ]] || fail "the earlier tree was not moved: $(ls -A "$W/out/fake")"
	[[ $(stamp_variant series) == series ]] || fail "no series build after the move"
}
