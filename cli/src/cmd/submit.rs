//! `gensyn submit TASK.toml`: computes every commitment from the spec and
//! posts the task, escrowing its fee and the deposit.

use crate::{
    accounts,
    amount::{format_tokens, parse_tokens},
    args::{GlobalArgs, SubmitArgs},
    error::CliError,
    onchain,
    output::Output,
    progress::Spinner,
    query,
};
use gensyn_runtime::{Runtime, RuntimeCall, RuntimeEvent};
use pallet_gensyn::{Call as GensynCall, Event as GensynEvent, Phase};
use serde_json::json;
use std::time::{Duration, Instant};

/// `gensyn submit`
pub async fn run(args: SubmitArgs, global: &GlobalArgs, out: &Output) -> Result<(), CliError> {
    // Everything that can be checked offline is, before any traffic.
    let fee = parse_tokens(&args.fee).map_err(CliError::Usage)?;
    if args.tx.no_wait {
        return Err(CliError::Usage("submit waits for its block to learn the task id; drop --async".into()));
    }
    let (signer, key) = accounts::signer(&args.tx.signer)?;
    let loaded = onchain::load(&args.spec)?;
    let (spec, manifest) = onchain::task_of(&loaded)?;

    let chain = super::connect(global).await?;
    let params: pallet_gensyn::ParamsOf<Runtime> = chain
        .storage(pallet_gensyn::Parameters::<Runtime>::hashed_key().to_vec(), None)
        .await?
        .unwrap_or_else(gensyn_runtime::protocol::default_params);
    if fee < params.min_fee {
        return Err(CliError::Usage(format!(
            "--fee {} is below the minimum task fee, {}",
            format_tokens(fee),
            format_tokens(params.min_fee)
        )));
    }
    let best = chain.best().await?;
    // What the pallet asks of a deadline: entries, the randomness's lag,
    // the draw, and a selection window left to train in.
    let lag = crate::query::randomness_lag(&chain).await?;
    let least = 2 * params.selection_window + params.draw_window + lag + 2;
    if args.deadline < least {
        return Err(CliError::Usage(format!(
            "--deadline {} leaves no time for the draws: at least {least} blocks here (two selection windows, the draw and the randomness's lag of {lag} blocks)",
            args.deadline
        )));
    }
    let deadline = best.number + args.deadline;
    let artefacts = crate::cmd::blob::artefacts_of(&args.spec)?;
    // The spec's and the dataset's storage deposits are held from the
    // submitter too, until the chain prunes them.
    let storage: u128 = artefacts.iter().map(|(_, b)| crate::chain::Chain::storage_deposit(b.len())).sum();
    let escrow = fee.saturating_add(params.deposit);
    let view = crate::cmd::account::read(&chain, signer.clone(), best.hash).await?;
    if view.data.free < escrow.saturating_add(storage) {
        return Err(CliError::other(format!(
            "{} has {} free; the task escrows its fee and the deposit, {}, and storing its spec and dataset holds {}",
            signer.label(),
            format_tokens(view.data.free),
            format_tokens(escrow),
            format_tokens(storage)
        )));
    }

    // The spec and its dataset go to the store first, under the
    // commitments the task names (the node recomputes them), paid for by
    // the submitter.
    let mut uploaded = Vec::new();
    for (kind, bytes) in artefacts {
        let id = chain.store_put(kind, &bytes, &key).await?;
        let expected = match kind {
            gensyn_store::Kind::Spec => spec.spec_hash,
            _ => spec.dataset_commitment(),
        };
        if id != expected {
            return Err(CliError::other(format!(
                "the store keeps the {} under another commitment than the task's",
                kind.name()
            )));
        }
        uploaded.push(json!({ "kind": kind.name(), "id": query::hex32(&id), "bytes": bytes.len() }));
    }
    // The selection closes a few blocks after submission, and a task whose
    // data is not available then is cancelled (C7): post it once it is.
    {
        let _spinner = Spinner::start(out, "submit: waiting for the validators to attest the data".to_string());
        let ids = [spec.spec_hash, spec.dataset_commitment()];
        query::wait_available(&chain, &ids, Duration::from_secs(args.tx.timeout)).await?;
    }

    let call = RuntimeCall::Gensyn(GensynCall::submit_task { spec: spec.clone(), manifest, fee, deadline });
    let spinner = Spinner::start(out, "submit: waiting for inclusion and finality".to_string());
    let outcome = chain.submit(call, &key, args.tx.wait(), Duration::from_secs(args.tx.timeout)).await?;
    drop(spinner);
    let id = outcome
        .events
        .iter()
        .find_map(|e| match e {
            RuntimeEvent::Gensyn(GensynEvent::TaskSubmitted { task, .. }) => Some(*task),
            _ => None,
        })
        .ok_or_else(|| CliError::other("the chain accepted the task but reported no TaskSubmitted event"))?;
    let mut doc = crate::cmd::stake::outcome_json(
        "submit_task",
        &signer,
        json!({ "spec": args.spec, "fee": fee.to_string(), "deadline": deadline }),
        &outcome,
    );
    doc["task"] = json!(id);
    doc["uploaded"] = json!(uploaded);
    doc["spec"] = json!({
        "spec_hash": query::hex32(&spec.spec_hash),
        "model_hash": query::hex32(&spec.model_hash),
        "dataset_root": query::hex32(&spec.dataset_root),
        "program_root": query::hex32(&spec.program_root),
        "steps": spec.steps,
        "checkpoint_every": spec.checkpoint_every,
    });
    if !args.follow {
        out.emit(doc, || {
            format!(
                "task {id} submitted by {} in block #{} (fee {}, deadline #{deadline})",
                signer.label(),
                outcome.block.map(|b| b.number).unwrap_or_default(),
                format_tokens(fee)
            )
        });
        return Ok(());
    }
    // --follow: follow the task to its end.
    out.note(&format!("task {id} submitted; following it to its end"));
    let started = Instant::now();
    let limit = Duration::from_secs(args.follow_timeout);
    let mut last = String::new();
    loop {
        let at = chain.best().await?;
        let view = query::task(&chain, id, Some(at.hash)).await?;
        let phase = query::phase_name(&view.task.phase);
        if phase != last {
            // The task's timeline: each phase, the block it was seen at, the time since submission.
            out.note(&format!("  {phase:<20} block #{:<6} +{:.1} s", at.number, started.elapsed().as_secs_f64()));
            last = phase;
        }
        if matches!(view.task.phase, Phase::Finalized | Phase::Cancelled { .. }) {
            doc["outcome"] = view.json();
            out.emit(doc, || view.human());
            return Ok(());
        }
        if started.elapsed() > limit {
            return Err(CliError::Timeout(format!("task {id} still in phase {last} after {}s", limit.as_secs())));
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}
