//! What every test module shares: starting the CLI ([`cli`]), finding real go ([`go`]), the
//! heavy tiers' skip-or-fail rule ([`tier`]) and the JSON contract's validator ([`schema`]).

pub mod cli;
pub mod go;
pub mod schema;
pub mod tier;
