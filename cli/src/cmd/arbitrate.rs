//! `gensyn arbitrate DISPUTE --as X`: requests the arbitration of a game
//! that reached it, by hand. Anyone may: the witness is built from this
//! machine's own replay of the disputed segment from the solver's opened
//! start (the honest run, which is the truth the chain re-executes), so a
//! game whose parties both went quiet at its last step still ends.

use crate::{
    agent::{prepare, Agent},
    args::{AgentArgs, ArbitrateArgs, GlobalArgs},
    cheat::RunCheat,
    error::CliError,
    games::{self, Side},
    output::Output,
    query,
};
use gensyn_runtime::Runtime;
use pallet_gensyn::{player, Stage};

/// `gensyn arbitrate`
pub async fn run(args: ArbitrateArgs, global: &GlobalArgs, out: &Output) -> Result<(), CliError> {
    let compute = crate::args::ComputeArgs { threads: None, device: crate::args::Device::Cpu };
    let agent_args = AgentArgs { once: true, data_dir: args.data_dir, cheat: None, compute, tx: args.tx };
    let agent = Agent::start(&agent_args, global, "arbiter").await?;
    let id = args.id;
    let d = query::dispute(&agent.chain, id, None).await?;
    if let Stage::Resolved { outcome } = &d.stage {
        return Err(CliError::Usage(format!("dispute {id} is already resolved ({outcome:?})")));
    }
    let stage = query::stage_name(&d.stage);
    if !matches!(d.stage, Stage::Arbitration { .. } | Stage::Example { .. } | Stage::ReduceLeaf { .. }) {
        return Err(CliError::Usage(format!(
            "dispute {id} is at the {stage} stage; arbitration comes once the game has narrowed to one operator, tile or batch row"
        )));
    }
    let view = query::task(&agent.chain, d.task, None).await?;
    prepare(&agent, d.task, &view.task.spec).await?;
    let run = games::build(&agent, &view, &d, &Side::Challenger { cheat: RunCheat::Honest }).await?;
    let call =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| player::next_move::<Runtime>(id, &d, false, &run)))
            .map_err(|_| CliError::other(format!("this machine's replay cannot answer dispute {id}'s stage")))?;
    match call {
        Some(call) if player::is_arbitration(&call) => agent.send(call).await?,
        _ => {
            return Err(CliError::Usage(format!(
                "dispute {id} waits for its parties to open their outputs before it can be arbitrated"
            )))
        }
    }
    let after = query::dispute(&agent.chain, id, None).await?;
    let doc = query::dispute_json(id, &after);
    out.emit(doc.clone(), || {
        format!(
            "dispute {id} arbitrated: {} ({} won)",
            doc["outcome"].as_str().unwrap_or("?"),
            doc["winner"].as_str().unwrap_or("?")
        )
    });
    Ok(())
}
