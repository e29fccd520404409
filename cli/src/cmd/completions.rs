//! `gensyn completions SHELL`: prints a completion script (clap_complete).

use crate::{
    args::{Cli, CompletionsArgs},
    error::CliError,
};
use clap::CommandFactory;

/// Writes the script for `args.shell` to stdout.
pub fn run(args: CompletionsArgs) -> Result<(), CliError> {
    let mut cmd = Cli::command();
    clap_complete::generate(args.shell, &mut cmd, "gensyn", &mut std::io::stdout());
    Ok(())
}
