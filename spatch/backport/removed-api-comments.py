#!/usr/bin/env python3
"""removed-api-comments.py TREE [FILE...]

Rewrite the comments of TREE (or of FILEs, relative to TREE) that describe
behaviour the rewind removes, in place. Code is the semantic patches'
business; comments are not something spatch rewrites, yet a comment that
still says "if event is MMU_NOTIFY_UNMAP" above code that no longer looks
at the event misleads the reader of the base.

The rules, by what the comment says:

  - a kernel-doc '@owner:' description that names an MMU_NOTIFY_ event
    describes the owner by the notification it is passed to; without
    events the owner only identifies the driver that asks for access;
  - a comment paragraph that dispatches on the event ("If event is
    MMU_NOTIFY_UNMAP, ... otherwise ...") goes: after the rewind every
    invalidation is handled as an unmap (consumer-event-as-unmap.cocci);
    the paragraph for the unmap case ("For unmap event, X") stays as "X",
    and the paragraph for the other case ("For invalidation event, ...")
    goes;
  - a kernel-doc paragraph that names mmu_notifier_range_blockable(R)
    names R->blockable instead.

Any other comment that still names a removed identifier is an error with
file and line, and nothing is written: the rules are extended, not the
comment left behind. include/linux/mmu_notifier.h is
mmu_notifier-header.py's. Only whole-line comments are seen (a comment
after code on the same line is not).
"""

import re
import subprocess
import sys
import textwrap

REMOVED = re.compile(r"\bMMU_NOTIFY_[A-Z_]+\b|\bmmu_notifier_range_blockable\b|"
                     r"\bmmu_notifier_range_update_to_read_only\b|"
                     r"\bmmu_notifier_range_init_(?:owner|migrate)\b")
SKIP = ("include/linux/mmu_notifier.h",)
COMMENT_LINE = re.compile(r"^(\s*)(/\*+|\*(?!/)|//)")
WIDTH = 78  # fill width of rewritten kernel-doc paragraphs


class CommentError(Exception):
    pass


def files_to_scan(tree, names):
    if names:
        return names
    out = subprocess.run(["git", "-C", tree, "grep", "-l", "-E",
                          r"MMU_NOTIFY_|mmu_notifier_range_(blockable|update_to_read_only|init_owner|init_migrate)",
                          "--", "*.c", "*.h", ":!tools", ":!Documentation"],
                         capture_output=True, text=True)
    if out.returncode not in (0, 1):
        raise CommentError("git grep failed in %s: %s" % (tree, out.stderr.strip()))
    return [f for f in out.stdout.split() if f not in SKIP]


def paragraphs(block):
    """Split the lines of a comment block into runs of text lines: a
    paragraph, or one kernel-doc '@name:' description; the separators
    (' *' alone, the opening and closing lines) are one-line runs."""
    runs, cur = [], []
    for line in block:
        if re.match(r"^\s*(/\*+|\*/?|\*/)\s*$", line):
            if cur:
                runs.append(cur)
                cur = []
            runs.append([line])
        elif re.match(r"^\s*\*\s+@\w+:", line) or re.match(r"^\s*/\*", line):
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
    return [l + "\n" for l in textwrap.wrap(text, WIDTH, initial_indent=prefix,
                                            subsequent_indent=prefix,
                                            break_long_words=False, break_on_hyphens=False)]


def rewrite(run):
    """The run's new lines, or None when no rule applies."""
    text = text_of(run)
    prefix = re.match(r"^(\s*\* )", run[0])
    prefix = prefix.group(1) if prefix else " * "
    if re.match(r"@owner:", text) and re.search(r"\bMMU_NOTIFY_", text):
        return fill(prefix, "@owner: identifies the driver that asks for exclusive access")
    if re.match(r"If (the )?event is MMU_NOTIFY_UNMAP\b", text):
        return []
    m = re.match(r"For (an )?unmap event, (.*)", text)
    if m:
        rest = m.group(2)
        return fill(prefix, rest[0].upper() + rest[1:])
    if re.match(r"For (an )?invalidation event\b", text):
        return []
    if "mmu_notifier_range_blockable(" in text:
        return [re.sub(r"mmu_notifier_range_blockable\((\w+)\)", r"\1->blockable", l) for l in run]
    return None


def drop_double_separators(lines):
    out = []
    for line in lines:
        if out and re.match(r"^\s*\*\s*$", line) and re.match(r"^\s*\*\s*$", out[-1]):
            continue
        out.append(line)
    return out


def rewrite_file(path, name):
    with open(path) as f:
        lines = f.readlines()
    out, i, changed = [], 0, False
    while i < len(lines):
        if not re.match(r"^\s*/\*", lines[i]) or "*/" in lines[i]:
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and "*/" not in lines[j]:
            j += 1
        block = lines[i:j + 1]
        if not any(REMOVED.search(l) for l in block):
            out.extend(block)
            i = j + 1
            continue
        new, n = [], i
        for run in paragraphs(block):
            if REMOVED.search(text_of(run)) or re.match(r"For (an )?(unmap|invalidation) event\b",
                                                       text_of(run)):
                repl = rewrite(run)
                if repl is None:
                    raise CommentError("%s:%d: no rule rewrites this comment: %s"
                                       % (name, n + 1, text_of(run)[:100]))
                new.extend(repl)
                changed = True
            else:
                new.extend(run)
            n += len(run)
        out.extend(drop_double_separators(new))
        i = j + 1
    for n, line in enumerate(out, 1):
        if COMMENT_LINE.match(line) and REMOVED.search(line):
            raise CommentError("%s:%d: a comment still names %s" % (name, n, REMOVED.search(line).group(0)))
    return out if changed else None


def main(argv):
    if len(argv) < 2:
        sys.stderr.write(__doc__.split("\n\n")[0] + "\n")
        return 2
    tree, names = argv[1], argv[2:]
    try:
        results = {}
        for name in files_to_scan(tree, names):
            new = rewrite_file("%s/%s" % (tree, name), name)
            if new is not None:
                results[name] = new
    except (OSError, CommentError) as e:
        sys.stderr.write("error: removed-api-comments: %s\n" % e)
        return 1
    for name, new in results.items():
        with open("%s/%s" % (tree, name), "w") as f:
            f.writelines(new)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
