//! GOTOOLCHAIN and the go/toolchain lines of go.work or go.mod: will go run itself, switch to
//! another toolchain (and which), or refuse — decided as cmd/go's `toolchain.Select` decides at
//! startup (docs/go/toolchains.md §1–§4). Versions are compared with go's `gover` rules, where the
//! language version `1.21` sorts before `1.21rc1`, which sorts before `1.21.0`.

pub use super::gover::{Gover, from_toolchain};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// No switching beyond the minimum.
    Local,
    /// Download newer toolchains as go.mod asks.
    Auto,
    /// Use newer toolchains from PATH only.
    Path,
}

/// A parsed GOTOOLCHAIN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    /// The minimum toolchain name (`go1.21.3`), or None for the local one.
    pub min: Option<String>,
    pub mode: Mode,
}

/// Parses GOTOOLCHAIN with go's error texts (`select.go:147-171, 271-285`).
pub fn parse_setting(value: &str) -> Result<Option<Setting>, String> {
    if value.is_empty() {
        return Ok(None);
    }
    let q = |s: &str| super::gourl::go_quote(s);
    let (min, suffix) = match value.split_once('+') {
        Some((m, s)) => (m, Some(s)),
        None => (value, None),
    };
    let mode = match (min, suffix) {
        ("auto", None) => {
            return Ok(Some(Setting {
                min: None,
                mode: Mode::Auto,
            }));
        }
        ("path", None) => {
            return Ok(Some(Setting {
                min: None,
                mode: Mode::Path,
            }));
        }
        ("local", None) => {
            return Ok(Some(Setting {
                min: None,
                mode: Mode::Local,
            }));
        }
        // select.go checks the minimum before the suffix.
        (m, _) if m != "local" && from_toolchain(m).is_none() => {
            return Err(if suffix.is_some() {
                format!(
                    "invalid GOTOOLCHAIN {}: invalid minimum toolchain {}",
                    q(value),
                    q(min)
                )
            } else {
                format!("invalid GOTOOLCHAIN {}", q(value))
            });
        }
        (_, None) => Mode::Local,
        (_, Some("auto")) => Mode::Auto,
        (_, Some("path")) => Mode::Path,
        (_, Some(_)) => {
            return Err(format!(
                "invalid GOTOOLCHAIN {}: only version suffixes are +auto and +path",
                q(value)
            ));
        }
    };
    if min == "local" {
        return Ok(Some(Setting { min: None, mode }));
    }
    Ok(Some(Setting {
        min: Some(min.to_owned()),
        mode,
    }))
}

/// What go will do at startup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Run the installed go.
    Local,
    /// Switch to this toolchain (`go1.28.0`); `path_only`: only from PATH, never download.
    Switch {
        target: String,
        reason: String,
        path_only: bool,
    },
    /// Refuse with go's message.
    Refuse(Refusal, String),
}

/// Why go refuses to start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// go.mod (or go.work) needs a newer go and GOTOOLCHAIN does not allow switching.
    TooNew,
    /// GOTOOLCHAIN is not a value go accepts.
    BadGotoolchain,
    /// The toolchain line is not a toolchain name.
    BadToolchainLine,
}

/// The go/toolchain lines that decide, and the file they come from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lines {
    /// `go.work` or `go.mod`.
    pub file: String,
    pub go: Option<String>,
    pub toolchain: Option<String>,
}

/// `toolchain.Select` for a module-loading command (`go mod download`).
pub fn decide(gotoolchain: &str, local: &Gover, lines: Option<&Lines>) -> Decision {
    let setting = match parse_setting(gotoolchain) {
        Err(e) => return Decision::Refuse(Refusal::BadGotoolchain, e),
        // No value anywhere: go never switches; a too-new go line fails without the suffix.
        Ok(None) => {
            return too_new(local, lines, "", false)
                .map_or(Decision::Local, |e| Decision::Refuse(Refusal::TooNew, e));
        }
        Ok(Some(s)) => s,
    };
    let local_name = format!("go{local}");
    let mut target = setting.min.clone().unwrap_or_else(|| local_name.clone());
    let mut reason = format!("GOTOOLCHAIN={gotoolchain}");
    if setting.mode == Mode::Local {
        if target != local_name {
            return Decision::Switch {
                target,
                reason,
                path_only: false,
            };
        }
        return too_new(local, lines, gotoolchain, false)
            .map_or(Decision::Local, |e| Decision::Refuse(Refusal::TooNew, e));
    }
    if let Some(l) = lines {
        let min_v = from_toolchain(&target).unwrap_or_else(|| local.clone());
        if l.toolchain.as_deref() == Some("default") {
            // `default` keeps the GOTOOLCHAIN minimum: go switches to it, and only a local run
            // is checked against the go line here (the switched-to go checks for itself).
            if target != local_name {
                return Decision::Switch {
                    target: target.clone(),
                    reason: reason.clone(),
                    path_only: setting.mode == Mode::Path,
                };
            }
            return too_new(local, lines, gotoolchain, true)
                .map_or(Decision::Local, |e| Decision::Refuse(Refusal::TooNew, e));
        }
        let mut best = min_v;
        if let Some(tc) = &l.toolchain {
            // select.go: FromToolchain must give a version, and it only reads `go…` names.
            match from_toolchain(tc) {
                Some(v) => {
                    if v > best {
                        best = v;
                        target = tc.clone();
                        reason = format!("toolchain line in {}", l.file);
                    }
                }
                _ => {
                    return Decision::Refuse(
                        Refusal::BadToolchainLine,
                        format!(
                            "invalid toolchain {} in {}",
                            super::gourl::go_quote(tc),
                            l.file
                        ),
                    );
                }
            }
        }
        if let Some(g) = l.go.as_deref().and_then(Gover::parse)
            && g > best
        {
            // `go 1.28` at startup means go1.28.0 (golang.org/issue/62278).
            let name = if g.is_lang() && g >= Gover::parse("1.21").unwrap_or(g.clone()) {
                format!("go{g}.0")
            } else {
                format!("go{g}")
            };
            target = name;
            reason = format!("go line in {}", l.file);
        }
    }
    if target == local_name {
        return Decision::Local;
    }
    Decision::Switch {
        target,
        reason,
        path_only: setting.mode == Mode::Path,
    }
}

/// `%v requires go >= %v (running go %v%v)` when the go line is newer than the local go.
fn too_new(
    local: &Gover,
    lines: Option<&Lines>,
    gotoolchain: &str,
    default_line: bool,
) -> Option<String> {
    let l = lines?;
    let need = Gover::parse(l.go.as_deref()?)?;
    if need <= *local {
        return None;
    }
    Some(format!(
        "go: {} requires go >= {need} (running go {local}{})",
        l.file,
        too_new_suffix(gotoolchain, &l.file, default_line)
    ))
}

/// `TooNewError`'s explanation after the running version (`gover/toolchain.go`): `;
/// GOTOOLCHAIN=…` unless it is `auto`, and what go.mod set when its line decided at startup.
fn too_new_suffix(gotoolchain: &str, file: &str, default_line: bool) -> String {
    let mut suffix = String::new();
    if !gotoolchain.is_empty() && gotoolchain != "auto" {
        suffix = format!("; GOTOOLCHAIN={gotoolchain}");
    }
    if default_line {
        suffix.push_str(&format!("; {file} sets toolchain default"));
    }
    suffix
}

/// go's `TooNewError` for a dependency whose go.mod needs a newer go, found while loading the
/// module graph after startup chose the local toolchain (modload `rawGoModSummary`; only go
/// lines at or above 1.21 count): `module M@V requires go >= N (running go L…)`.
pub fn dependency_too_new(
    what: &str,
    need: &Gover,
    local: &Gover,
    gotoolchain: &str,
    lines: Option<&Lines>,
) -> String {
    let file = lines.map_or("go.mod", |l| l.file.as_str());
    let mut suffix = too_new_suffix(gotoolchain, file, false);
    // select.go records (gover.Startup) which line of go.mod raised the minimum toolchain, even
    // to the running go itself: `; go.mod sets toolchain …` or `; go.mod sets go …`.
    if let (Ok(Some(setting)), Some(l)) = (parse_setting(gotoolchain), lines)
        && setting.mode != Mode::Local
    {
        let mut min = setting
            .min
            .as_deref()
            .and_then(from_toolchain)
            .unwrap_or_else(|| local.clone());
        let mut sets: Option<String> = None;
        if l.toolchain.as_deref() == Some("default") {
            sets = Some("toolchain default".into());
        } else {
            if let Some(tc) = &l.toolchain
                && let Some(v) = from_toolchain(tc)
                && v > min
            {
                min = v;
                sets = Some(format!("toolchain {tc}"));
            }
            if let Some(go) = l.go.as_deref()
                && Gover::parse(go).is_some_and(|g| g > min)
            {
                sets = Some(format!("go {go}"));
            }
        }
        if let Some(sets) = sets {
            suffix.push_str(&format!("; {file} sets {sets}"));
        }
    }
    format!("{what} requires go >= {need} (running go {local}{suffix})")
}

/// `dlToGo` (modfetch/toolchain.go): `v0.0.1-go1.99.1.darwin-arm64` → `1.99.1`.
pub fn dl_to_go(v: &str) -> Option<&str> {
    let (_, v) = v.split_once('-')?;
    let i = v.rfind('.')?;
    if !v[i + 1..].contains('-') {
        return None;
    }
    Some(v[..i].strip_prefix("go").unwrap_or(&v[..i]))
}

/// The versions a `golang.org/toolchain/@v/list` offers to a mid-command switch: every
/// GOOS/GOARCH merged, the running go's own version added, in gover order
/// (`toolchainRepo.Versions`).
pub fn listed_versions(list: &str, local: &Gover) -> Vec<Gover> {
    with_local(
        list.lines()
            .filter_map(|l| l.split_whitespace().next())
            .filter_map(dl_to_go),
        local,
    )
}

/// Releases (`1.99.0`) with the running go's own version added, in gover order, once each.
pub fn with_local<'a>(releases: impl Iterator<Item = &'a str>, local: &Gover) -> Vec<Gover> {
    let mut out: Vec<Gover> = releases.filter_map(Gover::parse).collect();
    out.push(local.clone());
    out.sort();
    out.dedup();
    out
}

/// `newerToolchain` (toolchain/switch.go): among the versions at or above `need`, the latest
/// patch of the oldest language family not followed by a newer released family.
pub fn newer_toolchain(need: &Gover, list: &[Gover]) -> Result<String, String> {
    let mut latest: Option<&Gover> = None;
    for v in list.iter().rev() {
        if v < need {
            break;
        }
        if latest.is_some_and(|l| l.family() == v.family()) {
            continue;
        }
        let newer = latest.replace(v);
        if newer.is_some_and(Gover::is_release) {
            break;
        }
    }
    latest
        .map(|v| format!("go{v}"))
        .ok_or_else(|| format!("no releases found for go >= {need}"))
}

/// GOTOOLCHAIN allows switching in the middle of a command (`HasAuto` / `HasPath`), and how.
pub fn switch_mode(gotoolchain: &str) -> Mode {
    match parse_setting(gotoolchain) {
        Ok(Some(s)) => s.mode,
        _ => Mode::Local,
    }
}

/// go's error when no route has toolchain `target` for `os`/`arch` (select.go Exec): a
/// language version (`go1.99`, from 1.21 on) is named as such, anything else "not available".
pub fn not_available(target: &str, os: &str, arch: &str) -> String {
    let lang = from_toolchain(target)
        .is_some_and(|v| v.is_lang() && Gover::parse("1.21").is_some_and(|min| v >= min));
    if lang {
        format!(
            "go: invalid toolchain: {target} is a language version but not a toolchain version ({target}.x)"
        )
    } else {
        format!("go: download {target} for {os}/{arch}: toolchain not available")
    }
}

/// The module go downloads for `target` on this platform.
pub fn module_version(target: &str) -> String {
    let (os, arch) = (
        std::env::consts::OS,
        match std::env::consts::ARCH {
            "x86_64" => "amd64",
            "aarch64" => "arm64",
            "x86" => "386",
            other => other,
        },
    );
    format!("v0.0.1-{target}.{os}-{arch}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Gover {
        Gover::parse(s).unwrap()
    }

    // docs/go/toolchains.md §2 table.
    #[test]
    fn setting_grammar() {
        assert_eq!(parse_setting("auto").unwrap().unwrap().mode, Mode::Auto);
        assert_eq!(
            parse_setting("local+path").unwrap().unwrap().mode,
            Mode::Path
        );
        assert_eq!(
            parse_setting("go1.50.0+auto")
                .unwrap()
                .unwrap()
                .min
                .as_deref(),
            Some("go1.50.0")
        );
        assert_eq!(
            parse_setting("bash").unwrap_err(),
            "invalid GOTOOLCHAIN \"bash\""
        );
        assert_eq!(parse_setting(" ").unwrap_err(), "invalid GOTOOLCHAIN \" \"");
        assert_eq!(
            parse_setting("gccgo-go1.99").unwrap_err(),
            "invalid GOTOOLCHAIN \"gccgo-go1.99\""
        );
        assert_eq!(
            parse_setting("foo+auto").unwrap_err(),
            "invalid GOTOOLCHAIN \"foo+auto\": invalid minimum toolchain \"foo\""
        );
        assert_eq!(
            parse_setting("go1.2.3+foo").unwrap_err(),
            "invalid GOTOOLCHAIN \"go1.2.3+foo\": only version suffixes are +auto and +path"
        );
        // The minimum is checked before the suffix (select.go).
        assert_eq!(
            parse_setting("foo+bar").unwrap_err(),
            "invalid GOTOOLCHAIN \"foo+bar\": invalid minimum toolchain \"foo\""
        );
        assert_eq!(parse_setting("").unwrap(), None);
    }

    fn lines(go: &str, tc: Option<&str>) -> Lines {
        Lines {
            file: "go.mod".into(),
            go: Some(go.into()),
            toolchain: tc.map(str::to_owned),
        }
    }

    // docs/go/toolchains.md §3 and §4, with go1.27.3 installed.
    #[test]
    fn startup_selection() {
        let local = v("1.27.3");
        assert_eq!(
            decide("auto", &local, Some(&lines("1.21", None))),
            Decision::Local
        );
        assert_eq!(
            decide("auto", &local, Some(&lines("1.99", None))),
            Decision::Switch {
                target: "go1.99.0".into(),
                reason: "go line in go.mod".into(),
                path_only: false
            }
        );
        assert!(
            matches!(decide("auto", &local, Some(&lines("1.99.0", Some("go1.98.1")))), Decision::Switch { target, .. } if target == "go1.99.0")
        );
        assert!(
            matches!(decide("auto", &local, Some(&lines("1.22", Some("go1.99.1")))), Decision::Switch { target, .. } if target == "go1.99.1")
        );
        assert!(matches!(
            decide("path", &local, Some(&lines("1.99", None))),
            Decision::Switch {
                path_only: true,
                ..
            }
        ));
        assert_eq!(
            decide("local", &local, Some(&lines("1.99.0", None))),
            Decision::Refuse(
                Refusal::TooNew,
                "go: go.mod requires go >= 1.99.0 (running go 1.27.3; GOTOOLCHAIN=local)".into()
            )
        );
        assert_eq!(
            decide("go1.27.3", &local, Some(&lines("1.99", None))),
            Decision::Refuse(
                Refusal::TooNew,
                "go: go.mod requires go >= 1.99 (running go 1.27.3; GOTOOLCHAIN=go1.27.3)".into()
            )
        );
        assert_eq!(decide("auto", &local, Some(&lines("1.99.0", Some("default")))), Decision::Refuse(Refusal::TooNew, "go: go.mod requires go >= 1.99.0 (running go 1.27.3; go.mod sets toolchain default)".into()));
        // A fixed name switches whatever go.mod says.
        assert!(
            matches!(decide("go1.98.1", &local, Some(&lines("1.99", None))), Decision::Switch { target, .. } if target == "go1.98.1")
        );
        assert!(
            matches!(decide("go1.50.0+auto", &local, None), Decision::Switch { target, .. } if target == "go1.50.0")
        );
        assert_eq!(
            decide("auto", &local, Some(&lines("1.22", Some("bogus")))),
            Decision::Refuse(
                Refusal::BadToolchainLine,
                "invalid toolchain \"bogus\" in go.mod".into()
            )
        );
        // FromToolchain reads only `go…` names: a `-go` suffix elsewhere is no toolchain.
        assert_eq!(
            decide("auto", &local, Some(&lines("1.22", Some("gccgo-go1.99.0")))),
            Decision::Refuse(
                Refusal::BadToolchainLine,
                "invalid toolchain \"gccgo-go1.99.0\" in go.mod".into()
            )
        );
        // `toolchain default` keeps a GOTOOLCHAIN minimum above the local go: go switches to it.
        assert!(
            matches!(decide("go1.30.0+auto", &local, Some(&lines("1.28", Some("default")))), Decision::Switch { target, .. } if target == "go1.30.0")
        );
        assert_eq!(
            decide("bash", &local, None),
            Decision::Refuse(
                Refusal::BadGotoolchain,
                "invalid GOTOOLCHAIN \"bash\"".into()
            )
        );
        // No GOTOOLCHAIN anywhere: never switches; no suffix on the error.
        assert_eq!(
            decide("", &local, Some(&lines("1.99.0", None))),
            Decision::Refuse(
                Refusal::TooNew,
                "go: go.mod requires go >= 1.99.0 (running go 1.27.3)".into()
            )
        );
    }

    #[test]
    fn language_versions_are_not_toolchains() {
        // go1.27.3, `toolchain go1.99` in go.mod (docs/go/toolchains.md §6; select.go 366-369).
        assert_eq!(
            not_available("go1.99", "linux", "amd64"),
            "go: invalid toolchain: go1.99 is a language version but not a toolchain version (go1.99.x)"
        );
        assert_eq!(
            not_available("go1.99.0", "linux", "amd64"),
            "go: download go1.99.0 for linux/amd64: toolchain not available"
        );
        assert_eq!(
            not_available("go1.20", "linux", "amd64"),
            "go: download go1.20 for linux/amd64: toolchain not available"
        );
    }

    #[test]
    fn module_versions() {
        assert!(module_version("go1.99.0").starts_with("v0.0.1-go1.99.0."));
    }

    #[test]
    fn mid_command_pick_follows_newer_toolchain() {
        // docs/go/toolchains.md §5, verified (E7): the latest patch of the oldest family ≥ need.
        let list: Vec<Gover> = ["1.98.5", "1.99.0", "1.99.1", "1.100rc1"]
            .iter()
            .map(|s| v(s))
            .collect();
        assert_eq!(newer_toolchain(&v("1.99"), &list).unwrap(), "go1.99.1");
        assert_eq!(newer_toolchain(&v("1.99.0"), &list).unwrap(), "go1.99.1");
        assert_eq!(newer_toolchain(&v("1.100"), &list).unwrap(), "go1.100rc1");
        assert_eq!(newer_toolchain(&v("1.98"), &list).unwrap(), "go1.98.5");
        let released: Vec<Gover> = ["1.98.5", "1.99.0", "1.100.0"]
            .iter()
            .map(|s| v(s))
            .collect();
        assert_eq!(newer_toolchain(&v("1.98"), &released).unwrap(), "go1.99.0");
        assert_eq!(
            newer_toolchain(&v("1.101"), &list).unwrap_err(),
            "no releases found for go >= 1.101"
        );
    }

    #[test]
    fn toolchain_lists_merge_platforms_and_add_the_local_go() {
        assert_eq!(dl_to_go("v0.0.1-go1.99.1.darwin-arm64"), Some("1.99.1"));
        assert_eq!(dl_to_go("v0.0.1-go1.21rc2.linux-amd64"), Some("1.21rc2"));
        assert_eq!(dl_to_go("v0.0.1"), None);
        assert_eq!(dl_to_go("v0.0.1-go1.99.1.zip"), None);
        let got = listed_versions(
            "v0.0.1-go1.99.0.linux-amd64\nv0.0.1-go1.99.1.darwin-arm64 2024-01-01T00:00:00.5Z\nv0.0.1-go1.99.0.windows-386\ngarbage\n",
            &v("1.27.3"),
        );
        let names: Vec<String> = got.iter().map(ToString::to_string).collect();
        assert_eq!(names, ["1.27.3", "1.99.0", "1.99.1"]);
    }

    #[test]
    fn dependency_too_new_reads_like_go() {
        // Verified with go1.27.3 (`go mod download`, a dependency with `go 1.99`).
        let l = lines("1.21", None);
        assert_eq!(
            dependency_too_new(
                "module example.com/dep@v1.0.0",
                &v("1.99"),
                &v("1.27.3"),
                "local",
                Some(&l)
            ),
            "module example.com/dep@v1.0.0 requires go >= 1.99 (running go 1.27.3; GOTOOLCHAIN=local)"
        );
        assert_eq!(
            dependency_too_new(
                "module example.com/dep@v1.0.0",
                &v("1.99"),
                &v("1.27.3"),
                "auto",
                Some(&l)
            ),
            "module example.com/dep@v1.0.0 requires go >= 1.99 (running go 1.27.3)"
        );
        // Verified with go1.27.3: a go.mod line that raised GOTOOLCHAIN's lower minimum to the
        // running go is named.
        assert_eq!(
            dependency_too_new(
                "module m@v1.0.0",
                &v("1.99"),
                &v("1.27.3"),
                "go1.21.0+auto",
                Some(&lines("1.21", Some("go1.27.3")))
            ),
            "module m@v1.0.0 requires go >= 1.99 (running go 1.27.3; GOTOOLCHAIN=go1.21.0+auto; go.mod sets toolchain go1.27.3)"
        );
        assert_eq!(
            dependency_too_new(
                "module m@v1.0.0",
                &v("1.99"),
                &v("1.27.3"),
                "go1.21.0+auto",
                Some(&lines("1.27.3", None))
            ),
            "module m@v1.0.0 requires go >= 1.99 (running go 1.27.3; GOTOOLCHAIN=go1.21.0+auto; go.mod sets go 1.27.3)"
        );
        assert_eq!(switch_mode("go1.22.0+path"), Mode::Path);
        assert_eq!(switch_mode("local"), Mode::Local);
        assert_eq!(switch_mode("bogus"), Mode::Local);
    }
}
