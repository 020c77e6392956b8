//! Everything the e2e world serves, built once per test run into one directory: the lab PKI
//! (a CA given to go and godoctor through SSL_CERT_FILE, an untrusted CA, expired and
//! wrong-name leaves), module zips in GOPROXY layout with their real h1: hashes (two public
//! modules on different paths, a private one, a module needing go 1.99), a static
//! checksum database (tiles, signed tree heads, lookups) signed with a lab key named
//! sum.golang.org (and a copy signed by the wrong key), and a private git repository for
//! dumb-HTTP serving. The proxies also serve a stand-in `golang.org/toolchain` module
//! (go1.99.0, whose `bin/go` is a shell script) that the checksum database records, so that a
//! go ≥ 1.21 asked for go1.99.0 downloads, verifies, unpacks and runs it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DistinguishedName, DnType,
    ExtendedKeyUsagePurpose, IsCa, KeyPair, KeyUsagePurpose, date_time_ymd,
};

use crate::lab::note::{self, NoteKey};

/// A module the world serves.
pub struct Module {
    pub path: &'static str,
    pub version: &'static str,
    pub files: Vec<(&'static str, String)>,
}

impl Module {
    /// The go.mod a proxy serves: the zip's, else the one a proxy synthesises
    /// (`module PATH`), as for `golang.org/toolchain`, whose zips have none at the root.
    pub fn go_mod(&self) -> String {
        self.files
            .iter()
            .find(|(n, _)| *n == "go.mod")
            .map(|(_, c)| c.clone())
            .unwrap_or_else(|| format!("module {}\n", self.path))
    }
    fn zip_names(&self) -> Vec<(String, Vec<u8>)> {
        self.files
            .iter()
            .map(|(n, c)| {
                (
                    format!("{}@{}/{}", self.path, self.version, n),
                    c.clone().into_bytes(),
                )
            })
            .collect()
    }
    pub fn zip_h1(&self) -> String {
        let files = self.zip_names();
        let refs: Vec<(&str, &[u8])> = files
            .iter()
            .map(|(n, c)| (n.as_str(), c.as_slice()))
            .collect();
        note::hash1(&refs)
    }
    pub fn mod_h1(&self) -> String {
        note::hash1(&[("go.mod", self.go_mod().as_bytes())])
    }
}

pub const PUBLIC: &str = "github.com/gdlab/hello";
pub const PUBLIC_V: &str = "v1.0.0";
pub const PRIVATE: &str = "git.acme.corp/team/secret";
pub const PRIVATE_V: &str = "v0.1.0";
/// Credentials the private git server and the authenticating squid port accept.
pub const USER: &str = "alice";
pub const PASS: &str = "s3cret";

pub fn public_module() -> Module {
    Module {
        path: PUBLIC,
        version: PUBLIC_V,
        files: vec![
            ("go.mod", format!("module {PUBLIC}\n\ngo 1.19\n")),
            (
                "hello.go",
                "package hello\n\n// Hello greets.\nfunc Hello() string { return \"hello from the e2e lab\" }\n"
                    .into(),
            ),
        ],
    }
}

/// A second public module on another path: required, imported or missing per scenario.
pub const EXTRA: &str = "github.com/gdlab/extra";
pub const EXTRA_V: &str = "v1.0.0";

pub fn extra_module() -> Module {
    Module {
        path: EXTRA,
        version: EXTRA_V,
        files: vec![
            ("go.mod", format!("module {EXTRA}\n\ngo 1.19\n")),
            (
                "extra.go",
                "package extra\n\n// Extra says where it lives.\nconst Extra = \"another path\"\n"
                    .into(),
            ),
        ],
    }
}

/// The module at `path` among those the world serves (public, extra, private, newgo).
pub fn module(path: &str) -> Module {
    [
        public_module(),
        extra_module(),
        private_module(),
        newgo_module(),
        graphnewgo_module(),
    ]
    .into_iter()
    .find(|m| m.path == path)
    .unwrap_or_else(|| panic!("the lab serves no module {path}"))
}

/// go.sum lines for `m` (zip and go.mod hashes, as go writes them).
pub fn go_sum_lines(m: &Module) -> String {
    format!(
        "{p} {v} {z}\n{p} {v}/go.mod {g}\n",
        p = m.path,
        v = m.version,
        z = m.zip_h1(),
        g = m.mod_h1()
    )
}

pub fn private_module() -> Module {
    Module {
        path: PRIVATE,
        version: PRIVATE_V,
        files: vec![
            ("go.mod", format!("module {PRIVATE}\n\ngo 1.19\n")),
            (
                "secret.go",
                "package secret\n\n// Secret is private.\nconst Secret = \"acme\"\n".into(),
            ),
        ],
    }
}

/// A public module whose go.mod needs go 1.99: loading it makes go ≥ 1.21 switch toolchains in
/// the middle of `go mod download`.
pub const NEWGO: &str = "github.com/gdlab/newgo";
pub const NEWGO_V: &str = "v1.0.0";

pub fn newgo_module() -> Module {
    Module {
        path: NEWGO,
        version: NEWGO_V,
        files: vec![
            ("go.mod", format!("module {NEWGO}\n\ngo 1.99\n")),
            (
                "newgo.go",
                "package newgo\n\n// Version is the go line of this module.\nconst Version = \"1.99\"\n"
                    .into(),
            ),
        ],
    }
}

/// A public module at go 1.16 (its go.mod predates graph pruning) that requires [`NEWGO`]: in a
/// pruned graph go reads newgo's go.mod through it and switches toolchains there too.
pub const GRAPHNEWGO: &str = "github.com/gdlab/graphnewgo";

pub fn graphnewgo_module() -> Module {
    Module {
        path: GRAPHNEWGO,
        version: "v1.0.0",
        files: vec![
            (
                "go.mod",
                format!("module {GRAPHNEWGO}\n\ngo 1.16\n\nrequire {NEWGO} {NEWGO_V}\n"),
            ),
            (
                "graphnewgo.go",
                "package graphnewgo\n\n// Via says how newgo is reached.\nconst Via = \"the graph\"\n"
                    .into(),
            ),
        ],
    }
}

pub const TOOLCHAIN: &str = "golang.org/toolchain";
/// The toolchain the toolchain scenarios switch to.
pub const TOOLCHAIN_NAME: &str = "go1.99.0";
/// Its module version for the platform go was built for (linux/amd64: the toolchain scenarios
/// are skipped elsewhere).
pub const TOOLCHAIN_V: &str = "v0.0.1-go1.99.0.linux-amd64";
/// What the stand-in `bin/go` prints to stderr when it runs a command (then the arguments).
pub const TOOLCHAIN_MARK: &str = "stand-in go1.99.0 ran: go";

/// The stand-in go1.99.0 toolchain, laid out like an official `golang.org/toolchain` zip:
/// `bin/go` (a script), `bin/gofmt`, a tool under `pkg/tool/linux_amd64/`, `lib/` (go fails
/// the switch with an lstat error without it) with a `go_*_*_exec` helper go must make
/// executable, and `src/_go.mod`, which go copies to `src/go.mod` as its "unpacked" marker
/// (docs/go/toolchains.md §8). For `version` the script prints go's line; for anything else it
/// checks that go set the exec bits and wrote the marker (exit 3 if not), then prints
/// TOOLCHAIN_MARK and its arguments and exits 0.
pub fn toolchain_module() -> Module {
    let go = format!(
        r#"#!/bin/sh
# godoctor e2e: a stand-in for the {name} toolchain.
root=$(cd "$(dirname "$0")/.." && pwd)
if [ "$1" = version ]; then
    echo "go version {name} linux/amd64"
    exit 0
fi
for f in bin/go bin/gofmt pkg/tool/linux_amd64/compile lib/wasm/go_js_wasm_exec; do
    if [ ! -x "$root/$f" ]; then
        echo "stand-in {name}: $f is not executable" >&2
        exit 3
    fi
done
if [ ! -f "$root/src/go.mod" ]; then
    echo "stand-in {name}: src/go.mod (the unpacked marker) is missing" >&2
    exit 3
fi
echo "{mark} $* (GOROOT=$GOROOT, GOTOOLCHAIN=$GOTOOLCHAIN)" >&2
exit 0
"#,
        name = TOOLCHAIN_NAME,
        mark = TOOLCHAIN_MARK,
    );
    let script = |what: &str| format!("#!/bin/sh\necho \"stand-in {TOOLCHAIN_NAME} {what}\"\n");
    Module {
        path: TOOLCHAIN,
        version: TOOLCHAIN_V,
        files: vec![
            (
                "VERSION",
                format!("{TOOLCHAIN_NAME}\ntime 2026-01-01T00:00:00Z\n"),
            ),
            ("bin/go", go),
            ("bin/gofmt", script("gofmt")),
            ("pkg/tool/linux_amd64/compile", script("compile")),
            (
                "lib/time/README",
                "The stand-in toolchain has no time zone database.\n".into(),
            ),
            ("lib/wasm/go_js_wasm_exec", script("go_js_wasm_exec")),
            ("src/_go.mod", "module std\n\ngo 1.99\n".into()),
        ],
    }
}

/// Certificate flavours a TLS server can present.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cert {
    Lab,
    UnknownCa,
    Expired,
    WrongName,
}

impl Cert {
    pub fn tag(self) -> &'static str {
        match self {
            Cert::Lab => "lab",
            Cert::UnknownCa => "unknownca",
            Cert::Expired => "expired",
            Cert::WrongName => "wrongname",
        }
    }
}

/// Hosts with a TLS server in the world (each gets every certificate flavour).
pub const TLS_HOSTS: &[&str] = &[
    "proxy.golang.org",
    "sum.golang.org",
    "goproxy.cn",
    "goproxy.acme.corp",
    "git.acme.corp",
    "sumdb.acme.corp",
];

pub struct Assets {
    pub dir: PathBuf,
    pub ca: PathBuf,
    pub key: String,
    pub wrong_key: String,
}

impl Assets {
    pub fn cert(&self, host: &str, kind: Cert) -> (PathBuf, PathBuf) {
        let certs = self.dir.join("certs");
        (
            certs.join(format!("{host}-{}.crt", kind.tag())),
            certs.join(format!("{host}-{}.key", kind.tag())),
        )
    }
    pub fn goproxy_public(&self) -> PathBuf {
        self.dir.join("goproxy-public")
    }
    pub fn goproxy_corp(&self) -> PathBuf {
        self.dir.join("goproxy-corp")
    }
    /// The public layout without `golang.org/toolchain`.
    pub fn goproxy_no_toolchain(&self) -> PathBuf {
        self.dir.join("goproxy-notoolchain")
    }
    /// The public layout whose `golang.org/toolchain` list also offers go1.99.1, for
    /// darwin/arm64 only.
    pub fn goproxy_other_platform(&self) -> PathBuf {
        self.dir.join("goproxy-otherplatform")
    }
    pub fn sumdb(&self, wrong: bool) -> PathBuf {
        self.dir
            .join(if wrong { "sumdb-wrongkey" } else { "sumdb" })
    }
    pub fn git_root(&self) -> PathBuf {
        self.dir.join("git")
    }
}

fn new_ca(cn: &str) -> CertifiedIssuer<'static, KeyPair> {
    let mut p = CertificateParams::default();
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, cn);
    dn.push(DnType::OrganizationName, "godoctor e2e lab");
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

fn leaf(
    ca: &CertifiedIssuer<'static, KeyPair>,
    other: &CertifiedIssuer<'static, KeyPair>,
    host: &str,
    kind: Cert,
) -> (String, String) {
    let subject = if kind == Cert::WrongName {
        "wrong-name.lab.test"
    } else {
        host
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
        Cert::Expired => (date_time_ymd(2020, 1, 1), date_time_ymd(2021, 1, 1)),
        _ => (date_time_ymd(2024, 1, 1), date_time_ymd(2199, 1, 1)),
    };
    let key = KeyPair::generate().expect("leaf key");
    let issuer = if kind == Cert::UnknownCa { other } else { ca };
    let cert = p.signed_by(&key, issuer).expect("sign leaf");
    (cert.pem(), key.serialize_pem())
}

fn write(path: &Path, data: impl AsRef<[u8]>) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, data).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}

/// Builds every asset under `dir` (world-readable: squid and dnsmasq drop privileges).
pub fn build(dir: &Path) -> Assets {
    // PKI.
    let ca = new_ca("godoctor e2e lab root CA");
    let other = new_ca("untrusted interception CA");
    let ca_path = dir.join("lab-ca.pem");
    write(&ca_path, ca.pem());
    for host in TLS_HOSTS {
        for kind in [Cert::Lab, Cert::UnknownCa, Cert::Expired, Cert::WrongName] {
            let (crt, key) = leaf(&ca, &other, host, kind);
            let certs = dir.join("certs");
            write(&certs.join(format!("{host}-{}.crt", kind.tag())), crt);
            write(&certs.join(format!("{host}-{}.key", kind.tag())), key);
        }
    }

    // GOPROXY layouts.
    let public = public_module();
    let private = private_module();
    let toolchain = toolchain_module();
    let newgo = newgo_module();
    let graphnewgo = graphnewgo_module();
    let extra = extra_module();
    layout(
        &dir.join("goproxy-public"),
        &[&public, &extra, &newgo, &graphnewgo, &toolchain],
    );
    layout(
        &dir.join("goproxy-corp"),
        &[&public, &extra, &newgo, &graphnewgo, &private, &toolchain],
    );
    layout(
        &dir.join("goproxy-notoolchain"),
        &[&public, &extra, &newgo, &graphnewgo],
    );
    // go merges every platform of the list when it picks a release mid-command: it chooses
    // go1.99.1 and then finds no linux/amd64 build of it.
    let other = dir.join("goproxy-otherplatform");
    layout(&other, &[&public, &extra, &newgo, &graphnewgo, &toolchain]);
    write(
        &other.join(format!("{}/@v/list", note::escape(TOOLCHAIN))),
        format!("{TOOLCHAIN_V}\nv0.0.1-go1.99.1.darwin-arm64\n"),
    );

    // The checksum database: a few unrelated records first, then the public modules and the
    // toolchain (never the private module: its lookups answer `not found: …`).
    let key = NoteKey::generate("sum.golang.org");
    let wrong = NoteKey::generate("sum.golang.org");
    let mut records: Vec<(String, String, String)> = (1..=4)
        .map(|i| {
            let m = Module {
                path: "github.com/gdlab/filler",
                version: ["v1.0.0", "v1.1.0", "v1.2.0", "v1.3.0"][i - 1],
                files: vec![("go.mod", format!("module github.com/gdlab/filler // {i}\n"))],
            };
            record(&m)
        })
        .collect();
    records.push(record(&public));
    records.push(record(&toolchain));
    records.push(record(&newgo));
    records.push(record(&graphnewgo));
    records.push(record(&extra));
    sumdb(&dir.join("sumdb"), &records, &key);
    sumdb(&dir.join("sumdb-wrongkey"), &records, &wrong);

    // The private repository, for git's dumb HTTP protocol.
    git_repo(&dir.join("git/team/secret.git"), &private);

    Assets {
        dir: dir.to_owned(),
        ca: ca_path,
        key: key.verifier_key().to_owned(),
        wrong_key: wrong.verifier_key().to_owned(),
    }
}

fn record(m: &Module) -> (String, String, String) {
    (m.path.to_owned(), m.version.to_owned(), go_sum_lines(m))
}

fn layout(root: &Path, modules: &[&Module]) {
    for m in modules {
        let base = root.join(note::escape(m.path));
        let info = format!(
            "{{\"Version\":\"{}\",\"Time\":\"2024-01-01T00:00:00Z\"}}",
            m.version
        );
        write(&base.join("@v/list"), format!("{}\n", m.version));
        write(&base.join(format!("@v/{}.info", m.version)), &info);
        write(&base.join(format!("@v/{}.mod", m.version)), m.go_mod());
        write(
            &base.join(format!("@v/{}.zip", m.version)),
            zip(&m.zip_names()),
        );
        write(&base.join("@latest"), &info);
    }
}

fn sumdb(root: &Path, records: &[(String, String, String)], key: &NoteKey) {
    let leaves: Vec<[u8; 32]> = records
        .iter()
        .map(|(_, _, t)| note::record_hash(t.as_bytes()))
        .collect();
    let tree = key.sign(&note::tree_text(
        leaves.len() as u64,
        &note::tree_hash(&leaves),
    ));
    write(&root.join("supported"), "");
    write(&root.join("latest"), &tree);
    for w in 1..=leaves.len() {
        write(
            &root.join(format!("tile/8/0/000.p/{w}")),
            leaves[..w].concat(),
        );
    }
    for (id, (p, v, text)) in records.iter().enumerate() {
        write(
            &root.join(format!("lookup/{}@{}", note::escape(p), note::escape(v))),
            format!("{id}\n{text}\n{tree}"),
        );
    }
}

fn git_repo(bare: &Path, m: &Module) {
    let work = bare.parent().unwrap().join("secret-work");
    fs::create_dir_all(&work).unwrap();
    for (n, c) in &m.files {
        write(&work.join(n), c);
    }
    let git = |dir: &Path, args: &[&str]| {
        let out = Command::new("git")
            .args(args)
            .current_dir(dir)
            .env("HOME", dir)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "lab")
            .env("GIT_AUTHOR_EMAIL", "lab@acme.corp")
            .env("GIT_COMMITTER_NAME", "lab")
            .env("GIT_COMMITTER_EMAIL", "lab@acme.corp")
            .env("GIT_AUTHOR_DATE", "2024-01-01T00:00:00Z")
            .env("GIT_COMMITTER_DATE", "2024-01-01T00:00:00Z")
            .output()
            .expect("run git");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    git(&work, &["init", "-q", "-b", "main"]);
    git(&work, &["add", "."]);
    git(&work, &["commit", "-q", "-m", "secret"]);
    git(&work, &["tag", m.version]);
    let parent = bare.parent().unwrap();
    git(
        parent,
        &[
            "clone",
            "-q",
            "--bare",
            work.to_str().unwrap(),
            bare.to_str().unwrap(),
        ],
    );
    git(bare, &["update-server-info"]);
    fs::remove_dir_all(&work).unwrap();
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A zip archive of stored (uncompressed) entries.
pub fn zip(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let crc = crc32(data);
        let offset = out.len() as u32;
        let mut h = Vec::new();
        h.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        h.extend_from_slice(&20u16.to_le_bytes()); // version needed
        h.extend_from_slice(&0u16.to_le_bytes()); // flags
        h.extend_from_slice(&0u16.to_le_bytes()); // stored
        h.extend_from_slice(&0u16.to_le_bytes()); // time
        h.extend_from_slice(&0x0021u16.to_le_bytes()); // date 1980-01-01
        h.extend_from_slice(&crc.to_le_bytes());
        h.extend_from_slice(&(data.len() as u32).to_le_bytes());
        h.extend_from_slice(&(data.len() as u32).to_le_bytes());
        h.extend_from_slice(&(name.len() as u16).to_le_bytes());
        h.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&h);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes()); // made by
        central.extend_from_slice(&h[4..]); // version needed … extra len
        central.extend_from_slice(&0u16.to_le_bytes()); // comment
        central.extend_from_slice(&0u16.to_le_bytes()); // disk
        central.extend_from_slice(&0u16.to_le_bytes()); // internal attrs
        central.extend_from_slice(&0u32.to_le_bytes()); // external attrs
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&(files.len() as u16).to_le_bytes());
    out.extend_from_slice(&(files.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}
