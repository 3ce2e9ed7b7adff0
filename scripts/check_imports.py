#!/usr/bin/env python3
"""Find import circles between the crate's files and modules.

Usage: python3 scripts/check_imports.py [--with-tests] [SRC_DIR]   (default: src/ beside this script)

Each crate (the library from src/lib.rs, every binary from src/main.rs and src/bin/) is read
separately: its module tree is built from the `mod` declarations (with `#[path]`), then every
`use crate::…`, `use super::…`, `use self::…`, relative `use child::…` and inline path
(`crate::x::y`, `super::x`, `child::x`) is resolved to the file that defines the item it names.
Re-exports are followed to the defining file, so a `mod.rs` that only re-exports (`pub use
child::Item` with `Item` unused in its own code) is a facade, not an importer.

Findings, one line each:
  cycle    files that import each other (directly or through other files);
  sibling  inside a module, two of its children (a file or a whole sub-module, or the module's
           own mod.rs) that import each other; a file importing from an ancestor's sibling that
           imports back shows up here;
  upward   the same at the crate's top level: module A imports module B while B (transitively)
           imports A, e.g. `config` -> `grpc` -> `config`.
A module-level circle whose members are all single files is the same circle as a file cycle
and is reported once, as a cycle.

Code under `#[cfg(test)]` is not counted unless --with-tests is given: a unit test may build
its fixture with a stage above the one it tests (a quote test running the whole pipeline)
without that stage depending on what is above it.

Exit status 1 when anything is found, 0 with a one-line summary otherwise. Standard library only.
"""

import os
import re
import sys
from collections import defaultdict

KEYWORDS_ITEM = {"struct", "enum", "fn", "trait", "type", "const", "static", "union"}
NOT_ITEM_NAME = {"fn", "unsafe", "async", "extern", "_", "mut"}
MAX_CYCLES_PER_GROUP = 50


# ---------------------------------------------------------------- lexing


def strip(src):
    """Comments, strings and char literals blanked to spaces (offsets and lines kept)."""
    out = list(src)
    i, n = 0, len(src)

    def blank(a, b):
        for k in range(a, min(b, n)):
            if out[k] != "\n":
                out[k] = " "

    while i < n:
        c = src[i]
        if src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            blank(i, j)
            i = j
        elif src.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if src.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif src.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            blank(i, j)
            i = j
        elif c in "rb" and (m := re.match(r'(?:br|r)(#*)"', src[i:])) and not _ident_before(src, i):
            end = src.find('"' + m.group(1), i + len(m.group(0)))
            end = n if end < 0 else end + 1 + len(m.group(1))
            blank(i, end)
            i = end
        elif c == '"' or (c == "b" and src.startswith('b"', i) and not _ident_before(src, i)):
            j = i + (2 if c == "b" else 1)
            while j < n and src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            blank(i, j + 1)
            i = j + 1
        elif c == "'":
            m = re.match(r"'(?:\\u\{[0-9a-fA-F]+\}|\\x[0-9a-fA-F]{2}|\\.|[^\\'\n])'", src[i:])
            if m:
                blank(i, i + len(m.group(0)))
                i += len(m.group(0))
            else:
                i += 1  # a lifetime
        else:
            i += 1
    return "".join(out)


def _ident_before(src, i):
    return i > 0 and (src[i - 1].isalnum() or src[i - 1] == "_")


TOKEN = re.compile(r"r#[A-Za-z_]\w*|[A-Za-z_]\w*|::|\d\w*|\S")


def tokens(code):
    return [(m.group(0).removeprefix("r#"), m.start()) for m in TOKEN.finditer(code)]


# ---------------------------------------------------------------- module tree


class Module:
    def __init__(self, path, file, parent, crate):
        self.path = path  # tuple of names from the crate root
        self.file = file
        self.parent = parent
        self.crate = crate
        self.children = {}
        self.items = set()
        self.imports = {}  # bound name -> list of segments (module-level `use`)
        self.globs = []  # segment lists of module-level `use …::*`
        self.test = parent.test if parent else False  # inside `#[cfg(test)]`


class FileInfo:
    def __init__(self, path, module):
        self.path = path
        self.module = module  # the module the file is
        self.uses = []  # (module, segments, bound, is_glob, is_pub, line)
        self.inline = []  # (module, segments, line)
        self.code_idents = set()  # identifiers outside `use` statements


class Crate:
    def __init__(self, name, root_file):
        self.name = name
        self.files = {}
        self.root = Module((), root_file, None, self)
        self._load(root_file, self.root, mod_rs=True)

    def _load(self, path, module, mod_rs):
        if path in self.files or not os.path.exists(path):
            return
        info = FileInfo(path, module)
        self.files[path] = info
        with open(path, encoding="utf-8") as f:
            raw = f.read()
        path_attrs = {m.start(): m.group(1) for m in re.finditer(r'#\s*\[\s*path\s*=\s*"([^"]+)"', raw)}
        test_attrs = {m.start() for m in re.finditer(r"#\s*\[\s*cfg\s*\(\s*test\s*\)\s*\]", raw)}
        code = strip(raw)
        toks = tokens(code)
        line_of = _line_index(code)
        # mod-rs files own their directory; `a/b.rs` declares children under `a/b/`.
        base = os.path.dirname(path)
        child_dir = base if mod_rs else os.path.join(base, os.path.splitext(os.path.basename(path))[0])
        stack = []  # brace frames: Module for `mod x {`, None otherwise
        pending_path, pending_test = None, False
        i = 0
        while i < len(toks):
            t, pos = toks[i]
            prev = toks[i - 1][0] if i else ""
            cur = next((f for f in reversed(stack) if f is not None), module)
            at_module_level = not stack or stack[-1] is not None
            if t == "#" and pos in path_attrs:
                pending_path = path_attrs[pos]
            elif t == "#" and pos in test_attrs:
                pending_test = True
            elif t == "{":
                stack.append(None)
                pending_test = False
            elif t == "}":
                if stack:
                    stack.pop()
                pending_test = False
            elif t == ";":
                pending_path, pending_test = None, False
            elif t == "mod" and prev not in ("::", ".") and i + 2 < len(toks):
                name, after = toks[i + 1][0], toks[i + 2][0]
                child = Module(cur.path + (name,), path, cur, self)
                child.test = child.test or pending_test
                pending_test = False
                cur.children[name] = child
                if at_module_level:
                    cur.items.add(name)
                if after == "{":
                    child.file = path
                    stack.append(child)
                    i += 3
                    pending_path = None
                    continue
                if after == ";":
                    depth_dirs = [f.path[-1] for f in stack if f is not None]
                    if pending_path:
                        target = os.path.normpath(os.path.join(base, *depth_dirs, pending_path))
                    else:
                        d = os.path.join(child_dir, *depth_dirs)
                        flat, nested = os.path.join(d, name + ".rs"), os.path.join(d, name, "mod.rs")
                        target = flat if os.path.exists(flat) else nested
                    child.file = target
                    self._load(target, child, mod_rs=os.path.basename(target) == "mod.rs")
                    pending_path = None
                    i += 3
                    continue
            elif t == "use" and prev not in ("::", "."):
                is_pub = _is_pub(toks, i)
                end = i + 1
                while end < len(toks) and toks[end][0] != ";":
                    end += 1
                for segs, bound, glob in _use_tree([x[0] for x in toks[i + 1 : end]]):
                    info.uses.append((cur, segs, bound, glob, is_pub, line_of(pos)))
                    if at_module_level:
                        if glob:
                            cur.globs.append(segs)
                        elif bound and bound != "_":
                            cur.imports[bound] = segs
                i = end + 1
                continue
            elif t in KEYWORDS_ITEM and at_module_level and i + 1 < len(toks) and prev not in ("::", "."):
                name = toks[i + 1][0]
                if re.match(r"[A-Za-z_]\w*$", name) and name not in NOT_ITEM_NAME:
                    cur.items.add(name)
            elif t == "macro_rules" and i + 2 < len(toks) and toks[i + 1][0] == "!":
                cur.items.add(toks[i + 2][0])
            if re.match(r"[A-Za-z_]\w*$", t):
                info.code_idents.add(t)
                if i + 1 < len(toks) and toks[i + 1][0] == "::" and prev not in ("::", ".", "'"):
                    segs, j = [t], i + 1
                    while j + 1 < len(toks) and toks[j][0] == "::" and re.match(r"[A-Za-z_]\w*$", toks[j + 1][0]):
                        segs.append(toks[j + 1][0])
                        j += 2
                    if len(segs) > 1:
                        info.inline.append((cur, segs, line_of(pos)))
            i += 1


def _line_index(code):
    starts = [0] + [m.end() for m in re.finditer(r"\n", code)]

    def line_of(pos):
        lo, hi = 0, len(starts)
        while lo + 1 < hi:
            mid = (lo + hi) // 2
            if starts[mid] <= pos:
                lo = mid
            else:
                hi = mid
        return lo + 1

    return line_of


def _is_pub(toks, i):
    j = i - 1
    if j >= 0 and toks[j][0] == ")":
        while j >= 0 and toks[j][0] != "(":
            j -= 1
        j -= 1
    return j >= 0 and toks[j][0] == "pub"


def _use_tree(ts):
    """Leaves of a use tree as (segments, bound name, is_glob)."""
    out = []

    def tree(k, prefix):
        segs = list(prefix)
        if k < len(ts) and ts[k] == "::":
            k += 1
        while k < len(ts):
            t = ts[k]
            if t == "{":
                k += 1
                while k < len(ts) and ts[k] != "}":
                    k = tree(k, segs)
                    if k < len(ts) and ts[k] == ",":
                        k += 1
                return k + 1
            if t == "*":
                out.append((segs, None, True))
                return k + 1
            if t in (",", "}"):
                break
            if t == "as":
                bound = ts[k + 1]
                out.append((segs, bound, False))
                return k + 2
            if t != "::":
                segs = segs + [t]
            k += 1
        if segs and segs[-1] == "self":
            segs = segs[:-1]
        if segs:
            out.append((segs, segs[-1], False))
        return k

    tree(0, [])
    return out


# ---------------------------------------------------------------- resolution


def lookup(mod, name, seen):
    key = (id(mod), name)
    if key in seen:
        return None
    seen.add(key)
    if name in mod.children:
        return ("mod", mod.children[name])
    if name in mod.items:
        return ("item", mod.file)
    if name in mod.imports:
        return resolve(mod, mod.imports[name], seen)
    for segs in mod.globs:
        r = resolve(mod, segs, seen)
        if r and r[0] == "mod":
            found = lookup(r[1], name, seen)
            if found:
                return found
    return None


def resolve(start, segs, seen):
    """('mod', Module) or ('item', file) for a path, None when it leaves the crate."""
    first = segs[0]
    if first == "crate":
        cur, i = start.crate.root, 1
    elif first in ("super", "self"):
        cur, i = start, 0
    else:
        r = lookup(start, first, seen)
        if r is None or r[0] == "item":
            return r
        cur, i = r[1], 1
    while i < len(segs):
        s = segs[i]
        if s == "super":
            if cur.parent is None:
                return None
            cur = cur.parent
        elif s != "self":
            r = lookup(cur, s, seen)
            if r is None:
                return ("item", cur.file)
            if r[0] == "item":
                return r
            cur = r[1]
        i += 1
    return ("mod", cur)


def target_file(r):
    return r[1].file if r[0] == "mod" else r[1]


def build_edges(crate, with_tests):
    """{source file: {target file: set of names}}, self-imports dropped."""
    edges = defaultdict(lambda: defaultdict(set))
    for path, info in crate.files.items():
        for mod, segs, bound, glob, is_pub, line in info.uses:
            if mod.test and not with_tests:
                continue
            r = resolve(mod, segs, set())
            if r is None:
                continue
            tgt = target_file(r)
            if tgt == path:
                continue
            if is_pub and not _reexport_used_here(info, r, bound, glob):
                continue
            edges[path][tgt].add(("*" if glob else segs[-1]) + f" (line {line})")
        for mod, segs, line in info.inline:
            if mod.test and not with_tests:
                continue
            if segs[0] not in ("crate", "super", "self") and segs[0] not in mod.children:
                r = lookup(mod, segs[0], set())
                if r is None or r[0] == "item":
                    continue
            r = resolve(mod, segs, set())
            if r is None:
                continue
            tgt = target_file(r)
            if tgt != path:
                edges[path][tgt].add("::".join(segs) + f" (line {line})")
    return edges


def _reexport_used_here(info, r, bound, glob):
    """A `pub use` is an import of this file only if its own code names what it re-exports."""
    if not glob:
        return bound in info.code_idents
    if r[0] != "mod":
        return False
    names = r[1].items | set(r[1].imports) | set(r[1].children)
    return bool(names & info.code_idents)


# ---------------------------------------------------------------- graphs


def sccs(nodes, adj):
    index, low, on, stack, out, counter = {}, {}, set(), [], [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(adj.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return [c for c in out if len(c) > 1]


def elementary_cycles(comp, adj):
    """Every simple cycle inside one strongly connected component, each once (capped)."""
    order = {v: k for k, v in enumerate(comp)}
    found = []
    for start in comp:
        path, onpath = [start], {start}

        def walk(v):
            for w in sorted(adj.get(v, ())):
                if w not in order or order[w] < order[start]:
                    continue
                if w == start:
                    found.append(list(path))
                    if len(found) >= MAX_CYCLES_PER_GROUP:
                        return True
                elif w not in onpath:
                    path.append(w)
                    onpath.add(w)
                    if walk(w):
                        return True
                    path.pop()
                    onpath.discard(w)
            return False

        if walk(start):
            break
    return found


# ---------------------------------------------------------------- findings


def rel(path, src):
    return os.path.relpath(path, os.path.dirname(src))


def check_crate(crate, src, with_tests):
    edges = build_edges(crate, with_tests)
    findings = []
    adj = {u: set(vs) for u, vs in edges.items()}
    for comp in sccs(crate.files, adj):
        for cyc in elementary_cycles(comp, adj):
            hops = [(cyc[k], cyc[(k + 1) % len(cyc)]) for k in range(len(cyc))]
            chain = " -> ".join(rel(f, src) for f in cyc + [cyc[0]])
            why = "; ".join(f"{rel(a, src)} uses {', '.join(sorted(edges[a][b]))}" for a, b in hops)
            findings.append(f"cycle [{crate.name}]: {chain}  ({why})")

    # Module-level circles: every import u -> v counts between the two children of their
    # closest common module that contain u and v (the module's own file is the child "mod.rs").
    module_paths = {info.module.path for info in crate.files.values()}
    by_level = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    multi = defaultdict(set)  # level -> children that are sub-modules with files of their own
    for u, vs in edges.items():
        pu = crate.files[u].module.path
        for v, names in vs.items():
            pv = crate.files[v].module.path
            k = 0
            while k < min(len(pu), len(pv)) and pu[k] == pv[k]:
                k += 1
            level = pu[:k]
            gu = pu[k] if len(pu) > k else "mod.rs"
            gv = pv[k] if len(pv) > k else "mod.rs"
            by_level[level][gu][gv].append((u, v, names))
            for g in (gu, gv):
                if g != "mod.rs" and _has_subfiles(module_paths, level + (g,)):
                    multi[level].add(g)
    for level in sorted(by_level):
        groups = by_level[level]
        gadj = {g: set(ts) for g, ts in groups.items()}
        nodes = set(gadj) | {t for ts in gadj.values() for t in ts}
        where = "::".join(level) if level else "crate"
        kind = "upward" if not level else "sibling"
        for comp in sccs(nodes, gadj):
            for cyc in elementary_cycles(comp, gadj):
                if not any(g in multi[level] for g in cyc):
                    continue  # all single files: already reported as a file cycle
                hops = [(cyc[k], cyc[(k + 1) % len(cyc)]) for k in range(len(cyc))]
                chain = " -> ".join(cyc + [cyc[0]])
                why = "; ".join(
                    ", ".join(
                        f"{rel(u, src)} -> {rel(v, src)} ({', '.join(sorted(n)[:3])}{', …' if len(n) > 3 else ''})"
                        for u, v, n in groups[a][b]
                    )
                    for a, b in hops
                )
                findings.append(f"{kind} [{crate.name}] in {where}: {chain}  ({why})")
    n_edges = sum(len(vs) for vs in edges.values())
    return findings, len(crate.files), n_edges


def _has_subfiles(module_paths, path):
    """True when the module at `path` has files below it (a directory, not one file)."""
    return any(p[: len(path)] == path and len(p) > len(path) for p in module_paths)


def crates(src):
    out = []
    if os.path.exists(os.path.join(src, "lib.rs")):
        out.append(("lib", os.path.join(src, "lib.rs")))
    if os.path.exists(os.path.join(src, "main.rs")):
        out.append(("bin main.rs", os.path.join(src, "main.rs")))
    bindir = os.path.join(src, "bin")
    if os.path.isdir(bindir):
        for name in sorted(os.listdir(bindir)):
            p = os.path.join(bindir, name)
            if name.endswith(".rs"):
                out.append((f"bin {name[:-3]}", p))
            elif os.path.exists(os.path.join(p, "main.rs")):
                out.append((f"bin {name}", os.path.join(p, "main.rs")))
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    args = [a for a in sys.argv[1:] if a != "--with-tests"]
    with_tests = "--with-tests" in sys.argv[1:]
    src = args[0] if args else os.path.join(here, "..", "src")
    src = os.path.normpath(src)
    all_findings, summary, seen_files = [], [], set()
    for name, root in crates(src):
        crate = Crate(name, root)
        seen_files |= set(crate.files)
        findings, n_files, n_edges = check_crate(crate, src, with_tests)
        all_findings += findings
        summary.append(f"{name}: {n_files} files, {n_edges} edges")
    orphans = []
    for d, _, fs in os.walk(src):
        orphans += [os.path.join(d, f) for f in fs if f.endswith(".rs") and os.path.join(d, f) not in seen_files]
    for f in sorted(orphans):
        all_findings.append(f"unread: {rel(f, src)} belongs to no crate's module tree (a `mod` or `#[path]` the checker missed?)")
    for line in all_findings:
        print(line)
    if all_findings:
        print(f"check_imports: {len(all_findings)} finding(s); {'; '.join(summary)}")
        return 1
    tests = "test code included" if with_tests else "#[cfg(test)] code not counted (--with-tests counts it)"
    print(f"check_imports: {'; '.join(summary)}; {tests}: no circles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
