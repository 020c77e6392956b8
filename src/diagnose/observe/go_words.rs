//! go's own words for what it met on a route, built from what the probe saw: net/url's
//! `Get "<url>": <err>`, `reading <url>: <status>` for the request go makes (which the probe's
//! own request stands in for), go-get discovery's `unrecognized import path`, and the URL go
//! names for a module (docs/go/semantics.md §1 "Which error is reported").

use crate::config::goversion::GoVersion;
use crate::plan::ModulePlan;
use crate::probe::{LayerName, LayerResult, Target};
use crate::redact::redact_urls;

/// go's words as the go that runs prints them: crypto/tls wraps a certificate error as
/// `tls: failed to verify certificate: x509: …` since go1.20 (`CertificateVerificationError`);
/// before, x509's words stood alone.
pub(crate) fn in_go_version(version: &GoVersion, error: &str) -> String {
    if version.at_least(1, 20) {
        error.to_owned()
    } else {
        error.replace("tls: failed to verify certificate: x509: ", "x509: ")
    }
}

/// go's wording for a failed GET: net/url wraps transport errors as `Get "<url>": <err>`.
pub(super) fn go_error(url: &str, t: &Target, l: &LayerResult) -> String {
    let msg = l.message().unwrap_or_default().to_owned();
    if l.kind() == Some(crate::probe::HttpError::InsecureCredentials.into()) {
        // go names its own request, which the probe's stands in for.
        return crate::plan::goerror::refused_credentials(url);
    }
    match l.layer {
        // The probe's own request stands in for the one go makes (`.mod`, `/lookup/…`).
        LayerName::Http | LayerName::Sumdb => as_go_read(&msg, t, url),
        LayerName::Proxy if t.http_status().is_none() => format!(
            "Get \"{}\": {}",
            redact_urls(url),
            msg.split(" (").next().unwrap_or(&msg)
        ),
        LayerName::Dns => format!("Get \"{}\": dial tcp: {msg}", redact_urls(url)),
        _ => format!("Get \"{}\": {msg}", redact_urls(url)),
    }
}

/// go's `reading <url>: <status>` names the request go makes (`.mod`, `.info`, `/lookup/…`),
/// which the probe's own request stands in for.
pub(super) fn as_go_read(msg: &str, t: &Target, go_url: &str) -> String {
    msg.replacen(
        &format!("reading {}", t.url),
        &format!("reading {}", redact_urls(go_url)),
        1,
    )
}

/// go's words for a failed go-get discovery (vcs.go `RepoRootForImportPath`): transport
/// errors as `https fetch: Get …`, an answer without meta tags as it is.
pub(super) fn discovery_error(module: &str, e: &str) -> String {
    if e.starts_with("unrecognized import path") {
        e.to_owned()
    } else if e.starts_with("Get \"") {
        format!("unrecognized import path \"{module}\": https fetch: {e}")
    } else {
        format!("unrecognized import path \"{module}\": {e}")
    }
}

/// The URL go would show for a module fetched from `proxy`: the go.mod when it loads the module
/// graph, the `.info` for a `M@V` argument (query.go's Stat).
pub(crate) fn go_module_url(proxy: &str, m: &ModulePlan, reads_mod_first: bool) -> String {
    let base = format!(
        "{}/{}/@v/",
        proxy.trim_end_matches('/'),
        crate::plan::escape_path(&m.module)
    );
    match &m.version {
        Some(v) if reads_mod_first => format!("{base}{}.mod", crate::plan::escape_path(v)),
        Some(v) => format!("{base}{}.info", crate::plan::escape_path(v)),
        None => format!("{base}list"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certificate_errors_in_each_gos_words() {
        let e = "Get \"https://proxy.golang.org/x/@v/list\": tls: failed to verify certificate: x509: certificate signed by unknown authority";
        let v = |s| GoVersion::parse(s).unwrap();
        assert_eq!(in_go_version(&v("go1.20"), e), e);
        assert_eq!(in_go_version(&v("go1.27.3"), e), e);
        assert_eq!(
            in_go_version(&v("go1.19.8"), e),
            "Get \"https://proxy.golang.org/x/@v/list\": x509: certificate signed by unknown authority"
        );
    }
}
