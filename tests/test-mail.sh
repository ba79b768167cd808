# shellcheck shell=bash
# scripts/mail: the mails' identity is the sender's alone.

# A base commit and two commits by the placeholder identity, signed off by
# it, in $T/k.
placeholder_repo() {
	local author
	author=$(cat "$S/../series/AUTHOR")
	mkdir -p "$T/k"
	echo one >"$T/k/file.c"
	git -C "$T/k" init -q
	git -C "$T/k" add -A
	git -C "$T/k" -c user.name=t -c user.email=t@x commit -qm base
	git -C "$T/k" tag base
	for word in two three; do
		echo "$word" >>"$T/k/file.c"
		git -C "$T/k" -c user.name="${author% <*}" -c user.email=placeholder@example.org \
			commit -qa -m "add $word" -m "Adds $word." -m "Signed-off-by: $author"
	done
	git -C "$T/k" branch applied
}

# CMD... in a subshell: die ends only that.
in_subshell() { ("$@"); }

test_mail_message_is_signed_off_by_the_sender_only() {
	# shellcheck source=scripts/mail
	. "$S/mail"
	printf 'subject\n\nbody\n\nSigned-off-by: P <p@x>\n\n' | sender_message 'Ada Example <ada@example.net>' >"$T/out"
	[[ $(cat "$T/out") == $'subject\n\nbody\n\nSigned-off-by: Ada Example <ada@example.net>' ]] ||
		fail "rewritten: $(cat "$T/out")"
	printf 'subject\n\nbody\nReviewed-by: R <r@x>\nSigned-off-by: P <p@x>\n' | sender_message 'A <a@x>' >"$T/out"
	[[ $(cat "$T/out") == $'subject\n\nbody\nReviewed-by: R <r@x>\nSigned-off-by: A <a@x>' ]] ||
		fail "trailer block: $(cat "$T/out")"
}

test_mail_commits_are_the_senders_with_the_same_trees() {
	placeholder_repo
	KERNEL_TREE=$T/k
	# shellcheck source=scripts/mail
	. "$S/mail"
	tip=$(sender_commits base applied 'Ada Example <ada@example.net>')
	[[ $(git -C "$T/k" rev-parse "$tip^{tree}") == $(git -C "$T/k" rev-parse 'applied^{tree}') ]] || fail "tree differs"
	[[ $(git -C "$T/k" log --format='%an <%ae>|%cn <%ce>' "base..$tip" | sort -u) == 'Ada Example <ada@example.net>|Ada Example <ada@example.net>' ]] ||
		fail "identity: $(git -C "$T/k" log --format='%an <%ae>|%cn <%ce>' "base..$tip")"
	[[ $(git -C "$T/k" log --format=%B "base..$tip" | grep -c '^Signed-off-by: ') == 2 ]] || fail "not one sign-off per commit"
	git -C "$T/k" log --format=%B "base..$tip" >"$T/messages"
	grep '^Signed-off-by: ' "$T/messages" | grep -v 'Ada Example' >"$T/others" || true
	[[ ! -s $T/others ]] || fail "another sign-off left: $(cat "$T/others")"
	git -C "$T/k" format-patch -q --stdout --from='Ada Example <ada@example.net>' "base..$tip" >"$T/mbox"
	expect_fail 'placeholder identity .* is in: .*COMMIT_EDITMSG' in_subshell no_placeholder "$T/k/.git/COMMIT_EDITMSG"
	expect_ok in_subshell no_placeholder "$T/mbox"
	grep -q '^From: Ada Example <ada@example.net>$' "$T/mbox" || fail "sender not in From:"
}
