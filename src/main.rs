//! The godoctor binary: parse arguments, run, map the result to an exit status.

use std::process::ExitCode;

use clap::Parser;

#[allow(clippy::print_stderr)] // godoctor's own failure: the one message main prints
fn main() -> ExitCode {
    let cli = match godoctor::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                godoctor::run::EXIT_USAGE
            } else {
                0
            });
        }
    };
    let lang = godoctor::run::lang(&cli);
    match godoctor::run::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(godoctor::run::RunError::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("godoctor: {}", godoctor::redact::shown(&e.text(lang)));
            ExitCode::from(godoctor::run::EXIT_USAGE)
        }
    }
}
