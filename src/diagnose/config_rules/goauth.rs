//! GOAUTH values go refuses (Go ≥ 1.24; `config::goauth`, script tests goauth_*.txt): go stops
//! with a fatal error at its first download, whatever the network says.

use super::super::remedy::unset_go_env;
use super::super::{Code, Finding};
use crate::config::Config;
use crate::text;

pub(super) fn goauth(cfg: &Config, f: &mut Vec<Finding>) {
    let value = cfg.get("GOAUTH");
    if let Some(e) = crate::config::goauth::refusal(value, &cfg.rules_version) {
        f.push(
            Finding::of(
                Code::GoauthInvalid,
                text!("finding-goauth-invalid", value = format!("{value:?}")),
            )
            .param("value", value)
            .evidence(e)
            .fixes(unset_go_env(cfg, "GOAUTH", text!("remedy-fix-goauth"))),
        );
    }
}
