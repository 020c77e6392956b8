//! A probe layer's result said in the report's language: the JSON keeps the stable error kind
//! (`empty`, `auth_required`); people read `no records` / `无记录`.

use crate::i18n::{Lang, tr};

/// Each error kind of `probe::error` and its catalog id.
const WORDS: &[(&str, &str)] = &[
    ("alert", "layer-result-alert"),
    ("auth_failed", "layer-result-auth-failed"),
    ("auth_required", "layer-result-auth-required"),
    ("bad_certificate", "layer-result-bad-certificate"),
    ("bad_server_name", "layer-result-bad-server-name"),
    ("bad_url", "layer-result-bad-url"),
    ("blocked", "layer-result-blocked"),
    ("body_stalled", "layer-result-body-stalled"),
    ("body_too_large", "layer-result-body-too-large"),
    ("captive_portal", "layer-result-captive-portal"),
    ("connect_refused", "layer-result-connect-refused"),
    ("dns", "layer-result-dns"),
    ("empty", "layer-result-empty"),
    (
        "eof_after_client_hello",
        "layer-result-eof-after-client-hello",
    ),
    ("eof_during_handshake", "layer-result-eof-during-handshake"),
    ("error", "layer-result-error"),
    ("expired", "layer-result-expired"),
    ("file_error", "layer-result-file-error"),
    ("forbidden", "layer-result-forbidden"),
    ("git_auth_required", "layer-result-git-auth-required"),
    (
        "git_bad_advertisement",
        "layer-result-git-bad-advertisement",
    ),
    ("git_forbidden", "layer-result-git-forbidden"),
    ("git_login_page", "layer-result-git-login-page"),
    ("git_not_a_repository", "layer-result-git-not-a-repository"),
    ("git_not_runnable", "layer-result-git-not-runnable"),
    ("git_repo_not_found", "layer-result-git-repo-not-found"),
    ("git_server_error", "layer-result-git-server-error"),
    ("git_status", "layer-result-git-status"),
    ("go_import_disagree", "layer-result-go-import-disagree"),
    ("handshake_error", "layer-result-handshake-error"),
    ("handshake_stalled", "layer-result-handshake-stalled"),
    ("handshake_timeout", "layer-result-handshake-timeout"),
    ("headers_timeout", "layer-result-headers-timeout"),
    ("headers_too_large", "layer-result-headers-too-large"),
    ("html_error", "layer-result-html-error"),
    ("incompatible", "layer-result-incompatible"),
    ("internal", "layer-result-internal"),
    ("invalid_payload", "layer-result-invalid-payload"),
    ("invalid_repo_root", "layer-result-invalid-repo-root"),
    ("invalid_subdir", "layer-result-invalid-subdir"),
    ("latest_status", "layer-result-latest-status"),
    ("lookup_not_found", "layer-result-lookup-not-found"),
    ("lookup_status", "layer-result-lookup-status"),
    ("malformed", "layer-result-malformed"),
    ("multiple_go_imports", "layer-result-multiple-go-imports"),
    ("name_mismatch", "layer-result-name-mismatch"),
    ("no_go_import", "layer-result-no-go-import"),
    ("no_nameserver", "layer-result-no-nameserver"),
    ("no_roots", "layer-result-no-roots"),
    ("not_found", "layer-result-not-found"),
    ("not_http", "layer-result-not-http"),
    ("not_ssh", "layer-result-not-ssh"),
    ("not_tls", "layer-result-not-tls"),
    ("not_tls_http", "layer-result-not-tls-http"),
    ("not_yet_valid", "layer-result-not-yet-valid"),
    ("nxdomain", "layer-result-nxdomain"),
    ("protocol", "layer-result-protocol"),
    ("proxy", "layer-result-proxy"),
    ("rcode", "layer-result-rcode"),
    ("redirect_insecure", "layer-result-redirect-insecure"),
    ("insecure_credentials", "layer-result-insecure-credentials"),
    ("refused", "layer-result-refused"),
    ("reset", "layer-result-reset"),
    (
        "reset_after_client_hello",
        "layer-result-reset-after-client-hello",
    ),
    (
        "reset_during_handshake",
        "layer-result-reset-during-handshake",
    ),
    ("servfail", "layer-result-servfail"),
    ("signature_invalid", "layer-result-signature-invalid"),
    (
        "signature_unknown_key",
        "layer-result-signature-unknown-key",
    ),
    ("slow_progress", "layer-result-slow-progress"),
    ("ssh_auth", "layer-result-ssh-auth"),
    ("ssh_banner_timeout", "layer-result-ssh-banner-timeout"),
    ("ssh_closed", "layer-result-ssh-closed"),
    ("ssh_host_key", "layer-result-ssh-host-key"),
    (
        "ssh_protocol_obsolete",
        "layer-result-ssh-protocol-obsolete",
    ),
    ("status", "layer-result-status"),
    ("timeout", "layer-result-timeout"),
    ("tls", "layer-result-tls"),
    ("too_many_redirects", "layer-result-too-many-redirects"),
    (
        "unknown_issuer_interception",
        "layer-result-unknown-issuer-interception",
    ),
    (
        "unknown_issuer_missing_root",
        "layer-result-unknown-issuer-missing-root",
    ),
    (
        "unknown_issuer_private_ca",
        "layer-result-unknown-issuer-private-ca",
    ),
    ("unknown_vcs", "layer-result-unknown-vcs"),
    ("unreachable", "layer-result-unreachable"),
    (
        "unsupported_proxy_scheme",
        "layer-result-unsupported-proxy-scheme",
    ),
];

/// `kind` in `lang`; a kind without a word (a newer probe's) as it is.
pub fn layer_result(kind: &str, lang: Lang) -> String {
    WORDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or_else(|| kind.to_owned(), |(_, id)| tr(lang, id, &[]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_said_in_chinese() {
        assert_eq!(layer_result("empty", Lang::Zh), "无记录");
        assert_eq!(layer_result("auth_required", Lang::Zh), "需要认证");
        assert_eq!(
            layer_result("nxdomain", Lang::En),
            "no such host (NXDOMAIN)"
        );
        assert_eq!(layer_result("brand_new", Lang::Zh), "brand_new");
    }
}
