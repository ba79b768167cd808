# shellcheck shell=bash
# configs/: well-formed fragments, and scripts/check-config's verdict.

. "$PROJECT_ROOT/scripts/lib/configs.sh"

test_every_config_has_its_metadata() {
	local c f name
	for c in $(list_configs); do
		f=$PROJECT_ROOT/configs/$c.config
		[[ $(config_meta "$f" arch) =~ ^(x86_64|arm64)$ ]] || fail "$c: bad arch"
		[[ $(config_meta "$f" base) =~ ^(tinyconfig|defconfig|allnoconfig) ]] || fail "$c: bad base"
		for name in $(config_meta_for "$f" include series); do
			[[ -f $PROJECT_ROOT/configs/fragments/$name.config ]] || fail "$c: missing fragment $name"
		done
		for name in $(config_meta_for "$f" guest-tests series) $(config_meta "$f" guest-tests-base); do
			name=${name%=absent}
			[[ $name == kselftest/* || -f $PROJECT_ROOT/guest/$name.c ]] || fail "$c: missing guest suite $name"
		done
	done
	[[ $(list_configs | wc -l) -ge 3 ]] || fail "fewer than three configurations"
}

test_fragments_hold_only_option_lines() {
	local f
	for f in "$PROJECT_ROOT"/configs/fragments/*.config "$PROJECT_ROOT"/configs/*.config; do
		if grep -vE '^(#.*|CONFIG_[A-Za-z0-9_]+=.+|)$' "$f"; then
			fail "$f has a line that is neither an option nor a comment"
		fi
	done
}

# No configuration asks for one option two ways across its fragments.
test_no_conflicting_requests() {
	local c dup
	for c in $(list_configs); do
		f=$PROJECT_ROOT/configs/$c.config
		dup=$(merged_requests "$c" | sed -nE 's/^(# )?(CONFIG_[A-Za-z0-9_]+)[= ].*/\2/p' | sort | uniq -d)
		[[ -z $dup ]] || fail "$c requests $dup more than once"
	done
}

# The merged fragments of a configuration, as one stream.
merged_requests() {
	local f=$PROJECT_ROOT/configs/$1.config name
	for name in $(config_meta_for "$f" include series); do
		cat "$PROJECT_ROOT/configs/fragments/$name.config"
	done
	cat "$f"
}

test_notifier_configs_differ_in_mmu_notifier() {
	local c
	for c in $(list_configs); do
		case $c in
		*-nonotifier) grep -qx '# CONFIG_MMU_NOTIFIER is not set' <<<"$(merged_requests "$c")" || fail "$c must unset MMU_NOTIFIER" ;;
		*-notifier | *-debug) grep -qx 'CONFIG_MMU_NOTIFIER=y' <<<"$(merged_requests "$c")" || fail "$c must set MMU_NOTIFIER" ;;
		*) fail "$c: name must end in -notifier, -nonotifier or -debug" ;;
		esac
	done
}

test_check_config_accepts_what_stuck() {
	printf 'CONFIG_A=y\nCONFIG_B=m\n# CONFIG_C is not set\nCONFIG_D="x"\n' >.config
	printf '# comment\nCONFIG_A=y\nCONFIG_D="x"\n# CONFIG_C is not set\n# CONFIG_E is not set\n' >frag
	expect_ok "$S/check-config" .config frag
}

test_check_config_rejects_dropped_option() {
	printf 'CONFIG_A=y\n# CONFIG_B is not set\n' >.config
	printf 'CONFIG_B=y\n' >frag
	expect_fail 'wanted CONFIG_B=y, got: # CONFIG_B is not set' "$S/check-config" .config frag
	printf 'CONFIG_Z=y\n' >frag
	expect_fail 'CONFIG_Z absent' "$S/check-config" .config frag
}

test_check_config_rejects_module_for_builtin() {
	printf 'CONFIG_A=m\n' >.config
	printf 'CONFIG_A=y\n' >frag
	expect_fail 'wanted CONFIG_A=y, got: CONFIG_A=m' "$S/check-config" .config frag
}

test_check_config_rejects_option_that_should_be_unset() {
	printf 'CONFIG_MMU_NOTIFIER=y\n' >.config
	printf '# CONFIG_MMU_NOTIFIER is not set\n' >frag
	expect_fail 'wanted CONFIG_MMU_NOTIFIER unset' "$S/check-config" .config frag
}

# The rewound base has no TEST_MMU_NOTIFIER: asking for it there would fail
# check-config, so only "# include-series:" fragments may.
test_series_only_options_stay_out_of_base_builds() {
	local c name
	for c in $(list_configs); do
		for name in $(config_meta_for "$PROJECT_ROOT/configs/$c.config" include base); do
			! grep -q '^CONFIG_TEST_MMU_NOTIFIER=' "$PROJECT_ROOT/configs/fragments/$name.config" ||
				fail "$c: fragment $name asks for TEST_MMU_NOTIFIER in base builds"
		done
	done
	grep -q 'test-mmu-notifier' <<<"$(config_meta "$PROJECT_ROOT/configs/x86_64-notifier.config" include-series)" ||
		fail "x86_64-notifier does not build the test module in series builds"
}

# A fragment serves several tags: with --tree, an option that no Kconfig
# file of the tree defines is named and let through; one the tree defines
# that did not stick still fails, and so does everything without --tree.
test_check_config_tells_missing_option_from_dropped_one() {
	mkdir -p tree/mm tree/arch/x86 tree/.git
	printf 'config PRESENT\n\tbool "present"\n' >tree/mm/Kconfig
	printf 'menuconfig MENU\n\tbool "a menu"\nif MENU\n  config INDENTED\n\tbool\nendif\n' >tree/arch/x86/Kconfig.debug
	# A definition outside a Kconfig file, or a mere mention, does not count.
	printf 'config ELSEWHERE\n' >tree/mm/Makefile
	printf 'config YOUNGER\n' >tree/.git/Kconfig
	printf '\tdepends on YOUNGER\n\tselect ELSEWHERE\n' >>tree/mm/Kconfig
	printf 'CONFIG_A=y\n# CONFIG_PRESENT is not set\nCONFIG_MENU=y\n' >.config
	printf 'CONFIG_A=y\nCONFIG_YOUNGER=y\nCONFIG_ELSEWHERE=m\n' >frag
	expect_ok "$S/check-config" --tree tree .config frag
	expect_output 'frag: CONFIG_YOUNGER: this kernel has no such option'
	expect_output 'frag: CONFIG_ELSEWHERE: this kernel has no such option'
	expect_fail 'wanted CONFIG_YOUNGER=y, got: CONFIG_YOUNGER absent' "$S/check-config" .config frag
	printf 'CONFIG_YOUNGER=y\nCONFIG_PRESENT=y\n' >frag
	expect_fail 'wanted CONFIG_PRESENT=y, got: # CONFIG_PRESENT is not set' "$S/check-config" --tree tree .config frag
	expect_output 'CONFIG_YOUNGER: this kernel has no such option'
	expect_output 'did not stick'
	printf 'CONFIG_MENU=y\nCONFIG_INDENTED=y\n' >frag
	expect_fail 'wanted CONFIG_INDENTED=y, got: CONFIG_INDENTED absent' "$S/check-config" --tree tree .config frag
	grep -q 'CONFIG_MENU' "$T/out" && fail "CONFIG_MENU stuck and was reported"
	expect_fail 'needs a kernel tree' "$S/check-config" --tree nowhere .config frag
}

# The debug configuration: every checker asked for, kept out of the default
# pipeline (opt-in) and out of its base builds (series-only), and its
# boots end with the kmemleak scan.
test_debug_config_has_every_checker_and_is_opt_in() {
	local f=$PROJECT_ROOT/configs/x86_64-debug.config opt requests
	requests=$(merged_requests x86_64-debug)
	for opt in PROVE_LOCKING PROVE_RCU DEBUG_ATOMIC_SLEEP DEBUG_VM DEBUG_VM_PGFLAGS DEBUG_VM_RB \
		DEBUG_VM_MAPLE_TREE DEBUG_VM_PGTABLE KASAN KASAN_GENERIC DEBUG_KMEMLEAK DEBUG_LIST UBSAN; do
		grep -qx "CONFIG_$opt=y" <<<"$requests" || fail "x86_64-debug does not ask for $opt"
	done
	grep -qw kmemleak <<<"$(config_meta_for "$f" guest-tests base)" || fail "x86_64-debug: no kmemleak suite"
	[[ " $(default_configs | tr '\n' ' ') " != *" x86_64-debug "* ]] || fail "x86_64-debug is in the default pipeline"
	[[ -z $(configs_without series-only x86_64-debug x86_64-debug) ]] || fail "x86_64-debug is not series-only"
	[[ $(configs_without series-only x86_64-notifier x86_64-debug) == x86_64-notifier ]] || fail "configs_without drops other configurations"
	[[ $(configs_without "series-only final-only" x86_64-debug arm64-notifier x86_64-notifier) == x86_64-notifier ]] ||
		fail "configs_without does not leave out every mark it is given"
	grep -qx x86_64-notifier <<<"$(default_configs)" || fail "x86_64-notifier left the default pipeline"
}
