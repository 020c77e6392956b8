//! go.sum as go reads it: the cases below were each run through go1.19 and go1.27
//! (docs/go/semantics.md §11); `tests/it/gosum_agreement.rs` repeats the central ones with real go.

use super::*;
use crate::config::env::Environment;

const ZIP: &str = "h1:pYljjo+N2tXtmRkNDmvajK6HLsAuIZKbjFBytJLCU8w=";
const MOD: &str = "h1:taPoVR/rkuesp3l4DKkYkK0l58XM6+hFWpwQibvVl+I=";
const BAD: &str = "h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
const M: &str = "example.com/m";

fn go119() -> GoVersion {
    GoVersion::new(1, 19, 8)
}

fn go127() -> GoVersion {
    GoVersion::new(1, 27, 3)
}

fn parse(text: &str) -> GoSum {
    GoSum::parse(Path::new("/w/go.sum"), text.as_bytes())
}

fn hashes<'a>(sum: &'a GoSum, kind: SumKind, rules: &GoVersion) -> Vec<(&'a str, usize)> {
    sum.recorded(M, "v1.0.0", kind, rules)
        .map(|r| (r.hash.as_str(), r.line))
        .collect()
}

fn files(main: GoSum) -> GoSumFiles {
    GoSumFiles {
        main: Ok(main),
        workspace: Vec::new(),
        workspace_mode: false,
    }
}

#[test]
fn both_hashes_with_their_lines() {
    let sum = parse(&format!("{M} v1.0.0 {ZIP}\n{M} v1.0.0/go.mod {MOD}\n"));
    assert_eq!(hashes(&sum, SumKind::Zip, &go127()), [(ZIP, 1)]);
    assert_eq!(hashes(&sum, SumKind::GoMod, &go127()), [(MOD, 2)]);
    assert_eq!(sum.entries.len(), 1);
    assert!(sum.exists && sum.first_malformed.is_none());
    assert_eq!(
        hashes(&sum, SumKind::Zip, &go127()),
        hashes(&sum, SumKind::Zip, &go119())
    );
}

// Fields split at any white space, CR included; blank and space-only lines are skipped but
// counted; a last line without `\n` counts.
#[test]
fn white_space_and_line_numbers() {
    let sum = parse(&format!(
        "\r\n  \t\n{M}\tv1.0.0/go.mod  {MOD}\r\n\n{M} v1.0.0 {ZIP}"
    ));
    assert_eq!(hashes(&sum, SumKind::GoMod, &go127()), [(MOD, 3)]);
    assert_eq!(hashes(&sum, SumKind::Zip, &go127()), [(ZIP, 5)]);
    assert_eq!(sum.malformed_lines, 0);
    // Unicode spaces split fields as `strings.Fields` does (checked against go); bytes that
    // are not UTF-8, and U+200B, do not.
    let sum = parse(&format!(
        "{M}\u{a0}v1.0.0\u{2003}{ZIP}\n{M} v1.0.0\u{85}x {ZIP}\n"
    ));
    assert_eq!(hashes(&sum, SumKind::Zip, &go127()), [(ZIP, 1)]);
    assert_eq!(sum.first_malformed, Some(Malformed { line: 2, fields: 4 }));
    assert_eq!(fields("a\u{200b}b".as_bytes()).len(), 1);
    let sum = GoSum::parse(Path::new("go.sum"), b"a\xff\xfe b\x85c h1:x\n");
    assert_eq!(sum.malformed_lines, 0);
    assert_eq!(sum.entries.len(), 1);
    assert_eq!(fields(b"\xe2\x80\x83x\xe3\x80\x80y "), [&b"x"[..], b"y"]);
    assert!(fields(b"").is_empty());
}

// go1.19 (up to 1.21) stops reading at the first malformed line without a word; go ≥ 1.22
// stops the command with this text (every command but `go mod tidy`).
#[test]
fn malformed_lines_per_go_version() {
    let sum = parse(&format!(
        "{M} v1.0.0/go.mod {MOD}\n\nx y z w\n{M} v1.0.0 {ZIP}\nbogus\n"
    ));
    assert_eq!(sum.first_malformed, Some(Malformed { line: 3, fields: 4 }));
    assert_eq!(sum.malformed_lines, 2);
    assert_eq!(
        sum.malformed_error(&go127()).as_deref(),
        Some("malformed go.sum:\n/w/go.sum:3: wrong number of fields 4")
    );
    assert!(sum.malformed_error(&GoVersion::new(1, 22, 0)).is_some());
    assert_eq!(sum.malformed_error(&GoVersion::new(1, 21, 13)), None);
    assert_eq!(sum.malformed_error(&go119()), None);
    // go1.19 never saw line 4; go mod tidy in go1.27 reads it.
    assert_eq!(hashes(&sum, SumKind::GoMod, &go119()), [(MOD, 1)]);
    assert!(hashes(&sum, SumKind::Zip, &go119()).is_empty());
    assert_eq!(hashes(&sum, SumKind::Zip, &go127()), [(ZIP, 4)]);
    // A malformed first line hides the whole file from go1.19: `missing go.sum entry`.
    let sum = parse(&format!("{M} v1.0.0\n{M} v1.0.0/go.mod {MOD}\n"));
    assert!(!files(sum.clone()).have_sum(M, "v1.0.0", SumKind::GoMod, &go119()));
    assert_eq!(
        files(sum).fatal_error(&go127()),
        Some(SumFatal::Malformed(
            "malformed go.sum:\n/w/go.sum:1: wrong number of fields 2".into()
        ))
    );
}

#[test]
fn empty_go_mod_hash_is_dropped() {
    let sum = parse(&format!("{M} v1.0.0/go.mod {EMPTY_GO_MOD_HASH}\n"));
    assert!(sum.entries.is_empty());
    assert_eq!(sum.dropped_empty, [1]);
    assert!(!files(sum).have_sum(M, "v1.0.0", SumKind::GoMod, &go127()));
}

// Several hashes per key, in file order; only `h1:` ones count for HaveSum.
#[test]
fn several_hashes_and_unknown_algorithms() {
    let sum = parse(&format!(
        "{M} v1.0.0/go.mod h2:xyz\n{M} v1.0.0/go.mod {MOD}\n{M} v1.0.0/go.mod {MOD}\n"
    ));
    assert_eq!(
        hashes(&sum, SumKind::GoMod, &go127()),
        [("h2:xyz", 1), (MOD, 2), (MOD, 3)]
    );
    let only_h2 = files(parse(&format!("{M} v1.0.0/go.mod h2:xyz\n")));
    assert!(!only_h2.have_sum(M, "v1.0.0", SumKind::GoMod, &go127()));
    assert_eq!(
        only_h2.check(M, "v1.0.0", SumKind::GoMod, MOD, &go127()),
        SumCheck::NotListed {
            unknown: vec![Recorded {
                hash: "h2:xyz".into(),
                line: 1
            }]
        }
    );
    assert!(files(sum).have_sum(M, "v1.0.0", SumKind::GoMod, &go127()));
}

// The first `h1:` line decides (go1.19 and go1.27 alike): bad-then-good is a mismatch,
// good-then-bad is fine.
#[test]
fn first_h1_line_decides() {
    let bad_first = files(parse(&format!(
        "{M} v1.0.0/go.mod {BAD}\n{M} v1.0.0/go.mod {MOD}\n"
    )));
    let SumCheck::Mismatch(m) = bad_first.check(M, "v1.0.0", SumKind::GoMod, MOD, &go119()) else {
        panic!("no mismatch");
    };
    assert_eq!(m.recorded.line, 1);
    assert_eq!(
        m.go_error(),
        format!(
            "verifying example.com/m@v1.0.0/go.mod: checksum mismatch\n\tdownloaded: {MOD}\n\tgo.sum:     {BAD}\n\nSECURITY ERROR\nThis download does NOT match an earlier download recorded in go.sum.\nThe bits may have been replaced on the origin server, or an attacker may\nhave intercepted the download attempt.\n\nFor more information, see 'go help module-auth'.\n"
        )
    );
    let good_first = files(parse(&format!(
        "{M} v1.0.0/go.mod {MOD}\n{M} v1.0.0/go.mod {BAD}\n"
    )));
    assert_eq!(
        good_first.check(M, "v1.0.0", SumKind::GoMod, MOD, &go127()),
        SumCheck::Listed
    );
    // Zip hashes are keyed apart from go.mod hashes.
    assert_eq!(
        good_first.check(M, "v1.0.0", SumKind::Zip, ZIP, &go127()),
        SumCheck::NotListed { unknown: vec![] }
    );
    let SumCheck::Mismatch(m) = files(parse(&format!("{M} v1.0.0 {BAD}\n"))).check(
        M,
        "v1.0.0",
        SumKind::Zip,
        ZIP,
        &go127(),
    ) else {
        panic!("no mismatch");
    };
    assert!(
        m.go_error()
            .starts_with("verifying example.com/m@v1.0.0: checksum mismatch\n")
    );
}

fn sum_at(path: &str, text: &str) -> Result<GoSum, GoSumError> {
    Ok(GoSum::parse(Path::new(path), text.as_bytes()))
}

// Workspace mode: go.work.sum is the main file; each module's go.sum is named by its path.
#[test]
fn workspace_labels_and_order() {
    let ws = GoSumFiles {
        main: sum_at("/w/go.work.sum", &format!("{M} v1.0.0 {BAD}\n")),
        workspace: vec![
            sum_at("/w/a/go.sum", &format!("{M} v1.0.0/go.mod {MOD}\n")),
            sum_at("/w/b/go.sum", &format!("{M} v1.0.0/go.mod {BAD}\n")),
        ],
        workspace_mode: true,
    };
    let SumCheck::Mismatch(m) = ws.check(M, "v1.0.0", SumKind::Zip, ZIP, &go127()) else {
        panic!("no mismatch");
    };
    assert_eq!(m.label, "go.work.sum");
    // A conflict between workspace files is found even when one of them matches.
    let SumCheck::Mismatch(m) = ws.check(M, "v1.0.0", SumKind::GoMod, MOD, &go127()) else {
        panic!("no mismatch");
    };
    assert_eq!(
        (m.label.as_str(), m.file.as_path()),
        ("/w/b/go.sum", Path::new("/w/b/go.sum"))
    );
    assert!(ws.have_sum(M, "v1.0.0", SumKind::GoMod, &go127()));

    let ok = GoSumFiles {
        workspace: vec![sum_at("/w/a/go.sum", &format!("{M} v1.0.0/go.mod {MOD}\n"))],
        ..ws.clone()
    };
    assert_eq!(
        ok.check(M, "v1.0.0", SumKind::GoMod, MOD, &go127()),
        SumCheck::Listed
    );
    // go reads the workspace files first: the first problem there is go's error.
    let broken = GoSumFiles {
        main: sum_at("/w/go.work.sum", "x\n"),
        workspace: vec![sum_at("/w/a/go.sum", "y z\n")],
        workspace_mode: true,
    };
    let fatal = broken.fatal_error(&go127()).unwrap();
    assert_eq!(
        fatal.go_error(),
        Some("malformed go.sum:\n/w/a/go.sum:1: wrong number of fields 2")
    );
    assert_eq!(broken.fatal_error(&go119()), None);
    // A file godoctor cannot read comes first when it comes first, in godoctor's words.
    let unreadable = GoSumFiles {
        workspace: vec![Err(GoSumError::TooLarge {
            path: "/w/a/go.sum".into(),
            limit: 1,
        })],
        ..broken.clone()
    };
    let fatal = unreadable.fatal_error(&go119()).unwrap();
    assert!(matches!(fatal, SumFatal::Unreadable(_)) && fatal.go_error().is_none());
    // A GOWORK named otherwise has a `.sum` that go calls plain go.sum.
    assert_eq!(main_label(Path::new("/w/dev.work.sum")), "go.sum");
}

fn project_in(dir: &Path, env: &[(&str, &str)]) -> Project {
    Project::load(dir, &Environment::from_pairs(env.iter().copied()))
}

#[test]
fn which_files_go_reads() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    std::fs::create_dir_all(root.join("app/sub")).unwrap();
    std::fs::create_dir_all(root.join("lib")).unwrap();
    std::fs::write(root.join("app/go.mod"), "module example.com/app\n").unwrap();
    std::fs::write(root.join("app/go.sum"), format!("{M} v1.0.0 {ZIP}\n")).unwrap();

    let p = project_in(&root.join("app/sub"), &[]);
    let f = GoSumFiles::load(&p, &go127()).unwrap();
    let main = f.main.as_ref().unwrap();
    assert_eq!(main.path, root.join("app/go.sum"));
    assert!(main.exists && !f.workspace_mode && f.workspace.is_empty());

    std::fs::write(
        root.join("go.work"),
        "go 1.18\n\nuse (\n\t./app\n\tlib\n)\n",
    )
    .unwrap();
    let p = project_in(&root.join("app"), &[]);
    let f = GoSumFiles::load(&p, &go127()).unwrap();
    let main = f.main.as_ref().unwrap();
    assert_eq!(main.path, root.join("go.work.sum"));
    assert!(!main.exists && f.workspace_mode);
    let paths: Vec<_> = f
        .workspace
        .iter()
        .map(|r| r.as_ref().unwrap().path.clone())
        .collect();
    assert_eq!(paths, [root.join("app/go.sum"), root.join("lib/go.sum")]);
    // Go 1.17 knows no workspaces; GOWORK=off turns them off.
    let f = GoSumFiles::load(&p, &GoVersion::new(1, 17, 0)).unwrap();
    assert_eq!(f.main.unwrap().path, root.join("app/go.sum"));
    let p = project_in(&root.join("app"), &[("GOWORK", "off")]);
    assert!(!GoSumFiles::load(&p, &go127()).unwrap().workspace_mode);

    let outside = tempfile::tempdir().unwrap();
    assert_eq!(
        GoSumFiles::load(&project_in(outside.path(), &[]), &go127()),
        None
    );
}

#[test]
fn bounded_reads() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("go.sum");
    let missing = GoSum::read(&path).unwrap();
    assert!(!missing.exists && missing.entries.is_empty());

    std::fs::write(&path, format!("{M} v1.0.0 {ZIP}\n")).unwrap();
    let len = std::fs::metadata(&path).unwrap().len();
    assert!(read_capped(&path, len).is_ok());
    assert_eq!(
        read_capped(&path, len - 1),
        Err(GoSumError::TooLarge {
            path: path.clone(),
            limit: len - 1
        })
    );

    // A device (endless) or a directory is an error, never a hang.
    std::fs::remove_file(&path).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
    let e = GoSum::read(&path).unwrap_err();
    assert!(
        e.to_string()
            .ends_with("go.sum: not a regular file (a character device)"),
        "{e}"
    );
    assert_eq!(e.path(), path);
    std::fs::remove_file(&path).unwrap();
    std::fs::create_dir(&path).unwrap();
    assert!(matches!(GoSum::read(&path), Err(GoSumError::Read { .. })));
}

#[test]
fn garbage_never_panics() {
    for text in [
        &b""[..],
        b"\n\n\n",
        b"a b c",
        b"a /go.mod c\n",
        b"\xff\xff\xff \xff \xff\n",
        b"a b/go.mod/go.mod h1:\n",
        b" \xc2\xa0 \xc2\x85 \n",
    ] {
        let sum = GoSum::parse(Path::new("go.sum"), text);
        let _ = files(sum).check("a", "b", SumKind::GoMod, "h1:x", &go127());
    }
}

// Deterministic generated input: whatever the bytes, the parse keeps its invariants.
#[test]
fn generated_input_keeps_invariants() {
    const TOKENS: &[&[u8]] = &[
        b"example.com/m",
        b"v1.0.0",
        b"/go.mod",
        b"h1:",
        b"h2:x",
        b" ",
        b"\t",
        b"\n",
        b"\r",
        "\u{a0}".as_bytes(),
        b"\xff",
        EMPTY_GO_MOD_HASH.as_bytes(),
        MOD.as_bytes(),
    ];
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..2000 {
        let mut data = Vec::new();
        for _ in 0..(x % 40) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            data.extend_from_slice(TOKENS[(x % TOKENS.len() as u64) as usize]);
        }
        let sum = GoSum::parse(Path::new("go.sum"), &data);
        let lines = data.split(|b| *b == b'\n').count();
        for ((path, _), h) in &sum.entries {
            assert!(!path.is_empty());
            for r in h.go_mod.iter().chain(&h.zip) {
                assert!(r.line >= 1 && r.line <= lines, "{data:?}");
                assert_ne!(r.hash, EMPTY_GO_MOD_HASH);
                assert_eq!(fields(r.hash.as_bytes()).len(), 1);
            }
        }
        if let Some(m) = sum.first_malformed {
            assert!(m.fields != 3 && m.fields > 0 && m.line <= lines);
            assert!(sum.malformed_lines >= 1);
        }
    }
}
