//! go's `h1:` hash, as golang.org/x/mod/sumdb/dirhash computes it (`Hash1`, `HashZip`): what a
//! go.sum line and the checksum database record for a module's go.mod file and for its zip
//! (docs/go/semantics.md §11 "go.sum").
//!
//! `Hash1` hashes a list of named files: sorted by name (byte order), one line
//! `"<hex sha256 of the content>  <name>\n"` per file, and the SHA-256 of those lines in standard
//! base64 after `h1:`. The `/go.mod` line of go.sum is `Hash1` over the single file `go.mod`; the
//! zip line is `Hash1` over the zip's entries, names as stored (`module@version/…`).

use std::io::{Read, Seek, SeekFrom};

use base64::Engine;
use sha2::{Digest, Sha256};

/// go's text for a name `Hash1` refuses.
const NEWLINE_IN_NAME: &str = "dirhash: filenames with newlines are not supported";

/// The `h1:` hash go records for a go.mod file with this content (`goModSum`, modfetch/fetch.go).
pub fn hash_go_mod(content: &[u8]) -> String {
    summary_hash([(&b"go.mod"[..], Sha256::digest(content).into())])
}

/// `Hash1` over files given as (name, content). Fails, as go does, on a name with a newline.
pub fn hash1<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
) -> Result<String, ZipHashError> {
    let mut sums: Vec<(&[u8], [u8; 32])> = Vec::new();
    for (name, content) in files {
        sums.push((name.as_bytes(), Sha256::digest(content).into()));
    }
    sums.sort_by(|a, b| a.0.cmp(b.0));
    if sums.iter().any(|(name, _)| name.contains(&b'\n')) {
        return Err(ZipHashError::NewlineInName);
    }
    Ok(summary_hash(sums))
}

/// The summary of already sorted (name, sha256) pairs.
fn summary_hash<'a>(sorted: impl IntoIterator<Item = (&'a [u8], [u8; 32])>) -> String {
    let mut summary = Sha256::new();
    for (name, sum) in sorted {
        summary.update(hex(&sum));
        summary.update(b"  ");
        summary.update(name);
        summary.update(b"\n");
    }
    format!(
        "h1:{}",
        base64::engine::general_purpose::STANDARD.encode(summary.finalize())
    )
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// How much of a zip `hash_zip` is willing to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ZipLimits {
    /// The zip file itself (go refuses a module zip over 500 MiB: `modzip.MaxZipFile`).
    pub max_zip_bytes: u64,
    /// All entries' content, uncompressed, as actually read.
    pub max_content_bytes: u64,
    /// Entries in the central directory.
    pub max_entries: usize,
}

impl Default for ZipLimits {
    fn default() -> Self {
        ZipLimits {
            max_zip_bytes: 500 << 20,
            max_content_bytes: 500 << 20,
            max_entries: 100_000,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ZipHashError {
    /// go's own refusal (`Hash1`).
    #[error("{}", NEWLINE_IN_NAME)]
    NewlineInName,
    #[error("zip: {0}")]
    Zip(String),
    #[error("reading the zip: {0}")]
    Io(#[from] std::io::Error),
    /// go hashes every copy of a duplicated name with the last copy's content and then refuses
    /// to extract the zip (`modzip.CheckZip`: "multiple entries for file"); godoctor reports it.
    #[error("zip has several entries named {0:?}")]
    DuplicateName(String),
    #[error("zip file is {size} bytes, more than the limit of {limit}")]
    ZipTooLarge { size: u64, limit: u64 },
    #[error("zip has {entries} entries, more than the limit of {limit}")]
    TooManyEntries { entries: usize, limit: usize },
    #[error("zip content is more than {limit} bytes uncompressed")]
    ContentTooLarge { limit: u64 },
}

impl From<zip::result::ZipError> for ZipHashError {
    fn from(e: zip::result::ZipError) -> Self {
        match e {
            zip::result::ZipError::Io(e) => ZipHashError::Io(e),
            e => ZipHashError::Zip(e.to_string()),
        }
    }
}

/// The `h1:` hash of a module zip (`dirhash.HashZip`): every entry — directories included, as
/// go includes them — by its stored name (raw bytes, never re-decoded) and its content.
pub fn hash_zip<R: Read + Seek>(mut reader: R, limits: ZipLimits) -> Result<String, ZipHashError> {
    let size = reader.seek(SeekFrom::End(0))?;
    if size > limits.max_zip_bytes {
        return Err(ZipHashError::ZipTooLarge {
            size,
            limit: limits.max_zip_bytes,
        });
    }
    reader.seek(SeekFrom::Start(0))?;
    let mut archive = zip::ZipArchive::new(reader)?;
    if archive.len() > limits.max_entries {
        return Err(ZipHashError::TooManyEntries {
            entries: archive.len(),
            limit: limits.max_entries,
        });
    }
    // The crate keeps one entry per name, so a duplicate could not be hashed the way go does.
    if archive.has_duplicate_names() {
        let mut seen = std::collections::BTreeSet::new();
        let dup = archive
            .file_names_raw()
            .find(|n| !seen.insert(n.to_vec()))
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        return Err(ZipHashError::DuplicateName(dup));
    }

    let mut order: Vec<(Vec<u8>, usize)> = archive
        .file_names_raw()
        .enumerate()
        .map(|(i, n)| (n.to_vec(), i))
        .collect();
    order.sort();
    // go checks each name just before reading it, in sorted order.
    let mut budget = limits.max_content_bytes;
    let mut sums = Vec::with_capacity(order.len());
    let mut buf = vec![0u8; 64 << 10];
    for (name, index) in order {
        if name.contains(&b'\n') {
            return Err(ZipHashError::NewlineInName);
        }
        let mut entry = archive.by_index(index)?;
        let mut sha = Sha256::new();
        loop {
            let n = entry.read(&mut buf)?;
            if n == 0 {
                break;
            }
            budget = budget
                .checked_sub(n as u64)
                .ok_or(ZipHashError::ContentTooLarge {
                    limit: limits.max_content_bytes,
                })?;
            sha.update(&buf[..n]);
        }
        drop(entry);
        sums.push((name, <[u8; 32]>::from(sha.finalize())));
    }
    Ok(summary_hash(sums.iter().map(|(n, s)| (n.as_slice(), *s))))
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Write};

    use zip::write::SimpleFileOptions;

    use super::*;

    // Lines found in countless real go.sum files: the go.mod a proxy synthesizes for a module
    // without one is `module <path>\n`.
    #[test]
    fn go_mod_hashes_known_to_go_sum_files() {
        assert_eq!(
            hash_go_mod(b"module github.com/pkg/errors\n"),
            "h1:bwawxfHBFNV+L2hUp1rHADufV3IMtnDRdf1r5NINEl0="
        );
        assert_eq!(
            hash_go_mod(b"module golang.org/x/text\n"),
            "h1:NqM8EUOU14njkJ3fqMW+pc6Ldnwhi/IjpwHt7yyuwOQ="
        );
        // go's own constant for an empty go.mod (`emptyGoModHash`, modfetch/fetch.go).
        assert_eq!(
            hash_go_mod(b""),
            "h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY="
        );
        // `go mod download -json` printed this GoModSum (go1.19 and go1.27).
        assert_eq!(
            hash_go_mod(b"module example.com/m\n\ngo 1.16\n"),
            "h1:taPoVR/rkuesp3l4DKkYkK0l58XM6+hFWpwQibvVl+I="
        );
    }

    // The documented definition, computed with coreutils:
    // `printf '%s  abc\n%s  xyz\n' <sha256 of each> | sha256sum`, in base64.
    #[test]
    fn hash1_sorts_names() {
        let want = "h1:EP6WfDoQTSk9klnxcjriWJOGztueJUywHNmWeq+efB8=";
        let files = [("xyz", &b"data for xyz"[..]), ("abc", &b"data for abc"[..])];
        assert_eq!(hash1(files).unwrap(), want);
        let reversed = [files[1], files[0]];
        assert_eq!(hash1(reversed).unwrap(), want);
        assert!(matches!(
            hash1([("a\nb", &b""[..])]),
            Err(ZipHashError::NewlineInName)
        ));
        assert_eq!(
            ZipHashError::NewlineInName.to_string(),
            "dirhash: filenames with newlines are not supported"
        );
    }

    fn zip_of(files: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = SimpleFileOptions::default().compression_method(method);
        for (name, content) in files {
            w.start_file(*name, opts).unwrap();
            w.write_all(content).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    const MOD_FILES: &[(&str, &[u8])] = &[
        ("example.com/m@v1.0.0/m.go", b"package m\n\nconst X = 1\n"),
        (
            "example.com/m@v1.0.0/go.mod",
            b"module example.com/m\n\ngo 1.16\n",
        ),
    ];

    // `go mod download -json` printed this Sum for a zip with these two files (go1.19, go1.27);
    // compression and entry order do not count.
    #[test]
    fn zip_hash_matches_go() {
        let want = "h1:pYljjo+N2tXtmRkNDmvajK6HLsAuIZKbjFBytJLCU8w=";
        for method in [
            zip::CompressionMethod::Deflated,
            zip::CompressionMethod::Stored,
        ] {
            let z = zip_of(MOD_FILES, method);
            assert_eq!(
                hash_zip(Cursor::new(z), ZipLimits::default()).unwrap(),
                want
            );
        }
        assert_eq!(hash1(MOD_FILES.iter().copied()).unwrap(), want);
    }

    #[test]
    fn zip_directories_count_as_empty_files() {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        w.add_directory("m@v1/dir/", SimpleFileOptions::default())
            .unwrap();
        let z = w.finish().unwrap().into_inner();
        assert_eq!(
            hash_zip(Cursor::new(z), ZipLimits::default()).unwrap(),
            hash1([("m@v1/dir/", &b""[..])]).unwrap()
        );
    }

    #[test]
    fn zip_limits_and_refusals() {
        let z = zip_of(MOD_FILES, zip::CompressionMethod::Deflated);
        let small = |f: fn(&mut ZipLimits)| {
            let mut l = ZipLimits::default();
            f(&mut l);
            hash_zip(Cursor::new(z.clone()), l)
        };
        assert!(matches!(
            small(|l| l.max_zip_bytes = 10),
            Err(ZipHashError::ZipTooLarge { limit: 10, .. })
        ));
        assert!(matches!(
            small(|l| l.max_entries = 1),
            Err(ZipHashError::TooManyEntries {
                entries: 2,
                limit: 1
            })
        ));
        assert!(matches!(
            small(|l| l.max_content_bytes = 40),
            Err(ZipHashError::ContentTooLarge { limit: 40 })
        ));
        assert!(small(|l| l.max_content_bytes = 53).is_ok());

        let newline = zip_of(&[("m@v1/a\nb", b"x")], zip::CompressionMethod::Stored);
        assert!(matches!(
            hash_zip(Cursor::new(newline), ZipLimits::default()),
            Err(ZipHashError::NewlineInName)
        ));
        for junk in [&b""[..], b"PK\x03\x04 not a zip", &[0u8; 100]] {
            assert!(matches!(
                hash_zip(Cursor::new(junk.to_vec()), ZipLimits::default()),
                Err(ZipHashError::Zip(_) | ZipHashError::Io(_))
            ));
        }
    }

    // A deflate stream cut short or corrupted fails (go: `zip: checksum error` or a flate error).
    #[test]
    fn corrupt_content_is_an_error() {
        let mut z = zip_of(
            &[("m@v1/f", &[7u8; 4000][..])],
            zip::CompressionMethod::Stored,
        );
        let at = z.windows(4).position(|w| w == [7, 7, 7, 7]).unwrap();
        z[at] = 8;
        assert!(hash_zip(Cursor::new(z), ZipLimits::default()).is_err());
    }
}
