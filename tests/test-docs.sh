# shellcheck shell=bash
# The README stays a short manual, and the documentation's relative links
# lead somewhere.

test_readme_is_short() {
	local n
	n=$(wc -l <"$PROJECT_ROOT/README.md")
	((n <= 250)) || fail "README.md has $n lines, more than 250: move the detail to docs/"
}

# Every relative link of README.md, docs/*.md and spatch/README.md names a
# file that exists (and, with #anchor, a heading of it).
test_doc_links_resolve() {
	local f dir link target anchor path slugs bad=0
	for f in "$PROJECT_ROOT"/README.md "$PROJECT_ROOT"/docs/*.md "$PROJECT_ROOT"/spatch/README.md; do
		dir=$(dirname "$f")
		while IFS= read -r link; do
			[[ $link == *://* || $link == mailto:* ]] && continue
			target=${link%%#*}
			anchor=${link#"$target"}
			anchor=${anchor#\#}
			path=$dir/$target
			[[ -n $target ]] || path=$f
			if [[ ! -e $path ]]; then
				echo "${f#"$PROJECT_ROOT"/}: no such file: $link"
				bad=1
				continue
			fi
			[[ -n $anchor ]] || continue
			# The heading slugs as GitHub makes them.
			slugs=$(sed -n -E 's/^#+ //p' "$path" | tr '[:upper:]' '[:lower:]' | sed -E 's/[^a-z0-9 _-]//g; s/ /-/g')
			if ! grep -qxF -- "$anchor" <<<"$slugs"; then
				echo "${f#"$PROJECT_ROOT"/}: no such heading: $link"
				bad=1
			fi
		done < <(grep -oE '\]\([^) ]+\)' "$f" | sed -E 's/^\]\(//; s/\)$//')
	done
	((bad == 0)) || fail "broken links in the documentation"
}
