//! The update function: every message (a key, a read of the chain, the
//! link going down) changes the state and nothing else, so it is tested
//! without a terminal or a node.

use super::state::{App, ChainInfo, EventLine, Link, Snapshot, View, EVENT_LOG};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::time::Instant;

/// What reaches the dashboard.
pub enum Msg {
    /// A key pressed.
    Key(KeyEvent),
    /// The terminal changed size.
    Resize,
    /// Connected: what the feed learnt.
    Linked(ChainInfo),
    /// A new read of the chain, and when it arrived.
    Data(Box<Snapshot>, Instant),
    /// Events of new blocks, oldest first.
    Events(Vec<EventLine>),
    /// A block was finalized.
    Finalized(u32),
    /// Connected peers.
    Peers(u32),
    /// The keyboard cannot be read any more (why): the dashboard ends.
    KeysLost(String),
    /// The chain no longer has the blocks from this one on whose events
    /// are in the log (a re-org, or a restarted devnet): they go.
    Reorg(u32),
    /// The node went away.
    Down {
        /// Why.
        reason: String,
        /// When the feed tries again, in ms.
        retry_in_ms: u64,
    },
}

/// Applies `msg` to `app`.
pub fn update(app: &mut App, msg: Msg) {
    app.dirty = true;
    match msg {
        Msg::Key(key) => on_key(app, key),
        Msg::Resize => {}
        Msg::Linked(info) => {
            app.info = Some(info);
            app.link = Link::Live;
        }
        Msg::Data(snap, at) => {
            if app.last_block.is_none() || snap.best != app.snap.best {
                app.last_block = Some(at);
            }
            // Finality never goes back (a head subscription may be ahead of the read).
            let finalized = app.snap.finalized.max(snap.finalized);
            // The selection stays on its task and its dispute, wherever
            // new rows put them.
            let task = app.tasks().get(app.cursor_of(View::Tasks)).map(|v| v.id);
            let dispute = app.disputes().get(app.cursor_of(View::Disputes)).map(|(_, id, _)| *id);
            app.snap = *snap;
            if let Some(pos) = task.and_then(|t| app.tasks().iter().position(|v| v.id == t)) {
                app.cursor[View::Tasks.index()] = pos;
            }
            if let Some(pos) = dispute.and_then(|d| app.disputes().iter().position(|(_, id, _)| *id == d)) {
                app.cursor[View::Disputes.index()] = pos;
            }
            app.snap.finalized = finalized;
            app.link = Link::Live;
            // A task no longer on chain (a restarted devnet) closes.
            if app.opened().is_none() {
                app.open = None;
            }
        }
        Msg::Events(lines) => {
            // A highlighted older event stays highlighted; at the top, the
            // cursor follows the newest.
            let i = View::Events.index();
            let shown = lines.iter().filter(|e| app.shows(e)).count();
            if app.cursor[i] > 0 {
                app.cursor[i] = (app.cursor[i] + shown).min(EVENT_LOG - 1);
            }
            for line in lines {
                app.events.push_front(line);
            }
            app.events.truncate(EVENT_LOG);
        }
        Msg::KeysLost(why) => {
            app.fatal = Some(format!("cannot read the keyboard: {why}"));
            app.quit = true;
        }
        Msg::Reorg(from) => {
            let dropped = app.events.iter().filter(|e| e.block >= from && app.shows(e)).count();
            app.events.retain(|e| e.block < from);
            if app.view == View::Events {
                let i = app.view.index();
                app.cursor[i] = app.cursor[i].saturating_sub(dropped);
            }
        }
        Msg::Finalized(n) => app.snap.finalized = app.snap.finalized.max(n),
        Msg::Peers(n) => app.snap.peers = n,
        Msg::Down { reason, retry_in_ms } => app.link = Link::Down { reason, retry_in_ms },
    }
}

fn on_key(app: &mut App, key: KeyEvent) {
    // Releases and repeats of a key (kitty's protocol) are not presses.
    if key.kind == KeyEventKind::Release {
        return;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
        app.quit = true;
        return;
    }
    if app.editing {
        let was = app.filter.clone();
        match key.code {
            KeyCode::Enter => app.editing = false,
            KeyCode::Esc => {
                app.editing = false;
                app.filter.clear();
            }
            KeyCode::Backspace => {
                app.filter.pop();
            }
            // Ctrl-U or Alt-x are not text.
            KeyCode::Char(c) if (key.modifiers - KeyModifiers::SHIFT).is_empty() => app.filter.push(c),
            _ => {}
        }
        if app.filter != was {
            app.cursor[app.view.index()] = 0;
        }
        return;
    }
    if app.help {
        // Any key closes the help; `q` still quits.
        app.help = false;
        if key.code == KeyCode::Char('q') {
            app.quit = true;
        }
        return;
    }
    let i = app.view.index();
    // An opened task has no rows: moving would lose the table's selection.
    let moves = matches!(
        key.code,
        KeyCode::Char('j' | 'k' | 'g' | 'G')
            | KeyCode::Down
            | KeyCode::Up
            | KeyCode::Home
            | KeyCode::End
            | KeyCode::PageDown
            | KeyCode::PageUp
    );
    if moves && app.view == View::Tasks && app.open.is_some() {
        return;
    }
    match key.code {
        KeyCode::Char('q') => app.quit = true,
        KeyCode::Char('?') => app.help = true,
        KeyCode::Char('/') => app.editing = true,
        KeyCode::Tab => switch(app, View::ALL[(i + 1) % View::ALL.len()]),
        KeyCode::BackTab => switch(app, View::ALL[(i + View::ALL.len() - 1) % View::ALL.len()]),
        KeyCode::Char(c @ '1'..='4') => switch(app, View::ALL[c as usize - '1' as usize]),
        KeyCode::Char('j') | KeyCode::Down => app.cursor[i] = (app.selected() + 1).min(app.rows().saturating_sub(1)),
        KeyCode::Char('k') | KeyCode::Up => app.cursor[i] = app.selected().saturating_sub(1),
        KeyCode::Char('g') | KeyCode::Home => app.cursor[i] = 0,
        KeyCode::Char('G') | KeyCode::End => app.cursor[i] = app.rows().saturating_sub(1),
        KeyCode::PageDown => app.cursor[i] = (app.selected() + 10).min(app.rows().saturating_sub(1)),
        KeyCode::PageUp => app.cursor[i] = app.selected().saturating_sub(10),
        KeyCode::Char('s') if app.view == View::Tasks => app.sort = app.sort.next(),
        KeyCode::Char('S') if app.view == View::Tasks => app.descending = !app.descending,
        KeyCode::Enter => match app.view {
            View::Tasks if app.open.is_none() => app.open = app.tasks().get(app.selected()).map(|v| v.id),
            // From a task's disputes or the table: the dispute view.
            View::Tasks => {
                let task = app.open;
                if let Some(pos) = app.disputes().iter().position(|(v, _, _)| Some(v.id) == task) {
                    app.cursor[View::Disputes.index()] = pos;
                    switch(app, View::Disputes);
                }
            }
            _ => {}
        },
        KeyCode::Esc => {
            if app.open.take().is_none() {
                app.filter.clear();
            }
        }
        _ => {}
    }
}

fn switch(app: &mut App, view: View) {
    app.view = view;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::state::SortKey;

    fn key(app: &mut App, code: KeyCode) {
        update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }

    fn chars(app: &mut App, s: &str) {
        for c in s.chars() {
            key(app, KeyCode::Char(c));
        }
    }

    #[test]
    fn views_switch_by_tab_number_and_back_tab() {
        let mut app = App::new("ws://x");
        key(&mut app, KeyCode::Tab);
        assert_eq!(app.view, View::Disputes);
        key(&mut app, KeyCode::Char('4'));
        assert_eq!(app.view, View::Events);
        key(&mut app, KeyCode::Tab);
        assert_eq!(app.view, View::Tasks);
        key(&mut app, KeyCode::BackTab);
        assert_eq!(app.view, View::Events);
        key(&mut app, KeyCode::Char('3'));
        assert_eq!(app.view, View::Accounts);
    }

    #[test]
    fn q_and_ctrl_c_quit_but_q_typed_into_the_filter_does_not() {
        let mut app = App::new("ws://x");
        key(&mut app, KeyCode::Char('/'));
        chars(&mut app, "qq");
        assert!(!app.quit);
        assert_eq!(app.filter, "qq");
        key(&mut app, KeyCode::Backspace);
        assert_eq!(app.filter, "q");
        key(&mut app, KeyCode::Enter);
        assert!(!app.editing);
        key(&mut app, KeyCode::Esc);
        assert_eq!(app.filter, "", "Esc clears the filter");
        key(&mut app, KeyCode::Char('q'));
        assert!(app.quit);
        let mut app = App::new("ws://x");
        update(&mut app, Msg::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)));
        assert!(app.quit);
    }

    #[test]
    fn help_opens_and_any_key_closes_it() {
        let mut app = App::new("ws://x");
        key(&mut app, KeyCode::Char('?'));
        assert!(app.help);
        key(&mut app, KeyCode::Char('2'));
        assert!(!app.help);
        assert_eq!(app.view, View::Tasks, "the key that closes the help does nothing else");
    }

    #[test]
    fn sort_cycles_and_reverses() {
        let mut app = App::new("ws://x");
        for want in [SortKey::Phase, SortKey::Fee, SortKey::Deadline, SortKey::Id] {
            key(&mut app, KeyCode::Char('s'));
            assert_eq!(app.sort, want);
        }
        key(&mut app, KeyCode::Char('S'));
        assert!(app.descending);
    }

    #[test]
    fn a_lost_node_shows_as_down_and_data_brings_it_back() {
        let mut app = App::new("ws://x");
        assert_eq!(app.link, Link::Connecting);
        update(&mut app, Msg::Down { reason: "connection refused".into(), retry_in_ms: 500 });
        assert!(matches!(app.link, Link::Down { .. }));
        let snap = Snapshot { best: 7, finalized: 5, ..Default::default() };
        let t = Instant::now();
        update(&mut app, Msg::Data(Box::new(snap), t));
        assert_eq!(app.link, Link::Live);
        assert_eq!((app.snap.best, app.snap.finalized, app.last_block), (7, 5, Some(t)));
        // Same best block again: the clock since the last block keeps running.
        update(&mut app, Msg::Data(Box::new(Snapshot { best: 7, finalized: 5, ..Default::default() }), Instant::now()));
        assert_eq!(app.last_block, Some(t));
        // Finality never goes back.
        update(&mut app, Msg::Finalized(3));
        assert_eq!(app.snap.finalized, 5);
    }

    #[test]
    fn the_event_log_is_newest_first_and_bounded() {
        let mut app = App::new("ws://x");
        let line = |b| EventLine { block: b, pallet: "Gensyn".into(), name: "X".into(), detail: String::new() };
        update(&mut app, Msg::Events((0..EVENT_LOG as u32 + 10).map(line).collect()));
        assert_eq!(app.events.len(), EVENT_LOG);
        assert_eq!(app.events[0].block, EVENT_LOG as u32 + 9);
    }

    #[test]
    fn modified_keys_are_not_typed_into_the_filter_and_an_unchanged_filter_keeps_the_cursor() {
        let mut app = App::new("ws://x");
        key(&mut app, KeyCode::Char('/'));
        update(&mut app, Msg::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)));
        update(&mut app, Msg::Key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::ALT)));
        update(&mut app, Msg::Key(KeyEvent::new(KeyCode::Char('A'), KeyModifiers::SHIFT)));
        assert_eq!(app.filter, "A");
        app.cursor[0] = 3;
        key(&mut app, KeyCode::Enter);
        assert_eq!(app.cursor[0], 3, "leaving the filter unchanged keeps the selection");
    }

    #[test]
    fn a_reorg_drops_the_log_from_the_forked_block_and_a_lost_keyboard_ends_with_an_error() {
        let mut app = App::new("ws://x");
        let line = |b| EventLine { block: b, pallet: "Gensyn".into(), name: "X".into(), detail: String::new() };
        update(&mut app, Msg::Events((1..=9).map(line).collect()));
        update(&mut app, Msg::Reorg(7));
        assert_eq!(app.events.iter().map(|e| e.block).collect::<Vec<_>>(), [6, 5, 4, 3, 2, 1]);
        update(&mut app, Msg::KeysLost("not a tty".into()));
        assert!(app.quit);
        assert_eq!(app.fatal.as_deref(), Some("cannot read the keyboard: not a tty"));
    }

    #[test]
    fn a_highlighted_event_stays_highlighted_as_new_ones_arrive() {
        let mut app = App::new("ws://x");
        let line = |b| EventLine { block: b, pallet: "Gensyn".into(), name: "X".into(), detail: String::new() };
        update(&mut app, Msg::Events((1..=5).map(line).collect()));
        key(&mut app, KeyCode::Char('4'));
        key(&mut app, KeyCode::Char('j'));
        key(&mut app, KeyCode::Char('j'));
        assert_eq!(app.events()[app.selected()].block, 3);
        update(&mut app, Msg::Events((6..=7).map(line).collect()));
        assert_eq!(app.events()[app.selected()].block, 3);
        // At the top, the cursor stays on the newest.
        key(&mut app, KeyCode::Char('g'));
        update(&mut app, Msg::Events(vec![line(8)]));
        assert_eq!(app.events()[app.selected()].block, 8);
    }
}
