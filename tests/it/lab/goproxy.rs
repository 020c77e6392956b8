//! The GOPROXY protocol and the checksum database (under /sumdb/sum.golang.org/ and at the
//! root, so one server can stand for a proxy or for a direct GOSUMDB).

use super::httpd::{Request, Response};
use super::note::{self, NoteKey};
use super::{GoproxySpec, Shared, SumdbMode};

/// The database name the lab serves (and signs as).
pub const SUMDB_NAME: &str = "sum.golang.org";
/// The fixed `Time` of every version.
pub const VERSION_TIME: &str = "2024-01-01T00:00:00Z";
/// Every `.zip`: an empty zip archive (just the end-of-central-directory record).
pub const ZIP_BYTES: [u8; 22] = [
    0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
];

const PLAIN: &str = "text/plain; charset=UTF-8";

pub fn respond(spec: &GoproxySpec, shared: &Shared, req: &Request) -> Response {
    let mut r = route(spec, shared, &percent_decode(&req.path));
    r.date_skew_secs = spec.date_skew_secs;
    r
}

fn not_found() -> Response {
    Response::text(404, "not found")
}

fn ok(ctype: &str, body: Vec<u8>) -> Response {
    let mut r = Response::new(200, body);
    r.header("Content-Type", ctype);
    r
}

fn route(spec: &GoproxySpec, shared: &Shared, path: &str) -> Response {
    let p = path.trim_start_matches('/');
    if let Some(rest) = p.strip_prefix("sumdb/") {
        let (db, sub) = rest.split_once('/').unwrap_or((rest, ""));
        if db != SUMDB_NAME {
            return not_found();
        }
        return sumdb(spec, shared, sub);
    }
    if let Some((m, file)) = p.split_once("/@v/") {
        let Some((versions, altered)) = module_served(spec, m) else {
            return not_found();
        };
        let path = note::unescape(m).unwrap_or_default();
        if file == "list" {
            let body: String = versions.iter().map(|v| format!("{v}\n")).collect();
            return ok(PLAIN, body.into_bytes());
        }
        let Some((v, ext)) = file.rsplit_once('.') else {
            return not_found();
        };
        let Some(v) = note::unescape(v).filter(|v| versions.contains(v)) else {
            return not_found();
        };
        return match ext {
            "info" => ok("application/json", info(&v).into_bytes()),
            "mod" if altered => ok(PLAIN, format!("{}// altered\n", go_mod(&path)).into_bytes()),
            "mod" => ok(PLAIN, go_mod(&path).into_bytes()),
            "zip" => ok("application/zip", ZIP_BYTES.to_vec()),
            _ => not_found(),
        };
    }
    if let Some(m) = p.strip_suffix("/@latest") {
        return match module(spec, m).and_then(|vs| latest(vs)) {
            Some(v) => ok("application/json", info(v).into_bytes()),
            None => not_found(),
        };
    }
    if p == "latest" || p == "supported" || p.starts_with("lookup/") || p.starts_with("tile/") {
        return sumdb(spec, shared, p);
    }
    not_found()
}

/// What `…/graph16` and `…/graph17` modules require.
pub const GRAPH_LEAF: &str = "example.com/leaf";
/// What `…/graphnewgo` requires: a module whose go.mod needs go 1.99.
pub const GRAPH_NEWGO: &str = "example.com/newgo";
/// What `…/graphpriv` requires: a module on a git host of its own.
pub const GRAPH_PRIVATE: &str = "git.lab.test/team/x";

/// A module listed as `path#altered` is served with a go.mod other than the one the checksum
/// database records (a proxy serving altered content).
pub const ALTERED: &str = "#altered";

/// The versions of the module whose escaped path is `escaped`.
fn module<'a>(spec: &'a GoproxySpec, escaped: &str) -> Option<&'a Vec<String>> {
    module_served(spec, escaped).map(|(vs, _)| vs)
}

/// [`module`], and whether its go.mod is served altered.
fn module_served<'a>(spec: &'a GoproxySpec, escaped: &str) -> Option<(&'a Vec<String>, bool)> {
    let path = note::unescape(escaped)?;
    spec.modules.iter().find_map(|(m, vs)| {
        if *m == path {
            Some((vs, false))
        } else {
            (m.strip_suffix(ALTERED) == Some(path.as_str())).then_some((vs, true))
        }
    })
}

pub fn info(version: &str) -> String {
    format!(
        "{{\"Version\":{},\"Time\":\"{VERSION_TIME}\"}}",
        serde_json::to_string(version).unwrap()
    )
}

/// A module's go.mod; modules named `…/newgo` need go 1.99 (a mid-command toolchain switch);
/// `…/graph16` and `…/graph17` require [`GRAPH_LEAF`] at go 1.16 / 1.17 (the module graph beyond
/// the main go.mod, unpruned / pruned); `…/badgo` says `go foo`.
pub fn go_mod(path: &str) -> String {
    if path.ends_with("/newgo") {
        return format!("module {path}\n\ngo 1.99\n");
    }
    if path.ends_with("/graphnewgo") {
        // Below it, a module that needs go 1.99 (go 1.16: followed unpruned).
        return format!("module {path}\n\ngo 1.16\n\nrequire {GRAPH_NEWGO} v1.0.0\n");
    }
    if path.ends_with("/graphpriv") {
        // Requires a private module only a direct fetch reaches (go 1.16: followed unpruned).
        return format!("module {path}\n\ngo 1.16\n\nrequire {GRAPH_PRIVATE} v1.0.0\n");
    }
    if path.ends_with("/badgo") {
        // A go line go cannot read even in a dependency's go.mod.
        return format!("module {path}\n\ngo foo\n");
    }
    for go in ["16", "17"] {
        if path.ends_with(&format!("/graph{go}")) {
            return format!("module {path}\n\ngo 1.{go}\n\nrequire {GRAPH_LEAF} v1.0.0\n");
        }
    }
    format!("module {path}\n")
}

/// What `@latest` answers: the highest release, or the highest pre-release when there is
/// no release (as go's module query does).
pub fn latest(versions: &[String]) -> Option<&String> {
    fn key(v: &str) -> Option<(u64, u64, u64, bool, String)> {
        let v = v.strip_prefix('v')?;
        let v = v.split('+').next()?;
        let (core, pre) = match v.split_once('-') {
            Some((c, p)) => (c, Some(p)),
            None => (v, None),
        };
        let mut n = core.split('.').map(|x| x.parse::<u64>().ok());
        let (a, b, c) = (n.next()??, n.next()??, n.next()??);
        Some((a, b, c, pre.is_none(), pre.unwrap_or("").to_owned()))
    }
    let keyed: Vec<_> = versions
        .iter()
        .filter_map(|v| key(v).map(|k| (k, v)))
        .collect();
    let releases = keyed.iter().filter(|(k, _)| k.3);
    let pick = if keyed.iter().any(|(k, _)| k.3) {
        releases.max_by(|x, y| x.0.cmp(&y.0))
    } else {
        keyed.iter().max_by(|x, y| x.0.cmp(&y.0))
    };
    pick.map(|(_, v)| *v)
}

/// The checksum-database records for every module version of the spec, in order:
/// (path, version, record text).
pub fn records(spec: &GoproxySpec) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for (path, versions) in &spec.modules {
        let path = &path.trim_end_matches(ALTERED).to_owned();
        let mod_h1 = note::hash1(&[("go.mod", go_mod(path).as_bytes())]);
        // The zip is empty, so its dirhash is that of no files.
        let zip_h1 = note::hash1(&[]);
        for v in versions {
            let text = format!("{path} {v} {zip_h1}\n{path} {v}/go.mod {mod_h1}\n");
            out.push((path.clone(), v.clone(), text));
        }
    }
    out
}

/// The signed tree note over the spec's records.
pub fn signed_tree(spec: &GoproxySpec, key: &NoteKey) -> String {
    let leaves: Vec<[u8; 32]> = records(spec)
        .iter()
        .map(|(_, _, t)| note::record_hash(t.as_bytes()))
        .collect();
    let hash = note::tree_hash(&leaves);
    key.sign(&note::tree_text(leaves.len() as u64, &hash))
}

/// One checksum-DB path (relative to the database root: "supported", "latest", "lookup/…").
fn sumdb(spec: &GoproxySpec, shared: &Shared, sub: &str) -> Response {
    let key = match spec.sumdb {
        SumdbMode::NotServed => return not_found(),
        SumdbMode::Status(code) => {
            return Response::text(code, &format!("{}\n", super::httpd::reason(code)));
        }
        SumdbMode::Served => &shared.sumdb_key,
        SumdbMode::WrongKey => &shared.wrong_sumdb_key,
    };
    if sub == "supported" {
        return ok(PLAIN, Vec::new());
    }
    if sub == "latest" {
        return ok(PLAIN, signed_tree(spec, key).into_bytes());
    }
    if let Some(w) = sub.strip_prefix("tile/8/0/000.p/") {
        // The only level-0 tile of a tree under 256 records, at any width up to the tree size,
        // so go's client can prove records against the signed tree.
        let leaves: Vec<[u8; 32]> = records(spec)
            .iter()
            .map(|(_, _, t)| note::record_hash(t.as_bytes()))
            .collect();
        return match w.parse::<usize>() {
            Ok(w) if w >= 1 && w <= leaves.len() && w < 256 => {
                ok("application/octet-stream", leaves[..w].concat())
            }
            _ => not_found(),
        };
    }
    if let Some(mv) = sub.strip_prefix("lookup/") {
        let Some((m, v)) = mv.split_once('@') else {
            return Response::text(400, "invalid module@version syntax\n");
        };
        let (Some(m), Some(v)) = (note::unescape(m), note::unescape(v)) else {
            return Response::text(400, "invalid escaped module path\n");
        };
        return match records(spec)
            .into_iter()
            .enumerate()
            .find(|(_, (p, ver, _))| *p == m && *ver == v)
        {
            Some((id, (_, _, text))) => {
                let body = format!("{id}\n{text}\n{}", signed_tree(spec, key));
                ok(PLAIN, body.into_bytes())
            }
            None => not_found(),
        };
    }
    not_found()
}

fn percent_decode(s: &str) -> String {
    fn hex(c: u8) -> Option<u8> {
        (c as char).to_digit(16).map(|d| d as u8)
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2]))
        {
            out.push(h << 4 | l);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}
