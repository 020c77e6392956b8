//! Trusted roots loaded exactly the way go loads them on this OS (docs/go/semantics.md §7 "Root
//! certificates"): on Linux the first readable CA bundle of go's list plus every directory of
//! its list; SSL_CERT_FILE replaces the file list and SSL_CERT_DIR (colon-separated) the
//! directory list, separately. webpki-roots is kept aside as a second opinion.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::RootCertStore;
use rustls_pki_types::CertificateDer;
use rustls_pki_types::pem::PemObject;

use crate::config::env::Environment;

const CERT_FILES: &[&str] = &[
    "/etc/ssl/certs/ca-certificates.crt",
    "/etc/pki/tls/certs/ca-bundle.crt",
    "/etc/ssl/ca-bundle.pem",
    "/etc/pki/tls/cacert.pem",
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
    "/etc/ssl/cert.pem",
];
const CERT_DIRS: &[&str] = &["/etc/ssl/certs", "/etc/pki/tls/certs"];

/// Adds a PEM file's certificates; unparsable blocks are skipped, as go's AppendCertsFromPEM does.
fn add_pem_file(store: &mut RootCertStore, path: &Path) -> Result<(), std::io::Error> {
    // Bounded and regular files only (config::bounded): /dev/zero or a FIFO must not hang.
    let data = crate::config::bounded::read(path, crate::config::bounded::CERTS)?.data;
    for cert in CertificateDer::pem_slice_iter(&data).flatten() {
        let _ = store.add(cert);
    }
    Ok(())
}

/// Loads go's roots from `env` (SSL_CERT_FILE / SSL_CERT_DIR honoured).
pub fn load(env: &Environment) -> Arc<RootCertStore> {
    // Read once per process for the same settings, as go's crypto/x509 does (sync.Once): `fix`
    // probes in several rounds.
    type Key = (Option<String>, Option<String>);
    static LOADED: std::sync::Mutex<Vec<(Key, Arc<RootCertStore>)>> =
        std::sync::Mutex::new(Vec::new());
    let key: Key = (
        env.get("SSL_CERT_FILE").map(str::to_owned),
        env.get("SSL_CERT_DIR").map(str::to_owned),
    );
    if let Ok(loaded) = LOADED.lock()
        && let Some((_, store)) = loaded.iter().find(|(k, _)| *k == key)
    {
        return store.clone();
    }
    let store = read(env);
    if let Ok(mut loaded) = LOADED.lock() {
        loaded.push((key, store.clone()));
    }
    store
}

fn read(env: &Environment) -> Arc<RootCertStore> {
    let mut store = RootCertStore::empty();
    let files: Vec<PathBuf> = match env.get("SSL_CERT_FILE") {
        Some(f) => vec![PathBuf::from(f)],
        None => CERT_FILES.iter().map(PathBuf::from).collect(),
    };
    // The first file that reads is the bundle.
    for f in &files {
        if add_pem_file(&mut store, f).is_ok() {
            break;
        }
    }
    let dirs: Vec<PathBuf> = match env.get("SSL_CERT_DIR") {
        Some(d) => d
            .split(':')
            .filter(|s| !s.is_empty())
            .map(PathBuf::from)
            .collect(),
        None => CERT_DIRS.iter().map(PathBuf::from).collect(),
    };
    for dir in &dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut names: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        names.sort();
        for path in names {
            // go skips symlinks that point within the same directory (hash links).
            if let Ok(target) = std::fs::read_link(&path) {
                let resolved = if target.is_absolute() {
                    target
                } else {
                    dir.join(target)
                };
                if resolved.parent() == Some(dir.as_path()) {
                    continue;
                }
            }
            if path.is_file() {
                let _ = add_pem_file(&mut store, &path);
            }
        }
    }
    Arc::new(store)
}

/// The public web PKI (Mozilla's list), for telling an interception CA from a missing root.
pub fn public_roots() -> Arc<RootCertStore> {
    static PUBLIC: std::sync::OnceLock<Arc<RootCertStore>> = std::sync::OnceLock::new();
    PUBLIC
        .get_or_init(|| {
            let mut store = RootCertStore::empty();
            store.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
            Arc::new(store)
        })
        .clone()
}
