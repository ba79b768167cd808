# shellcheck shell=bash
# A series step's C files made for one tree from one source: the step's
# "features" file names, per tree (the series, or a pinned tag as
# released), the MMNR_ features it has and its selftests directory;
# unifdef(1) turns the sources of files/ into that tree's plain C.
# Sourced, never run.
[[ -z ${MMNR_LIB_FEATURES:-} ]] || return 0
MMNR_LIB_FEATURES=1
# shellcheck source=scripts/lib/log.sh
. "$(dirname "${BASH_SOURCE[0]}")/log.sh"

# features_of STEP TREE: TREE's line, "SELFTESTS FEATURE...", without
# its "place" and "allow-skip" lines; nothing when the file has no line for TREE.
features_of() {
	awk -v t="$2" '!/^#/ && $1 == t && $2 != "place" && $2 != "allow-skip" { $1 = ""; print substr($0, 2) }' "$1/features"
}

# unifdef_args STEP TREE: -DSYM or -USYM, one a line, for every MMNR_
# symbol the sources of STEP/files test, defined when TREE's line names it.
unifdef_args() {
	local step=$1 tree=$2 sym features
	local -A have=()
	read -r _ features < <(features_of "$step" "$tree") || die "features: no line for $tree in $step/features"
	for sym in $features; do
		grep -rqw "$sym" "$step/files" || die "features: $step/features names $sym, which no file of files/ tests"
		have[$sym]=1
	done
	while read -r sym; do
		if [[ -n ${have[$sym]:-} ]]; then echo "-D$sym"; else echo "-U$sym"; fi
	done < <(grep -rhoE '\bMMNR_[A-Z0-9_]+' "$step/files" | sort -u)
}

# copy_features_files STEP TREE DEST: the files of STEP/files into DEST at
# their paths, as TREE has them: unifdef'd, and tools/testing/selftests/vm/
# renamed (in paths and text) where TREE's selftests directory is another.
copy_features_files() {
	local step=$1 tree=$2 dest=$3 dir rel out rc args
	need_tool unifdef
	read -r dir _ < <(features_of "$step" "$tree") || die "features: no line for $tree in $step/features"
	mapfile -t args < <(unifdef_args "$step" "$tree")
	while IFS= read -r -d '' rel; do
		out=$dest/${rel/selftests\/vm\//selftests\/$dir\/}
		mkdir -p "$(dirname "$out")"
		rc=0
		unifdef -x2 "${args[@]}" -o "$out" "$step/files/$rel" || rc=$?
		((rc == 0)) || die "features: unifdef failed on $rel (status $rc)"
		[[ $dir == vm ]] || sed -i "s#selftests/vm/#selftests/$dir/#g" "$out"
	done < <(cd "$step/files" && find . -type f -printf '%P\0' | sort -z)
}
