# shellcheck shell=bash
# scripts/get-kernel: sources, integrity, and its refusals, on fake kernels.
# shellcheck source=tests/fakes.sh
. "$PROJECT_ROOT/tests/fakes.sh"

# apt-get that knows no such version; apt-config that points at fixtures.
fake_apt() {
	mkdir -p "$T/bin" "$T/etc/sources.list.d"
	cat >"$T/bin/apt-get" <<'SH'
#!/bin/bash
for a; do
	case $a in
	update) exit 0 ;;
	source) echo "E: Can not find version '6.1.176-1' of package 'linux'" >&2; exit 100 ;;
	esac
done
SH
	cat >"$T/bin/apt-config" <<SH
#!/bin/bash
echo "list='$T/etc/sources.list'"
echo "parts='$T/etc/sources.list.d/'"
SH
	chmod +x "$T/bin/apt-get" "$T/bin/apt-config"
}

test_checksum_mismatch_is_refused() {
	fake_tarball
	expect_fail 'checksum mismatch .* expected 9aad4025' env WORK_DIR="$T/w" KERNEL_TARBALL="$T/fake.tar.xz" "$S/get-kernel"
	[[ ! -e $T/w/linux ]] || fail "a tree was left behind"
}

test_tarball_is_imported_tagged_and_second_run_is_instant() {
	fake_tarball
	export WORK_DIR=$T/w KERNEL_TARBALL=$T/fake.tar.xz KERNEL_SHA256
	KERNEL_SHA256=$(sum_of "$T/fake.tar.xz")
	expect_ok "$S/get-kernel"
	[[ $(git -C "$T/w/linux" tag) == v6.1.176 ]] || fail "no tag"
	[[ -z $(git -C "$T/w/linux" status --porcelain) ]] || fail "import left files uncommitted"
	git -C "$T/w/linux" ls-files --error-unmatch build/file >/dev/null || fail ".gitignored file not imported"
	expect_ok "$S/get-kernel"
	expect_output 'present and intact'
	grep -q unpacking "$T/out" && fail "second run unpacked again"
	true
}

test_existing_tree_from_another_source_is_refused() {
	fake_tarball
	export WORK_DIR=$T/w KERNEL_TARBALL=$T/fake.tar.xz
	KERNEL_SHA256=$(sum_of "$T/fake.tar.xz") expect_ok "$S/get-kernel"
	expect_fail 'from another source' "$S/get-kernel"
}

test_damaged_tree_is_refused() {
	fake_tarball
	export WORK_DIR=$T/w KERNEL_TARBALL=$T/fake.tar.xz KERNEL_SHA256
	KERNEL_SHA256=$(sum_of "$T/fake.tar.xz")
	expect_ok "$S/get-kernel"
	rm "$T/w/linux/.git/mmnr-import"
	expect_fail 'not an intact import; remove it' "$S/get-kernel"
}

test_tarball_without_kernel_is_refused() {
	mkdir -p "$T/src/x" && echo hi >"$T/src/x/README"
	tar -C "$T/src" -cJf "$T/x.tar.xz" x
	expect_fail 'does not contain a kernel source tree' env WORK_DIR="$T/w" \
		KERNEL_TARBALL="$T/x.tar.xz" KERNEL_SHA256="$(sum_of "$T/x.tar.xz")" "$S/get-kernel"
}

test_missing_tarball_is_refused() {
	expect_fail "tarball '/nonexistent.tar.xz' does not exist" env WORK_DIR="$T/w" \
		KERNEL_TARBALL=/nonexistent.tar.xz "$S/get-kernel"
}

test_version_gone_from_archive_says_what_to_set() {
	fake_apt
	echo "deb http://mirror.invalid/debian bookworm main" >"$T/etc/sources.list"
	expect_fail 'no longer offers linux 6.1.176-1.*' env PATH="$T/bin:$PATH" WORK_DIR="$T/w" "$S/get-kernel"
	expect_output 'Set KERNEL_TARBALL=.*linux_6.1.176.orig.tar.xz'
	expect_output 'KERNEL_SRC='
}

test_deb_src_entries_are_derived_from_machine_sources() {
	fake_apt
	cat >"$T/etc/sources.list" <<'SRC'
# a comment
deb http://one.invalid/debian bookworm main
deb-src http://one.invalid/debian bookworm main
SRC
	cat >"$T/etc/sources.list.d/a.sources" <<'SRC'
Types: deb
URIs: http://two.invalid/debian
Suites: bookworm
Components: main

Types: deb
Enabled: no
URIs: http://off.invalid/debian
Suites: bookworm
Components: main

Types: deb-src
URIs: http://srconly.invalid/debian
Suites: bookworm
Components: main
SRC
	echo "deb http://disabled.invalid/ x main" >"$T/etc/sources.list.d/c.list.disabled-by-admin"
	env PATH="$T/bin:$PATH" WORK_DIR="$T/w" "$S/get-kernel" >/dev/null 2>&1 || true
	local d=$T/w/apt/sources.list.d
	[[ $(cat "$d/derived.list") == "deb-src http://one.invalid/debian bookworm main" ]] ||
		fail "one-line entries: $(cat "$d/derived.list")"
	grep -q 'URIs: http://two.invalid/debian' "$d/derived.sources" || fail "deb822 stanza missing"
	[[ $(grep -c '^Types: deb-src$' "$d/derived.sources") == 1 ]] || fail "wrong stanza count"
	! grep -q 'off.invalid\|srconly.invalid\|disabled.invalid' "$d"/* || fail "disabled or non-deb entry copied"
	! grep -rq 'one.invalid\|two.invalid' /etc/apt/ || fail "system apt config touched"
}

test_deb_src_entries_follow_the_tags_suite() {
	local codename d=$T/w/apt/sources.list.d
	codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
	fake_apt
	printf 'deb [arch=amd64] http://one.invalid/debian %s main\ndeb http://one.invalid/sec %s-security main\n' \
		"$codename" "$codename" >"$T/etc/sources.list"
	printf 'Types: deb\nURIs: http://two.invalid/debian\nSuites: %s %s-updates\nComponents: main\n' \
		"$codename" "$codename" >"$T/etc/sources.list.d/a.sources"
	env PATH="$T/bin:$PATH" WORK_DIR="$T/w" KERNEL=5.10.223 "$S/get-kernel" >"$T/out" 2>&1 || true
	expect_output 'deb-src entries for bullseye'
	[[ $(cat "$d/derived.list") == $'deb-src [arch=amd64] http://one.invalid/debian bullseye main\ndeb-src http://one.invalid/sec bullseye-security main' ]] ||
		fail "one-line entries: $(cat "$d/derived.list")"
	grep -qx 'Suites: bullseye bullseye-updates' "$d/derived.sources" || fail "deb822: $(cat "$d/derived.sources")"
}

test_kernel_selects_a_pinned_tag_and_refuses_others() {
	[[ $(KERNEL=6.12.107 bash -c '. "$0"; echo "$KERNEL_VERSION $KERNEL_DEB_VERSION $KERNEL_SUITE ${WORK_DIR#"$PROJECT_ROOT"/}"' "$S/lib/paths.sh") == \
		"6.12.107 6.12.107-1 trixie build/kernels/v6.12.107" ]] || fail "KERNEL=6.12.107 not taken from kernel-tags"
	[[ $(bash -c '. "$0"; echo "$KERNEL_VERSION ${WORK_DIR#"$PROJECT_ROOT"/}"' "$S/lib/paths.sh") == "6.1.176 build" ]] ||
		fail "the default is not the reference"
	expect_fail 'KERNEL=9.9 is not pinned' env KERNEL=9.9 "$S/get-kernel"
}

test_kernel_src_checks() {
	expect_fail 'is not a directory' env WORK_DIR="$T/w" KERNEL_SRC="$T/none" "$S/get-kernel"
	mkdir "$T/plain"
	expect_fail 'not a git checkout' env WORK_DIR="$T/w" KERNEL_SRC="$T/plain" "$S/get-kernel"
	git -C "$T/plain" init -q
	expect_fail 'not a Linux kernel tree' env WORK_DIR="$T/w" KERNEL_SRC="$T/plain" "$S/get-kernel"
	fake_user_repo "$T/user"
	echo change >>"$T/user/Makefile"
	expect_fail 'uncommitted changes' env WORK_DIR="$T/w" KERNEL_SRC="$T/user" "$S/get-kernel"
	git -C "$T/user" checkout -q Makefile
	expect_fail 'KERNEL_REF=nope is not a commit' env WORK_DIR="$T/w" KERNEL_SRC="$T/user" KERNEL_REF=nope "$S/get-kernel"
}

test_kernel_src_gets_a_worktree_and_is_left_alone() {
	fake_user_repo "$T/user"
	local before
	before=$(git -C "$T/user" for-each-ref; git -C "$T/user" status --porcelain; git -C "$T/user" rev-parse HEAD)
	export WORK_DIR=$T/w KERNEL_SRC=$T/user
	expect_ok "$S/get-kernel"
	[[ -f $T/w/worktree/include/linux/mmu_notifier.h ]] || fail "no worktree"
	[[ $(git -C "$T/user" for-each-ref; git -C "$T/user" status --porcelain; git -C "$T/user" rev-parse HEAD) == "$before" ]] ||
		fail "user's repository changed"
	expect_ok "$S/get-kernel"
	expect_output 'present and intact'
	git -C "$T/user" -c user.name=u -c user.email=u@x commit -q --allow-empty -m two
	expect_fail 'worktree of another commit than KERNEL_REF' "$S/get-kernel"
	git -C "$T/w/worktree" worktree add -q --detach "$T/w/series-worktree"
	expect_ok "$S/clean-work"
	[[ $(git -C "$T/user" worktree list | wc -l) == 1 ]] || fail "worktrees still registered: $(git -C "$T/user" worktree list)"
	[[ ! -e $T/w ]] || fail "work directory left"
}

test_clean_work_refuses_foreign_directory() {
	mkdir -p "$T/precious" && echo data >"$T/precious/file"
	expect_fail 'not a work directory of this project' env WORK_DIR="$T/precious" "$S/clean-work"
	[[ -f $T/precious/file ]] || fail "foreign directory damaged"
}
