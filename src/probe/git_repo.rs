//! A direct module's repository, as deep as go goes before any credential is used: the
//! repository go hands to git (the go-import tag discovery found, waited for on the
//! [`Board`](super::discovery::Board), or go's table of known hosts), rewritten by the user's
//! `url.<base>.insteadOf`, then git's first exchange with it — the `info/refs` request for
//! http(s) (git_http.rs), the server greeting for ssh (ssh.rs), the connection for `git://`.
//! go never runs git when discovery failed or the tag names another VCS: the target then says
//! so with a skipped layer. Input: a [`Spec::GitRepo`](super::targets::Spec); output: the
//! [`Target`] (role `vcs`).

use super::discovery::Found;
use super::engine::Setup;
use super::evidence::{Evidence, ProbeStep, TargetContext};
use super::{Deadline, LayerName, LayerResult, Role, Target, TcpError, chain, git_http, ssh};
use crate::plan::{git_auth, git_endpoint, private_hint};
use crate::redact::redact_urls;

/// What targets.rs knows of the repository before probing.
#[derive(Debug, Clone)]
pub(super) struct RepoSpec {
    pub(super) module: String,
    /// go-get discovery's URL, when go must ask (else `repo_url` is go's own answer).
    pub(super) discovery: Option<String>,
    /// The repository URL the plan expects (the module path, or go's static table).
    pub(super) repo_url: String,
    /// `repo_url` after `insteadOf`.
    pub(super) git_url: String,
}

pub(super) async fn probe(setup: &Setup, deadline: Deadline, spec: RepoSpec) -> Target {
    let mut context = TargetContext {
        module: Some(spec.module.clone()),
        ..TargetContext::default()
    };
    let start = std::time::Instant::now();
    let repo = match &spec.discovery {
        None => Ok(spec.repo_url.clone()),
        Some(d) => match setup.discoveries.wait(d, deadline.remaining()).await {
            Some(Found::Repo(tag)) if tag.vcs == "git" => Ok(tag.repo),
            Some(Found::Repo(tag)) if tag.vcs == "mod" => Err(format!(
                "the go-import tag names `mod`: go fetches {} with the GOPROXY protocol, not git",
                redact_urls(&tag.repo)
            )),
            Some(Found::Repo(tag)) => Err(format!(
                "the go-import tag names {}: go runs it, not git (not probed)",
                tag.vcs
            )),
            Some(Found::Failed(e)) => Err(format!(
                "go-get discovery failed, so go never runs git: {e}"
            )),
            None => {
                let waited = start.elapsed();
                return Target {
                    url: redact_urls(&spec.git_url),
                    role: Role::Vcs,
                    host: git_endpoint(&spec.git_url).0,
                    via_proxy: None,
                    layers: vec![LayerResult::timeout(
                        waited,
                        TcpError::Timeout,
                        "go-get discovery did not finish in time; git's first request not made"
                            .into(),
                        Evidence::empty(),
                    )],
                    context: Some(TargetContext {
                        step: Some(ProbeStep::GitNotRun),
                        ..context
                    }),
                    git: None,
                };
            }
        },
    };
    let repo = match repo {
        Ok(r) => r,
        Err(why) => {
            context.step = Some(ProbeStep::GitNotRun);
            return Target {
                url: redact_urls(&spec.git_url),
                role: Role::Vcs,
                host: git_endpoint(&spec.git_url).0,
                via_proxy: None,
                layers: vec![LayerResult::skipped(LayerName::Http, &why)],
                context: Some(context),
                git: None,
            };
        }
    };
    // git applies the user's insteadOf to what go hands it (docs/go/semantics.md §8).
    let (git_url, origin) = match setup.git_config.rewrite(&repo) {
        Some((url, rule)) => (url, Some(rule.origin)),
        None => (repo.clone(), None),
    };
    let (host, port, transport) = git_endpoint(&git_url);
    let public = private_hint(&host, &setup.netrc).is_none();
    context.repo_url = Some(redact_urls(&repo));
    context.git_url = Some(redact_urls(&git_url));
    context.insteadof_origin = origin;
    context.transport = Some(transport);
    let mut target = Target {
        url: redact_urls(&git_url),
        role: Role::Vcs,
        host: host.clone(),
        via_proxy: None,
        layers: Vec::new(),
        context: None,
        git: None,
    };
    match transport {
        "https" | "http" => {
            context.step = Some(ProbeStep::GitSmartHttp);
            let creds =
                git_auth::for_url(&setup.git_config, &setup.netrc_info, &setup.env, &git_url);
            let f = git_http::first_request(setup, deadline, &git_url, public, creds).await;
            target.url = redact_urls(&git_http::info_refs_url(&git_url));
            target.via_proxy = f.via_proxy.clone();
            target.layers = super::goproxy::complete(f.layers, transport == "https");
        }
        "ssh" => {
            context.step = Some(ProbeStep::SshBanner);
            target.layers = ssh::greet(&setup.net, deadline, &host, port, public).await;
        }
        _ => {
            context.step = Some(ProbeStep::GitHost);
            target.layers = chain::reach(&setup.net, deadline, &host, port, public).await;
        }
    }
    target.context = Some(context);
    target
}
