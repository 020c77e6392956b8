//! Classification: the first failing layer of a probe → the failure that explains it — its
//! `Code`, the host at fault (the HTTP proxy for a failure of the proxy hop) and go's or the
//! probe's own words. A DNS answer no public name can have, followed by nothing that answers,
//! makes the failure DNS's (`DNS_POISONED`).

use super::failure::{Failure, Terse};
use crate::diagnose::{Code, Layer, Severity};
use crate::probe::{
    DnsError, FileError, HttpError, LayerName, LayerResult, Peer, ProbeError, ProxyError,
    SumdbError, Target, TcpError, TlsError,
};
use crate::redact::redact_urls;
use crate::text;

/// The code of a failed layer: the probe error's own, else the layer's catch-all.
pub(super) fn code(t: &Target, l: &LayerResult) -> Code {
    use ProbeError as E;
    match l.kind() {
        _ if l.peer == Some(Peer::HttpProxy) => Code::ProxyUnreachable,
        Some(E::Dns(DnsError::NxDomain | DnsError::Empty)) => Code::DnsNxdomain,
        Some(E::Dns(DnsError::ServFail | DnsError::Refused | DnsError::Rcode)) => Code::DnsServfail,
        Some(E::Dns(DnsError::Timeout)) => Code::DnsTimeout,
        Some(E::Tcp(TcpError::Refused)) => Code::TcpRefused,
        Some(E::Tcp(TcpError::Timeout)) => Code::TcpBlackhole,
        Some(E::Tcp(TcpError::Reset)) => Code::TcpReset,
        Some(E::Tls(TlsError::ResetAfterClientHello | TlsError::EofAfterClientHello)) => {
            Code::TlsResetAfterClienthello
        }
        Some(E::Tls(TlsError::UnknownIssuerInterception)) => Code::TlsUnknownIssuerInterception,
        Some(E::Tls(TlsError::UnknownIssuerPrivateCa)) => Code::TlsUnknownIssuerPrivateCa,
        Some(E::Tls(TlsError::UnknownIssuerMissingRoot)) => Code::TlsRootsMissing,
        Some(E::Tls(TlsError::Expired)) => Code::TlsExpired,
        Some(E::Tls(TlsError::NotYetValid)) => Code::TlsNotYetValid,
        Some(E::Tls(TlsError::NameMismatch)) => Code::TlsNameMismatch,
        Some(E::Tls(TlsError::HandshakeTimeout | TlsError::HandshakeStalled)) => {
            Code::TlsHandshakeTimeout
        }
        Some(E::Tls(TlsError::NotTls | TlsError::NotTlsHttp)) => Code::TlsNotTls,
        Some(E::Tls(TlsError::NoRoots)) => Code::TlsNoRoots,
        Some(E::Http(HttpError::CaptivePortal | HttpError::HtmlError)) => Code::HttpCaptivePortal,
        Some(E::Http(HttpError::InvalidPayload)) => Code::HttpInvalidPayload,
        Some(E::Http(HttpError::SlowProgress)) => Code::HttpSlow,
        Some(E::Http(HttpError::HeadersTimeout | HttpError::BodyStalled | HttpError::Timeout)) => {
            Code::HttpStalled
        }
        Some(E::Http(HttpError::BodyTooLarge)) => Code::HttpBodyTooLarge,
        Some(E::Http(HttpError::RedirectInsecure)) => Code::HttpRedirectInsecure,
        Some(E::Http(HttpError::TooManyRedirects)) => Code::HttpRedirectLoop,
        Some(E::Http(HttpError::HeadersTooLarge)) => Code::HttpHeadersTooLarge,
        Some(E::Http(HttpError::NotFound) | E::File(FileError::NotFound)) => Code::ModuleNotFound,
        Some(E::Http(HttpError::Status)) => match t.http_status() {
            Some(401) => Code::HttpUnauthorized,
            Some(403) => Code::HttpForbidden,
            Some(s) if s >= 500 => Code::HttpServerError,
            _ => Code::HttpStatus,
        },
        Some(E::Proxy(ProxyError::AuthRequired)) => Code::ProxyAuthRequired,
        Some(E::Proxy(ProxyError::Forbidden)) => Code::ProxyForbidden,
        Some(E::Proxy(ProxyError::Timeout)) => Code::ProxyStalled,
        Some(E::Sumdb(SumdbError::SignatureInvalid | SumdbError::SignatureUnknownKey)) => {
            Code::SumdbSignatureInvalid
        }
        Some(E::Sumdb(SumdbError::LookupNotFound)) => Code::SumdbLookupNotFound,
        // Any other cause: the layer's catch-all.
        _ => match l.layer {
            LayerName::Dns => Code::DnsFailed,
            LayerName::Tcp => Code::TcpUnreachable,
            LayerName::Tls => Code::TlsHandshakeFailed,
            LayerName::Http => Code::HttpFailed,
            LayerName::Proxy => Code::ProxyConnectFailed,
            LayerName::Sumdb => Code::SumdbFailed,
        },
    }
}

/// The failure of a target's first failing layer `l`.
pub(super) fn failure(t: &Target, l: &LayerResult) -> Failure {
    let kind = l.kind();
    let msg = l.message().unwrap_or_default().to_owned();
    let code = code(t, l);
    let host = if code.layer() == Layer::Proxy {
        t.via_proxy
            .as_deref()
            .and_then(|p| crate::config::gourl::parse(p).ok())
            .map(|u| u.hostname().to_owned())
            .unwrap_or_else(|| t.host.clone())
    } else {
        t.host.clone()
    };
    let terse = Terse::At {
        url: redact_urls(&t.url),
        words: msg.clone(),
    };
    // A failure, whatever the code: callers lower it for what go survives.
    let mut f = Failure::new(code, terse)
        .with_severity(Severity::Error)
        .host(host)
        .param("url", t.url.clone())
        .param("detail", msg.clone());
    if let (LayerName::Http, Some(s)) = (l.layer, t.http_status()) {
        f = f.param("status", s.to_string());
    }
    // Evidence: a poisoned answer that leads nowhere is the real story.
    if let Some(dns) = t.layer(LayerName::Dns)
        && let Some(bogus) = dns
            .detail
            .as_dns()
            .and_then(|d| d.bogus.as_ref())
            .filter(|b| !b.is_empty())
    {
        // No real server behind the answer (nothing listens, or the handshake dies): the
        // DNS answer is the cause. A server that presents a certificate is judged by TLS.
        let nothing_there = l.layer == LayerName::Tcp
            || matches!(
                kind,
                Some(ProbeError::Tls(
                    TlsError::ResetAfterClientHello
                        | TlsError::EofAfterClientHello
                        | TlsError::HandshakeTimeout
                        | TlsError::NotTls
                        | TlsError::NotTlsHttp
                ))
            );
        let addresses = bogus
            .iter()
            .map(|b| b.address.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        if nothing_there {
            f = f
                .reclassified(Code::DnsPoisoned)
                .param("addresses", addresses.clone())
                .worded(Terse::Poisoned {
                    host: t.host.clone(),
                    addresses,
                    layer: l.layer,
                    words: msg,
                });
        } else {
            f.push_evidence(text!(
                "evidence-public-name-bogus-address",
                host = t.host.clone(),
                addresses = addresses
            ));
        }
    }
    f
}
