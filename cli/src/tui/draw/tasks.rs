//! The task table and one opened task.

use super::{badge, selected, short};
use crate::{
    amount::format_tokens,
    query::{self, TaskView},
    tui::state::App,
};
use pallet_gensyn::{Stage, TaskId};
use ratatui::{
    layout::{Constraint, Rect},
    style::{Color, Modifier, Style},
    text::{Line, Span},
    widgets::{Block, Cell, Paragraph, Row, Table, TableState, Wrap},
    Frame,
};

/// Draws the task table.
pub fn render_table(f: &mut Frame, area: Rect, app: &App) {
    let rows: Vec<Row> = app
        .tasks()
        .into_iter()
        .map(|v| {
            let t = &v.task;
            let phase = query::phase_name(&t.phase);
            let left = t.phase.deadline().map(|d| format!("{} left", app.blocks_left(d))).unwrap_or_else(|| "—".into());
            Row::new(vec![
                Cell::from(v.id.to_string()),
                Cell::from(Span::styled(phase.clone(), badge(&phase))),
                Cell::from(app.who(&t.submitter)),
                Cell::from(t.solver.as_ref().map(|a| app.who(a)).unwrap_or_default()),
                Cell::from(t.verifier.as_ref().map(|a| app.who(a)).unwrap_or_default()),
                Cell::from(format_tokens(t.fee)),
                Cell::from(t.spec.steps.to_string()),
                Cell::from(left),
            ])
        })
        .collect();
    let empty = rows.is_empty();
    let header = Row::new(["id", "phase", "submitter", "solver", "verifier", "fee", "steps", "deadline"])
        .style(Style::new().add_modifier(Modifier::BOLD));
    let widths = [
        Constraint::Length(4),
        Constraint::Length(16),
        Constraint::Length(9),
        Constraint::Length(8),
        Constraint::Length(8),
        Constraint::Length(10),
        Constraint::Length(5),
        Constraint::Min(8),
    ];
    let title = format!(
        " tasks ({}) · sorted by {}{} ",
        app.tasks().len(),
        app.sort.name(),
        if app.descending { " ↓" } else { "" }
    );
    let table =
        Table::new(rows, widths).header(header).row_highlight_style(selected()).block(Block::bordered().title(title));
    if empty {
        let text = if app.snap.tasks.is_empty() {
            "no tasks yet: `gensyn demo` or `gensyn submit TASK.toml` posts one"
        } else {
            "no task matches the filter (Esc clears it)"
        };
        f.render_widget(
            Paragraph::new(vec![Line::raw(""), Line::raw(text)]).block(Block::bordered().title(title_of(app))),
            area,
        );
        return;
    }
    let mut state = TableState::default().with_selected(Some(app.selected()));
    f.render_stateful_widget(table, area, &mut state);
}

fn title_of(app: &App) -> String {
    format!(" tasks ({}) ", app.snap.tasks.len())
}

/// Draws one task: commitments, audit, verdicts, whistles, disputes, outcome.
pub fn render_task(f: &mut Frame, area: Rect, app: &App, v: &TaskView) {
    let t = &v.task;
    let key = |k: &str| Span::styled(format!("{k:<12}"), Style::new().fg(Color::Cyan));
    let phase = query::phase_name(&t.phase);
    let mut lines = vec![Line::from(vec![
        key("phase"),
        Span::styled(phase.clone(), badge(&phase)),
        Span::raw(
            t.phase
                .deadline()
                .map(|d| format!("  until #{d} ({} blocks left)", app.blocks_left(d)))
                .unwrap_or_default(),
        ),
        Span::raw(query::cancel_reason(&t.phase).map(|r| format!("  ({r})")).unwrap_or_default()),
    ])];
    let parties = format!(
        "submitter {} · solver {} · verifier {}",
        app.who(&t.submitter),
        t.solver.as_ref().map(|a| app.who(a)).unwrap_or_else(|| "—".into()),
        t.verifier.as_ref().map(|a| app.who(a)).unwrap_or_else(|| "—".into())
    );
    lines.push(Line::from(vec![key("parties"), Span::raw(parties)]));
    lines.push(Line::from(vec![
        key("fee"),
        Span::raw(format!(
            "{} · deposit {} · {} steps, checkpoint every {}",
            format_tokens(t.fee),
            format_tokens(t.deposit),
            t.spec.steps,
            t.spec.checkpoint_every
        )),
    ]));
    lines.push(Line::from(vec![
        key("data"),
        Span::raw(format!(
            "spec {} {} · dataset {} {}",
            short(&t.spec.spec_hash),
            if v.available.0 { "available" } else { "not attested" },
            short(&t.spec.dataset_commitment()),
            if v.available.1 { "available" } else { "not attested" },
        )),
    ]));
    if let Some(c) = &t.commitment {
        lines.push(Line::from(vec![
            key("commitment"),
            Span::raw(format!("checkpoints {} · steps {}", short(&c.checkpoint_root), short(&c.step_root))),
        ]));
    }
    if let Some(a) = &v.audit {
        let segs: Vec<String> = a
            .segments
            .iter()
            .map(|s| {
                let verdict = match (s.end, s.verdict) {
                    (Some(e), Some(v)) if e == v => "agrees",
                    (Some(_), Some(_)) => "DISAGREES",
                    (None, Some(_)) => "verdict posted",
                    _ => "pending",
                };
                format!("{} ({verdict})", s.segment)
            })
            .collect();
        lines.push(Line::from(vec![key("audit"), Span::raw(format!("segments {}", segs.join(", ")))]));
        lines.push(Line::from(vec![
            key("checks"),
            Span::raw(format!(
                "{} checks, {} right · games running {} · solver convicted {} · verifier faulted {}",
                a.checks, a.right, a.games, a.convicted, a.verifier_faulted
            )),
        ]));
    }
    for (who, c) in &v.checks {
        lines.push(Line::from(vec![
            key("whistle"),
            Span::raw(format!(
                "{} · bond {} · {}",
                app.who(who),
                format_tokens(c.bond),
                match (c.ends.is_some(), c.right) {
                    (false, _) => "committed".to_string(),
                    (true, r) =>
                        format!("revealed, {}", if r { "matches the solver" } else { "differs from the solver" }),
                }
            )),
        ]));
    }
    for (id, d) in &v.disputes {
        let stage = query::stage_name(&d.stage);
        let outcome = match &d.stage {
            Stage::Resolved { outcome } if outcome.solver_convicted() => {
                format!(" — solver {} convicted and slashed", app.who(&d.defender))
            }
            Stage::Resolved { .. } => format!(" — challenger {} lost its bond", app.who(&d.challenger)),
            _ => format!(" — round {}, moves due in {} blocks", d.rounds, app.blocks_left(d.deadline)),
        };
        lines.push(Line::from(vec![
            key(&format!("dispute {id}")),
            Span::raw(format!("{} vs {} on segment {} ", app.who(&d.defender), app.who(&d.challenger), d.segment)),
            Span::styled(stage.clone(), badge(&stage)),
            Span::raw(outcome),
        ]));
    }
    // Who was paid and slashed: the task's events the dashboard has seen.
    let mine: Vec<_> = app.events.iter().filter(|e| names_task(&e.detail, v.id)).take(8).collect();
    if !mine.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled("events", Style::new().add_modifier(Modifier::BOLD)));
        for e in mine {
            lines.push(Line::raw(format!("  #{} {}.{} {}", e.block, e.pallet, e.name, e.detail)));
        }
    }
    let block = Block::bordered().title(format!(" task {} ", v.id));
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block), area);
}

/// Whether an event's fields name task `id` (`task: 1`, not `task: 12`).
fn names_task(detail: &str, id: TaskId) -> bool {
    let tag = format!("task: {id}");
    detail.match_indices(&tag).any(|(at, _)| !detail[at + tag.len()..].starts_with(|c: char| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_event_names_its_task_only() {
        assert!(super::names_task("task: 1, fee: 5", 1));
        assert!(super::names_task("task: 1", 1));
        assert!(!super::names_task("task: 12, fee: 5", 1));
        assert!(super::names_task("task: 12, parent task: 1", 1));
    }
}
