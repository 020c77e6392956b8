//! Trusted roots loaded exactly the way go loads them on this OS (go-semantics.md §7 "Root
//! certificates"): on Linux the first readable CA bundle of go's list plus every directory of
//! its list; SSL_CERT_FILE replaces the file list and SSL_CERT_DIR (colon-separated) the
//! directory list, separately. webpki-roots is kept aside as a second opinion.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::RootCertStore;
use rustls_pki_types::CertificateDer;
use rustls_pki_types::pem::PemObject;
use serde::Serialize;

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

/// Where the roots came from, for the report.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RootsInfo {
    pub file: Option<String>,
    pub dirs: Vec<String>,
    pub count: usize,
    pub from_ssl_cert_file: bool,
    pub from_ssl_cert_dir: bool,
    /// Files that could not be read or parsed.
    pub problems: Vec<String>,
}

pub struct Roots {
    pub store: Arc<RootCertStore>,
    pub info: RootsInfo,
}

fn add_pem_file(
    store: &mut RootCertStore,
    path: &Path,
    problems: &mut Vec<String>,
) -> Result<usize, std::io::Error> {
    let data = std::fs::read(path)?;
    let mut n = 0;
    for cert in CertificateDer::pem_slice_iter(&data) {
        match cert {
            Ok(c) => {
                if store.add(c).is_ok() {
                    n += 1;
                }
            }
            Err(e) => problems.push(format!("{}: {e}", path.display())),
        }
    }
    Ok(n)
}

/// Loads go's roots from `env` (SSL_CERT_FILE / SSL_CERT_DIR honoured).
pub fn load(env: &Environment) -> Roots {
    let mut store = RootCertStore::empty();
    let mut info = RootsInfo::default();
    let files: Vec<PathBuf> = match env.get("SSL_CERT_FILE") {
        Some(f) => {
            info.from_ssl_cert_file = true;
            vec![PathBuf::from(f)]
        }
        None => CERT_FILES.iter().map(PathBuf::from).collect(),
    };
    for f in &files {
        match add_pem_file(&mut store, f, &mut info.problems) {
            Ok(n) => {
                info.file = Some(f.display().to_string());
                info.count += n;
                break;
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => info.problems.push(format!("{}: {e}", f.display())),
        }
    }
    let dirs: Vec<PathBuf> = match env.get("SSL_CERT_DIR") {
        Some(d) => {
            info.from_ssl_cert_dir = true;
            d.split(':')
                .filter(|s| !s.is_empty())
                .map(PathBuf::from)
                .collect()
        }
        None => CERT_DIRS.iter().map(PathBuf::from).collect(),
    };
    for dir in &dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        info.dirs.push(dir.display().to_string());
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
            if path.is_file()
                && let Ok(n) = add_pem_file(&mut store, &path, &mut info.problems)
            {
                info.count += n;
            }
        }
    }
    Roots {
        store: Arc::new(store),
        info,
    }
}

/// The public web PKI (Mozilla's list), for telling an interception CA from a missing root.
pub fn public_roots() -> Arc<RootCertStore> {
    let mut store = RootCertStore::empty();
    store.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    Arc::new(store)
}
