//! The lab PKI: a root CA, an unrelated CA, and leaves for each `CertKind`.

use std::sync::Arc;

use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DistinguishedName, DnType,
    ExtendedKeyUsagePurpose, IsCa, KeyPair, KeyUsagePurpose, date_time_ymd,
};
use rustls_pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

use super::CertKind;

/// The name a `CertKind::WrongName` leaf is issued for.
pub const WRONG_NAME: &str = "wrong-name.lab.test";

pub struct Pki {
    ca: CertifiedIssuer<'static, KeyPair>,
    other_ca: CertifiedIssuer<'static, KeyPair>,
    ca_pem: String,
}

fn new_ca(cn: &str) -> CertifiedIssuer<'static, KeyPair> {
    let mut p = CertificateParams::default();
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, cn);
    dn.push(DnType::OrganizationName, "godoctor fault lab");
    p.distinguished_name = dn;
    p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    p.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    p.not_before = date_time_ymd(2020, 1, 1);
    p.not_after = date_time_ymd(2200, 1, 1);
    CertifiedIssuer::self_signed(p, KeyPair::generate().expect("CA key")).expect("CA cert")
}

impl Pki {
    pub fn new() -> Pki {
        let ca = new_ca("godoctor lab root CA");
        let other_ca = new_ca("not the lab CA");
        let ca_pem = ca.pem();
        Pki {
            ca,
            other_ca,
            ca_pem,
        }
    }

    pub fn ca_pem(&self) -> &str {
        &self.ca_pem
    }

    pub fn ca_der(&self) -> CertificateDer<'static> {
        self.ca.der().clone()
    }

    /// Leaf certificate + key for `name` as `kind` says.
    pub fn leaf(
        &self,
        name: &str,
        kind: CertKind,
    ) -> (CertificateDer<'static>, PrivateKeyDer<'static>) {
        let subject = if kind == CertKind::WrongName {
            WRONG_NAME
        } else {
            name
        };
        let mut p = CertificateParams::new(vec![subject.to_owned()]).expect("leaf params");
        let mut dn = DistinguishedName::new();
        dn.push(DnType::CommonName, subject);
        p.distinguished_name = dn;
        p.is_ca = IsCa::NoCa;
        p.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        p.use_authority_key_identifier_extension = true;
        (p.not_before, p.not_after) = match kind {
            CertKind::Expired => (date_time_ymd(2020, 1, 1), date_time_ymd(2021, 1, 1)),
            CertKind::NotYetValid => (date_time_ymd(2099, 1, 1), date_time_ymd(2100, 1, 1)),
            _ => (date_time_ymd(2024, 1, 1), date_time_ymd(2199, 1, 1)),
        };
        let key = KeyPair::generate().expect("leaf key");
        let issuer = if kind == CertKind::UnknownCa {
            &self.other_ca
        } else {
            &self.ca
        };
        let cert = p.signed_by(&key, issuer).expect("sign leaf");
        (
            cert.der().clone(),
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
        )
    }

    /// A TLS acceptor (ring provider, ALPN http/1.1) serving the leaf for `name`/`kind`.
    pub fn acceptor(&self, name: &str, kind: CertKind) -> tokio_rustls::TlsAcceptor {
        let (cert, key) = self.leaf(name, kind);
        let mut cfg = rustls::ServerConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .expect("protocol versions")
        .with_no_client_auth()
        .with_single_cert(vec![cert], key)
        .expect("server cert");
        cfg.alpn_protocols = vec![b"http/1.1".to_vec()];
        tokio_rustls::TlsAcceptor::from(Arc::new(cfg))
    }
}
