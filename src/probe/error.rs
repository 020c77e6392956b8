//! What went wrong at each probe layer, as types: one `#[non_exhaustive]` enum per layer (and
//! one each for `file://` reads, git's first HTTP request, an SSH greeting and `git ls-remote`),
//! each variant a cause a rule can match on. `kind()` is the stable `error.kind` string of
//! docs/json-contract.md `targets[].layers[]` (`nxdomain`, `refused`,
//! `unknown_issuer_interception`, …), which the report writes; the human message travels beside
//! them in [`LayerError`](super::LayerError).

use super::LayerName;

/// One enum of error kinds: the variants, their JSON `kind` strings, and `Display` as that
/// string.
macro_rules! error_kinds {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$vmeta:meta])* $variant:ident => $kind:literal,)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The stable JSON `error.kind`.
            pub fn kind(self) -> &'static str {
                match self {
                    $($name::$variant => $kind,)*
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.kind())
            }
        }
    };
}

error_kinds! {
    /// A name that did not resolve (dns.rs).
    pub enum DnsError {
        /// NXDOMAIN: the name does not exist.
        NxDomain => "nxdomain",
        /// NOERROR without addresses.
        Empty => "empty",
        ServFail => "servfail",
        Refused => "refused",
        /// Another response code.
        Rcode => "rcode",
        /// No answer in time.
        Timeout => "timeout",
        /// The nameserver's port is closed (ICMP port unreachable).
        Unreachable => "unreachable",
        /// No nameserver could be asked or reached.
        NoNameserver => "no_nameserver",
        /// Anything else the resolver reported.
        Other => "error",
    }
}

error_kinds! {
    /// A connection that did not open (tcp.rs).
    pub enum TcpError {
        Refused => "refused",
        Reset => "reset",
        /// Still dialling at the deadline (a blackhole), or the probe itself ran out of time.
        Timeout => "timeout",
        /// No route to the host or network, or no local address for it.
        Unreachable => "unreachable",
        /// A local firewall forbade the connection.
        Blocked => "blocked",
        Other => "error",
    }
}

error_kinds! {
    /// A TLS handshake that failed (tls.rs).
    pub enum TlsError {
        /// The host is not a valid TLS server name.
        BadServerName => "bad_server_name",
        /// No trusted roots at all.
        NoRoots => "no_roots",
        /// The TLS library could not be set up.
        Internal => "internal",
        /// Nothing came back before the deadline.
        HandshakeTimeout => "handshake_timeout",
        /// Some bytes came back, then nothing until the deadline.
        HandshakeStalled => "handshake_stalled",
        /// Reset with nothing received: the signature of SNI filtering.
        ResetAfterClientHello => "reset_after_client_hello",
        /// Closed with nothing received.
        EofAfterClientHello => "eof_after_client_hello",
        ResetDuringHandshake => "reset_during_handshake",
        EofDuringHandshake => "eof_during_handshake",
        /// The server answered in plain HTTP.
        NotTlsHttp => "not_tls_http",
        /// The server's reply is not TLS at all.
        NotTls => "not_tls",
        /// The server sent a TLS alert.
        Alert => "alert",
        /// No protocol version or cipher in common.
        Incompatible => "incompatible",
        /// Any other handshake failure.
        HandshakeError => "handshake_error",
        /// Unknown issuer, but the public web PKI accepts the chain: go's roots lack it.
        UnknownIssuerMissingRoot => "unknown_issuer_missing_root",
        /// Unknown issuer on a public name: a TLS-intercepting middlebox.
        UnknownIssuerInterception => "unknown_issuer_interception",
        /// Unknown issuer on a private name: a private CA.
        UnknownIssuerPrivateCa => "unknown_issuer_private_ca",
        Expired => "expired",
        NotYetValid => "not_yet_valid",
        /// The certificate does not name the host.
        NameMismatch => "name_mismatch",
        /// Any other certificate problem.
        BadCertificate => "bad_certificate",
    }
}

error_kinds! {
    /// An HTTP exchange that failed, or an answer that is not what was asked for.
    pub enum HttpError {
        /// The URL could not be parsed.
        BadUrl => "bad_url",
        /// The connection broke or the answer is not valid HTTP.
        Protocol => "protocol",
        /// No HTTP/2 connection preface in time.
        Timeout => "timeout",
        /// No response headers in time, and nothing arriving.
        HeadersTimeout => "headers_timeout",
        /// The answer is arriving, very slowly (go would wait for it).
        SlowProgress => "slow_progress",
        HeadersTooLarge => "headers_too_large",
        /// A redirect from https to http.
        RedirectInsecure => "redirect_insecure",
        /// A plain-http URL with credentials in it: go refuses to send the request at all.
        InsecureCredentials => "insecure_credentials",
        TooManyRedirects => "too_many_redirects",
        /// 404 or 410.
        NotFound => "not_found",
        /// Another status than 200.
        Status => "status",
        /// A 4xx status with an HTML page.
        HtmlError => "html_error",
        /// 200 with an HTML page instead of the payload.
        CaptivePortal => "captive_portal",
        /// 200 with a body that is not what the protocol says.
        InvalidPayload => "invalid_payload",
        /// The body exceeded the size limit.
        BodyTooLarge => "body_too_large",
        /// The body stopped arriving before its end.
        BodyStalled => "body_stalled",
        /// A go-get discovery page without a matching go-import tag (none at all, none for
        /// the module, or a page go could not read).
        NoGoImport => "no_go_import",
        /// More than one go-import tag matches the module (`matchGoImport`).
        MultipleGoImports => "multiple_go_imports",
        /// The tag names a shorter prefix whose own page says otherwise.
        GoImportDisagree => "go_import_disagree",
        /// The tag's repository root is not a URL with a scheme go accepts.
        InvalidRepoRoot => "invalid_repo_root",
        /// The tag's subdirectory starts with `/` or `-` (go ≥ 1.25 reads the field).
        InvalidSubdir => "invalid_subdir",
        /// The tag names a version control system go does not know.
        UnknownVcs => "unknown_vcs",
    }
}

error_kinds! {
    /// A `file://` read that failed (file.rs); reported on the HTTP layer it stands in for.
    pub enum FileError {
        /// Not an absolute local path.
        BadUrl => "bad_url",
        /// No such file: go's 404.
        NotFound => "not_found",
        /// Permission denied: go's 403.
        Forbidden => "forbidden",
        /// Not a regular file, or a read error.
        Unreadable => "file_error",
    }
}

error_kinds! {
    /// git's first request (`GET <repo>/info/refs?service=git-upload-pack`, git_http.rs)
    /// answered with something git cannot use; reported on the HTTP layer.
    pub enum GitHttpError {
        /// 401 and git would find no credentials, and may not prompt (go sets
        /// GIT_TERMINAL_PROMPT=0).
        AuthRequired => "git_auth_required",
        /// 403.
        Forbidden => "git_forbidden",
        /// 404: no such repository (or one hidden from anonymous users).
        NotFound => "git_repo_not_found",
        /// An HTML page (200, or at the end of redirects): a login or SSO page.
        LoginPage => "git_login_page",
        /// 200 with neither a smart-HTTP advertisement nor a dumb `info/refs` listing.
        NotGit => "git_not_a_repository",
        /// The advertisement does not start as git requires, or is an `ERR` packet.
        BadAdvertisement => "git_bad_advertisement",
        /// 5xx.
        ServerError => "git_server_error",
        /// Any other status.
        Status => "git_status",
    }
}

error_kinds! {
    /// An SSH server's greeting that did not come (ssh.rs); reported on the TCP layer, whose
    /// connection did open.
    pub enum SshError {
        /// Connected, and no identification line before the deadline.
        BannerTimeout => "ssh_banner_timeout",
        /// The server closed the connection before identifying itself.
        Closed => "ssh_closed",
        /// Something else answered (HTTP, TLS, …).
        NotSsh => "not_ssh",
        /// Only SSH protocol 1, which OpenSSH no longer speaks.
        Protocol1 => "ssh_protocol_obsolete",
    }
}

error_kinds! {
    /// The HTTP proxy's CONNECT that failed (proxy.rs).
    pub enum ProxyError {
        /// A proxy URL scheme the probes cannot speak.
        UnsupportedScheme => "unsupported_proxy_scheme",
        Timeout => "timeout",
        Reset => "reset",
        Other => "error",
        /// The proxy's answer is not HTTP.
        NotHttp => "not_http",
        /// 407.
        AuthRequired => "auth_required",
        /// 403.
        Forbidden => "forbidden",
        /// Any other status than 200.
        ConnectRefused => "connect_refused",
    }
}

error_kinds! {
    /// The checksum database's answers that failed (sumdb.rs).
    pub enum SumdbError {
        /// `/latest` answered with a status other than 200.
        LatestStatus => "latest_status",
        Timeout => "timeout",
        Protocol => "protocol",
        /// A signature of the expected key that does not verify.
        SignatureInvalid => "signature_invalid",
        /// No signature of the expected key.
        SignatureUnknownKey => "signature_unknown_key",
        /// Not a signed note, or a lookup answer that cannot be read.
        Malformed => "malformed",
        /// `/lookup` answered 404 or 410.
        LookupNotFound => "lookup_not_found",
        /// `/lookup` answered another status.
        LookupStatus => "lookup_status",
    }
}

error_kinds! {
    /// `git ls-remote` that failed (vcs.rs), classified from git's stderr.
    pub enum GitError {
        Timeout => "timeout",
        /// git could not be started.
        NotRunnable => "git_not_runnable",
        /// git needs credentials and may not prompt.
        AuthRequired => "auth_required",
        /// The credentials were rejected.
        AuthFailed => "auth_failed",
        /// The SSH server rejected every key.
        SshAuth => "ssh_auth",
        /// The SSH host key is unknown.
        SshHostKey => "ssh_host_key",
        Dns => "dns",
        Refused => "refused",
        Tls => "tls",
        NotFound => "not_found",
        Proxy => "proxy",
        Other => "error",
    }
}

/// The error of one probe layer: which layer's vocabulary, and the cause in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ProbeError {
    Dns(DnsError),
    Tcp(TcpError),
    Tls(TlsError),
    Http(HttpError),
    /// A `file://` read, on the HTTP layer.
    File(FileError),
    Proxy(ProxyError),
    Sumdb(SumdbError),
    /// git's first request, on the HTTP layer.
    GitHttp(GitHttpError),
    /// An SSH server's greeting, on the TCP layer.
    Ssh(SshError),
}

impl ProbeError {
    /// The stable JSON `error.kind`.
    pub fn kind(self) -> &'static str {
        match self {
            ProbeError::Dns(e) => e.kind(),
            ProbeError::Tcp(e) => e.kind(),
            ProbeError::Tls(e) => e.kind(),
            ProbeError::Http(e) => e.kind(),
            ProbeError::File(e) => e.kind(),
            ProbeError::Proxy(e) => e.kind(),
            ProbeError::Sumdb(e) => e.kind(),
            ProbeError::GitHttp(e) => e.kind(),
            ProbeError::Ssh(e) => e.kind(),
        }
    }

    /// The layer that reports it.
    pub fn layer(self) -> LayerName {
        match self {
            ProbeError::Dns(_) => LayerName::Dns,
            ProbeError::Tcp(_) | ProbeError::Ssh(_) => LayerName::Tcp,
            ProbeError::Tls(_) => LayerName::Tls,
            ProbeError::Http(_) | ProbeError::File(_) | ProbeError::GitHttp(_) => LayerName::Http,
            ProbeError::Proxy(_) => LayerName::Proxy,
            ProbeError::Sumdb(_) => LayerName::Sumdb,
        }
    }

    /// The server (or the directory of a `file://` proxy) said the file is not there: a 404 or
    /// 410, or no such file.
    pub fn is_not_found(self) -> bool {
        matches!(
            self,
            ProbeError::Http(HttpError::NotFound) | ProbeError::File(FileError::NotFound)
        )
    }
}

impl std::fmt::Display for ProbeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.kind())
    }
}

macro_rules! into_probe_error {
    ($($layer:ident($ty:ident)),*) => {
        $(impl From<$ty> for ProbeError {
            fn from(e: $ty) -> Self {
                ProbeError::$layer(e)
            }
        })*
    };
}

into_probe_error!(
    Dns(DnsError),
    Tcp(TcpError),
    Tls(TlsError),
    Http(HttpError),
    File(FileError),
    Proxy(ProxyError),
    Sumdb(SumdbError),
    GitHttp(GitHttpError),
    Ssh(SshError)
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_snake_case_and_unique_per_enum() {
        fn check(kinds: &[&'static str]) {
            let mut seen = std::collections::BTreeSet::new();
            for k in kinds {
                assert!(
                    k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                    "{k}"
                );
                assert!(seen.insert(*k), "{k} twice");
            }
        }
        check(&DnsError::ALL.iter().map(|e| e.kind()).collect::<Vec<_>>());
        check(&TcpError::ALL.iter().map(|e| e.kind()).collect::<Vec<_>>());
        check(&TlsError::ALL.iter().map(|e| e.kind()).collect::<Vec<_>>());
        check(&HttpError::ALL.iter().map(|e| e.kind()).collect::<Vec<_>>());
        check(&FileError::ALL.iter().map(|e| e.kind()).collect::<Vec<_>>());
        check(&ProxyError::ALL.iter().map(|e| e.kind()).collect::<Vec<_>>());
        check(&SumdbError::ALL.iter().map(|e| e.kind()).collect::<Vec<_>>());
        check(&GitError::ALL.iter().map(|e| e.kind()).collect::<Vec<_>>());
        check(
            &GitHttpError::ALL
                .iter()
                .map(|e| e.kind())
                .collect::<Vec<_>>(),
        );
        check(&SshError::ALL.iter().map(|e| e.kind()).collect::<Vec<_>>());
    }

    #[test]
    fn kind_and_layer() {
        let e: ProbeError = TlsError::UnknownIssuerInterception.into();
        assert_eq!(e.kind(), "unknown_issuer_interception");
        assert_eq!(e.layer(), LayerName::Tls);
        assert_eq!(
            ProbeError::from(FileError::NotFound).layer(),
            LayerName::Http
        );
        assert!(ProbeError::from(FileError::NotFound).is_not_found());
    }
}
