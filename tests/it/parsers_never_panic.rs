//! Every parser of go's settings and files, fed a few thousand deterministic pseudo-random and
//! mutated inputs, must not panic and must keep its invariants; every checked-in fuzz input of
//! every target (those of server answers too: `fuzz/src/responses.rs`) is replayed.
//!
//! This is the stable-toolchain, dependency-free companion of the cargo-fuzz targets in `fuzz/`:
//! the invariants are the very same code (`fuzz/src/checks.rs`, included below), only the inputs
//! come from a small xorshift generator over an alphabet of the characters and words these
//! parsers care about instead of from libFuzzer. Same seed, same inputs, on every run.
//!
//! Invariants that godoctor currently breaks are listed in `checks::Known` (see
//! `fuzz/README.md`): the main tests tolerate them, and one `#[ignore]`d test per issue checks
//! it strictly (`cargo test --test it parsers_never_panic -- --ignored`). When an issue is fixed,
//! drop it from `TOLERATED` and delete its ignored test.

#[path = "../../fuzz/src/checks.rs"]
mod checks;
#[path = "../../fuzz/src/responses.rs"]
mod responses;

use checks::Known;

/// Issues the main tests tolerate until they are fixed.
/// Both issues the fuzzers found (redaction, go.mod blocks) are fixed: nothing is tolerated.
const TOLERATED: &[Known] = &[];

/// Inputs per parser family: a third purely generated, the rest mutated seeds.
const INPUTS: usize = 3000;

/// xorshift64* (Vigna): tiny, fast and good enough to pick tokens.
struct XorShift(u64);

impl XorShift {
    fn new(seed: u64) -> Self {
        XorShift(seed | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Characters and words every parser gets: separators, glob and URL syntax, whitespace, quotes,
/// keywords, multi-byte UTF-8 and bytes that are not UTF-8 at all.
const COMMON: &[&[u8]] = &[
    b",",
    b"|",
    b"/",
    b":",
    b".",
    b"@",
    b"+",
    b"[",
    b"]",
    b"*",
    b"?",
    b"\\",
    b" ",
    b"%",
    b"\r",
    b"\n",
    b"\t",
    b"\"",
    b"`",
    b"'",
    b"#",
    b"=",
    b"-",
    b"^",
    b"<",
    b">",
    b"\x00",
    b"direct",
    b"off",
    b"https://",
    b"http://",
    b"file://",
    b"://",
    b"//",
    b"sum.golang.org",
    b"proxy.golang.org",
    b"user:pass@",
    b"u:secret@",
    b"%zz",
    b"%41",
    b"[::1]",
    b":8080",
    "é".as_bytes(),
    "☺".as_bytes(),
    "\u{a0}".as_bytes(),
    "\u{fffd}".as_bytes(),
    b"\xff",
    b"\xc3",
    b"\xe2\x98",
    b"\xed\xa0\x80",
    b"\x7f",
    b"\x01",
    b"a",
    b"Z",
    b"0",
    b"9",
    b"x.example",
];

const GOPROXY_WORDS: &[&[u8]] = &[
    b"noproxy",
    b"socks5://",
    b"goproxy.cn",
    b"localhost",
    b" , ",
];
const GOSUMDB_WORDS: &[&[u8]] = &[
    b"sum.golang.google.cn",
    b"+033de0ae+",
    b"Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8",
    b"PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
    b"\x01",
    b"\x02",
    b"AQ==",
];
const PATTERN_WORDS: &[&[u8]] = &[b"[^", b"[a-z]", b"*.", b"rsc.io", b"quote", b"v3", b"\\*"];
const GOENV_WORDS: &[&[u8]] = &[
    b"GOPROXY=",
    b"GOSUMDB=",
    b"GOPRIVATE=",
    b"goprivate=",
    b"# comment",
    b"\r\n",
    b"\x0b",
];
const URL_WORDS: &[&[u8]] = &[
    b"HTTP://", b"mailto:", b"?x=1", b"#frag", b"]:80", b"[", b"*",
];
const GOMOD_WORDS: &[&[u8]] = &[
    b"module ",
    b"go ",
    b"toolchain ",
    b"require ",
    b"replace ",
    b"use ",
    b"exclude ",
    b"retract ",
    b" => ",
    b"(",
    b")",
    b"// indirect",
    b"v1.2.3",
    b"../lib",
    b" h1:x=",
    b"/go.mod",
    b"machine ",
    b"login ",
    b"password ",
    b"macdef ",
    b"default",
    b"global",
    b"file:/home/u/.gitconfig",
    b"url.",
    b".insteadof",
    b"http.sslverify",
    b"false",
];

const GOPROXY_SEEDS: &[&[u8]] = &[
    b"https://proxy.golang.org,direct",
    b"https://a.example|https://b.example,direct\x00corp.example",
    b" goproxy.cn , direct",
    b"off\x00*.corp",
    b"file:///srv/mods",
    b"localhost:8080|direct,https://never.example",
    b"direct\x00x",
    b"https://u:secret@h.example:x",
];
const GOSUMDB_SEEDS: &[&[u8]] = &[
    b"sum.golang.org",
    b"sum.golang.google.cn",
    b"off",
    b"sum.golang.org https://goproxy.example/sumdb/sum.golang.org",
    b"sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8 https://mirror.example",
    b"PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
    // name \0 key bytes (no 0 byte: 0x01 and a 32-byte Ed25519 key) \0 URL: the check builds a
    // verifier key with a correct hash from these.
    b"sum.example.com\x00\x01\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x20\x00https://mirror.example/sumdb",
    b"x.example/path\x00\x01abcdefghijklmnopqrstuvwxyz012345\x00",
];
const PATTERN_SEEDS: &[&[u8]] = &[
    b"*.corp.example.com,rsc.io/\x00git.corp.example.com/team/repo",
    b"*/quote/*\x00rsc.io/quote/v3",
    b"a[b-d]?c\\*\x00abxc*",
    b"[^a\xc3\xa9]\x00\xe2\x98\xba",
    b"a.com, b.com\x00b.com/x",
];
const GOENV_SEEDS: &[&[u8]] = &[
    b"GOPROXY=https://goproxy.cn,direct\n# comment\n\ngoprivate=x\nNOEQUALS\nGOPROXY=https://second\n",
    b"GOPROXY=https://goproxy.cn\r\nGOSUMDB =off\nGONOSUMDB= x\n",
    b"GOPRIVATE=\xff\xfe.com\n\xff=1\n",
];
const URL_SEEDS: &[&[u8]] = &[
    b"https://user:pw@goproxy.cn:8443/a/b?x=1#f",
    b"HTTP://[::1]:80/",
    b"file:///srv/proxy",
    b"mailto:x@y",
    b"proxy.corp:3128",
    b"socks5://s:1080",
    b"https://h/%zz",
    b"1a:b/c",
];
const GOMOD_SEEDS: &[&[u8]] = &[
    b"\x00module example.com/app\n\ngo 1.22.1\ntoolchain go1.23.4\nrequire (\n\tgithub.com/pkg/errors v0.9.1\n\tgolang.org/x/text v0.14.0 // indirect\n)\nreplace a => ../lib\n",
    b"\x01go 1.23\n\nuse ./a\n",
    b"\x00a.example/m v1.0.0 h1:x=\na.example/m v1.0.0/go.mod h1:y=\n",
    b"\x00machine git.corp.example login u password p\nmacdef init\nmachine hidden login u password p\n\ndefault\n",
    b"\x00global\x00file:/home/u/.gitconfig\x00url.git@github.com:.insteadof\nhttps://github.com/\x00system\x00file:/etc/gitconfig\x00http.sslverify\nfalse\x00",
    b"\x00\"unterminated\n`raw\n",
];

fn token<'a>(rng: &mut XorShift, extra: &[&'a [u8]]) -> &'a [u8] {
    if !extra.is_empty() && rng.chance(3) {
        let t: &&[u8] = rng.pick(extra);
        t
    } else {
        let t: &&[u8] = rng.pick(COMMON);
        t
    }
}

/// A fresh input: a handful of tokens, now and then a raw random byte.
fn generate(rng: &mut XorShift, extra: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::new();
    for _ in 0..rng.below(16) {
        if rng.chance(8) {
            out.push(rng.next() as u8);
        } else {
            out.extend_from_slice(token(rng, extra));
        }
    }
    out
}

/// A seed with a few edits: insert a token, delete or duplicate a range, change a byte, or splice
/// in another seed.
fn mutate(rng: &mut XorShift, seeds: &[&[u8]], extra: &[&[u8]]) -> Vec<u8> {
    let mut out = rng.pick(seeds).to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(5) {
            0 | 1 => {
                let t = token(rng, extra);
                out.splice(at..at, t.iter().copied());
            }
            2 => {
                let end = (at + 1 + rng.below(8)).min(out.len());
                out.drain(at.min(end)..end);
            }
            3 => {
                if at < out.len() {
                    out[at] = rng.next() as u8;
                }
            }
            _ => {
                let other = rng.pick(seeds);
                let from = rng.below(other.len() + 1);
                let to = (from + rng.below(16)).min(other.len());
                out.splice(at..at, other[from..to].iter().copied());
            }
        }
    }
    out
}

/// Feeds `check` the seeds, then `INPUTS` generated and mutated inputs; on a panic, names the
/// input (as a byte-string literal) so it can be replayed or added to the fuzz corpus.
fn run(name: &str, seed: u64, seeds: &[&[u8]], extra: &[&[u8]], check: fn(&[u8])) {
    let mut rng = XorShift::new(seed);
    let mut inputs: Vec<Vec<u8>> = seeds.iter().map(|s| s.to_vec()).collect();
    for i in 0..INPUTS {
        inputs.push(if i % 3 == 0 {
            generate(&mut rng, extra)
        } else {
            mutate(&mut rng, seeds, extra)
        });
    }
    for input in &inputs {
        let result = std::panic::catch_unwind(|| check(input));
        if let Err(e) = result {
            let msg = e
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| e.downcast_ref::<&str>().copied())
                .unwrap_or("(non-string panic)");
            panic!(
                "{name}: invariant broken for input b\"{}\": {msg}",
                input.escape_ascii()
            );
        }
    }
}

/// Runs `f` with exactly `tolerated` known issues tolerated (the setting is per thread, and every
/// test runs on its own thread).
fn checked(tolerated: &[Known], f: impl FnOnce()) {
    checks::tolerate(tolerated);
    f();
}

#[test]
fn goproxy_parse_keeps_its_invariants() {
    checked(TOLERATED, || {
        run(
            "goproxy",
            0x9e37_79b9_7f4a_7c15,
            GOPROXY_SEEDS,
            GOPROXY_WORDS,
            checks::check_goproxy,
        )
    });
}

#[test]
fn gosumdb_parse_keeps_its_invariants() {
    checked(TOLERATED, || {
        run(
            "gosumdb",
            0xd1b5_4a32_d192_ed03,
            GOSUMDB_SEEDS,
            GOSUMDB_WORDS,
            checks::check_gosumdb,
        )
    });
}

#[test]
fn patterns_keep_their_invariants() {
    checked(TOLERATED, || {
        run(
            "patterns",
            0x8cb9_2ba7_2f3d_8dd7,
            PATTERN_SEEDS,
            PATTERN_WORDS,
            checks::check_patterns,
        )
    });
}

#[test]
fn goenv_file_parse_keeps_its_invariants() {
    checked(TOLERATED, || {
        run(
            "goenv_file",
            0xa076_1d64_78bd_642f,
            GOENV_SEEDS,
            GOENV_WORDS,
            checks::check_goenv_file,
        )
    });
}

#[test]
fn gourl_and_proxy_parse_keep_their_invariants() {
    checked(TOLERATED, || {
        run(
            "gourl",
            0xe703_7ed1_a0b4_28db,
            URL_SEEDS,
            URL_WORDS,
            checks::check_gourl,
        )
    });
}

#[test]
fn gomod_netrc_and_git_parsers_keep_their_invariants() {
    checked(TOLERATED, || {
        run(
            "gomod",
            0x5851_f42d_4c95_7f2d,
            GOMOD_SEEDS,
            GOMOD_WORDS,
            checks::check_gomod,
        )
    });
}

const TOOLCHAIN_WORDS: &[&[u8]] = &[
    b"auto",
    b"local",
    b"path",
    b"+auto",
    b"+path",
    b"go1.",
    b"1.",
    b"21",
    b"99",
    b".0",
    b"rc1",
    b"beta2",
    b"v0.0.1-go",
    b".linux-amd64",
    b".darwin-arm64",
    b"\n",
    b"-",
    b" ",
];

const TOOLCHAIN_SEEDS: &[&[u8]] = &[
    b"auto\n1.99\nv0.0.1-go1.99.0.linux-amd64\nv0.0.1-go1.99.1.darwin-arm64\n",
    b"go1.21.0+auto\n1.100\nv0.0.1-go1.100rc1.linux-amd64\nv0.0.1-go1.99.5.linux-amd64\n",
    b"path\n1.21rc2\nv0.0.1-go1.21rc2.linux-amd64 2024-01-01T00:00:00.5Z\n",
    b"local\n1.2\n<html>\n",
];

#[test]
fn toolchain_rules_keep_their_invariants() {
    checked(TOLERATED, || {
        run(
            "toolchain",
            0x2545_f491_4f6c_dd1d,
            TOOLCHAIN_SEEDS,
            TOOLCHAIN_WORDS,
            checks::check_toolchain,
        )
    });
}

/// Inputs found by the fuzzers that leak a password (fuzz/README.md, "Known issues").
type Check = fn(&[u8]);

const LEAKS: &[(Check, &[u8])] = &[
    // No scheme: `//user:pass@host` has userinfo for url.Parse, but nothing redacts it.
    (checks::check_goproxy, b"//u:secret@h"),
    (checks::check_gourl, b"//u:secret@h"),
    // Userinfo with a character that ends redact_urls' authority early (' " < > , |).
    (checks::check_goproxy, b"socks5://u:sec'ret@h"),
    (checks::check_goproxy, b"https://u:sec<ret@h/%zz"),
    (checks::check_gourl, b"https://u:p,secret@h"),
    // A URL right after an authority that ends in ':' is skipped by redact_urls.
    (checks::check_goproxy, b"https://https://u:secret@h/%zz"),
    // URL text in a path: the error prints the entry unredacted when it has no userinfo itself.
    (checks::check_goproxy, b"ftp://x/https://u:secret@h"),
];

#[test]
fn strict_redaction() {
    checked(&[Known::GomodBlocks], || {
        for (check, input) in LEAKS {
            check(input);
        }
        run(
            "goproxy",
            0x9e37_79b9_7f4a_7c15,
            GOPROXY_SEEDS,
            GOPROXY_WORDS,
            checks::check_goproxy,
        );
        run(
            "gosumdb",
            0xd1b5_4a32_d192_ed03,
            GOSUMDB_SEEDS,
            GOSUMDB_WORDS,
            checks::check_gosumdb,
        );
        run(
            "gourl",
            0xe703_7ed1_a0b4_28db,
            URL_SEEDS,
            URL_WORDS,
            checks::check_gourl,
        );
    });
}

#[test]
fn strict_gomod_blocks() {
    checked(&[Known::Redaction], || {
        checks::check_gomod(b"\x00module m\nuse (\n\t./a\n)\n");
        checks::check_gomod(b"\x01go 1.23\nmodule (\n\texample.com/m\n)\n");
        run(
            "gomod",
            0x5851_f42d_4c95_7f2d,
            GOMOD_SEEDS,
            GOMOD_WORDS,
            checks::check_gomod,
        );
    });
}

const GOFILE_WORDS: &[&[u8]] = &[
    b"package",
    b"import",
    b" p",
    b"_test",
    b"(",
    b")",
    b";",
    b"\"",
    b"`",
    b"\\",
    b"\\x2f",
    b"\\u00e9",
    b"//",
    b"/*",
    b"*/",
    b"//go:build ",
    b"// +build ",
    b"ignore",
    b"!",
    b"&&",
    b"||",
    b"\n\n",
    b".",
    b"_",
    b"\xef\xbb\xbf",
    b"\x00",
    b"example.com/",
    b"gopkg.in/x.v",
    b"/v2",
    b"/v1",
    b"@v1",
    b"./",
    b"C",
];

const GOFILE_SEEDS: &[&[u8]] = &[
    b"example.com/m/x/v2\n//go:build linux && !ignore\n\npackage p\n\nimport (\n\t\"fmt\"\n\t. \"example.com/a\"\n\t_ `b/c`\n)\n",
    b"gopkg.in/yaml.v3/sub\n// +build a,!b c\n\npackage p_test; import x \"d\\x2fe\"; import \"C\"\nfunc f() {}\n",
    b"Example.com/Upper\npackage p\n;\nimport (\"a\" \"b\")\n/* unterminated",
    b"./rel\n\xef\xbb\xbfpackage p\nimport \"a\\q\"\n",
];

#[test]
fn go_file_headers_and_import_paths_keep_their_invariants() {
    checked(TOLERATED, || {
        run(
            "gofile",
            0x9e37_79b9_7f4a_7c15,
            GOFILE_SEEDS,
            GOFILE_WORDS,
            checks::check_gofile,
        )
    });
}

// Every checked-in fuzz input (`fuzz/seeds/<target>/` and the minimised corpus
// `fuzz/corpus/<target>/`) replayed through the very check its cargo-fuzz target runs, so what
// the fuzzers found and kept stays fixed without nightly.

use std::path::Path;

/// A fuzz target: its name and the check it runs.
type Target = (&'static str, fn(&[u8]));

/// Each target in fuzz/Cargo.toml and the check it runs.
const TARGETS: &[Target] = &[
    ("goproxy", checks::check_goproxy),
    ("gosumdb", checks::check_gosumdb),
    ("patterns", checks::check_patterns),
    ("goenv_file", checks::check_goenv_file),
    ("gourl", checks::check_gourl),
    ("gomod", checks::check_gomod),
    ("toolchain", checks::check_toolchain),
    ("gofile", checks::check_gofile),
    ("payload", responses::check_payload),
    ("sumdb_note", responses::check_sumdb),
    ("redirect", responses::check_redirect),
    ("server_response", responses::check_server_response),
    ("http_head", responses::check_http_head),
];

#[test]
fn every_fuzz_target_is_replayed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let listed: Vec<&str> = manifest
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .filter_map(|l| l.strip_suffix('"'))
        .filter(|n| *n != "godoctor-fuzz")
        .collect();
    let known: Vec<&str> = TARGETS.iter().map(|(n, _)| *n).collect();
    assert_eq!(listed, known, "fuzz/Cargo.toml targets and TARGETS differ");
}

#[test]
fn seeds_and_corpus_keep_their_invariants() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut replayed = 0;
    for (target, check) in TARGETS {
        for dir in ["seeds", "corpus"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) else {
                continue;
            };
            for e in entries {
                let path = e.unwrap().path();
                let input = std::fs::read(&path).unwrap();
                let r = std::panic::catch_unwind(|| check(&input));
                assert!(r.is_ok(), "{target}: {} ({input:?})", path.display());
                replayed += 1;
            }
        }
    }
    assert!(replayed > 50, "only {replayed} inputs found");
}
