//! The rules of `godoctor explain`: which words of go's error text mean which failure, and
//! what to say about it — catalog ids (`i18n/*/explain.ftl`) for the summary, the meaning, the
//! checks that are sentences and the fixes' descriptions; checks and fixes that are commands
//! stay here as typed actions, written for the user's shell and system when explained. Message
//! rules (here) are found by their needles, the first whose needles all occur winning, so the
//! more specific texts come first; the rules of [`structural`] are named by decide.rs from the
//! error's structure.

use crate::diagnose::Code;
use crate::diagnose::remedy::{Action, FileOp, System, split_words};

/// A command of the table: built when a paste is explained, its placeholders (`<host>`,
/// `<path>` …) filled in where go's text names them, then written for the user's shell.
pub(super) type Command = fn() -> Action;

/// One thing to check.
#[derive(Debug, Clone, Copy)]
pub(super) enum Check {
    /// A catalog id.
    Text(&'static str),
    /// A command, the same in every language.
    Command(Command),
}

#[derive(Debug)]
pub(super) struct Rule {
    /// What decide.rs names it by.
    pub id: &'static str,
    /// Message rules: every needle must occur (case-sensitive, as go prints it). Empty for the
    /// rules decide.rs reaches from the error's structure.
    pub needles: &'static [&'static str],
    /// Its layer is the code's.
    pub code: Code,
    /// Catalog ids: `explain-<code-kebab>[-<variant>]-summary`, `…-meaning`.
    pub summary: &'static str,
    pub meaning: &'static str,
    pub checks: &'static [Check],
    /// The catalog id of each fix's description (`…-fix-<n>`), and its command; `<host>` and
    /// `<private host or prefix>` are filled in when go's text names the host.
    pub fixes: &'static [(&'static str, Option<Command>)],
}

/// `line` run with `vars` set for that run alone.
pub(super) fn with(vars: &[(&str, &str)], line: &str) -> Action {
    Action::ExecWith {
        vars: vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
        argv: split_words(line),
    }
}

/// The environment variables whose names start with these.
pub(super) fn show_env(names: &[&str]) -> Action {
    Action::System(System::ShowEnv(
        names.iter().map(|n| (*n).to_owned()).collect(),
    ))
}

/// A file at a path go reports.
fn go_file(var: &str, rel: &str, op: FileOp) -> Action {
    Action::System(System::GoFile {
        var: var.to_owned(),
        rel: rel.to_owned(),
        op,
    })
}

mod structural;

/// Every rule: the message rules, then the structural ones.
pub(super) fn all() -> impl Iterator<Item = &'static Rule> {
    MESSAGE_RULES.iter().chain(structural::RULES)
}

pub(super) const MESSAGE_RULES: &[Rule] = &[
    Rule {
        id: "sumdb-misbehavior",
        needles: &["SECURITY ERROR", "go.sum database server misbehavior"],
        code: Code::SumdbMisbehavior,
        summary: "explain-sumdb-misbehavior-summary",
        meaning: "explain-sumdb-misbehavior-meaning",
        checks: &[
            Check::Text("explain-sumdb-misbehavior-check-1"),
            Check::Text("explain-sumdb-misbehavior-check-2"),
        ],
        fixes: &[(
            "explain-sumdb-misbehavior-fix-1",
            Some(|| go_file("GOPATH", "pkg/sumdb/sum.golang.org/latest", FileOp::Remove)),
        )],
    },
    Rule {
        id: "sumdb-checksum-mismatch",
        needles: &["SECURITY ERROR", "checksum server"],
        code: Code::SumdbChecksumMismatch,
        summary: "explain-sumdb-checksum-mismatch-summary",
        meaning: "explain-sumdb-checksum-mismatch-meaning",
        checks: &[
            Check::Text("explain-sumdb-checksum-mismatch-check-1"),
            Check::Text("explain-sumdb-checksum-mismatch-check-2"),
        ],
        fixes: &[
            (
                "explain-sumdb-checksum-mismatch-fix-1",
                Some(|| {
                    with(
                        &[
                            ("GOFLAGS", "-mod=mod"),
                            ("GOPROXY", "https://proxy.golang.org"),
                        ],
                        "go mod download -x",
                    )
                }),
            ),
            ("explain-sumdb-checksum-mismatch-fix-2", None),
        ],
    },
    Rule {
        id: "gosum-mismatch",
        needles: &["checksum mismatch", "go.sum:"],
        code: Code::GosumMismatch,
        summary: "explain-gosum-mismatch-summary",
        meaning: "explain-gosum-mismatch-meaning",
        checks: &[
            Check::Text("explain-gosum-mismatch-check-1"),
            Check::Text("explain-gosum-mismatch-check-2"),
        ],
        // check's own remedies (remove the stale lines, fetch again, verified).
        fixes: &[],
    },
    Rule {
        id: "toolchain-needs-sumdb",
        needles: &["checksum database disabled by GOSUMDB=off"],
        code: Code::ToolchainNeedsSumdb,
        summary: "explain-toolchain-needs-sumdb-summary",
        meaning: "explain-toolchain-needs-sumdb-meaning",
        checks: &[
            Check::Command(|| Action::words("go env GOSUMDB")),
            Check::Text("explain-toolchain-needs-sumdb-check-2"),
        ],
        fixes: &[
            (
                "explain-toolchain-needs-sumdb-fix-1",
                Some(|| Action::GoEnvUnset(vec!["GOSUMDB".into()])),
            ),
            ("explain-toolchain-needs-sumdb-fix-2", None),
        ],
    },
    Rule {
        id: "toolchain-unavailable",
        needles: &["toolchain not available"],
        code: Code::ToolchainUnavailable,
        summary: "explain-toolchain-unavailable-summary",
        meaning: "explain-toolchain-unavailable-meaning",
        checks: &[
            Check::Text("explain-toolchain-unavailable-check-1"),
            Check::Command(|| Action::words("go env GOPROXY GOTOOLCHAIN")),
        ],
        fixes: &[(
            "explain-toolchain-unavailable-fix-1",
            Some(|| Action::go_env_w("GOPROXY", "https://proxy.golang.org,direct")),
        )],
    },
    Rule {
        id: "toolchain-local-too-old",
        needles: &["requires go >=", "GOTOOLCHAIN=local"],
        code: Code::ToolchainLocalTooOld,
        summary: "explain-toolchain-local-too-old-summary",
        meaning: "explain-toolchain-local-too-old-meaning",
        checks: &[
            Check::Command(|| Action::words("go version")),
            Check::Command(|| Action::words("go env GOTOOLCHAIN")),
            Check::Text("explain-toolchain-local-too-old-check-3"),
        ],
        fixes: &[
            (
                "explain-toolchain-local-too-old-fix-1",
                Some(|| Action::go_env_w("GOTOOLCHAIN", "auto")),
            ),
            ("explain-toolchain-local-too-old-fix-2", None),
        ],
    },
    Rule {
        id: "gotoolchain-invalid",
        needles: &["invalid GOTOOLCHAIN"],
        code: Code::GotoolchainInvalid,
        summary: "explain-gotoolchain-invalid-summary",
        meaning: "explain-gotoolchain-invalid-meaning",
        checks: &[
            Check::Command(|| Action::words("go env GOTOOLCHAIN")),
            Check::Command(|| show_env(&["GOTOOLCHAIN"])),
        ],
        fixes: &[(
            "explain-gotoolchain-invalid-fix-1",
            Some(|| Action::go_env_w("GOTOOLCHAIN", "auto")),
        )],
    },
    Rule {
        id: "gomod-toolchain-invalid",
        needles: &["invalid toolchain", "in go."],
        code: Code::GomodToolchainInvalid,
        summary: "explain-gomod-toolchain-invalid-summary",
        meaning: "explain-gomod-toolchain-invalid-meaning",
        checks: &[Check::Text("explain-gomod-toolchain-invalid-check-1")],
        fixes: &[(
            "explain-gomod-toolchain-invalid-fix-1",
            Some(|| Action::words("go mod edit -toolchain=none")),
        )],
    },
    Rule {
        id: "gomod-toolchain-invalid-language-version",
        needles: &["is a language version but not a toolchain version"],
        code: Code::GomodToolchainInvalid,
        summary: "explain-gomod-toolchain-invalid-language-version-summary",
        meaning: "explain-gomod-toolchain-invalid-language-version-meaning",
        checks: &[Check::Text(
            "explain-gomod-toolchain-invalid-language-version-check-1",
        )],
        fixes: &[(
            "explain-gomod-toolchain-invalid-language-version-fix-1",
            Some(|| Action::words("go mod edit -toolchain=go1.22.0")),
        )],
    },
    Rule {
        id: "toolchain-not-in-path",
        needles: &["cannot find", "in PATH"],
        code: Code::ToolchainNotInPath,
        summary: "explain-toolchain-not-in-path-summary",
        meaning: "explain-toolchain-not-in-path-meaning",
        checks: &[
            Check::Command(|| Action::words("go env GOTOOLCHAIN")),
            Check::Text("explain-toolchain-not-in-path-check-2"),
        ],
        fixes: &[(
            "explain-toolchain-not-in-path-fix-1",
            Some(|| Action::go_env_w("GOTOOLCHAIN", "auto")),
        )],
    },
    Rule {
        id: "toolchain-unavailable-switching",
        needles: &["switching to go >="],
        code: Code::ToolchainUnavailable,
        summary: "explain-toolchain-unavailable-switching-summary",
        meaning: "explain-toolchain-unavailable-switching-meaning",
        checks: &[
            Check::Command(|| Action::words("go env GOPROXY GOTOOLCHAIN")),
            Check::Command(|| Action::words("go list -m -versions golang.org/toolchain")),
        ],
        fixes: &[],
    },
    Rule {
        id: "toolchain-switch-loop",
        needles: &["too many toolchain switches"],
        code: Code::ToolchainSwitchLoop,
        summary: "explain-toolchain-switch-loop-summary",
        meaning: "explain-toolchain-switch-loop-meaning",
        checks: &[
            Check::Command(|| Action::words("go env GOTOOLCHAIN")),
            Check::Command(|| show_env(&["GOTOOLCHAIN"])),
        ],
        fixes: &[],
    },
    Rule {
        id: "toolchain-marker-leaked",
        needles: &["invoked to provide"],
        code: Code::ToolchainMarkerLeaked,
        summary: "explain-toolchain-marker-leaked-summary",
        meaning: "explain-toolchain-marker-leaked-meaning",
        checks: &[Check::Command(|| show_env(&["GOTOOLCHAIN_INTERNAL"]))],
        fixes: &[(
            "explain-toolchain-marker-leaked-fix-1",
            Some(|| {
                Action::UnsetEnv(vec![
                    "GOTOOLCHAIN_INTERNAL_SWITCH_VERSION".into(),
                    "GOTOOLCHAIN_INTERNAL_SWITCH_COUNT".into(),
                ])
            }),
        )],
    },
    Rule {
        id: "gowork-go-too-old",
        needles: &["listed in go.work file requires go >="],
        code: Code::GoworkGoTooOld,
        summary: "explain-gowork-go-too-old-summary",
        meaning: "explain-gowork-go-too-old-meaning",
        checks: &[Check::Text("explain-gowork-go-too-old-check-1")],
        fixes: &[(
            "explain-gowork-go-too-old-fix-1",
            Some(|| Action::words("go work use")),
        )],
    },
    Rule {
        id: "go-too-old-for-gomod-toolchain-directive",
        needles: &["unknown directive: toolchain"],
        code: Code::GoTooOldForGomod,
        summary: "explain-go-too-old-for-gomod-toolchain-directive-summary",
        meaning: "explain-go-too-old-for-gomod-toolchain-directive-meaning",
        checks: &[Check::Command(|| Action::words("go version"))],
        fixes: &[(
            "explain-go-too-old-for-gomod-toolchain-directive-fix-1",
            None,
        )],
    },
    Rule {
        id: "go-too-old-for-gomod-go-line",
        needles: &["invalid go version", "must match format"],
        code: Code::GoTooOldForGomod,
        summary: "explain-go-too-old-for-gomod-go-line-summary",
        meaning: "explain-go-too-old-for-gomod-go-line-meaning",
        checks: &[
            Check::Command(|| Action::words("go version")),
            Check::Text("explain-go-too-old-for-gomod-go-line-check-2"),
        ],
        fixes: &[("explain-go-too-old-for-gomod-go-line-fix-1", None)],
    },
    Rule {
        id: "goproxy-off",
        needles: &["module lookup disabled by GOPROXY=off"],
        code: Code::GoproxyOff,
        summary: "explain-goproxy-off-summary",
        meaning: "explain-goproxy-off-meaning",
        checks: &[
            Check::Command(|| Action::words("go env GOPROXY")),
            Check::Command(|| show_env(&["GOPROXY"])),
        ],
        fixes: &[(
            "explain-goproxy-off-fix-1",
            Some(|| Action::go_env_w("GOPROXY", "https://proxy.golang.org,direct")),
        )],
    },
    Rule {
        id: "goflags-mod-vendor",
        needles: &["module lookup disabled by -mod="],
        code: Code::GoflagsModVendor,
        summary: "explain-goflags-mod-vendor-summary",
        meaning: "explain-goflags-mod-vendor-meaning",
        checks: &[
            Check::Command(|| Action::words("go env GOFLAGS")),
            Check::Command(|| Action::words("vendor/modules.txt")),
        ],
        fixes: &[
            (
                "explain-goflags-mod-vendor-fix-1",
                Some(|| Action::words("go mod vendor")),
            ),
            (
                "explain-goflags-mod-vendor-fix-2",
                Some(|| Action::words("go build -mod=mod ./...")),
            ),
        ],
    },
    Rule {
        id: "goproxy-malformed-empty",
        needles: &["GOPROXY list is not the empty string, but contains no entries"],
        code: Code::GoproxyMalformed,
        summary: "explain-goproxy-malformed-empty-summary",
        meaning: "explain-goproxy-malformed-empty-meaning",
        checks: &[
            Check::Command(|| Action::words("go env GOPROXY")),
            Check::Command(|| go_file("GOENV", "", FileOp::Show)),
        ],
        fixes: &[(
            "explain-goproxy-malformed-empty-fix-1",
            Some(|| Action::GoEnvUnset(vec!["GOPROXY".into()])),
        )],
    },
    Rule {
        id: "goproxy-malformed-entry",
        needles: &["invalid proxy URL"],
        code: Code::GoproxyMalformed,
        summary: "explain-goproxy-malformed-entry-summary",
        meaning: "explain-goproxy-malformed-entry-meaning",
        checks: &[Check::Command(|| Action::words("go env GOPROXY"))],
        fixes: &[(
            "explain-goproxy-malformed-entry-fix-1",
            Some(|| Action::go_env_w("GOPROXY", "https://proxy.golang.org,direct")),
        )],
    },
    Rule {
        id: "gosumdb-malformed-missing",
        needles: &["missing GOSUMDB"],
        code: Code::GosumdbMalformed,
        summary: "explain-gosumdb-malformed-missing-summary",
        meaning: "explain-gosumdb-malformed-missing-meaning",
        checks: &[
            Check::Command(|| Action::words("go env GOSUMDB")),
            Check::Command(|| go_file("GOENV", "", FileOp::Show)),
            Check::Command(|| go_file("GOROOT", "go.env", FileOp::List)),
        ],
        fixes: &[(
            "explain-gosumdb-malformed-missing-fix-1",
            Some(|| Action::GoEnvUnset(vec!["GOSUMDB".into()])),
        )],
    },
    Rule {
        id: "gosumdb-malformed-invalid",
        needles: &["invalid GOSUMDB"],
        code: Code::GosumdbMalformed,
        summary: "explain-gosumdb-malformed-invalid-summary",
        meaning: "explain-gosumdb-malformed-invalid-meaning",
        checks: &[Check::Command(|| Action::words("go env GOSUMDB"))],
        fixes: &[(
            "explain-gosumdb-malformed-invalid-fix-1",
            Some(|| Action::GoEnvUnset(vec!["GOSUMDB".into()])),
        )],
    },
    Rule {
        id: "govcs-disallowed",
        needles: &["GOVCS disallows"],
        code: Code::GovcsDisallowed,
        summary: "explain-govcs-disallowed-summary",
        meaning: "explain-govcs-disallowed-meaning",
        checks: &[Check::Command(|| Action::words("go env GOVCS GOPRIVATE"))],
        fixes: &[(
            "explain-govcs-disallowed-fix-1",
            Some(|| Action::go_env_w("GOVCS", "public:git|hg,private:all")),
        )],
    },
    Rule {
        id: "http-insecure-credentials",
        needles: &["refusing to pass credentials to insecure URL"],
        code: Code::HttpInsecureCredentials,
        summary: "explain-http-insecure-credentials-summary",
        meaning: "explain-http-insecure-credentials-meaning",
        checks: &[Check::Command(|| Action::words("go env GOPROXY GOSUMDB"))],
        fixes: &[],
    },
    Rule {
        id: "http-redirect-insecure",
        needles: &["redirected from secure URL"],
        code: Code::HttpRedirectInsecure,
        summary: "explain-http-redirect-insecure-summary",
        meaning: "explain-http-redirect-insecure-meaning",
        checks: &[Check::Command(|| Action::words("curl -sSI <url>"))],
        fixes: &[],
    },
    Rule {
        id: "http-redirect-loop",
        needles: &["stopped after 10 redirects"],
        code: Code::HttpRedirectLoop,
        summary: "explain-http-redirect-loop-summary",
        meaning: "explain-http-redirect-loop-meaning",
        checks: &[Check::Command(|| Action::words("curl -sSIL <url>"))],
        fixes: &[],
    },
    Rule {
        id: "go111module-invalid",
        needles: &["unknown environment setting GO111MODULE="],
        code: Code::Go111moduleInvalid,
        summary: "explain-go111module-invalid-summary",
        meaning: "explain-go111module-invalid-meaning",
        checks: &[Check::Command(|| Action::words("go env GO111MODULE"))],
        fixes: &[(
            "explain-go111module-invalid-fix-1",
            Some(|| Action::GoEnvUnset(vec!["GO111MODULE".into()])),
        )],
    },
    Rule {
        id: "go111module-off",
        needles: &["modules disabled by GO111MODULE=off"],
        code: Code::Go111moduleOff,
        summary: "explain-go111module-off-summary",
        meaning: "explain-go111module-off-meaning",
        checks: &[Check::Command(|| Action::words("go env GO111MODULE"))],
        fixes: &[(
            "explain-go111module-off-fix-1",
            Some(|| Action::GoEnvUnset(vec!["GO111MODULE".into()])),
        )],
    },
    Rule {
        id: "goflags-malformed",
        needles: &["parsing $GOFLAGS"],
        code: Code::GoflagsMalformed,
        summary: "explain-goflags-malformed-summary",
        meaning: "explain-goflags-malformed-meaning",
        checks: &[Check::Command(|| Action::words("go env GOFLAGS"))],
        fixes: &[(
            "explain-goflags-malformed-fix-1",
            Some(|| Action::GoEnvUnset(vec!["GOFLAGS".into()])),
        )],
    },
    Rule {
        id: "http-invalid-payload-gomod",
        needles: &["parsing go.mod", "missing module line"],
        code: Code::HttpInvalidPayload,
        summary: "explain-http-invalid-payload-gomod-summary",
        meaning: "explain-http-invalid-payload-gomod-meaning",
        checks: &[Check::Command(|| Action::words("go env GOPROXY"))],
        fixes: &[],
    },
    Rule {
        id: "module-path-malformed-major",
        needles: &["module contains a go.mod file, so"],
        code: Code::ModulePathMalformed,
        summary: "explain-module-path-malformed-major-summary",
        meaning: "explain-module-path-malformed-major-meaning",
        checks: &[Check::Command(|| {
            Action::words("go list -m -versions <path>")
        })],
        fixes: &[("explain-module-path-malformed-major-fix-1", None)],
    },
    Rule {
        id: "gosum-missing-entry",
        needles: &["missing go.sum entry"],
        code: Code::GosumMissingEntry,
        summary: "explain-gosum-missing-entry-summary",
        meaning: "explain-gosum-missing-entry-meaning",
        checks: &[Check::Command(|| Action::words("go env GOFLAGS"))],
        fixes: &[(
            "explain-gosum-missing-entry-fix-1",
            Some(|| Action::words("go mod download <path>")),
        )],
    },
    Rule {
        id: "module-path-malformed-declared",
        needles: &["but was required as"],
        code: Code::ModulePathMalformed,
        summary: "explain-module-path-malformed-declared-summary",
        meaning: "explain-module-path-malformed-declared-meaning",
        checks: &[Check::Command(|| {
            Action::System(System::Grep {
                file: "go.mod".into(),
                needles: vec!["<path>".into()],
                line_start: false,
            })
        })],
        fixes: &[("explain-module-path-malformed-declared-fix-1", None)],
    },
    Rule {
        id: "module-path-malformed-declared",
        needles: &["parsing go.mod", "unexpected module path"],
        code: Code::ModulePathMalformed,
        summary: "explain-module-path-malformed-declared-summary",
        meaning: "explain-module-path-malformed-declared-meaning",
        checks: &[Check::Command(|| {
            Action::System(System::Grep {
                file: "go.mod".into(),
                needles: vec!["<path>".into()],
                line_start: false,
            })
        })],
        fixes: &[("explain-module-path-malformed-declared-fix-1", None)],
    },
    Rule {
        id: "module-path-malformed",
        needles: &["malformed module path"],
        code: Code::ModulePathMalformed,
        summary: "explain-module-path-malformed-summary",
        meaning: "explain-module-path-malformed-meaning",
        checks: &[Check::Text("explain-module-path-malformed-check-1")],
        fixes: &[],
    },
];
