//! `gensyn tui`: a live dashboard of the chain, its tasks and disputes.
//!
//! Laid out as ratatui's own examples are: [`state`] holds what is shown,
//! [`update`] is a pure function from messages (keys, chain data) to state,
//! [`draw`] renders a state and nothing else, and [`data`] is the one feed
//! from the node — the CLI's chain client and decoding layer
//! ([`crate::query`]), never a second way to read the chain.

pub mod data;
pub mod draw;
pub mod state;
pub mod update;

use crate::{
    args::{GlobalArgs, TuiArgs},
    cmd,
    error::CliError,
};
use ratatui::crossterm::event::{self, Event};
use state::App;
use std::{
    io::IsTerminal,
    time::{Duration, Instant},
};
use update::Msg;

/// How often the header's "since the last block" clock is redrawn when
/// nothing else changes.
const CLOCK: Duration = Duration::from_secs(1);

/// Runs the dashboard until `q` or Ctrl-C.
pub async fn run(args: TuiArgs, global: &GlobalArgs) -> Result<(), CliError> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(CliError::Usage(
            "`gensyn tui` draws on a terminal, and this is not one; `gensyn task list --watch --json` prints one JSON line per change instead".into(),
        ));
    }
    let endpoint = cmd::endpoint(global);
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let cache = crate::state::data_home().join("gensyn").join("tui");
    let mut feed = tokio::spawn(data::feed(endpoint.clone(), Duration::from_millis(args.refresh), cache, tx.clone()));
    // crossterm's reads block: a thread of their own feeds the channel.
    // Should the keyboard fail, it says so: raw mode leaves no other way out.
    let keys = tx;
    std::thread::spawn(move || loop {
        let msg = match event::read() {
            Ok(Event::Key(k)) => Msg::Key(k),
            Ok(Event::Resize(..)) => Msg::Resize,
            Ok(_) => continue,
            Err(e) => Msg::KeysLost(e.to_string()),
        };
        let lost = matches!(msg, Msg::KeysLost(_));
        if keys.send(msg).is_err() || lost {
            break;
        }
    });
    // `kill` and a closed terminal end the dashboard as `q` does, so the
    // terminal is restored.
    use tokio::signal::unix::{signal, SignalKind};
    let signals = |kind| signal(kind).map_err(|e| CliError::other(format!("cannot watch for signals: {e}")));
    let (mut term, mut hup) = (signals(SignalKind::terminate())?, signals(SignalKind::hangup())?);

    // Raw mode and the alternate screen; ratatui's panic hook restores the
    // terminal before a panic's message is printed.
    let mut terminal = ratatui::init();
    let mut app = App::new(&endpoint);
    let frame = Duration::from_secs_f64(1.0 / f64::from(args.fps));
    let mut drawn_at: Option<Instant> = None;
    let result = loop {
        if app.quit {
            break match app.fatal.take() {
                Some(why) => Err(CliError::other(why)),
                None => Ok(()),
            };
        }
        let now = Instant::now();
        let due = match drawn_at {
            None => now,
            Some(t) if app.dirty => t + frame,
            Some(t) => t + CLOCK,
        };
        if now >= due {
            if let Err(e) = terminal.draw(|f| draw::draw(f, &app, Instant::now())) {
                break Err(CliError::other(format!("cannot draw on the terminal: {e}")));
            }
            app.dirty = false;
            drawn_at = Some(Instant::now());
            continue;
        }
        tokio::select! {
            msg = rx.recv() => {
                let Some(msg) = msg else { break Ok(()) };
                update::update(&mut app, msg);
                // Everything already queued goes into the same frame.
                while let Ok(msg) = rx.try_recv() {
                    update::update(&mut app, msg);
                }
            }
            _ = tokio::time::sleep_until(due.into()) => {}
            _ = term.recv() => break Ok(()),
            _ = hup.recv() => break Ok(()),
            // The feed only ends with the dashboard; ended early, it
            // panicked (its hook restored the terminal: nothing live is
            // drawn any more).
            ended = &mut feed => {
                let why = match ended {
                    Err(e) if e.is_panic() => "the chain feed panicked".to_string(),
                    _ => "the chain feed stopped".to_string(),
                };
                break Err(CliError::other(why));
            }
        }
    };
    ratatui::restore();
    feed.abort();
    result
}
