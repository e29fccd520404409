//! `gensyn task list|show` and `gensyn dispute show`: the protocol's state,
//! read through the decoding layer (`crate::query`).

use crate::{
    amount::format_tokens,
    args::{DisputeCmd, GlobalArgs, TaskCmd},
    chain::{BlockRef, Chain},
    error::CliError,
    output::Output,
    query,
};
use futures::FutureExt;
use gensyn_runtime::Runtime;
use pallet_gensyn::{TaskId, TaskOf};
use serde_json::{json, Value};
use std::time::Duration;

/// Runs a `gensyn task` subcommand.
pub async fn run(cmd: TaskCmd, global: &GlobalArgs, out: &Output) -> Result<(), CliError> {
    let chain = super::connect(global).await?;
    let at = chain.best().await?;
    match cmd {
        TaskCmd::List(a) if a.watch => watch(&chain, out).await?,
        TaskCmd::List(_) => {
            let tasks = query::tasks(&chain, Some(at.hash)).await?;
            out.emit(list_doc(&at, &tasks), || list_human(&tasks));
        }
        TaskCmd::Show(a) => {
            let t = query::task(&chain, a.id, Some(at.hash)).await?;
            let mut doc = t.json();
            doc["at"] = at.json();
            out.emit(doc, || t.human());
        }
    }
    Ok(())
}

/// `task list`'s document.
fn list_doc(at: &BlockRef, tasks: &[(TaskId, TaskOf<Runtime>)]) -> Value {
    json!({
        "at": at.json(),
        "tasks": tasks.iter().map(|(id, t)| query::task_summary(*id, t)).collect::<Vec<_>>(),
    })
}

/// `task list`'s table.
fn list_human(tasks: &[(TaskId, TaskOf<Runtime>)]) -> String {
    if tasks.is_empty() {
        return "no tasks (submit one with `gensyn submit TASK.toml`)".into();
    }
    let mut lines = vec![format!("{:>4}  {:<20} {:>14}  {:>6}  {:>8}", "id", "phase", "fee", "steps", "deadline")];
    for (id, t) in tasks {
        lines.push(format!(
            "{:>4}  {:<20} {:>14}  {:>6}  {:>8}",
            id,
            query::phase_name(&t.phase),
            format_tokens(t.fee),
            t.spec.steps,
            format!("#{}", t.deadline)
        ));
    }
    lines.join("\n")
}

/// `task list --watch`: the list now, then again at every new best block
/// that changes it (one JSON line each with `--json`: the non-interactive
/// twin of `gensyn tui`). A dropped connection is reopened with backoff
/// (0.25 s doubling to 16 s, reset by a successful read); it ends on
/// Ctrl-C, when the reader goes away (`| head -1`: success), or when the
/// node stays away for about half a minute (the last error).
async fn watch(chain: &Chain, out: &Output) -> Result<(), CliError> {
    let mut last: Option<Value> = None;
    let mut backoff = Duration::from_millis(250);
    loop {
        let followed = tokio::select! {
            followed = follow_list(chain, out, &mut last, &mut backoff) => followed,
            () = crate::output::stdout_closed() => Ok(Followed::ReaderGone),
        };
        let broke = match followed {
            Ok(Followed::ReaderGone) => return Ok(()),
            Ok(Followed::StreamEnded) => None,
            Err(e) => Some(e),
        };
        if backoff > Duration::from_secs(16) {
            return Err(broke.unwrap_or_else(|| CliError::other("the node keeps closing its head subscription")));
        }
        tokio::time::sleep(backoff).await;
        backoff *= 2;
        // A read reopens a dropped connection (a subscription does not).
        let _ = chain.best().await;
    }
}

/// How one subscription of [`watch`] ended.
enum Followed {
    /// Nothing reads our output any more.
    ReaderGone,
    /// The node ended the subscription: subscribe again.
    StreamEnded,
}

/// One subscription's worth of [`watch`]: prints the list when it differs
/// from `last`; `backoff` is reset once a read succeeds.
async fn follow_list(
    chain: &Chain,
    out: &Output,
    last: &mut Option<Value>,
    backoff: &mut Duration,
) -> Result<Followed, CliError> {
    let mut heads = chain.subscribe_heads(false).await?;
    // The list as it is when watching starts, then at each new head.
    let mut at = chain.best().await?;
    loop {
        let tasks = query::tasks(chain, Some(at.hash)).await?;
        *backoff = Duration::from_millis(250);
        let doc = list_doc(&at, &tasks);
        if last.as_ref() != Some(&doc["tasks"]) {
            *last = Some(doc["tasks"].clone());
            if !out.stream(doc, || format!("at #{}\n{}", at.number, list_human(&tasks))) {
                return Ok(Followed::ReaderGone);
            }
        }
        match heads.next().await {
            Some(Ok(mut header)) => {
                // Heads that came during the read: only the newest is read.
                while let Some(Some(Ok(newer))) = heads.next().now_or_never() {
                    header = newer;
                }
                at = BlockRef { number: header.number, hash: header.hash() };
            }
            Some(Err(e)) => return Err(CliError::other(format!("head subscription: {e}"))),
            None => return Ok(Followed::StreamEnded),
        }
    }
}

/// Runs a `gensyn dispute` subcommand.
pub async fn dispute(cmd: DisputeCmd, global: &GlobalArgs, out: &Output) -> Result<(), CliError> {
    let chain = super::connect(global).await?;
    let at = chain.best().await?;
    match cmd {
        DisputeCmd::Show(a) => {
            let d = query::dispute(&chain, a.id, Some(at.hash)).await?;
            let mut doc = query::dispute_json(a.id, &d);
            doc["at"] = at.json();
            out.emit(doc.clone(), || {
                format!(
                    "dispute {} of task {}: {} (round {}, moves due by #{})\n  segment {} (position {}), challenger is the {}\n  {}",
                    a.id,
                    d.task,
                    doc["stage"].as_str().unwrap_or_default(),
                    d.rounds,
                    d.deadline,
                    d.segment,
                    d.position,
                    doc["challenger_kind"].as_str().unwrap_or_default(),
                    doc["detail"].as_str().unwrap_or_default()
                )
            });
        }
    }
    Ok(())
}
