#!/usr/bin/env python3
"""removed-api-comments.py [--list-only] TREE [FILE...]
removed-api-comments.py --classify PATTERN TREE [REV] <git-grep-lines

Rewrite the comments of TREE (or of FILEs, relative to TREE) that describe
behaviour the rewind removes, in place, and list on stdout, as
"FILE:LINE: comment names IDENT", every comment that still names a removed
identifier. Code is the semantic patches' business; comments are not
something spatch rewrites, yet a comment that still says "if event is
MMU_NOTIFY_UNMAP" above code that no longer looks at the event misleads
the reader of the base.

Comments are found by a small lexer that knows string and character
literals: /* */ blocks, // lines and comments after code on the same line
are all seen, and "MMU_NOTIFY_UNMAP" in a string is code.

The rules, by what a paragraph of a whole-line comment (a /* */ block or a
run of // lines) says:

  - a kernel-doc description of an owner ('@owner:', '@pgmap_owner:') that
    names an MMU_NOTIFY_ event describes the owner by the notification it
    is passed to; without events the owner only identifies the driver;
  - a paragraph that dispatches on the event ("If/When [the] event is
    MMU_NOTIFY_X, ...") goes when it describes both branches ("otherwise")
    of a test of MMU_NOTIFY_UNMAP or a case that no longer arises (another
    event: after the rewind every invalidation is handled as an unmap,
    consumer-event-as-unmap.cocci); for MMU_NOTIFY_UNMAP alone only its
    consequence stays. In a comment with such a paragraph, the paragraph
    for the unmap case ("For/On [an] unmap event, X") stays as "X", and
    the one for the other case ("For/On [an] invalidation/other event,
    ...") goes;
  - mmu_notifier_range_blockable(R) names R->blockable instead, in any
    comment.

A comment no rule rewrites stays as it is and is listed: a comment never
stops the rewind. include/linux/mmu_notifier.h is mmu_notifier-header.py's
(not rewritten, nor listed but with --list-only).

--list-only: rewrite nothing, only list (module sources: their comments
are their authors').

--classify: for each "[REV:]FILE:LINE:TEXT" line of git grep -n on stdin,
say whether PATTERN (whole words) is named there in code (the line is
printed as "code:" and the line) and what its comments name (printed as
"comment:FILE:LINE: comment names IDENT"). A file that is not C source is
all code. With REV, the files are read from that commit of TREE.
"""

import re
import subprocess
import sys
import textwrap

REMOVED = re.compile(r"\bMMU_NOTIFY_[A-Z_]+\b|\bmmu_notifier_range_blockable\b|"
                     r"\bmmu_notifier_range_update_to_read_only\b|"
                     r"\bmmu_notifier_range_init_(?:owner|migrate)\b|"
                     r"\bmmu_notifier_event\b|\bMMU_NOTIFIER_RANGE_BLOCKABLE\b")
GREP_REMOVED = (r"MMU_NOTIFY_|MMU_NOTIFIER_RANGE_BLOCKABLE|mmu_notifier_event|"
                r"mmu_notifier_range_(blockable|update_to_read_only|init_owner|init_migrate)")
SKIP = ("include/linux/mmu_notifier.h",)
C_SOURCE = re.compile(r"\.[ch]$")
COMMENT_LINE = re.compile(r"^(\s*)(/\*+|\*(?!/)|//)")
SEPARATOR = re.compile(r"^\s*(/\*+|\*/?|\*/|//)\s*$")
DOC_ITEM = re.compile(r"^\s*(\*|//)\s+@\w+:")
LEXEME = re.compile(r"/\*|//|[\"']")
WIDTH = 78  # fill width of rewritten kernel-doc paragraphs

DISPATCH = re.compile(r"(?:If|When) (?:the )?(?:range(?:->|'s )?)?event is "
                      r"((?:MMU_NOTIFY_\w+(?:,? (?:or|and) |, )?)+)(.*)")
CASE_UNMAP = re.compile(r"(?:For|On) (?:an |the )?unmap events?, (.*)")
CASE_OTHER = re.compile(r"(?:For|On) (?:an |the )?(?:invalidation|other) events?\b")
OWNER = re.compile(r"@(\w*owner):")
OWNER_BY_EVENT = {
    "MMU_NOTIFY_EXCLUSIVE": "identifies the driver that asks for exclusive access",
    "MMU_NOTIFY_MIGRATE": "identifies the driver that migrates the pages",
}
OWNER_OTHERWISE = "identifies the driver behind the invalidation"
BLOCKABLE = re.compile(r"\bmmu_notifier_range_blockable\((&?)(\w+)\)")


class CommentError(Exception):
    pass


def comment_spans(text):
    """The (start, end) offsets of every comment of C source TEXT. String
    and character literals are skipped; one that is not closed ends at its
    line (an apostrophe in #error text)."""
    spans, i = [], 0
    while True:
        m = LEXEME.search(text, i)
        if not m:
            return spans
        i, tok = m.start(), m.group(0)
        if tok == "/*":
            end = text.find("*/", i + 2)
            end = len(text) if end < 0 else end + 2
            spans.append((i, end))
        elif tok == "//":
            end = i
            while True:
                end = text.find("\n", end)
                if end < 0:
                    end = len(text)
                elif text[end - 1] == "\\":  # a continued // comment
                    end += 1
                    continue
                break
            spans.append((i, end))
        else:
            end = i + 1
            while end < len(text) and text[end] not in (tok, "\n"):
                end += 2 if text[end] == "\\" else 1
            end += 1
        i = end


def line_starts(text):
    starts = [0]
    starts.extend(m.end() for m in re.finditer(r"\n", text))
    return starts


def line_of(starts, offset):
    lo, hi = 0, len(starts)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid
    return lo + 1


def named_in_comments(name, text, pattern=REMOVED):
    """The listing lines for TEXT: one per identifier a comment names, by
    line."""
    starts, out = line_starts(text), []
    for start, end in comment_spans(text):
        for m in pattern.finditer(text, start, end):
            entry = "%s:%d: comment names %s" % (name, line_of(starts, m.start()), m.group(0))
            if entry not in out:
                out.append(entry)
    return out


# Whole-line comments: paragraphs and their rules.

def paragraphs(block):
    """Split the lines of a comment block into runs of text lines: a
    paragraph, or one kernel-doc '@name:' description; the separators
    (' *' or '//' alone, the opening and closing lines) are one-line
    runs."""
    runs, cur = [], []
    for line in block:
        if SEPARATOR.match(line):
            if cur:
                runs.append(cur)
                cur = []
            runs.append([line])
        elif DOC_ITEM.match(line) or re.match(r"^\s*/\*", line):
            if cur:
                runs.append(cur)
            cur = [line]
        else:
            cur.append(line)
    if cur:
        runs.append(cur)
    return runs


def text_of(run):
    return " ".join(COMMENT_LINE.sub("", l, count=1).strip() for l in run)


def fill(prefix, text):
    width = WIDTH - (len(prefix.expandtabs()) - len(prefix))
    return [l + "\n" for l in textwrap.wrap(text, width, initial_indent=prefix,
                                            subsequent_indent=prefix,
                                            break_long_words=False, break_on_hyphens=False)]


def capitalised(text):
    return text[0].upper() + text[1:]


def rewrite_dispatch(prefix, text):
    """A paragraph dispatching on the event: its new lines, or None."""
    m = DISPATCH.match(text)
    events, rest = re.findall(r"MMU_NOTIFY_\w+", m.group(1)), m.group(2).lstrip(", ")
    if "MMU_NOTIFY_UNMAP" not in events:
        return None if re.search(r"\botherwise\b", rest) else []
    if re.search(r"\botherwise\b", rest):
        return []
    rest = re.sub(r"^then ", "", rest)
    if not rest or REMOVED.search(rest):
        return None
    return fill(prefix, capitalised(rest))


def rewrite(run, dispatched):
    """The run's new lines, or None when no rule applies. DISPATCHED: the
    comment has a paragraph that dispatches on the event, which a rule
    rewrites."""
    text = text_of(run)
    prefix = re.match(r"^(\s*(?:\*|//) )", run[0])
    prefix = prefix.group(1) if prefix else " * "
    owner = OWNER.match(text)
    events = re.findall(r"\bMMU_NOTIFY_\w+", text)
    if owner and events:
        what = OWNER_BY_EVENT.get(events[0], OWNER_OTHERWISE)
        return fill(prefix, "@%s: %s" % (owner.group(1), what))
    if DISPATCH.match(text):
        return rewrite_dispatch(prefix, text)
    m = CASE_UNMAP.match(text)
    if m and dispatched:
        return fill(prefix, capitalised(m.group(1)))
    if CASE_OTHER.match(text) and dispatched:
        return []
    if BLOCKABLE.search(text):
        return [blockable_to_field(l) for l in run]
    return None


def blockable_to_field(text):
    return BLOCKABLE.sub(lambda m: m.group(2) + ("." if m.group(1) else "->") + "blockable", text)


BARE = re.compile(r"^\s*(\*|//)\s*$")
OPENER = re.compile(r"^\s*/\*+\s*$")
CLOSER = re.compile(r"^\s*\*/\s*$")


def tidy_separators(lines):
    """LINES without the empty comment lines that dropped paragraphs leave:
    two in a row, one first or last in the comment."""
    out = []
    for line in lines:
        if BARE.match(line) and (not out or BARE.match(out[-1]) or OPENER.match(out[-1])):
            continue
        if CLOSER.match(line) and out and BARE.match(out[-1]):
            out.pop()
        out.append(line)
    if out and BARE.match(out[-1]):
        out.pop()
    return out


def rewrite_block(block):
    """The new lines of a whole-line comment BLOCK (a list of lines), or
    None when no rule changes it."""
    runs = paragraphs(block)
    dispatched = any(DISPATCH.match(text_of(r)) and rewrite_dispatch(" ", text_of(r)) is not None
                     for r in runs)
    new, changed = [], False
    for run in runs:
        text = text_of(run)
        repl = None
        if REMOVED.search(text) or CASE_UNMAP.match(text) or CASE_OTHER.match(text):
            repl = rewrite(run, dispatched)
        if repl is None:
            new.extend(run)
        else:
            new.extend(repl)
            changed = True
    return tidy_separators(new) if changed else None


def whole_line_groups(text, spans):
    """Comments that take whole lines: each /* */ block over several lines,
    and each run of // lines, as (first offset, end offset) of its lines;
    any other comment as itself."""
    groups = []
    for start, end in spans:
        bol = text.rfind("\n", 0, start) + 1
        eol = text.find("\n", end)
        eol = len(text) if eol < 0 else eol + 1
        whole = not text[bol:start].strip() and not text[end:eol].strip()
        multi = "\n" in text[start:end].rstrip("\n")
        line = text.startswith("//", start)
        if whole and line and groups and groups[-1][2] == "//" and groups[-1][1] == bol:
            groups[-1] = (groups[-1][0], eol, "//")
        elif whole and (multi or line):
            groups.append((bol, eol, "//" if line else "/*"))
        else:
            groups.append((start, end, None))
    return groups


def rewrite_text(text):
    """TEXT with the rules applied to its comments."""
    out, last = [], 0
    for start, end, kind in whole_line_groups(text, comment_spans(text)):
        piece = text[start:end]
        if not REMOVED.search(piece):
            continue
        if kind:
            new = rewrite_block(piece.splitlines(True))
            new = piece if new is None else "".join(new)
        else:
            new = blockable_to_field(piece)
        out.append(text[last:start])
        out.append(new)
        last = end
    out.append(text[last:])
    return "".join(out)


def files_to_scan(tree, names, list_only):
    if names:
        return names
    out = subprocess.run(["git", "-C", tree, "grep", "-l", "-E", GREP_REMOVED,
                          "--", "*.c", "*.h", ":!tools", ":!Documentation"],
                         capture_output=True, text=True)
    if out.returncode not in (0, 1):
        raise CommentError("git grep failed in %s: %s" % (tree, out.stderr.strip()))
    return [f for f in out.stdout.split() if list_only or f not in SKIP]


def process(tree, names, list_only):
    """Rewrite (unless LIST_ONLY) the files; return what to write and the
    listing."""
    results, listing = {}, []
    for name in files_to_scan(tree, names, list_only):
        text = read_source(tree, None, name)
        new = text
        if not list_only:
            new = rewrite_text(text)
            if new != text:
                results[name] = new
        listing.extend(named_in_comments(name, new))
    return results, listing


# --classify: git grep hits, code or comment.

def read_source(tree, rev, name):
    if rev is None:
        with open("%s/%s" % (tree, name), encoding="utf-8", errors="surrogateescape",
                  newline="") as f:
            return f.read()
    out = subprocess.run(["git", "-C", tree, "show", "%s:%s" % (rev, name)],
                         capture_output=True, encoding="utf-8", errors="surrogateescape")
    if out.returncode != 0:
        raise CommentError("git show %s:%s failed: %s" % (rev, name, out.stderr.strip()))
    return out.stdout


def in_comment(spans, offset):
    return any(start <= offset < end for start, end in spans)


def classify_hit(hit, pattern, source):
    """'code:HIT' when the line names PATTERN in code, and the 'comment:'
    listing lines of what its comments name."""
    name, line = hit.split(":", 2)[:2]
    if not C_SOURCE.search(name):
        return ["code:" + hit]
    text = source(name)
    spans, start = comment_spans(text), line_starts(text)[int(line) - 1]
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    found = list(pattern.finditer(text, start, end))
    out = [] if found and all(in_comment(spans, m.start()) for m in found) else ["code:" + hit]
    for ident in dict.fromkeys(m.group(0) for m in found if in_comment(spans, m.start())):
        out.append("comment:%s:%s: comment names %s" % (name, line, ident))
    return out


def classify(argv, lines):
    pattern = re.compile(r"\b(?:%s)\b" % argv[0])
    tree, rev = argv[1], (argv[2] if len(argv) > 2 else None)
    cache = {}

    def source(name):
        if name not in cache:
            cache[name] = read_source(tree, rev, name)
        return cache[name]

    out = []
    for hit in lines:
        hit = hit.rstrip("\n")
        if rev is not None and hit.startswith(rev + ":"):
            hit = hit[len(rev) + 1:]
        if hit:
            out.extend(classify_hit(hit, pattern, source))
    return out


def main(argv):
    args = argv[1:]
    list_only = args[:1] == ["--list-only"]
    if list_only:
        args = args[1:]
    if not args or (args[0] == "--classify" and len(args) < 3):
        sys.stderr.write(__doc__.split("\n\n")[0] + "\n")
        return 2
    try:
        if args[0] == "--classify":
            out = classify(args[1:], sys.stdin)
        else:
            results, out = process(args[0], args[1:], list_only)
            for name, new in results.items():
                with open("%s/%s" % (args[0], name), "w", encoding="utf-8",
                          errors="surrogateescape", newline="") as f:
                    f.write(new)
    except (OSError, CommentError) as e:
        sys.stderr.write("error: removed-api-comments: %s\n" % e)
        return 1
    for line in out:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
