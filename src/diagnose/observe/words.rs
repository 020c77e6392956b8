//! The words of observed failures, per code, as catalog texts (`i18n/*/findings-network.ftl`):
//! what failed (`finding-<code>`), what a code means beside another (`short-<code>`), and the
//! messages that join them to go's own words.

use crate::diagnose::{Code, Finding};
use crate::i18n::{Arg, Text};
use crate::text;

fn param<'a>(f: &'a Finding, key: &str) -> &'a str {
    f.params.get(key).map_or("", String::as_str)
}

/// English's terse form and the explained form (see `failure.rs`): each language shows its own.
pub(super) fn two_ways(terse: Text, explained: Text) -> Text {
    text!(
        "finding-terse-or-explained",
        terse = terse,
        explained = explained,
    )
}

/// go's or the probe's own words, quoted as each language quotes them (nothing when there are
/// none).
pub(super) fn quoted(words: &str) -> Arg {
    if words.is_empty() {
        Arg::Str(String::new())
    } else {
        text!("finding-detail", detail = words).into()
    }
}

/// The clause a failure's params add: `fell-through` (to the `proxy` after `|`), `off-route`,
/// or `none`.
pub(super) fn then(f: &Finding) -> (&'static str, String) {
    if !param(f, "fell_through_to").is_empty() {
        ("fell-through", param(f, "fell_through_to").to_owned())
    } else if param(f, "off_route") == "request" {
        ("off-route-request", String::new())
    } else if !param(f, "off_route").is_empty() {
        ("off-route", String::new())
    } else {
        ("none", String::new())
    }
}

/// The explained form of a failure: what failed, the clause its params add, go's words. None
/// for a code no failure carries.
pub(super) fn explained(f: &Finding) -> Option<Text> {
    let what = what(f)?;
    let then: Arg = match then(f) {
        ("fell-through", proxy) => text!("finding-fell-through", proxy = proxy).into(),
        ("off-route", _) => text!("finding-off-route", what = "route").into(),
        ("off-route-request", _) => text!("finding-off-route", what = "request").into(),
        _ => Arg::Str(String::new()),
    };
    Some(text!(
        "finding-explained",
        what = what,
        then = then,
        detail = quoted(param(f, "detail")),
    ))
}

/// `git ls-remote <git_url>` failed with git's `words` (both redacted).
pub(super) fn git(code: Code, git_url: &str, words: &str) -> Text {
    let detail = quoted(words);
    match code {
        Code::VcsAuthRequired => {
            text!(
                "finding-vcs-auth-required",
                git_url = git_url,
                detail = detail
            )
        }
        Code::VcsRepoNotFound => {
            text!(
                "finding-vcs-repo-not-found",
                git_url = git_url,
                detail = detail
            )
        }
        _ => text!(
            "finding-vcs-unreachable-git",
            git_url = git_url,
            detail = detail
        ),
    }
}

/// The code a failure had before it was seen as another (the `cause` param), as a clause:
/// what it means, or the code itself when it has no short meaning.
fn cause(f: &Finding) -> Option<Arg> {
    let raw = f.params.get("cause")?;
    let meaning = raw.parse::<Code>().ok().and_then(short);
    Some(meaning.map_or_else(|| raw.as_str().into(), Arg::from))
}

/// A code with what it means, when it has a short meaning.
pub(super) fn code_meaning(code: Code) -> Arg {
    match short(code) {
        Some(meaning) => text!(
            "finding-code-meaning",
            code = code.as_str(),
            meaning = meaning
        )
        .into(),
        None => code.as_str().into(),
    }
}

/// What failed, from the final code, host and params of a failure.
fn what(f: &Finding) -> Option<Text> {
    let host = f.host.clone().unwrap_or_default();
    let p = |k| param(f, k);
    let has = |k| !param(f, k).is_empty();
    Some(match f.code {
        Code::ProxyUnreachable => text!("finding-proxy-unreachable", host = host),
        Code::DnsNxdomain => text!(
            "finding-dns-nxdomain",
            host = host,
            answer = p("dns_answer")
        ),
        Code::DnsServfail => text!("finding-dns-servfail", host = host),
        Code::DnsTimeout => text!("finding-dns-timeout", host = host),
        Code::DnsFailed => text!("finding-dns-failed", host = host),
        // godoctor joined the addresses with ", ": an enumeration in Chinese (、).
        Code::DnsPoisoned if has("addresses") => text!(
            "finding-dns-poisoned-answer",
            host = host,
            addresses = p("addresses").replace(", ", "、"),
            why = p("why"),
            cause = cause(f)?,
        ),
        Code::DnsPoisoned => text!("finding-dns-poisoned", host = host),
        Code::TcpRefused => text!("finding-tcp-refused", host = host),
        Code::TcpBlackhole => text!("finding-tcp-blackhole", host = host),
        Code::TcpReset => text!("finding-tcp-reset", host = host),
        Code::TcpUnreachable => text!("finding-tcp-unreachable", host = host),
        Code::TlsResetAfterClienthello => {
            text!("finding-tls-reset-after-clienthello", host = host)
        }
        Code::TlsUnknownIssuerInterception => {
            text!("finding-tls-unknown-issuer-interception", host = host)
        }
        Code::TlsUnknownIssuerPrivateCa => {
            text!("finding-tls-unknown-issuer-private-ca", host = host)
        }
        Code::TlsRootsMissing => text!("finding-tls-roots-missing", host = host),
        Code::TlsExpired => text!("finding-tls-expired", host = host),
        Code::TlsNotYetValid => text!("finding-tls-not-yet-valid", host = host),
        Code::TlsNameMismatch => text!("finding-tls-name-mismatch", host = host),
        Code::TlsHandshakeTimeout => text!("finding-tls-handshake-timeout", host = host),
        Code::TlsNotTls => text!("finding-tls-not-tls", host = host),
        Code::TlsNoRoots => text!("finding-tls-no-roots", host = host),
        Code::TlsHandshakeFailed => text!("finding-tls-handshake-failed", host = host),
        Code::HttpCaptivePortal => text!("finding-http-captive-portal", host = host),
        Code::HttpInvalidPayload => text!("finding-http-invalid-payload", host = host),
        Code::HttpStalled => text!("finding-http-stalled", host = host),
        Code::HttpSlow => text!("finding-http-slow", host = host),
        Code::HttpBodyTooLarge => text!("finding-http-body-too-large", host = host),
        Code::HttpRedirectInsecure => text!("finding-http-redirect-insecure", host = host),
        Code::HttpInsecureCredentials => {
            text!("finding-http-insecure-credentials", host = host)
        }
        Code::HttpRedirectLoop => text!("finding-http-redirect-loop", host = host),
        Code::HttpHeadersTooLarge => text!("finding-http-headers-too-large", host = host),
        // Missing everywhere go looked is a finding of its own (`walk::module`).
        Code::ModuleNotFound if has("module") => return None,
        Code::ModuleNotFound if has("status") => text!(
            "finding-module-not-found-with-status",
            host = host,
            status = p("status")
        ),
        Code::ModuleNotFound => text!("finding-module-not-found", host = host),
        Code::HttpUnauthorized => text!("finding-http-unauthorized", host = host),
        Code::HttpForbidden => text!("finding-http-forbidden", host = host),
        Code::HttpServerError if has("status") => text!(
            "finding-http-server-error-with-status",
            host = host,
            status = p("status")
        ),
        Code::HttpServerError => text!("finding-http-server-error", host = host),
        Code::HttpStatus if has("status") => text!(
            "finding-http-status-with-status",
            host = host,
            status = p("status")
        ),
        Code::HttpStatus => text!("finding-http-status", host = host),
        Code::HttpFailed => text!("finding-http-failed", host = host),
        Code::ProxyAuthRequired => text!("finding-proxy-auth-required", host = host),
        Code::ProxyForbidden => text!("finding-proxy-forbidden", host = host),
        Code::ProxyStalled => text!("finding-proxy-stalled", host = host),
        Code::ProxyConnectFailed => text!("finding-proxy-connect-failed", host = host),
        Code::SumdbSignatureInvalid => text!("finding-sumdb-signature-invalid", host = host),
        Code::SumdbFailed => text!("finding-sumdb-failed", host = host),
        // Reclassified, so the code it had is always there.
        Code::SumdbProxyFailed => text!(
            "finding-sumdb-proxy-failed",
            url = p("url"),
            cause = cause(f)?
        ),
        Code::SumdbLookupNotFound => text!("finding-sumdb-lookup-not-found", url = p("url")),
        Code::SumdbUnreachable => {
            text!("finding-sumdb-unreachable", host = host, cause = cause(f)?)
        }
        // A git failure is said alike in every language (`Failure::git`).
        Code::VcsUnreachable if has("git_url") => return None,
        Code::VcsUnreachable => {
            text!("finding-vcs-unreachable", host = host, cause = cause(f)?)
        }
        Code::VcsDiscoveryFailed => match cause(f) {
            Some(cause) => text!(
                "finding-vcs-discovery-failed-cause",
                url = p("url"),
                cause = cause
            ),
            None => text!("finding-vcs-discovery-failed", url = p("url")),
        },
        // The configuration rule's own finding says why the module looks private.
        Code::PrivateModuleNotPrivate if has("reason") => return None,
        Code::PrivateModuleNotPrivate => text!(
            "finding-private-module-not-private-lookup",
            host = host,
            url = p("url")
        ),
        _ => return None,
    })
}

/// What an observed failure code means, without naming the host (a clause beside another
/// code).
pub(super) fn short(code: Code) -> Option<Text> {
    Some(match code {
        Code::DnsNxdomain => text!("short-dns-nxdomain"),
        Code::DnsServfail => text!("short-dns-servfail"),
        Code::DnsTimeout => text!("short-dns-timeout"),
        Code::DnsFailed => text!("short-dns-failed"),
        Code::DnsPoisoned => text!("short-dns-poisoned"),
        Code::TcpRefused => text!("short-tcp-refused"),
        Code::TcpBlackhole => text!("short-tcp-blackhole"),
        Code::TcpReset => text!("short-tcp-reset"),
        Code::TcpUnreachable => text!("short-tcp-unreachable"),
        Code::TlsResetAfterClienthello => text!("short-tls-reset-after-clienthello"),
        Code::TlsUnknownIssuerInterception => text!("short-tls-unknown-issuer-interception"),
        Code::TlsUnknownIssuerPrivateCa => text!("short-tls-unknown-issuer-private-ca"),
        Code::TlsRootsMissing => text!("short-tls-roots-missing"),
        Code::TlsExpired => text!("short-tls-expired"),
        Code::TlsNotYetValid => text!("short-tls-not-yet-valid"),
        Code::TlsNameMismatch => text!("short-tls-name-mismatch"),
        Code::TlsHandshakeTimeout => text!("short-tls-handshake-timeout"),
        Code::TlsNotTls => text!("short-tls-not-tls"),
        Code::TlsNoRoots => text!("short-tls-no-roots"),
        Code::TlsHandshakeFailed => text!("short-tls-handshake-failed"),
        Code::HttpCaptivePortal => text!("short-http-captive-portal"),
        Code::HttpInvalidPayload => text!("short-http-invalid-payload"),
        Code::HttpStalled => text!("short-http-stalled"),
        Code::HttpSlow => text!("short-http-slow"),
        Code::HttpBodyTooLarge => text!("short-http-body-too-large"),
        Code::HttpRedirectInsecure => text!("short-http-redirect-insecure"),
        Code::HttpInsecureCredentials => text!("short-http-insecure-credentials"),
        Code::HttpRedirectLoop => text!("short-http-redirect-loop"),
        Code::HttpHeadersTooLarge => text!("short-http-headers-too-large"),
        Code::ModuleNotFound => text!("short-module-not-found"),
        Code::HttpUnauthorized => text!("short-http-unauthorized"),
        Code::HttpForbidden => text!("short-http-forbidden"),
        Code::HttpServerError => text!("short-http-server-error"),
        Code::HttpStatus => text!("short-http-status"),
        Code::HttpFailed => text!("short-http-failed"),
        Code::ProxyUnreachable => text!("short-proxy-unreachable"),
        Code::ProxyAuthRequired => text!("short-proxy-auth-required"),
        Code::ProxyForbidden => text!("short-proxy-forbidden"),
        Code::ProxyStalled => text!("short-proxy-stalled"),
        Code::ProxyConnectFailed => text!("short-proxy-connect-failed"),
        Code::SumdbSignatureInvalid => text!("short-sumdb-signature-invalid"),
        Code::SumdbFailed => text!("short-sumdb-failed"),
        _ => return None,
    })
}
