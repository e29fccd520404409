//! `gensyn tui` without a terminal or a node: the update function driven
//! by keys over fixture states, and frames rendered with ratatui's
//! `TestBackend` at 80×24 and 120×40, snapshotted (insta, under
//! `snapshots/`). Text snapshots drop styles, so the style of the critical
//! cells (the disputed badge, the bisection bar) is asserted on the buffer.

mod common;
use common::snapshot_settings;
use gensyn_cli::{
    query::TaskView,
    tui::{
        draw,
        state::{AccountRow, App, ChainInfo, EventLine, Link, Mode, Snapshot, View},
        update::{update, Msg},
    },
};
use gensyn_commitment::{
    data::{DataKind, Order},
    state::StepRecord,
};
use gensyn_runtime::{AccountId, UNIT};
use pallet_gensyn::{
    AuditedSegment, Challenger, Dispute, Outcome, Phase, Role, SolverCommitment, Stage, StepRound, TaskInfo, TaskSpec,
};
use polkadot_sdk::sp_keyring::Sr25519Keyring;
use ratatui::{
    backend::TestBackend,
    buffer::Buffer,
    crossterm::event::{KeyCode, KeyEvent, KeyModifiers},
    style::Color,
    Terminal,
};
use std::time::{Duration, Instant};

fn acc(k: Sr25519Keyring) -> AccountId {
    k.to_account_id()
}

fn spec() -> TaskSpec {
    TaskSpec {
        spec_hash: [1; 32],
        model_hash: [2; 32],
        dataset_root: [3; 32],
        hyper_hash: [4; 32],
        program_root: [5; 32],
        program_len: 40,
        steps: 64,
        checkpoint_every: 16,
        order: Order { seed: 7, samples: 256, batch: 8 },
        data_kind: DataKind::Classification,
        example_len: 4,
    }
}

fn task(id: u64, phase: Phase<u32>, solver: bool, verifier: bool) -> TaskView {
    TaskView {
        id,
        task: TaskInfo {
            submitter: acc(Sr25519Keyring::Alice),
            spec: spec(),
            fee: (10 + id as u128) * UNIT,
            deposit: UNIT,
            collateral: (0, 0),
            redraws: 0,
            final_hash: None,
            deadline: 900,
            created_at: 1,
            solver: solver.then(|| acc(Sr25519Keyring::Bob)),
            commitment: solver.then_some(SolverCommitment { checkpoint_root: [6; 32], step_root: [7; 32] }),
            verifier: verifier.then(|| acc(Sr25519Keyring::Charlie)),
            phase,
            shapes_root: [0; 32],
            state_shapes: [0; 32],
            state_entries: 0,
        },
        audit: None,
        checks: Vec::new(),
        disputes: Vec::new(),
        available: (true, true),
    }
}

fn record(step: u32) -> StepRecord {
    StepRecord { step, before: [8; 32], batch: [9; 32], trace_root: [10; 32], trace_len: 40, after: [11; 32] }
}

/// Task 3, disputed on segment 1 (steps 16..32), its game at `stage`.
fn disputed(stage: Stage, rounds: u32) -> TaskView {
    let mut v = task(3, Phase::Disputed { rechallenge_until: 140 }, true, true);
    v.task.spec.steps = 64;
    let segments = vec![
        AuditedSegment { segment: 1, start: Some([20; 32]), end: Some([21; 32]), verdict: Some([22; 32]) },
        AuditedSegment { segment: 3, start: Some([23; 32]), end: Some([24; 32]), verdict: Some([24; 32]) },
    ];
    v.audit = Some(pallet_gensyn::Audit {
        seed: [0; 32],
        segments: segments.try_into().unwrap(),
        forced: Some(false),
        verifier_faulted: false,
        checks: 1,
        right: 0,
        reveals_open: false,
        share: 0,
        tickets: 0,
        games: 1,
        convicted: matches!(stage, Stage::Resolved { .. }),
        misshapen: Default::default(),
        reopen: false,
        windows: 0,
    });
    v.disputes = vec![(
        0,
        Dispute {
            task: 3,
            defender: acc(Sr25519Keyring::Bob),
            challenger: acc(Sr25519Keyring::Charlie),
            challenger_kind: Challenger::Verifier,
            segment: 1,
            position: 0,
            claim: [22; 32],
            bond: 0,
            stage,
            deadline: 120,
            rounds,
        },
    )];
    v
}

fn mid_bisection() -> Stage {
    Stage::Steps {
        round: StepRound { lo: 24, len: 4, agreed: [30; 32], defender_end: [31; 32], challenger_end: [32; 32] },
        defender_mid: Some([33; 32]),
        challenger_mid: None,
    }
}

fn at_arbitration() -> Stage {
    Stage::Arbitration {
        step: 26,
        records: [record(26), record(26)],
        node: 7,
        leaves: [[40; 32], [41; 32]],
        tile: Some(2),
        outputs: [None, None],
    }
}

fn resolved() -> Stage {
    Stage::Resolved { outcome: Outcome::Arbitrated { defender_right: false, challenger_right: true } }
}

/// A live app at best block 110, one block seen 3 s before `now`.
fn app(tasks: Vec<TaskView>, now: Instant) -> App {
    let mut app = App::new("ws://127.0.0.1:9944");
    update(&mut app, Msg::Linked(ChainInfo { chain: "Gensyn Devnet".into(), mode: Mode::InstantSeal }));
    let names = [
        ("alice", Sr25519Keyring::Alice),
        ("bob", Sr25519Keyring::Bob),
        ("charlie", Sr25519Keyring::Charlie),
        ("dave", Sr25519Keyring::Dave),
    ];
    let accounts = names
        .iter()
        .map(|(n, k)| AccountRow {
            name: n.to_string(),
            address: gensyn_cli::accounts::ss58(&acc(*k)),
            free: 1_000 * UNIT,
            held: if *n == "bob" { 100 * UNIT } else { 0 },
            stakes: if *n == "bob" { vec![(Role::Solver, 90 * UNIT, 10 * UNIT)] } else { Vec::new() },
        })
        .collect();
    let mut ops = std::collections::BTreeMap::new();
    ops.insert(3, (0..40).map(|i| if i == 7 { "mat_mul".to_string() } else { format!("op{i}") }).collect());
    let snap = Snapshot {
        best: 110,
        finalized: 110,
        peers: 0,
        validators: Vec::new(),
        tasks,
        accounts,
        names: names.iter().map(|(n, k)| (acc(*k), n.to_string())).collect(),
        ops,
    };
    update(&mut app, Msg::Data(Box::new(snap), now - Duration::from_secs(3)));
    update(
        &mut app,
        Msg::Events(vec![
            EventLine {
                block: 108,
                pallet: "Gensyn".into(),
                name: "DisputeOpened".into(),
                detail: "task: 3, dispute: 0".into(),
            },
            EventLine {
                block: 109,
                pallet: "Gensyn".into(),
                name: "Moved".into(),
                detail: "dispute: 0, round: 2".into(),
            },
        ]),
    );
    app
}

fn several_phases() -> Vec<TaskView> {
    vec![
        task(0, Phase::Finalized, true, true),
        task(1, Phase::Training { commit_by: 150 }, true, false),
        task(2, Phase::SolverSelection { closes_at: 115, entrants: 2 }, false, false),
        disputed(mid_bisection(), 2),
    ]
}

fn render(app: &App, now: Instant, w: u16, h: u16) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw::draw(f, app, now)).unwrap();
    t.backend().buffer().clone()
}

fn text(buf: &Buffer) -> String {
    let w = buf.area.width as usize;
    buf.content
        .chunks(w)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>().trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

fn key(app: &mut App, code: KeyCode) {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// Every frame of a fixture state at both sizes.
fn snap_both(name: &str, app: &App, now: Instant) {
    for (w, h) in [(80, 24), (120, 40)] {
        snapshot_settings()
            .bind(|| insta::assert_snapshot!(format!("tui__{name}_{w}x{h}"), text(&render(app, now, w, h))));
    }
}

#[test]
fn frames_of_an_empty_chain() {
    let now = Instant::now();
    let a = app(Vec::new(), now);
    snap_both("empty", &a, now);
    let mut down = app(Vec::new(), now);
    update(&mut down, Msg::Down { reason: "connection refused".into(), retry_in_ms: 2000 });
    let t = text(&render(&down, now, 120, 40));
    assert!(t.contains("disconnected (connection refused); retrying in 2.0 s"), "{t}");
}

#[test]
fn frames_of_tasks_in_several_phases() {
    let now = Instant::now();
    let mut a = app(several_phases(), now);
    snap_both("tasks", &a, now);
    // The disputed badge is white on red, the one critical cell of the table.
    let buf = render(&a, now, 120, 40);
    let (x, y) = find(&buf, "disputed").expect("a disputed badge");
    let cell = &buf[(x, y)];
    assert_eq!((cell.fg, cell.bg), (Color::White, Color::Red));
    // Opened: the task's audit, verdicts and dispute.
    key(&mut a, KeyCode::Char('G'));
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.open, Some(3));
    snap_both("task_open", &a, now);
}

#[test]
fn frames_of_a_dispute_mid_bisection_at_arbitration_and_resolved() {
    let now = Instant::now();
    for (name, stage, rounds) in
        [("bisection", mid_bisection(), 2), ("arbitration", at_arbitration(), 9), ("resolved", resolved(), 10)]
    {
        let mut a = app(vec![disputed(stage, rounds)], now);
        key(&mut a, KeyCode::Char('2'));
        snap_both(&format!("dispute_{name}"), &a, now);
        let t = text(&render(&a, now, 120, 40));
        match name {
            "bisection" => {
                assert!(t.contains("agreed up to step 24, disputed 24..28"), "{t}");
                // The bar: agreed steps green, the disputed range red.
                let buf = render(&a, now, 120, 40);
                let (x, y) = find(&buf, "█").expect("a bar");
                assert_eq!(buf[(x, y)].fg, Color::Green);
                let red = (x..buf.area.width).find(|&i| buf[(i, y)].fg == Color::Red).expect("a disputed range");
                assert!(red > x);
            }
            "arbitration" => assert!(t.contains("re-executes mat_mul (node 7) of step 26, tile 2"), "{t}"),
            _ => assert!(t.contains("solver bob convicted and slashed"), "{t}"),
        }
    }
}

#[test]
fn frames_of_accounts_events_and_help() {
    let now = Instant::now();
    let mut a = app(several_phases(), now);
    key(&mut a, KeyCode::Char('3'));
    snap_both("accounts", &a, now);
    key(&mut a, KeyCode::Char('4'));
    snap_both("events", &a, now);
    key(&mut a, KeyCode::Char('?'));
    snap_both("help", &a, now);
}

#[test]
fn keys_move_filter_sort_open_and_go_back() {
    let now = Instant::now();
    let mut a = app(several_phases(), now);
    assert_eq!(a.tasks().iter().map(|v| v.id).collect::<Vec<_>>(), [0, 1, 2, 3]);
    key(&mut a, KeyCode::Char('j'));
    key(&mut a, KeyCode::Down);
    assert_eq!(a.selected(), 2);
    for _ in 0..10 {
        key(&mut a, KeyCode::Char('j'));
    }
    assert_eq!(a.selected(), 3, "the cursor stops at the last row");
    // Sorted by fee, descending: the newest task (highest fee) first.
    key(&mut a, KeyCode::Char('s'));
    key(&mut a, KeyCode::Char('s'));
    key(&mut a, KeyCode::Char('S'));
    assert_eq!(a.tasks().iter().map(|v| v.id).collect::<Vec<_>>(), [3, 2, 1, 0]);
    // Filter by phase: only the disputed task; the cursor goes back to it.
    key(&mut a, KeyCode::Char('/'));
    for c in "disp".chars() {
        key(&mut a, KeyCode::Char(c));
    }
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.tasks().iter().map(|v| v.id).collect::<Vec<_>>(), [3]);
    // Filter by party name.
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Char('/'));
    for c in "charlie".chars() {
        key(&mut a, KeyCode::Char(c));
    }
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.tasks().iter().map(|v| v.id).collect::<Vec<_>>(), [3, 0]);
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.open, Some(3));
    // From the task, Enter goes to its dispute.
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.view, View::Disputes);
    key(&mut a, KeyCode::Char('1'));
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.open, None, "Esc closes the task");
    assert_eq!(a.filter, "charlie", "the first Esc only goes back");
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.filter, "");
}

#[test]
fn a_snapshot_that_drops_the_open_task_falls_back_to_the_table() {
    let now = Instant::now();
    let mut a = app(several_phases(), now);
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.open, Some(0));
    update(&mut a, Msg::Data(Box::new(Snapshot { best: 111, ..Default::default() }), now));
    assert_eq!(a.open, None);
    let t = text(&render(&a, now, 80, 24));
    assert!(t.contains("no tasks yet"), "{t}");
    assert_eq!(a.link, Link::Live);
}

#[test]
fn the_selection_stays_on_its_task_as_rows_come_and_an_opened_task_ignores_moves() {
    let now = Instant::now();
    let mut a = app(several_phases(), now);
    key(&mut a, KeyCode::Char('S')); // newest first: 3, 2, 1, 0
    key(&mut a, KeyCode::Char('j'));
    assert_eq!(a.tasks()[a.selected()].id, 2);
    // A new task arrives on top: the cursor moves with task 2.
    let mut tasks = several_phases();
    tasks.push(task(4, Phase::SolverSelection { closes_at: 130, entrants: 0 }, false, false));
    let snap = Snapshot { best: 111, tasks, names: a.snap.names.clone(), ..Default::default() };
    update(&mut a, Msg::Data(Box::new(snap), now));
    assert_eq!(a.tasks().iter().map(|v| v.id).collect::<Vec<_>>(), [4, 3, 2, 1, 0]);
    assert_eq!(a.tasks()[a.selected()].id, 2);
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.open, Some(2));
    for code in [KeyCode::Char('j'), KeyCode::Char('G'), KeyCode::PageDown] {
        key(&mut a, code);
    }
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.tasks()[a.selected()].id, 2, "moves inside the task left the table alone");
}

/// The first cell at which `s` starts.
fn find(buf: &Buffer, s: &str) -> Option<(u16, u16)> {
    let first = s.chars().next()?.to_string();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            if buf[(x, y)].symbol() == first {
                let rest: String =
                    (x..buf.area.width.min(x + s.chars().count() as u16)).map(|i| buf[(i, y)].symbol()).collect();
                if rest == s {
                    return Some((x, y));
                }
            }
        }
    }
    None
}
