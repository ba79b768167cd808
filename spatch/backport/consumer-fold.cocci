/// Backport: on the pre-v5.2 API every invalidation is, as far as a
/// consumer can know, an unmap, and none has an owner. Conditions that
/// test the event or the owner (migrate_pgmap_owner before v5.14) with
/// ==, !=, !, &&, ||, ?:, macros that wrap such a comparison, or
/// mmu_notifier_range_update_to_read_only() (false for an unmap) are
/// evaluated under those facts, and the constant conditions that result
/// are simplified away: an if whose condition is always true keeps its
/// body (and its braces when it declares something), one always false is
/// removed or keeps its else, a ternary keeps its live arm, a returned or
/// assigned test becomes true or false, and what is left of a condition
/// that still depends on the state of the driver is kept as the source
/// spells it. A switch on the event keeps its UNMAP arm, or its default
/// when no arm is UNMAP, for arms of one statement.
///
// Confidence: Moderate. The evaluation is exact for the operators above;
// an operand dropped next to a false && (or a true ||) is no longer
// evaluated, which matters only if it has side effects. An owner compared
// with anything but NULL is taken as different: drivers compare it with
// their own objects. The vma is not folded: the old API does not say
// whether an unmap had one, so tests of it are left for
// scripts/check-leftovers to report, as are switches with longer arms,
// loop conditions and other uses of the event.
// Copyright: (C) 2026 The mmu_notifier contextual information project. GPL-2.0
// Options: --no-includes
// Search: MMU_NOTIFY_[A-Z_]+|mmu_notifier_range|mmu_notifier_range_update_to_read_only
// Keywords: mmu_notifier_range, event, owner, vma, MMU_NOTIFY_UNMAP

virtual patch

@initialize:python@
@@
import re
UNMAP = "MMU_NOTIFY_UNMAP"
EVENT_RE = re.compile(r"^MMU_NOTIFY_[A-Z_]+$")
NULLS = ("NULL", "0", "((void *)0)")

_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<num>0[xX][0-9a-fA-F]+[uUlL]*|\d+[uUlL]*)
  | (?P<id>[A-Za-z_]\w*)
  | (?P<str>\x22(?:\\.|[^\x22\\])*\x22|\x27(?:\\.|[^\x27\\])*\x27)
  | (?P<op>->|\+\+|--|<<=|>>=|<<|>>|<=|>=|==|!=|&&|\|\||[-+*%&|^!~<>=?:,.()\[\]{}]|[/])
""", re.S | re.X)

BINARY = {
    "||": 1, "&&": 2, "|": 3, "^": 4, "&": 5, "==": 6, "!=": 6,
    "<": 7, ">": 7, "<=": 7, ">=": 7, "<<": 8, ">>": 8,
    "+": 9, "-": 9, "*": 10, "/": 10, "%": 10,
}


class Unknown(Exception):
    pass


def tokenize(src):
    toks, pos = [], 0
    while pos < len(src):
        m = _TOKEN.match(src, pos)
        if not m:
            raise Unknown(src[pos:])
        if m.lastgroup != "ws":
            toks.append((m.lastgroup, m.group(), m.start(), m.end()))
        pos = m.end()
    return toks


class Node:
    """A parsed sub-expression: its kind, children, and source span."""

    def __init__(self, kind, start, end, **kw):
        self.kind, self.start, self.end = kind, start, end
        self.__dict__.update(kw)


class Parser:
    def __init__(self, src):
        self.src, self.toks, self.i = src, tokenize(src), 0

    def peek(self, k=0):
        j = self.i + k
        return self.toks[j] if j < len(self.toks) else (None, None, len(self.src), len(self.src))

    def take(self, text=None):
        t = self.peek()
        if t[0] is None or (text is not None and t[1] != text):
            raise Unknown(text)
        self.i += 1
        return t

    def parse(self):
        n = self.ternary()
        if self.peek()[0] is not None:
            raise Unknown("trailing")
        return n

    def ternary(self):
        c = self.binary(1)
        if self.peek()[1] == "?":
            self.take("?")
            a = self.ternary()
            self.take(":")
            b = self.ternary()
            return Node("cond", c.start, b.end, c=c, a=a, b=b)
        return c

    def binary(self, minprec):
        left = self.unary()
        while True:
            t = self.peek()
            prec = BINARY.get(t[1]) if t[0] == "op" else None
            if prec is None or prec < minprec:
                return left
            self.take()
            right = self.binary(prec + 1)
            left = Node("bin", left.start, right.end, op=t[1], l=left, r=right)

    def unary(self):
        t = self.peek()
        if t[0] == "op" and t[1] in ("!", "~", "-", "+", "*", "&", "++", "--"):
            self.take()
            x = self.unary()
            return Node("un", t[2], x.end, op=t[1], x=x)
        if t[0] == "id" and t[1] == "sizeof":
            raise Unknown("sizeof")
        return self.postfix(self.primary())

    def primary(self):
        t = self.take()
        if t[0] in ("id", "num", "str"):
            return Node(t[0], t[2], t[3], text=t[1])
        if t[1] == "(":
            x = self.ternary()
            e = self.take(")")
            if self.peek()[0] in ("id", "num") or self.peek()[1] == "(":
                raise Unknown("cast")
            return Node("paren", t[2], e[3], x=x)
        raise Unknown(t[1])

    def postfix(self, n):
        while True:
            t = self.peek()
            if t[1] in ("->", "."):
                self.take()
                f = self.take()
                if f[0] != "id":
                    raise Unknown(f[1])
                n = Node("member", n.start, f[3], x=n, op=t[1], field=f[1])
            elif t[1] == "(":
                self.take()
                args = []
                if self.peek()[1] != ")":
                    args.append(self.ternary())
                    while self.peek()[1] == ",":
                        self.take(",")
                        args.append(self.ternary())
                e = self.take(")")
                n = Node("call", n.start, e[3], fn=n, args=args)
            elif t[1] == "[":
                self.take()
                self.ternary()
                e = self.take("]")
                n = Node("index", n.start, e[3])
            elif t[1] in ("++", "--"):
                self.take()
                n = Node("post", n.start, t[3])
            else:
                return n


def changed(r):
    """r, marked as rewritten: an operand or arm next to it was dropped."""
    return ("R", r[1], True) if r[0] == "R" else r


def _strip(text):
    text = re.sub(r"\s+", "", text)
    while text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    return text


class Folder:
    def __init__(self, src, ranges, macros):
        self.src = src
        self.ranges = set(_strip(r) for r in ranges)
        self.macros = macros

    def text(self, n):
        return self.src[n.start:n.end]

    def is_range(self, n):
        return _strip(self.text(n)) in self.ranges

    def member(self, n, field):
        """n is R->field (or R.field) for one of the ranges."""
        n = self.unparen(n)
        return n.kind == "member" and n.field == field and self.is_range(n.x)

    def event_of(self, n):
        """n is X->event or X.event: the event of a range (the constant it
        is compared with says so, whatever X is)."""
        n = self.unparen(n)
        return n.kind == "member" and n.field == "event"

    def unparen(self, n):
        while n.kind == "paren":
            n = n.x
        return n

    def event_const(self, n):
        n = self.unparen(n)
        return n.text if n.kind == "id" and EVENT_RE.match(n.text) else None

    def null(self, n):
        n = self.unparen(n)
        return n.kind in ("id", "num") and n.text in NULLS

    def fold(self, n):
        k = n.kind
        if k == "paren":
            r = self.fold(n.x)
            if r[0] != "R" or not r[2]:
                return r if r[0] != "R" else ("R", self.text(n), False)
            inner = self.parse_kind(r[1])
            if inner in ("primary", "unary"):
                return ("R", r[1], True)
            return ("R", "(" + r[1] + ")", True)
        if k == "un" and n.op == "!":
            r = self.fold(n.x)
            if r[0] == "T":
                return ("F",)
            if r[0] == "F":
                return ("T",)
            if not r[2]:
                return ("R", self.text(n), False)
            return ("R", "!" + r[1], True)
        if k == "bin" and n.op in ("==", "!="):
            v = self.compare(n)
            if v is not None:
                return ("T",) if v == (n.op == "==") else ("F",)
            return ("R", self.text(n), False)
        if k == "bin" and n.op in ("&&", "||"):
            return self.logic(n)
        if k == "cond":
            c = self.fold(n.c)
            if c[0] == "T":
                return changed(self.fold(n.a))
            if c[0] == "F":
                return changed(self.fold(n.b))
            return ("R", self.text(n), False)
        if self.member(n, "owner") or self.member(n, "migrate_pgmap_owner"):
            return ("F",)
        if k == "call":
            fn = self.unparen(n.fn)
            if fn.kind == "id" and fn.text == "mmu_notifier_range_update_to_read_only":
                return ("F",)
            if fn.kind == "id" and fn.text in self.macros:
                return (self.macros[fn.text],)
        return ("R", self.text(n), False)

    def compare(self, n):
        """True/False if R == X is decided on the old API, else None."""
        for a, b in ((n.l, n.r), (n.r, n.l)):
            ev = self.event_const(b)
            if ev and self.event_of(a):
                return ev == UNMAP
            if self.member(a, "owner") or self.member(a, "migrate_pgmap_owner"):
                return self.null(b)
        return None

    def logic(self, n):
        absorb, neutral = ("F", "T") if n.op == "&&" else ("T", "F")
        left, right = self.fold(n.l), self.fold(n.r)
        if left[0] == absorb or right[0] == absorb:
            return (absorb,)
        if left[0] == neutral:
            return changed(right)
        if right[0] == neutral:
            return changed(left)
        if not left[2] and not right[2]:
            return ("R", self.text(n), False)
        return ("R", left[1] + self.src[n.l.end:n.r.start] + right[1], True)

    def parse_kind(self, text):
        try:
            n = Parser(text).parse()
        except Unknown:
            return "other"
        if n.kind in ("id", "num", "str", "member", "call", "index", "paren", "post"):
            return "primary"
        return "unary" if n.kind == "un" else "other"


def fold(src, ranges=(), macros=None):
    try:
        tree = Parser(src).parse()
    except Unknown:
        return ("R", src)
    r = Folder(src, ranges, macros or {}).fold(tree)
    return r[:2] if r[0] == "R" else r


RANGES = set()
MACROS = {}


def kind(text):
    words = set(re.findall(r"\w+", text))
    if not (words & set(MACROS)) and not words & {"owner", "migrate_pgmap_owner"} and \
            "mmu_notifier_range_update_to_read_only" not in words and \
            not any(w.startswith("MMU_NOTIFY_") for w in words):
        return None
    r = fold(text, RANGES, MACROS)
    if r[0] != "R":
        return r[0]
    same = re.sub(r"\s+", "", r[1]) == re.sub(r"\s+", "", text)
    return None if same else "R"


def source(pos):
    """The text at a position, as the file spatch works on spells it."""
    with open(pos.file) as f:
        lines = f.read().split("\n")
    first, last = int(pos.line) - 1, int(pos.line_end) - 1
    if first == last:
        return lines[first][int(pos.column):int(pos.column_end)]
    text = [lines[first][int(pos.column):]] + lines[first + 1:last]
    return "\n".join(text + [lines[last][:int(pos.column_end)]])


def residual(p):
    text = fold(source(p[0]), RANGES, MACROS)[-1]
    try:
        n = Parser(text).parse()
        if n.kind == "paren":
            text = text[n.x.start:n.x.end]
    except Unknown:
        pass
    return cocci.make_ident(text)

@names depends on patch@
{struct mmu_notifier_range *, const struct mmu_notifier_range *} R;
identifier fld = {event, owner, migrate_pgmap_owner, vma};
@@
R->fld

@script:python@
R << names.R;
@@
RANGES.add(_strip(R))

// A macro whose body is such a test: its body and its uses become the
// constant.
@mac depends on patch@
identifier M;
identifier list PL;
expression E;
position p;
@@
#define M(PL) E@p

@script:python mac_fold@
M << mac.M;
PL << mac.PL;
E << mac.E;
NE;
@@
r = fold(E, list(RANGES) + [x.strip() for x in PL.split(",")], MACROS)
if r[0] in ("T", "F"):
    MACROS[M] = r[0]
    coccinelle.NE = cocci.make_ident("true" if r[0] == "T" else "false")
else:
    cocci.include_match(False)

@depends on patch@
identifier mac.M;
identifier list PL;
expression mac.E;
position mac.p;
identifier mac_fold.NE;
@@
#define M(PL)
- E@p
+ NE

// A switch on the event keeps its UNMAP arm, or its default when it has
// no UNMAP arm. Removing a closing brace of a switch makes spatch 1.1.1
// misprint the code after it, so the switch first becomes a bare block
// whose braces the next rule drops.
@sw_unmap depends on patch@
expression X;
statement S1, S2;
@@
(
- switch (X->event)
  {
- case MMU_NOTIFY_UNMAP:
  S1
- break;
- default:
- break;
  }
|
- switch (X->event)
  {
- default:
- break;
- case MMU_NOTIFY_UNMAP:
  S1
- break;
  }
|
- switch (X->event)
  {
- case MMU_NOTIFY_UNMAP:
  S1
- break;
- default:
- S2
- break;
  }
)

@depends on patch@
statement sw_unmap.S1;
@@
- {
  S1
- }

@sw_default depends on patch@
expression X;
statement S1, S2;
identifier K = {MMU_NOTIFY_CLEAR, MMU_NOTIFY_PROTECTION_VMA,
		MMU_NOTIFY_PROTECTION_PAGE, MMU_NOTIFY_SOFT_DIRTY,
		MMU_NOTIFY_RELEASE, MMU_NOTIFY_MIGRATE, MMU_NOTIFY_EXCLUSIVE};
@@
(
- switch (X->event)
  {
- case K:
- S1
- break;
- default:
  S2
- break;
  }
|
- switch (X->event)
  {
- case K:
- S1
- default:
  S2
- break;
  }
)

@depends on patch@
statement sw_default.S2;
@@
- {
  S2
- }

@sw_none depends on patch@
expression X;
statement S1;
identifier K = {MMU_NOTIFY_CLEAR, MMU_NOTIFY_PROTECTION_VMA,
		MMU_NOTIFY_PROTECTION_PAGE, MMU_NOTIFY_SOFT_DIRTY,
		MMU_NOTIFY_RELEASE, MMU_NOTIFY_MIGRATE, MMU_NOTIFY_EXCLUSIVE};
@@
- switch (X->event) { case K: S1 break; }

// Conditions of if statements. A block that starts with a declaration
// keeps its braces (no declaration after a statement).
@depends on patch@
expression C : script:python () { kind(C) == "T" };
declaration D;
statement S2;
@@
(
- if (C)
  {
  D
  ...
  }
- else S2
|
- if (C)
  {
  D
  ...
  }
)

@depends on patch@
expression C : script:python () { kind(C) == "F" };
declaration D;
statement S1;
@@
- if (C) S1 else
  {
  D
  ...
  }

@depends on patch@
expression C : script:python () { kind(C) == "T" };
statement S1, S2;
statement list SL;
@@
(
- if (C) {
  SL
- } else S2
|
- if (C)
  S1
- else S2
|
- if (C) {
  SL
- }
|
- if (C)
  S1
)

@depends on patch@
expression C : script:python () { kind(C) == "F" };
statement S1, S2;
statement list SL;
@@
(
- if (C) S1 else {
  SL
- }
|
- if (C) S1 else
  S2
|
- if (C) S1
)

// Values: the operand of ?:, what is returned, assigned or initialised.
@depends on patch@
expression C : script:python () { kind(C) == "T" };
expression A, B;
@@
- C ? A : B
+ A

@depends on patch@
expression C : script:python () { kind(C) == "F" };
expression A, B;
@@
- C ? A : B
+ B

@depends on patch@
expression C : script:python () { kind(C) == "T" };
expression X;
identifier x;
type T;
@@
(
  return
- C
+ true
  ;
|
  X =
- C
+ true
  ;
|
  T x =
- C
+ true
  ;
)

@depends on patch@
expression C : script:python () { kind(C) == "F" };
expression X;
identifier x;
type T;
@@
(
  return
- C
+ false
  ;
|
  X =
- C
+ false
  ;
|
  T x =
- C
+ false
  ;
)

// What is left of a condition that still depends on the state of the
// driver, spelled as the source spelled it.
@res depends on patch@
expression C : script:python () { kind(C) == "R" };
expression A, B, X;
statement S1, S2;
identifier x;
type T;
position p;
@@
(
if (C@p) S1 else S2
|
if (C@p) S1
|
C@p ? A : B
|
return C@p;
|
X = C@p;
|
T x = C@p;
)

@script:python res_text@
p << res.p;
NC;
@@
coccinelle.NC = residual(p)

@depends on patch@
expression res.C;
position res.p;
identifier res_text.NC;
@@
- C@p
+ NC
