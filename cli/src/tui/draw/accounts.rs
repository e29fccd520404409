//! Dev and keystore accounts: free, held, and stake per role.

use super::selected;
use crate::{amount::format_tokens, tui::state::App};
use ratatui::{
    layout::{Constraint, Rect},
    style::{Modifier, Style},
    widgets::{Block, Row, Table, TableState},
    Frame,
};

/// Draws the account table.
pub fn render(f: &mut Frame, area: Rect, app: &App) {
    let rows: Vec<Row> = app
        .snap
        .accounts
        .iter()
        .map(|a| {
            let stakes: Vec<String> = a
                .stakes
                .iter()
                .map(|(role, active, unbonding)| {
                    let mut s = format!("{} {}", role.as_str(), format_tokens(*active));
                    if *unbonding > 0 {
                        s.push_str(&format!(" (unbonding {})", format_tokens(*unbonding)));
                    }
                    s
                })
                .collect();
            Row::new(vec![
                a.name.clone(),
                format!("{}…", &a.address[..10.min(a.address.len())]),
                format_tokens(a.free),
                format_tokens(a.held),
                stakes.join(" · "),
            ])
        })
        .collect();
    let header = Row::new(["account", "address", "free", "held", "stake (active)"])
        .style(Style::new().add_modifier(Modifier::BOLD));
    let widths = [
        Constraint::Length(10),
        Constraint::Length(12),
        Constraint::Length(16),
        Constraint::Length(14),
        Constraint::Min(10),
    ];
    let table = Table::new(rows, widths)
        .header(header)
        .row_highlight_style(selected())
        .block(Block::bordered().title(format!(" accounts ({}) ", app.snap.accounts.len())));
    let mut state = TableState::default().with_selected(Some(app.selected()));
    f.render_stateful_widget(table, area, &mut state);
}
