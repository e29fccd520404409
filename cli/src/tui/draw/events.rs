//! The event log, newest first.

use super::selected;
use crate::tui::state::App;
use ratatui::{
    layout::Rect,
    style::{Color, Style},
    text::{Line, Span},
    widgets::{Block, List, ListItem, ListState},
    Frame,
};

/// Draws the event log.
pub fn render(f: &mut Frame, area: Rect, app: &App) {
    let events = app.events();
    let items: Vec<ListItem> = events
        .iter()
        .map(|e| {
            let colour = match e.pallet.as_str() {
                "Gensyn" => Color::Cyan,
                "Availability" => Color::Blue,
                "Balances" => Color::Green,
                _ => Color::Gray,
            };
            ListItem::new(Line::from(vec![
                Span::styled(format!("#{:<6}", e.block), Style::new().fg(Color::DarkGray)),
                Span::styled(format!("{}.{}", e.pallet, e.name), Style::new().fg(colour)),
                Span::raw(if e.detail.is_empty() { String::new() } else { format!(" {}", e.detail) }),
            ]))
        })
        .collect();
    let title = format!(" events ({}) · newest first ", events.len());
    let mut state = ListState::default().with_selected((!events.is_empty()).then(|| app.selected()));
    f.render_stateful_widget(
        List::new(items).highlight_style(selected()).block(Block::bordered().title(title)),
        area,
        &mut state,
    );
}
