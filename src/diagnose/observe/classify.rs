//! Classification: the first failing layer of a probe → the failure that explains it — its
//! `Code`, the host at fault (the HTTP proxy for a failure of the proxy hop) and go's or the
//! probe's own words. A DNS answer no public name can have, followed by nothing that answers,
//! makes the failure DNS's (`DNS_POISONED`) when something corroborates the forgery.

use super::failure::{Failure, Terse};
use crate::diagnose::{Code, Layer, Severity};
use crate::i18n::Text;
use crate::probe::evidence::{AddressKind, BogusAddress, DnsEvidence};
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
        Some(E::Http(HttpError::InsecureCredentials)) => Code::HttpInsecureCredentials,
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
    // go says "no such host" for both; the person fixing DNS needs to know which it was.
    if let Some(ProbeError::Dns(DnsError::Empty)) = kind {
        f = f.param("dns_answer", "empty");
    }
    if let (LayerName::Http, Some(s)) = (l.layer, t.http_status()) {
        f = f.param("status", s.to_string());
    }
    // A public name answered with an address no public name has, and nothing real behind it.
    // Split-horizon DNS legitimately answers public names with an internal mirror's private
    // address, so the answer is only evidence until something corroborates a forgery.
    if let Some(dns) = t.layer(LayerName::Dns).and_then(|l| l.detail.as_dns())
        && let Some(bogus) = dns.bogus.as_ref().filter(|b| !b.is_empty())
    {
        // No real server behind the answer (nothing listens, or the handshake dies). A server
        // that presents a certificate is judged by TLS.
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
        let mut kinds = bogus.iter().map(|b| b.kind).collect::<Vec<_>>();
        kinds.dedup();
        let reasons = address_kinds(&kinds);
        match corroboration(dns, bogus) {
            Some(why) if nothing_there => {
                f = f
                    .reclassified(Code::DnsPoisoned)
                    .param("addresses", addresses.clone())
                    .param("why", why.as_str())
                    .worded(Terse::Poisoned {
                        host: t.host.clone(),
                        addresses,
                        layer: l.layer,
                        words: msg,
                    });
            }
            None if agreeing_resolver(dns) => {}
            // A server answered there: the address explains where it is, not what failed.
            _ if !nothing_there => f.push_evidence(text!(
                "evidence-public-name-bogus-address",
                host = t.host.clone(),
                addresses = addresses,
                reasons = reasons,
                split = "no",
            )),
            _ => f.push_evidence(text!(
                "evidence-public-name-bogus-address",
                host = t.host.clone(),
                addresses = addresses,
                reasons = reasons,
                split = "yes",
            )),
        }
    }
    f
}

/// The reasons an address cannot be a public name's, said in the reader's language.
fn address_kinds(kinds: &[AddressKind]) -> Text {
    let kind = |k: AddressKind| text!("address-kind", kind = k.slug());
    match kinds {
        [] | [_] => kind(kinds.first().copied().unwrap_or(AddressKind::Reserved)),
        [first, rest @ ..] => text!(
            "address-kind-and",
            first = kind(*first),
            rest = address_kinds(rest)
        ),
    }
}

/// What makes an impossible answer a forgery rather than split-horizon DNS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Corroboration {
    /// The hosts file pins the name.
    HostsFile,
    /// 0.0.0.0 or ::, the answer of DNS blockers.
    Blocker,
    /// An encrypted comparison resolver gave other addresses.
    ResolverDisagrees,
}

impl Corroboration {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            Corroboration::HostsFile => "hosts",
            Corroboration::Blocker => "blocker",
            Corroboration::ResolverDisagrees => "resolver",
        }
    }
}

fn corroboration(dns: &DnsEvidence, bogus: &[BogusAddress]) -> Option<Corroboration> {
    let compared = dns.comparison.as_deref().unwrap_or_default();
    if compared.iter().any(|c| c.agrees == Some(false)) {
        Some(Corroboration::ResolverDisagrees)
    } else if dns.source == "/etc/hosts" {
        Some(Corroboration::HostsFile)
    } else if bogus.iter().any(|b| b.kind == AddressKind::Unspecified) {
        Some(Corroboration::Blocker)
    } else {
        None
    }
}

/// An encrypted resolver that gives the same answer clears the suspicion.
fn agreeing_resolver(dns: &DnsEvidence) -> bool {
    dns.comparison
        .as_deref()
        .is_some_and(|c| c.iter().any(|c| c.agrees == Some(true)))
}

#[cfg(test)]
mod address_kind_tests {
    use super::address_kinds;
    use crate::i18n::Lang;
    use crate::probe::dns::bogus_kind;
    use crate::probe::evidence::AddressKind;

    /// Every kind the resolver gives has its own words in both languages, not the fallback's.
    #[test]
    fn every_bogus_reason_is_translated() {
        let samples = [
            "127.0.0.1",
            "0.0.0.0",
            "10.1.2.3",
            "169.254.1.1",
            "100.64.0.1",
            "240.0.0.1",
            "224.0.0.1",
            "198.18.0.1",
            "192.0.2.1",
            "::1",
            "::",
            "fd00::1",
            "fe80::1",
            "ff02::1",
            "2001:db8::1",
        ];
        for ip in samples {
            let kind = bogus_kind(ip.parse().unwrap()).expect(ip);
            let en = address_kinds(&[kind]).render(Lang::En);
            assert_eq!(en, kind.reason(), "{ip}");
            let zh = address_kinds(&[kind]).render(Lang::Zh);
            assert!(!zh.is_ascii(), "{ip}: {zh}");
        }
        let both = address_kinds(&[AddressKind::Loopback, AddressKind::Private]);
        assert_eq!(both.render(Lang::Zh), "回环地址、私有地址（RFC 1918）");
    }
}
