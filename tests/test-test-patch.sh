# shellcheck shell=bash
# The event test as a standalone patch for each pinned tag (scripts/test-patch):
# one source, the series' patch 16 unchanged by it, and the hunks placed by
# anchor (scripts/place-hunks).

STEP=$PROJECT_ROOT/series/16-test-module

# The new files of a format-patch file, whole, under DIR.
new_files_of_patch() {
	awk -v dir="$2" '
		/^diff --git / { file = ""; path = substr($4, 3) }
		/^new file mode/ { file = dir "/" path; system("mkdir -p \"$(dirname \"" file "\")\""); printf "" > file }
		/^@@/ { body = 1; next }
		/^diff --git / { body = 0 }
		file && body && /^\+/ { print substr($0, 2) > file }' "$1"
}

# scripts/series makes patch 16's C files with the series' line of the
# features file: what it gives is what patches/ holds, byte for byte.
test_test_patch_series_files_are_patch_16s() {
	local patch f
	patch=$(echo "$PROJECT_ROOT"/patches/0016-*.patch)
	[[ -f $patch ]] || fail "no patches/0016-*.patch"
	new_files_of_patch "$patch" "$T/want"
	# shellcheck source=scripts/lib/features.sh
	(. "$S/lib/features.sh" && copy_features_files "$STEP" series "$T/got") || fail "copy_features_files failed"
	[[ -n $(find "$T/want" -type f) ]] || fail "no new file in $patch"
	diff -r "$T/want" "$T/got" >&2 || fail "the series' unifdef output differs from $patch"
	# and every pinned tag's line makes plain C: no MMNR_ symbol left
	while read -r f; do
		# shellcheck source=scripts/lib/features.sh
		(. "$S/lib/features.sh" && copy_features_files "$STEP" "$f" "$T/$f") || fail "no C for $f"
		! grep -rn 'MMNR_' "$T/$f" >&2 || fail "$f: an MMNR_ symbol is left"
	done < <(awk '!/^#/ && $1 ~ /^v/ && $2 != "place" { print $1 }' "$STEP/features")
	while read -r f; do
		grep -qE "^v$f +(vm|mm) " "$STEP/features" || fail "pinned tag v$f has no line in $STEP/features"
	done < <(awk '!/^#/ && NF == 5 { print $3 }' "$PROJECT_ROOT/kernel-tags")
}

# A feature the sources do not test is refused, not silently ignored.
test_test_patch_unknown_feature_is_refused() {
	cp -r "$STEP" "$T/step"
	echo "vX vm MMNR_NO_SUCH_FEATURE" >>"$T/step/features"
	# shellcheck disable=SC2016 # expanded by the inner shell
	expect_fail 'names MMNR_NO_SUCH_FEATURE, which no file' \
		bash -c '. "$1/lib/features.sh"; copy_features_files "$2" vX "$3"' _ "$S" "$T/step" "$T/out"
}

place_tree() {
	mkdir -p "$T/tree"
	printf 'a\nb\nANCHOR-AFTER\nz\n' >"$T/tree/one"
	printf 'x\nBEFORE\ny\n' >"$T/tree/two"
	cat >"$T/p.patch" <<'PATCH'
diff --git a/one b/one
--- a/one
+++ b/one
@@ -1,3 +1,4 @@
 moved-away
+added one
 ANCHOR-AFTER
diff --git a/two b/two
--- a/two
+++ b/two
@@ -1,3 +1,4 @@
 BEFORE
+added two
 
PATCH
}

# Lines go before the following context line when it is there once, else
# after the preceding one; blank anchors never count.
test_place_hunks_by_anchor() {
	place_tree
	expect_ok "$S/place-hunks" "$T/p.patch" "$T/tree"
	[[ $(cat "$T/tree/one") == $'a\nb\nadded one\nANCHOR-AFTER\nz' ]] || fail "one: $(cat "$T/tree/one")"
	[[ $(cat "$T/tree/two") == $'x\nBEFORE\nadded two\ny' ]] || fail "two: $(cat "$T/tree/two")"
}

test_place_hunks_refuses_a_missing_or_repeated_anchor() {
	place_tree
	printf 'x\nBEFORE\nBEFORE\n' >"$T/tree/two"
	expect_fail "two: neither 'BEFORE' nor '' is a line of its own" "$S/place-hunks" "$T/p.patch" "$T/tree"
	place_tree
	expect_ok "$S/place-hunks" "$T/p.patch" "$T/tree" --drop two --sub one '^added' 'ADDED'
	grep -qx 'ADDED one' "$T/tree/one" || fail "--sub not applied"
	! grep -q added "$T/tree/two" || fail "--drop not honoured"
}

# Each pinned tag whose tree is here: the patch is generated, git am'd onto
# the tag as released and checkpatch --strict clean (its own checkpatch).
# Its worktree is kept in build/tests/test-patch/vX between runs: the
# first run checks each tag out (minutes), later ones change a few files.
test_test_patch_applies_to_each_pinned_tag() {
	local v tree ran=0 versions work=$PROJECT_ROOT/build/tests/test-patch
	mapfile -t versions < <(awk '!/^#/ && NF == 5 { print $3 }' "$PROJECT_ROOT/kernel-tags")
	for v in "${versions[@]}"; do
		# shellcheck source=scripts/lib/paths.sh
		tree=$(. "$S/lib/paths.sh" && tag_work_dir "$v")/linux
		git -C "$tree" rev-parse -q --verify "refs/tags/v$v" >/dev/null 2>&1 || continue
		expect_ok env KERNEL="$v" KERNEL_TREE="$tree" WORK_DIR="$work/v$v" "$S/test-patch" --check --out "$T/v$v"
		expect_output 'git am onto v'"$v"' and checkpatch --strict clean'
		grep -q "^Subject: \[PATCH 1/1\]" "$T/v$v"/0001-*.patch || fail "v$v: no [PATCH 1/1]"
		! grep -q '\*\*\*' "$T/v$v"/0000-cover-letter.patch || fail "v$v: cover letter left unfilled"
		ran=$((ran + 1))
	done
	((ran > 0)) || skip "no pinned tag's tree under build/ (make kernel KERNEL=...)"
}
