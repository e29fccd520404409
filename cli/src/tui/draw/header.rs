//! The header: endpoint, chain, blocks, production mode, peers and validators.

use crate::tui::state::{App, Link, Mode};
use ratatui::{
    layout::Rect,
    style::{Color, Modifier, Style},
    text::{Line, Span},
    widgets::Paragraph,
    Frame,
};
use std::time::Instant;

/// Draws the two header lines.
pub fn render(f: &mut Frame, area: Rect, app: &App, now: Instant) {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut first = vec![Span::styled("gensyn", bold.fg(Color::Cyan)), Span::raw(" · ")];
    match &app.info {
        Some(info) => {
            first.push(Span::styled(info.chain.clone(), bold));
            first.push(Span::raw(format!(" · {} · ", app.endpoint)));
            first.push(Span::raw(match info.mode {
                Mode::InstantSeal => "instant seal",
                Mode::ProofOfStake => "BABE + GRANDPA",
            }));
        }
        None => first.push(Span::raw(app.endpoint.clone())),
    }
    first.push(Span::raw("  "));
    first.push(match &app.link {
        Link::Connecting => Span::styled("connecting…", Style::new().fg(Color::Yellow)),
        Link::Live => Span::styled("● live", Style::new().fg(Color::Green)),
        Link::Down { reason, retry_in_ms } => Span::styled(
            format!("disconnected ({reason}); retrying in {:.1} s", *retry_in_ms as f64 / 1000.0),
            Style::new().fg(Color::White).bg(Color::Red),
        ),
    });

    let s = &app.snap;
    let ago = app.last_block.map(|t| now.saturating_duration_since(t).as_secs());
    let mut second = vec![
        Span::raw("best "),
        Span::styled(format!("#{}", s.best), bold),
        Span::raw(ago.map(|a| format!(" ({a} s ago)")).unwrap_or_default()),
        Span::raw(" · finalized "),
        Span::styled(format!("#{}", s.finalized), bold),
    ];
    if app.info.as_ref().is_some_and(|i| i.mode == Mode::ProofOfStake) {
        second.push(Span::raw(format!(" · peers {}", s.peers)));
        if !s.validators.is_empty() {
            second.push(Span::raw(format!(" · validators {}", s.validators.join(", "))));
        }
    }
    f.render_widget(Paragraph::new(vec![Line::from(first), Line::from(second)]), area);
}
