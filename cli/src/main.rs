//! The `gensyn` binary.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    // `gensyn devnet node …` is the node process itself (spawned by
    // `gensyn devnet up`). Its arguments belong to sc-cli, so they bypass our
    // parser, and the node builds its own async runtime.
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("devnet") && args.get(2).map(String::as_str) == Some("node") {
        return match gensyn_devnet::run(args[3..].iter().cloned()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("Error: {e}");
                ExitCode::FAILURE
            }
        };
    }

    let cli = gensyn_cli::args::Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let code = runtime.block_on(gensyn_cli::run(cli));
    ExitCode::from(code)
}
