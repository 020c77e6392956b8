//! What the tests of every catalog user check the same way: the names a translation keeps
//! verbatim, and whether a text is Chinese at all.

/// Names the Chinese must keep exactly as the English has them.
pub(crate) const NAMES: &[&str] = &[
    "GOPROXY",
    "GOSUMDB",
    "GOPRIVATE",
    "GONOPROXY",
    "GONOSUMDB",
    "GOINSECURE",
    "GOFLAGS",
    "GOTOOLCHAIN",
    "GOAUTH",
    "GOVCS",
    "GOENV",
    "GO111MODULE",
    "HTTPS_PROXY",
    "HTTP_PROXY",
    "NO_PROXY",
    "ALL_PROXY",
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
    "GIT_SSL_NO_VERIFY",
    "GIT_TERMINAL_PROMPT",
    "=off",
    "=direct",
    "`direct`",
    "`off`",
    "go env -w",
    "go env -json",
    "go mod download",
    "path.Match",
    "vendor/",
    "go/env",
];

/// Whether `s` has Han characters (is Chinese at all).
pub(crate) fn han(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}
