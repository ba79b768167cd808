# shellcheck shell=bash
# The tested configurations (configs/NAME.config): their header lines, the
# pipeline's lists of them, the variant, the architectures they target,
# where each is built. Sourced, never run.
[[ -z ${MMNR_LIB_CONFIGS:-} ]] || return 0
MMNR_LIB_CONFIGS=1
# shellcheck source=scripts/lib/paths.sh
. "$(dirname "${BASH_SOURCE[0]}")/paths.sh"

# A configuration is configs/NAME.config; its header carries "# key: value"
# lines (arch, base, include, guest-tests).
config_file() {
	local f="$PROJECT_ROOT/configs/$1.config"
	[[ -f $f ]] || die "no configuration '$1' (known: $(list_configs | tr '\n' ' '))"
	echo "$f"
}

list_configs() {
	local f
	for f in "$PROJECT_ROOT"/configs/*.config; do
		grep -q '^# arch:' "$f" && basename "$f" .config
	done
}

# A configuration's "# pipeline:" line says how the pipeline treats it:
# "series-only", only its series variant is built and booted (no base
# build or boot, no check-patches); "opt-in", it is not among the default
# configurations (DEBUG_CONFIGS or CONFIGS names it); "final-only", its
# objects are compiled at the series' last commit (series-build) but not
# at every patch (check-patches).
config_in_pipeline_as() {
	[[ " $(config_meta "$(config_file "$1")" pipeline) " == *" $2 "* ]]
}

# configs_without MARKS CONFIG...: the CONFIGs whose "# pipeline:" line
# has none of MARKS (space-separated). Those with a base build are
# configs_without series-only; those check-patches compiles at every
# patch, configs_without "series-only final-only".
configs_without() {
	local marks=$1 c m
	shift
	for c in "$@"; do
		for m in $marks; do
			config_in_pipeline_as "$c" "$m" && continue 2
		done
		echo "$c"
	done
}

# The pipeline's configurations when CONFIGS does not say: all but opt-in.
# shellcheck disable=SC2046 # one configuration name per word
default_configs() { configs_without opt-in $(list_configs); }

config_meta() {
	local file=$1 key=$2
	sed -n "s/^# $key: *//p" "$file" | sed -n 1p
}

# The kernel a build or boot is for: "series" (the default, the series
# applied) or "base" (the rewound base). A config's "KEY-series:" and
# "KEY-base:" lines add to its "KEY:" line for that variant only.
VARIANT=${VARIANT:-series}

check_variant() {
	[[ $1 == base || $1 == series ]] || die "variant must be 'base' or 'series', not '$1'"
}

config_meta_for() {
	local file=$1 key=$2 variant=$3
	echo "$(config_meta "$file" "$key") $(config_meta "$file" "$key-$variant")"
}

# The target architectures of the configurations ("# arch:"): the kernel's
# ARCH and cross compiler, the C compiler, the boot image.
arch_make_vars() {
	case "$1" in
	x86_64) echo "ARCH=x86_64" ;;
	arm64) echo "ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-" ;;
	*) die "unknown architecture '$1' (known: x86_64 arm64)" ;;
	esac
}

arch_cc() {
	case "$1" in
	x86_64) echo gcc ;;
	arm64) echo aarch64-linux-gnu-gcc ;;
	*) die "unknown architecture '$1'" ;;
	esac
}

arch_image() {
	case "$1" in
	x86_64) echo "arch/x86/boot/bzImage" ;;
	arm64) echo "arch/arm64/boot/Image" ;;
	*) die "unknown architecture '$1'" ;;
	esac
}

# config_out_dir CONFIG [VARIANT]: the build tree (kbuild's O=) of one
# variant of CONFIG (default: VARIANT's); each variant has its own.
config_out_dir() { echo "$WORK_DIR/out/$1/${2:-$VARIANT}"; }
# What scripts/bench-artifacts makes for scripts/bench of one variant of
# CONFIG: outside the build tree, which holds kbuild's own files only.
bench_keep_dir() { echo "$WORK_DIR/bench/$1/$2"; }
