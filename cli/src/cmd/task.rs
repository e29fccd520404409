//! `gensyn task list|show` and `gensyn dispute show`: the protocol's state,
//! read through the decoding layer (`crate::query`).

use crate::{
    amount::format_tokens,
    args::{DisputeCmd, GlobalArgs, TaskCmd},
    error::CliError,
    output::Output,
    query,
};
use serde_json::json;

/// Runs a `gensyn task` subcommand.
pub async fn run(cmd: TaskCmd, global: &GlobalArgs, out: &Output) -> Result<(), CliError> {
    let chain = super::connect(global).await?;
    let at = chain.best().await?;
    match cmd {
        TaskCmd::List => {
            let tasks = query::tasks(&chain, Some(at.hash)).await?;
            let doc = json!({
                "at": at.json(),
                "tasks": tasks.iter().map(|(id, t)| query::task_summary(*id, t)).collect::<Vec<_>>(),
            });
            out.emit(doc, || {
                if tasks.is_empty() {
                    return "no tasks (submit one with `gensyn submit TASK.toml`)".into();
                }
                let mut lines =
                    vec![format!("{:>4}  {:<20} {:>14}  {:>6}  {:>8}", "id", "phase", "fee", "steps", "deadline")];
                for (id, t) in &tasks {
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
            });
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
