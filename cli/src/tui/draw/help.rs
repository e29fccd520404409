//! The help overlay (`?`).

use ratatui::{
    layout::{Constraint, Flex, Layout, Rect},
    style::{Color, Style},
    text::Line,
    widgets::{Block, Clear, Paragraph},
    Frame,
};

const KEYS: &[(&str, &str)] = &[
    ("Tab / 1–4", "switch view (tasks, disputes, accounts, events)"),
    ("j k ↑ ↓", "move; g G first, last; PgUp PgDn"),
    ("Enter", "open a task; in a task, its dispute"),
    ("Esc", "back; clear the filter"),
    ("/", "filter rows (Enter keeps, Esc clears)"),
    ("s / S", "sort tasks by the next column / reverse"),
    ("?", "this help"),
    ("q  Ctrl-C", "quit"),
];

/// Draws the key list over `area`.
pub fn render(f: &mut Frame, area: Rect) {
    let width = 62.min(area.width);
    let height = (KEYS.len() as u16 + 2).min(area.height);
    let [row] = Layout::vertical([Constraint::Length(height)]).flex(Flex::Center).areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(width)]).flex(Flex::Center).areas(row);
    let lines: Vec<Line> = KEYS.iter().map(|(k, what)| Line::from(format!(" {k:<11} {what}"))).collect();
    f.render_widget(Clear, popup);
    f.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(" keys ").border_style(Style::new().fg(Color::Cyan))),
        popup,
    );
}
