//! The `gensyn` command-line tool, as a library so tests can reach its parts.
//!
//! Data flows one way: a command module (`cmd::*`) parses its arguments,
//! talks to the node through [`chain::Chain`], and hands a typed result to
//! [`output::Output`], which prints either one JSON document or a human line.

pub mod accounts;
pub mod agent;
pub mod amount;
pub mod args;
pub mod chain;
pub mod cheat;
pub mod cmd;
pub mod error;
pub mod events;
pub mod funds;
pub mod games;
pub mod keystore;
pub mod misshapen;
pub mod onchain;
pub mod output;
pub mod pace;
pub mod progress;
pub mod query;
pub mod reader;
pub mod run;
pub mod state;
pub mod tui;

use args::{Cli, Command};
use error::CliError;
use output::Output;

/// Runs one parsed command line and returns the process exit code:
/// 0 success, 1 runtime failure, 2 bad arguments.
pub async fn run(cli: Cli) -> u8 {
    let out = Output::new(cli.global.json);
    // A forced SIMD path this CPU lacks is refused before anything runs.
    if let Err(e) = gensyn_kernels::cpu::forced() {
        let err = CliError::Usage(e);
        out.error(&err);
        return err.exit_code();
    }
    match dispatch(cli, &out).await {
        Ok(()) => 0,
        Err(err) => {
            out.error(&err);
            err.exit_code()
        }
    }
}

async fn dispatch(cli: Cli, out: &Output) -> Result<(), CliError> {
    let global = cli.global;
    match cli.command {
        Command::Devnet(cmd) => cmd::devnet::run(cmd, &global, out).await,
        Command::Account(cmd) => cmd::account::run(cmd, &global, out).await,
        Command::Stake(cmd) => cmd::stake::stake(cmd, &global, out).await,
        Command::Unstake(cmd) => cmd::stake::unstake(cmd, &global, out).await,
        Command::Withdraw(cmd) => cmd::stake::withdraw(cmd, &global, out).await,
        Command::Key(cmd) => cmd::key::run(cmd, out),
        Command::Transfer(cmd) => cmd::transfer::run(cmd, &global, out).await,
        Command::Submit(cmd) => cmd::submit::run(cmd, &global, out).await,
        Command::Blob(cmd) => cmd::blob::run(cmd, &global, out).await,
        Command::Solve(cmd) => cmd::solve::run(cmd, &global, out).await,
        Command::Verify(cmd) => cmd::verify::run(cmd, &global, out).await,
        Command::Whistle(cmd) => cmd::whistle::run(cmd, &global, out).await,
        Command::Demo(cmd) => cmd::demo::run(cmd, &global, out).await,
        Command::Funds => cmd::funds::run(&global, out).await,
        Command::Arbitrate(cmd) => cmd::arbitrate::run(cmd, &global, out).await,
        Command::Task(cmd) => cmd::task::run(cmd, &global, out).await,
        Command::Dispute(cmd) => cmd::task::dispute(cmd, &global, out).await,
        Command::Tui(args) => tui::run(args, &global).await,
        Command::Train(cmd) => cmd::train::train(cmd, &out),
        Command::Replay(cmd) => cmd::train::replay(cmd, &out),
        Command::Sim(cmd) => cmd::sim::run(cmd, out),
        Command::Completions(cmd) => cmd::completions::run(cmd),
    }
}
