//! The dispute view: every game, and the selected one drawn where it
//! stands — the step range narrowing over the rounds, then the descents
//! over the step's operators, its example rows or one operator's tiles,
//! down to arbitration and the verdict.

use super::{badge, selected, short};
use crate::{query, tui::state::App};
use gensyn_commitment::merkle::Descent;
use gensyn_runtime::Runtime;
use pallet_gensyn::{dispute::max_rounds, DisputeId, DisputeOf, Outcome, Side, Stage};
use ratatui::{
    layout::{Constraint, Layout, Rect},
    style::{Color, Modifier, Style},
    text::{Line, Span},
    widgets::{Block, List, ListItem, ListState, Paragraph, Wrap},
    Frame,
};

/// Draws the list of disputes and the selected one.
pub fn render(f: &mut Frame, area: Rect, app: &App) {
    let all = app.disputes();
    if all.is_empty() {
        let text = if app.snap.tasks.iter().all(|v| v.disputes.is_empty()) {
            "no disputes: a whistle or a disagreeing verdict opens one (`gensyn demo --scenario cheating-solver`)"
        } else {
            "no dispute matches the filter (Esc clears it)"
        };
        f.render_widget(
            Paragraph::new(vec![Line::raw(""), Line::raw(text)])
                .wrap(Wrap { trim: false })
                .block(Block::bordered().title(" disputes ")),
            area,
        );
        return;
    }
    let [list, detail] = Layout::horizontal([Constraint::Length(26), Constraint::Min(0)]).areas(area);
    let items: Vec<ListItem> = all
        .iter()
        .map(|(_, id, d)| {
            let stage = query::stage_name(&d.stage);
            ListItem::new(Line::from(vec![
                Span::raw(format!("{id:>3} t{:<3} ", d.task)),
                Span::styled(stage.clone(), badge(&stage)),
            ]))
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(app.selected()));
    f.render_stateful_widget(
        List::new(items)
            .highlight_style(selected())
            .block(Block::bordered().title(format!(" disputes ({}) ", all.len()))),
        list,
        &mut state,
    );
    let (view, id, d) = all[app.selected()];
    render_game(f, detail, app, id, d, view.task.spec.checkpoint_every, view.task.spec.program_len);
}

/// `0123…` of a hash, or "waiting" for a move not made.
fn posted<T>(x: &Option<T>, show: impl Fn(&T) -> String) -> String {
    x.as_ref().map(show).unwrap_or_else(|| "waiting".into())
}

/// The leaves `[lo, hi)` a descent's current node spans.
fn span(at: &Descent) -> (u32, u32) {
    let lo = at.index.checked_shl(at.level).unwrap_or(u32::MAX).min(at.n);
    let hi = at.index.saturating_add(1).checked_shl(at.level).unwrap_or(u32::MAX).min(at.n);
    (lo, hi.max(lo.saturating_add(1)).min(at.n.max(1)))
}

/// A bar `width` cells wide over `[0, total)`: agreed `[0, lo)`, disputed
/// `[lo, hi)`, the rest not in play.
fn bar(width: u16, total: u32, lo: u32, hi: u32) -> Line<'static> {
    let w = u32::from(width.max(1));
    let total = total.max(1);
    let cell = |x: u32| (u64::from(x) * u64::from(w) / u64::from(total)) as u32;
    // Clamped: the chain's numbers are not trusted to fit the segment.
    let (a, mut b) = (cell(lo).min(w), cell(hi).min(w));
    if b <= a {
        b = (a + 1).min(w); // the disputed range always shows
    }
    let a = a.min(b.saturating_sub(1));
    Line::from(vec![
        Span::styled("█".repeat(a as usize), Style::new().fg(Color::Green)),
        Span::styled("█".repeat((b - a) as usize), Style::new().fg(Color::Red)),
        Span::styled("░".repeat(w.saturating_sub(b) as usize), Style::new().fg(Color::DarkGray)),
    ])
}

fn render_game(
    f: &mut Frame,
    area: Rect,
    app: &App,
    id: DisputeId,
    d: &DisputeOf<Runtime>,
    checkpoint_every: u32,
    program_len: u32,
) {
    let stage = query::stage_name(&d.stage);
    let width = area.width.saturating_sub(4);
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let key = |k: &str| Span::styled(format!("{k:<11}"), Style::new().fg(Color::Cyan));
    let seg_lo = d.segment.saturating_mul(checkpoint_every);
    // The rounds bound before tiles and reductions; the tile descent adds
    // its own once reached. Past it (or in a reduction) the stage no longer
    // says how many tiles there were: the bound is then only a floor.
    let base = max_rounds(checkpoint_every, program_len, 1, 0);
    let mut bound = Some(base);
    let op =
        |node: u32| app.op_name(d.task, node).map(|n| format!("{n} (node {node})")).unwrap_or(format!("node {node}"));

    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!("dispute {id}"), bold),
            Span::raw(format!(
                " · task {} · segment {} (steps {}..{}) · ",
                d.task,
                d.segment,
                seg_lo,
                seg_lo.saturating_add(checkpoint_every)
            )),
            Span::styled(stage.clone(), badge(&stage)),
        ]),
        Line::from(vec![key("defender"), Span::raw(format!("{} (solver)", app.who(&d.defender)))]),
        Line::from(vec![
            key("challenger"),
            Span::raw(format!(
                "{} ({}) · {}",
                app.who(&d.challenger),
                query::snake(&format!("{:?}", d.challenger_kind)),
                if d.bond == 0 {
                    "its stake answers".to_string()
                } else {
                    format!("bond {}", crate::amount::format_tokens(d.bond))
                }
            )),
        ]),
    ];
    let mut body: Vec<Line> = Vec::new();
    match &d.stage {
        Stage::Steps { round, defender_mid, challenger_mid } => {
            body.push(Line::raw(format!(
                "step bisection: agreed up to step {}, disputed {}..{} ({} steps)",
                round.lo,
                round.lo,
                round.lo.saturating_add(round.len),
                round.len
            )));
            let from = round.lo.saturating_sub(seg_lo);
            body.push(bar(width, checkpoint_every, from, from.saturating_add(round.len)));
            body.push(Line::raw(format!(
                "midpoint step {}: defender {} · challenger {}",
                round.lo.saturating_add(round.len / 2),
                posted(defender_mid, short),
                posted(challenger_mid, short)
            )));
        }
        Stage::Records { round, defender, challenger } => {
            body.push(Line::raw(format!("one step left: step {} — each side opens its record of it", round.lo)));
            let from = round.lo.saturating_sub(seg_lo);
            body.push(bar(width, checkpoint_every, from, from.saturating_add(1)));
            body.push(Line::raw(format!(
                "records: defender {} · challenger {}",
                posted(defender, |r| format!("{} ops", r.trace_len)),
                posted(challenger, |r| format!("{} ops", r.trace_len))
            )));
        }
        Stage::Ops { step, round, defender_children, challenger_children, .. } => {
            let (lo, hi) = span(&round.at);
            body.push(Line::raw(format!(
                "step {step}: operator descent over {} trace leaves, now {lo}..{hi}{}",
                round.at.n,
                if hi - lo == 1 { format!(": {}", op(lo)) } else { String::new() }
            )));
            body.push(bar(width, round.at.n, lo, hi));
            body.push(Line::raw(format!(
                "children: defender {} · challenger {}",
                posted(defender_children, |c| short(&c.0)),
                posted(challenger_children, |c| short(&c.0))
            )));
        }
        Stage::Examples { step, round, defender_children, challenger_children, .. } => {
            let (lo, hi) = span(&round.at);
            body.push(Line::raw(format!(
                "step {step}: the batches differ — descent over {} rows, now {lo}..{hi}",
                round.at.n
            )));
            body.push(bar(width, round.at.n, lo, hi));
            body.push(Line::raw(format!(
                "children: defender {} · challenger {}",
                posted(defender_children, |c| short(&c.0)),
                posted(challenger_children, |c| short(&c.0))
            )));
        }
        Stage::Example { step, row, .. } => {
            body.push(Line::raw(format!(
                "step {step}: down to batch row {row} — arbitration checks the dataset example the order names for it"
            )));
        }
        Stage::Tiles { step, node, round, defender_children, challenger_children, .. } => {
            bound = Some(base + 1 + Descent::max_moves(round.at.n));
            let (lo, hi) = span(&round.at);
            body.push(Line::raw(format!(
                "step {step}: {} — tile descent over {} tiles, now {lo}..{hi}",
                op(*node),
                round.at.n
            )));
            body.push(bar(width, round.at.n, lo, hi));
            body.push(Line::raw(format!(
                "children: defender {} · challenger {}",
                posted(defender_children, |c| short(&c.0)),
                posted(challenger_children, |c| short(&c.0))
            )));
        }
        Stage::Arbitration { step, node, tile, leaves, outputs, .. } => {
            if tile.is_some() {
                bound = None;
            }
            body.push(Line::from(vec![
                Span::styled("arbitration: ", badge("arbitration")),
                Span::raw(format!(
                    "the chain re-executes {} of step {step}{}",
                    op(*node),
                    tile.map(|t| format!(", tile {t}")).unwrap_or_default()
                )),
            ]));
            body.push(Line::raw(format!("leaves: defender {} · challenger {}", short(&leaves[0]), short(&leaves[1]))));
            if tile.is_none() {
                body.push(Line::raw(format!(
                    "outputs opened: defender {} · challenger {}",
                    posted(&outputs[0], |o| format!("{} tiles", o.tiles)),
                    posted(&outputs[1], |o| format!("{} tiles", o.tiles))
                )));
            }
        }
        Stage::Reduce { step, node, tile, round, defender_partials, challenger_partials, .. } => {
            bound = None;
            body.push(Line::raw(format!(
                "step {step}: {} tile {tile} — reduction over {}..{}",
                op(*node),
                round.lo,
                round.lo.saturating_add(round.len)
            )));
            body.push(Line::raw(format!(
                "partials: defender {} · challenger {}",
                posted(defender_partials, |c| short(&c.0)),
                posted(challenger_partials, |c| short(&c.0))
            )));
        }
        Stage::ReduceLeaf { step, node, tile, round, .. } => {
            bound = None;
            body.push(Line::from(vec![
                Span::styled("arbitration: ", badge("arbitration")),
                Span::raw(format!(
                    "the chain re-executes {} of step {step}, tile {tile}, elements {}..{}",
                    op(*node),
                    round.lo,
                    round.lo.saturating_add(round.len)
                )),
            ]));
        }
        Stage::Resolved { outcome } => {
            bound = None;
            let verdict = match outcome {
                Outcome::Arbitrated { defender_right, challenger_right } => format!(
                    "arbitrated: the solver was {}, the challenger {}",
                    if *defender_right { "right" } else { "wrong" },
                    if *challenger_right { "right" } else { "wrong" }
                ),
                Outcome::Forfeited { loser, timeout } => format!(
                    "forfeited by the {} ({})",
                    if *loser == Side::Defender { "solver" } else { "challenger" },
                    if *timeout { "missed its move" } else { "its move could not stand" }
                ),
            };
            body.push(Line::from(vec![Span::styled("resolved: ", badge("resolved")), Span::raw(verdict)]));
            let who = if outcome.solver_convicted() {
                format!("solver {} convicted and slashed", app.who(&d.defender))
            } else {
                format!("challenger {} lost its bond", app.who(&d.challenger))
            };
            body.push(Line::styled(who, Style::new().add_modifier(Modifier::BOLD)));
        }
    }
    let resolved = matches!(d.stage, Stage::Resolved { .. });
    lines.push(Line::from(vec![
        key("round"),
        Span::raw(match bound {
            Some(b) => format!("{} of at most {b}", d.rounds),
            None => format!("{} (at most {base} before tiles and reductions)", d.rounds),
        }),
        Span::raw(if resolved {
            String::new()
        } else {
            format!(" · moves due by #{} ({} blocks left)", d.deadline, app.blocks_left(d.deadline))
        }),
    ]));
    lines.push(Line::raw(""));
    lines.extend(body);
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(Block::bordered().title(" game ")), area);
}
