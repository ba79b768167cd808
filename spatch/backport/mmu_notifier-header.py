#!/usr/bin/env python3
"""mmu_notifier-header.py TREE

Rewind include/linux/mmu_notifier.h of TREE to the pre-contextual range API
(mainline up to v5.1), in place, by construct rather than by line:

  - the kernel-doc and definition of enum mmu_notifier_event go;
  - #define MMU_NOTIFIER_RANGE_BLOCKABLE goes;
  - the struct mmu_notifier_range that has a flags field loses vma, flags,
    event and owner (migrate_pgmap_owner before v5.14) and gains
    'bool blockable' after end;
  - mmu_notifier_range_init() loses its event, flags and vma parameters
    and their assignments, in the inline function and in the macro;
  - mmu_notifier_range_init_owner() / _init_migrate(),
    mmu_notifier_range_blockable() and
    mmu_notifier_range_update_to_read_only() go, as declarations,
    definitions or macros, on both sides of CONFIG_MMU_NOTIFIER;
  - comments that name the accessor name the field instead.

It copes with what each packaged tag has (v5.10: migrate_pgmap_owner and
init_migrate, no EXCLUSIVE; v6.1: owner, vma, init_owner; v6.12: no vma).
What it cannot find or cannot parse is an error naming the construct, and
nothing is written. The uses of the blockable bit in the inline functions
(range->flags |= ...) are left to blockable-field.cocci, which runs later
on the whole tree.

Why not spatch: the edits are to preprocessor definitions (a #define, the
macros of the !CONFIG_MMU_NOTIFIER side) and to one struct that exists in
two #ifdef branches; spatch either cannot match those or reformats them.
"""

import re
import sys

HEADER = "include/linux/mmu_notifier.h"

# Fields of struct mmu_notifier_range that the pre-contextual API lacks.
REMOVED_FIELDS = ("vma", "flags", "event", "owner", "migrate_pgmap_owner")
# Parameters of mmu_notifier_range_init() that it lacks.
REMOVED_INIT_PARAMS = ("event", "flags", "vma")
# Functions (or function-like macros) that do not exist before v5.2.
REMOVED_FUNCTIONS = (
    "mmu_notifier_range_init_owner",
    "mmu_notifier_range_init_migrate",
    "mmu_notifier_range_blockable",
    "mmu_notifier_range_update_to_read_only",
)
# At least one of these must be found, or the header is not one we know.
REQUIRED_FUNCTIONS = ("mmu_notifier_range_blockable",)


class RewindError(Exception):
    pass


def line_of(text, pos):
    return text.count("\n", 0, pos) + 1


def drop_blank_after(text, start, end):
    """Remove text[start:end] and, when that leaves two blank lines in a
    row, one of them."""
    before, after = text[:start], text[end:]
    if before.endswith("\n\n") and after.startswith("\n"):
        after = after[1:]
    return before + after


def remove_enum(text):
    m = re.search(r"(/\*\*(?:(?!\*/).)*?\*/\n)?enum mmu_notifier_event \{[^}]*\};\n",
                  text, re.S)
    if not m:
        raise RewindError("no 'enum mmu_notifier_event { ... };' definition")
    doc = m.group(1)
    if doc and "enum mmu_notifier_event" not in doc:
        # Only the enum's own kernel-doc goes with it.
        return drop_blank_after(text, m.start() + len(doc), m.end())
    return drop_blank_after(text, m.start(), m.end())


def remove_define(text, name):
    m = re.search(r"^#define %s\b.*\n" % re.escape(name), text, re.M)
    if not m:
        raise RewindError("no '#define %s'" % name)
    return drop_blank_after(text, m.start(), m.end())


def rewind_struct(text):
    """The struct with a flags field is the CONFIG_MMU_NOTIFIER one."""
    done = 0
    for m in reversed(list(re.finditer(r"^struct mmu_notifier_range \{\n(.*?)^\};\n",
                                       text, re.M | re.S))):
        body = m.group(1)
        if not re.search(r"^\s*unsigned(?: int)? flags;", body, re.M):
            continue
        lines = []
        has_end = False
        for line in body.splitlines(keepends=True):
            field = re.match(r"^\s*[^;()]*?\**\s*(\w+);\s*$", line)
            if field and field.group(1) in REMOVED_FIELDS:
                continue
            lines.append(line)
            if field and field.group(1) == "end":
                indent = re.match(r"^\s*", line).group(0)
                lines.append(indent + "bool blockable;\n")
                has_end = True
        if not has_end:
            raise RewindError("struct mmu_notifier_range (line %d) has no 'end' field"
                              % line_of(text, m.start()))
        text = text[:m.start(1)] + "".join(lines) + text[m.end(1):]
        done += 1
    if done != 1:
        raise RewindError("expected one struct mmu_notifier_range with a flags field, found %d"
                          % done)
    return text


def matching(text, pos, open_ch, close_ch):
    """Index just past the bracket that closes the one at text[pos]."""
    depth = 0
    for i in range(pos, len(text)):
        if text[i] == open_ch:
            depth += 1
        elif text[i] == close_ch:
            depth -= 1
            if depth == 0:
                return i + 1
    raise RewindError("unbalanced '%s' from line %d" % (open_ch, line_of(text, pos)))


def macro_span(text, name):
    """(start, end) of '#define NAME...' with its continuation lines."""
    m = re.search(r"^#define %s\b" % re.escape(name), text, re.M)
    if not m:
        return None
    end = m.start()
    while True:
        eol = text.index("\n", end)
        if text[eol - 1] != "\\":
            return m.start(), eol + 1
        end = eol + 1


def function_span(text, name):
    """(start, end) of a top-level declaration or definition of NAME: from
    the first line of its declaration specifiers to its ';' or closing '}'."""
    for m in re.finditer(r"^(?!#)(.*?)\b%s\(" % re.escape(name), text, re.M):
        # A call inside a body is indented; a declaration starts at column 0.
        if text[m.start()] in " \t":
            continue
        start = m.start()
        # Specifiers on the lines before ("static inline bool\nNAME(...)").
        while start > 0:
            prev = text.rfind("\n", 0, start - 1) + 1
            line = text[prev:start - 1]
            if not line or line[0] in " \t#/*" or line.rstrip().endswith((";", "}", "*/", "\\")):
                break
            start = prev
        paren = m.end() - 1
        after = matching(text, paren, "(", ")")
        rest = re.match(r"\s*([;{])", text[after:])
        if not rest:
            raise RewindError("cannot parse the declaration of %s at line %d"
                              % (name, line_of(text, m.start())))
        if rest.group(1) == ";":
            end = after + rest.end()
        else:
            end = matching(text, after + rest.start(1), "{", "}")
        if text[end:end + 1] == "\n":
            end += 1
        return start, end
    return None


def remove_functions(text):
    found = set()
    for name in REMOVED_FUNCTIONS:
        while True:
            span = function_span(text, name) or macro_span(text, name)
            if not span:
                break
            found.add(name)
            text = drop_blank_after(text, *span)
    for name in REQUIRED_FUNCTIONS:
        if name not in found:
            raise RewindError("no declaration or macro of %s()" % name)
    return text


def param_name(param):
    m = re.search(r"(\w+)\s*$", param)
    return m.group(1) if m else ""


def drop_params(params):
    """Drop the REMOVED_INIT_PARAMS from a parameter list, keeping the
    layout (one per line, aligned) of what stays."""
    parts = params.split(",")
    kept = [p for p in parts if param_name(p) not in REMOVED_INIT_PARAMS]
    if len(kept) == len(parts):
        return params
    if parts[0] is not kept[0]:
        kept[0] = kept[0].lstrip()
    return ",".join(kept)


def rewind_init_function(text):
    span = function_span(text, "mmu_notifier_range_init")
    if not span:
        raise RewindError("no inline definition of mmu_notifier_range_init()")
    start, end = span
    func = text[start:end]
    paren = func.index("mmu_notifier_range_init(") + len("mmu_notifier_range_init")
    close = matching(func, paren, "(", ")")
    func = func[:paren + 1] + drop_params(func[paren + 1:close - 1]) + func[close - 1:]
    fields = "|".join(REMOVED_FIELDS)
    func = re.sub(r"^\s*range->(?:%s)\s*=\s*[^;]*;\n" % fields, "", func, flags=re.M)
    return text[:start] + func + text[end:]


def rewind_init_macro(text):
    m = re.search(r"^(#define mmu_notifier_range_init)\(([^)]*)\)[ \t]*", text, re.M)
    if not m:
        raise RewindError("no '#define mmu_notifier_range_init(...)' (the !CONFIG_MMU_NOTIFIER side)")
    params = [p.strip() for p in m.group(2).split(",")]
    params = [p for p in params if p not in REMOVED_INIT_PARAMS]
    return text[:m.start()] + "%s(%s) " % (m.group(1), ", ".join(params)) + text[m.end():]


def rewind_comments(text):
    """Only comment lines: the code's readers are blockable-field.cocci's."""
    accessor = re.compile(r"mmu_notifier_range_blockable\((\w+)\)")
    return "".join(accessor.sub(r"\1->blockable", line) if re.match(r"\s*(/\*|\*)", line) else line
                   for line in text.splitlines(keepends=True))


LEFTOVER = re.compile(r"enum mmu_notifier_event|\bMMU_NOTIFY_\w+|"
                      r"update_to_read_only|range_init_(?:owner|migrate)|migrate_pgmap_owner|"
                      r"range->(?:vma|event|owner)\b")


def check_leftovers(text):
    bad = ["%s:%d: %s" % (HEADER, n, line.strip())
           for n, line in enumerate(text.splitlines(), 1) if LEFTOVER.search(line)]
    if bad:
        raise RewindError("left in the header after the rewind:\n  " + "\n  ".join(bad))


def rewind(text):
    if "enum mmu_notifier_event" not in text:
        raise RewindError("no enum mmu_notifier_event: already the pre-contextual API")
    for step in (remove_enum,
                 lambda t: remove_define(t, "MMU_NOTIFIER_RANGE_BLOCKABLE"),
                 rewind_struct, remove_functions, rewind_init_function,
                 rewind_init_macro, rewind_comments):
        text = step(text)
    check_leftovers(text)
    return text


def main(argv):
    if len(argv) != 2:
        sys.stderr.write(__doc__.split("\n\n")[0] + "\n")
        return 2
    path = "%s/%s" % (argv[1], HEADER)
    try:
        with open(path) as f:
            old = f.read()
        new = rewind(old)
    except (OSError, RewindError) as e:
        sys.stderr.write("error: mmu_notifier-header.py: %s: %s\n" % (HEADER, e))
        return 1
    with open(path, "w") as f:
        f.write(new)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
