//! git's first request judged as remote-curl.c judges the answer, in git's words.

use super::*;
use crate::plan::git_auth::{CredentialSource, SourceKind};

fn answer(status: u16, ctype: &str, body: &[u8]) -> Answer {
    Answer {
        status,
        reason: None,
        headers: vec![("content-type".into(), ctype.into())],
        body: body.to_vec(),
        body_complete: true,
        body_ended: true,
        body_total: body.len() as u64,
        still_flowing: false,
        ttfb: Duration::ZERO,
        total: Duration::ZERO,
        version: "HTTP/1.1",
    }
}

const REPO: &str = "https://git.corp.example/team/m.git";

fn none() -> GitCredentials {
    GitCredentials::default()
}

#[test]
fn urls() {
    assert_eq!(
        info_refs_url(REPO),
        "https://git.corp.example/team/m.git/info/refs?service=git-upload-pack"
    );
    assert_eq!(
        info_refs_url("https://h.example/r?x=1"),
        "https://h.example/r?x=1/info/refs&service=git-upload-pack"
    );
}

#[test]
fn advertisements() {
    let v0 = b"001e# service=git-upload-pack\n0000004795dcfa3633004da0049d3d0fa03f80589cbcaf31 refs/heads/main\0multi_ack\n0000";
    assert_eq!(
        read_advertisement(v0).unwrap(),
        (GitProtocol::SmartV0, "# service=git-upload-pack".into())
    );
    let v2 = b"001e# service=git-upload-pack\n0000000eversion 2\n0013ls-refs=unborn\n0000";
    assert_eq!(read_advertisement(v2).unwrap().0, GitProtocol::SmartV2);
    assert_eq!(
        read_advertisement(b"000eversion 2\n0000").unwrap().0,
        GitProtocol::SmartV2
    );
    assert_eq!(
        read_advertisement(b"0000").unwrap_err(),
        "invalid server response; expected service, got flush packet"
    );
    assert_eq!(
        read_advertisement(b"001eERR access denied to m.git").unwrap_err(),
        "remote error: access denied to m.git"
    );
    assert_eq!(
        read_advertisement(b"000ahello\n0000").unwrap_err(),
        "invalid server response; got 'hello'"
    );
    assert_eq!(
        read_advertisement(b"<html>").unwrap_err(),
        "protocol error: bad line length character: <htm"
    );
    assert_eq!(
        pkt_lines(b"0006a\n00010002", 8).unwrap(),
        vec![Pkt::Data("a".into()), Pkt::Delim, Pkt::ResponseEnd]
    );
}

#[test]
fn statuses_in_git_s_words() {
    let judge_ = |a: &Answer, c| judge(REPO, a, c, false);
    let ok = answer(
        200,
        "application/x-git-upload-pack-advertisement",
        b"001e# service=git-upload-pack\n0000000eversion 2\n0000",
    );
    let (ev, fail) = judge_(&ok, none());
    assert!(fail.is_none());
    assert_eq!(ev.protocol, Some(GitProtocol::SmartV2));
    assert_eq!(ev.first_line.as_deref(), Some("# service=git-upload-pack"));

    let login = answer(
        200,
        "text/html; charset=utf-8",
        b"<!DOCTYPE html><html>Sign in",
    );
    let (ev, fail) = judge_(&login, none());
    assert_eq!(ev.content_type.as_deref(), Some("text/html"));
    let (kind, msg) = fail.unwrap();
    assert_eq!(kind, GitHttpError::LoginPage);
    assert!(msg.starts_with(
        "fatal: https://git.corp.example/team/m.git/info/refs not valid: is this a git repository?"
    ));

    let dumb = answer(
        200,
        "text/plain",
        b"95dcfa3633004da0049d3d0fa03f80589cbcaf31\trefs/heads/main\n",
    );
    assert_eq!(judge_(&dumb, none()).0.protocol, Some(GitProtocol::Dumb));
    assert_eq!(
        judge_(&answer(200, "text/plain", b"hello"), none())
            .1
            .unwrap()
            .0,
        GitHttpError::NotGit
    );

    let mut denied = answer(401, "text/plain", b"Unauthorized\n");
    denied
        .headers
        .push(("WWW-Authenticate".into(), "Basic realm=\"git\"".into()));
    denied.headers.push((
        "www-authenticate".into(),
        "Bearer realm=\"x\", scope=y".into(),
    ));
    let (ev, fail) = judge_(&denied, none());
    assert_eq!(ev.auth_schemes, vec!["Basic", "Bearer"]);
    assert_eq!(
        fail.unwrap(),
        (
            GitHttpError::AuthRequired,
            "remote: Unauthorized\nfatal: could not read Username for 'https://git.corp.example': terminal prompts disabled".into()
        )
    );
    // A helper git would ask: the 401 is what it expects (the credentials are not tried).
    let helper = GitCredentials {
        terminal_prompt: false,
        sources: vec![CredentialSource {
            kind: SourceKind::CredentialHelper,
            helper: Some("store".into()),
            origin: "file:/h/.gitconfig".into(),
        }],
    };
    let (ev, fail) = judge_(&denied, helper);
    assert!(fail.is_none());
    assert!(ev.credentials.available());

    assert_eq!(
        judge_(&answer(403, "text/html", b"<html>"), none()).1.unwrap(),
        (
            GitHttpError::Forbidden,
            "fatal: unable to access 'https://git.corp.example/team/m.git/': The requested URL returned error: 403".into()
        )
    );
    assert_eq!(
        judge_(&answer(404, "text/plain", b"Repository not found."), none())
            .1
            .unwrap()
            .1,
        "remote: Repository not found.\nfatal: repository 'https://git.corp.example/team/m.git/' not found"
    );
    assert_eq!(
        judge_(&answer(502, "text/html", b""), none()).1.unwrap().0,
        GitHttpError::ServerError
    );
    assert_eq!(
        judge_(&answer(418, "text/html", b""), none()).1.unwrap().0,
        GitHttpError::Status
    );
}

#[test]
fn dumb_listings() {
    assert!(is_dumb_listing(b""));
    assert!(is_dumb_listing(
        b"95dcfa3633004da0049d3d0fa03f80589cbcaf31\trefs/heads/main\n95dcfa3633004da0049d3d0fa03f80589cbcaf31\trefs/tags/v1\n"
    ));
    assert!(!is_dumb_listing(b"<html></html>"));
    assert!(!is_dumb_listing(b"95dcfa36\trefs/heads/main\n"));
}
