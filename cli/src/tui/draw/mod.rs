//! Drawing: a frame from a state, nothing else. One module per widget.

mod accounts;
mod dispute;
mod events;
mod header;
mod help;
mod tasks;

use super::state::{App, View};
use ratatui::{
    layout::{Constraint, Layout, Rect},
    style::{Color, Modifier, Style},
    text::{Line, Span},
    widgets::{Paragraph, Tabs},
    Frame,
};
use std::time::Instant;

/// The style of a phase or stage badge: red for a dispute, green for a
/// settled task, yellow for one waiting on a party, grey when cancelled.
pub fn badge(name: &str) -> Style {
    match name {
        "disputed" => Style::new().fg(Color::White).bg(Color::Red).add_modifier(Modifier::BOLD),
        "finalized" | "resolved" => Style::new().fg(Color::Green),
        "cancelled" => Style::new().fg(Color::DarkGray),
        "arbitration" | "reduce_leaf" | "example" => Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
        _ => Style::new().fg(Color::Yellow),
    }
}

/// The style of the selected row.
pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// `0x1234…abcd` of a hash.
pub fn short(h: &[u8; 32]) -> String {
    let x = hex::encode(h);
    format!("0x{}…{}", &x[..4], &x[60..])
}

/// Draws the whole dashboard at `now` (for the time since the last block).
pub fn draw(f: &mut Frame, app: &App, now: Instant) {
    let [head, tabs, body, foot] =
        Layout::vertical([Constraint::Length(2), Constraint::Length(1), Constraint::Min(0), Constraint::Length(1)])
            .areas(f.area());
    header::render(f, head, app, now);
    render_tabs(f, tabs, app);
    match app.view {
        View::Tasks => match app.opened() {
            Some(task) => tasks::render_task(f, body, app, task),
            None => tasks::render_table(f, body, app),
        },
        View::Disputes => dispute::render(f, body, app),
        View::Accounts => accounts::render(f, body, app),
        View::Events => events::render(f, body, app),
    }
    render_footer(f, foot, app);
    if app.help {
        help::render(f, body);
    }
}

fn render_tabs(f: &mut Frame, area: Rect, app: &App) {
    let titles = View::ALL.iter().enumerate().map(|(i, v)| format!("{} {}", i + 1, v.title()));
    let tabs = Tabs::new(titles)
        .select(app.view.index())
        .highlight_style(Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD | Modifier::UNDERLINED))
        .divider("│");
    f.render_widget(tabs, area);
}

fn render_footer(f: &mut Frame, area: Rect, app: &App) {
    let line = if app.editing {
        Line::from(vec![
            Span::styled("/", Style::new().fg(Color::Cyan)),
            Span::raw(app.filter.as_str()),
            Span::raw("▏"),
        ])
    } else {
        let mut spans = vec![
            Span::styled("?", Style::new().fg(Color::Cyan)),
            Span::raw(" help  "),
            Span::styled("/", Style::new().fg(Color::Cyan)),
            Span::raw(" filter  "),
        ];
        if app.view == View::Tasks && app.open.is_none() {
            spans.extend([Span::styled("s", Style::new().fg(Color::Cyan)), Span::raw(" sort  ")]);
            spans.extend([Span::styled("⏎", Style::new().fg(Color::Cyan)), Span::raw(" open  ")]);
        }
        if app.open.is_some() {
            spans.extend([Span::styled("⏎", Style::new().fg(Color::Cyan)), Span::raw(" its dispute  ")]);
            spans.extend([Span::styled("esc", Style::new().fg(Color::Cyan)), Span::raw(" back  ")]);
        }
        spans.extend([Span::styled("q", Style::new().fg(Color::Cyan)), Span::raw(" quit")]);
        if !app.filter.is_empty() {
            spans.push(Span::styled(format!("   filter: {}", app.filter), Style::new().fg(Color::Yellow)));
        }
        Line::from(spans)
    };
    f.render_widget(Paragraph::new(line), area);
}
