//! The protocol's adversaries against a real node: agents started with
//! `--cheat` take the small fixture task through the devnet (blocks on a
//! timer, as the protocol devnet runs), and every cheat the protocol can
//! catch is caught by the honest agents on the other side — through
//! bisection, the trace descent and arbitration executed by the node's wasm
//! runtime. Funds reconcile after each one.

mod common;
use common::{shape, snapshot_settings, spawn, Devnet};
use serde_json::Value;

const UNIT: i128 = 1_000_000_000_000;
const TINY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/blobs-tiny.toml");

/// Who plays which role, and how.
struct Cast {
    solver: Option<&'static str>,
    verifier: Option<Option<&'static str>>,
    whistleblower: Option<Option<&'static str>>,
}

/// What a scenario left: each agent's event lines (solver, verifier,
/// whistleblower, for those that ran), the task as `task show` reads it,
/// and each account's change in total balance (free and held).
struct Played {
    logs: Vec<Vec<Value>>,
    task: Value,
    delta: std::collections::BTreeMap<&'static str, i128>,
    /// `gensyn funds --json` at the end.
    funds: Value,
    net: Devnet,
    /// What the dashboard's feed and `task list --watch` saw, when watched.
    dash: Option<Dash>,
}

/// What the dashboard's data path built while a scenario was played.
struct Dash {
    /// Its state at the end.
    app: gensyn_cli::tui::state::App,
    /// Every dispute stage it showed.
    stages: std::collections::BTreeSet<String>,
    /// `task list --watch --json`'s lines.
    list: Vec<Value>,
}

/// The dashboard's data path (`gensyn_cli::tui::data::feed`, its update
/// function) and `task list --watch --json` run beside a scenario.
struct Watcher {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    feed: std::thread::JoinHandle<(gensyn_cli::tui::state::App, std::collections::BTreeSet<String>)>,
    list: std::process::Child,
}

impl Watcher {
    fn start(net: &Devnet) -> Self {
        use gensyn_cli::tui::{data, state::App, update::update};
        let url = gensyn_cli::state::load(net.base.path()).expect("a running devnet").rpc_url;
        let cache = net.base.path().join("tui");
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let done = stop.clone();
        let feed = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
            rt.block_on(async move {
                let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
                let feed = tokio::spawn(data::feed(url.clone(), std::time::Duration::from_millis(500), cache, tx));
                let mut app = App::new(&url);
                let mut stages = std::collections::BTreeSet::new();
                while !done.load(std::sync::atomic::Ordering::SeqCst) {
                    let Ok(Some(msg)) = tokio::time::timeout(std::time::Duration::from_millis(100), rx.recv()).await else {
                        continue;
                    };
                    update(&mut app, msg);
                    for v in &app.snap.tasks {
                        stages.extend(v.disputes.iter().map(|(_, d)| gensyn_cli::query::stage_name(&d.stage)));
                    }
                }
                // The last read, from after the scenario's end.
                let until = std::time::Instant::now() + std::time::Duration::from_secs(5);
                while let Ok(Some(msg)) = tokio::time::timeout(std::time::Duration::from_secs(3), rx.recv()).await {
                    update(&mut app, msg);
                    let ended = app.snap.tasks.iter().all(|v| v.disputes.iter().all(|(_, d)| {
                        matches!(d.stage, pallet_gensyn::Stage::Resolved { .. })
                    }));
                    if ended || std::time::Instant::now() > until {
                        break;
                    }
                }
                feed.abort();
                (app, stages)
            })
        });
        let list = spawn(net, &["task", "list", "--watch", "--json"]);
        Watcher { stop, feed, list }
    }

    fn stop(mut self) -> Dash {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
        let (app, stages) = self.feed.join().expect("the feed thread ends");
        let _ = self.list.kill();
        let out = self.list.wait_with_output().unwrap();
        let list = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).expect("one JSON document per line"))
            .collect();
        Dash { app, stages, list }
    }
}

fn total(net: &Devnet, who: &str) -> i128 {
    let a = net.run(&["account", who, "--json"]).ok_json();
    let held: i128 =
        a["holds"].as_array().unwrap().iter().map(|h| h["amount"].as_str().unwrap().parse::<i128>().unwrap()).sum();
    a["free"].as_str().unwrap().parse::<i128>().unwrap() + held
}

fn best(net: &Devnet) -> u64 {
    net.run(&["devnet", "status", "--json"]).ok_json()["best"]["number"].as_u64().unwrap()
}

/// Waits until the chain has produced `n` more blocks.
fn blocks(net: &Devnet, n: u64) {
    let start = best(net);
    while best(net) < start + n {
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

/// Starts a timer devnet, stakes charlie (solver), dave (verifier) and eve
/// (whistleblower), runs the cast's agents with `--once`, submits the tiny
/// fixture as alice, and waits for every agent to exit.
fn play(cast: Cast) -> Played {
    play_task(cast, TINY)
}

/// [`play`] with the task spec at `spec`.
fn play_task(cast: Cast, spec: &str) -> Played {
    play_watched(cast, spec, false)
}

/// [`play_task`], with the dashboard's feed watching if `watch`.
fn play_watched(cast: Cast, spec: &str, watch: bool) -> Played {
    let net = Devnet { base: tempfile::tempdir().unwrap() };
    net.run(&["devnet", "up", "--rpc-port", "0", "--block-time", "200", "--json"]).ok_json();
    let watcher = watch.then(|| Watcher::start(&net));
    net.run(&["stake", "--role", "solver", "--amount", "1000", "--as", "charlie", "--json"]).ok_json();
    net.run(&["stake", "--role", "verifier", "--amount", "500", "--as", "dave", "--json"]).ok_json();
    net.run(&["stake", "--role", "whistleblower", "--amount", "100", "--as", "eve", "--json"]).ok_json();
    let who = ["alice", "charlie", "dave", "eve"];
    let before: Vec<i128> = who.iter().map(|w| total(&net, w)).collect();
    let dirs: Vec<tempfile::TempDir> = (0..3).map(|_| tempfile::tempdir().unwrap()).collect();
    let mut agents = Vec::new();
    let roles: [(&str, &str, Option<Option<&str>>); 3] = [
        ("solve", "charlie", cast.solver.map(Some).or(Some(None))),
        ("verify", "dave", cast.verifier),
        ("whistle", "eve", cast.whistleblower),
    ];
    for (i, (cmd, name, cheat)) in roles.into_iter().enumerate() {
        let Some(cheat) = cheat else { continue };
        let mut args = vec![cmd, "--once", "--as", name, "--json", "--data-dir", dirs[i].path().to_str().unwrap()];
        if let Some(c) = cheat {
            args.extend(["--cheat", c]);
        }
        agents.push(spawn(&net, &args));
    }
    // Keys count ten blocks after they are registered.
    blocks(&net, 18);
    net.run(&["submit", spec, "--fee", "20", "--deadline", "600", "--as", "alice", "--json"]).ok_json();
    let started = std::time::Instant::now();
    let mut outs: Vec<Option<std::process::Output>> = agents.iter().map(|_| None).collect();
    let mut agents: Vec<Option<std::process::Child>> = agents.into_iter().map(Some).collect();
    while outs.iter().any(Option::is_none) {
        for (i, a) in agents.iter_mut().enumerate() {
            if a.as_mut().is_some_and(|c| c.try_wait().unwrap().is_some()) {
                outs[i] = Some(a.take().unwrap().wait_with_output().unwrap());
            }
        }
        if started.elapsed().as_secs() > 400 {
            let mut seen = String::new();
            for a in agents.iter_mut().flatten() {
                let _ = a.kill();
                let o = a.try_wait();
                seen.push_str(&format!("{o:?}\n"));
            }
            let show = net.run(&["task", "show", "0"]).stdout;
            panic!("agents did not finish in 400 s:\n{show}");
        }
        std::thread::sleep(std::time::Duration::from_millis(300));
    }
    let logs = outs
        .into_iter()
        .map(|o| {
            let o = o.unwrap();
            let stdout = String::from_utf8_lossy(&o.stdout).into_owned();
            assert!(o.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&o.stderr));
            stdout.lines().map(|l| serde_json::from_str(l).expect("one JSON object per line")).collect()
        })
        .collect();
    let funds = net.run(&["funds", "--json"]).ok_json();
    assert_eq!(funds["reconciles"], true, "{funds}");
    let task = net.run(&["task", "show", "0", "--json"]).ok_json();
    let delta = who.iter().zip(before).map(|(w, b)| (*w, total(&net, w) - b)).collect();
    let dash = watcher.map(Watcher::stop);
    Played { logs, task, delta, funds, net, dash }
}

/// The dashboard's state, built live from the node while the game was
/// played, shows the game as it went and as it ended, and `task list
/// --watch --json` printed a line per change.
fn dashboard_followed_the_game(p: &Played) {
    use gensyn_cli::tui::state::Link;
    let dash = p.dash.as_ref().expect("watched");
    let app = &dash.app;
    assert_eq!(app.link, Link::Live);
    assert!(app.snap.best > 18 && app.snap.finalized > 0, "best #{} finalized #{}", app.snap.best, app.snap.finalized);
    let view = app.snap.tasks.iter().find(|v| v.id == 0).expect("task 0 on the dashboard");
    let (_, d) = &view.disputes[0];
    assert!(matches!(d.stage, pallet_gensyn::Stage::Resolved { outcome } if outcome.solver_convicted()), "{d:?}");
    // It saw the game under way, not only its end.
    assert!(dash.stages.contains("resolved"), "{:?}", dash.stages);
    assert!(dash.stages.iter().any(|s| s != "resolved"), "only the end was seen: {:?}", dash.stages);
    // It named the operators of the task's program, one per node.
    let ops = app.snap.ops.get(&0).expect("the disputed task's operators, from its program");
    let program_len = p.task["spec"]["program_len"].as_u64().unwrap() as usize;
    assert!(!ops.is_empty() && ops.len() <= program_len, "{} operators, program of {program_len}", ops.len());
    // Accounts with their stakes, and the pallet's events, decoded.
    // The honest verifier keeps its stake; the convicted solver was slashed.
    let dave = app.snap.accounts.iter().find(|a| a.name == "dave").expect("dave");
    assert!(dave.stakes.iter().any(|(r, active, _)| *r == pallet_gensyn::Role::Verifier && *active > 0), "{dave:?}");
    let charlie = app.snap.accounts.iter().find(|a| a.name == "charlie").expect("charlie");
    assert!(charlie.stakes.iter().all(|(_, active, _)| *active < 1_000 * UNIT as u128), "{charlie:?}");
    let names: Vec<&str> = app.events.iter().filter(|e| e.pallet == "Gensyn").map(|e| e.name.as_str()).collect();
    assert!(names.iter().any(|n| n.contains("Dispute")), "{names:?}");
    // `task list --watch --json`: one line per change, each differing from the last.
    let phases: Vec<&str> = dash.list.iter().filter_map(|l| l["tasks"][0]["phase"].as_str()).collect();
    // Every phase the task went through, in order, ending where `task show` ends.
    assert_eq!(phases.first(), Some(&"solver_selection"), "{phases:?}");
    assert_eq!(phases.last().copied(), p.task["phase"].as_str(), "{phases:?}");
    assert!(phases.len() >= 6, "{phases:?}");
    assert!(dash.list.windows(2).all(|w| w[0]["tasks"] != w[1]["tasks"]), "a line without a change");
}

/// What a forced-error round may add to a right party's pay: its share of
/// the jackpot (one round in twenty on the devnet, drawn from randomness a
/// test cannot choose), at most 60 GSN on the tiny task; nothing otherwise.
fn forced_extra(p: &Played) -> i128 {
    if p.task["audit"]["forced"] == true {
        60 * UNIT
    } else {
        0
    }
}

fn names(log: &[Value]) -> Vec<&str> {
    log.iter().map(|e| e["event"].as_str().unwrap()).collect()
}

/// The one `game_ended` line of a log.
fn game_end(log: &[Value]) -> &Value {
    let ends: Vec<&Value> = log.iter().filter(|e| e["event"] == "game_ended").collect();
    assert_eq!(ends.len(), 1, "{log:?}");
    ends[0]
}

/// A solver that cheats is convicted by arbitration: its collateral for the
/// task (twice the fee, at least the 1000 GSN minimum stake) is slashed,
/// half to the whistleblower that won, a quarter to the jackpot, the rest
/// burned; the fee goes back to the submitter.
fn convicted(p: &Played, stage: &str) {
    assert_eq!(p.task["phase"], "cancelled", "{}", p.task);
    assert_eq!(p.task["cancel_reason"], "solver_convicted", "{}", p.task);
    let solver = game_end(&p.logs[0]);
    assert_eq!(solver["won"], false);
    assert!(solver["outcome"].as_str().unwrap().starts_with("Arbitrated { defender_right: false"), "{solver}");
    // The honest whistleblower played every round and won.
    let w = &p.logs[2];
    assert_eq!(game_end(w)["won"], true, "{w:?}");
    assert!(names(w).contains(&"moved"), "{w:?}");
    // Somebody requested the arbitration at the expected stage.
    let arbitrated: Vec<&Value> = p.logs.iter().flatten().filter(|e| e["event"] == "arbitrated").collect();
    assert!(!arbitrated.is_empty() && arbitrated.iter().all(|e| e["stage"] == stage), "{arbitrated:?}");
    // Slashed: 1000 GSN (and its transaction fees).
    assert!(p.delta["charlie"] < -1000 * UNIT && p.delta["charlie"] > -1001 * UNIT, "{:?}", p.delta);
    // The whistleblower gains half the slash, less its check's ticket and fees.
    assert!(p.delta["eve"] > 499 * UNIT && p.delta["eve"] < 500 * UNIT, "{:?}", p.delta);
    // The submitter is refunded: it pays transaction fees only.
    assert!(p.delta["alice"] > -UNIT && p.delta["alice"] < 0, "{:?}", p.delta);
    let _ = &p.net;
}

#[test]
fn a_solver_with_a_wrong_state_is_convicted_by_arbitration_of_one_operator() {
    // Watched by the dashboard's data path as it is played.
    let cast = Cast { solver: Some("wrong-state@13"), verifier: Some(None), whistleblower: Some(None) };
    let p = play_watched(cast, TINY, true);
    convicted(&p, "arbitration");
    dashboard_followed_the_game(&p);
    let d = &p.task["disputes"][0];
    assert_eq!(d["winner"], "challenger", "{}", p.task);
    // Within the bound: 10 steps in the segment, a program of 22 nodes whose
    // outputs all fit one tile.
    let bound = pallet_gensyn::dispute::max_rounds(10, p.task["spec"]["program_len"].as_u64().unwrap() as u32, 1, 0);
    let rounds = d["rounds"].as_u64().unwrap() as u32;
    assert!(rounds > 4 && rounds <= bound, "{rounds} rounds against a bound of {bound}");
    // By hand, on a game that is over or does not exist: one line, non-zero.
    let dir = tempfile::tempdir().unwrap();
    let by_hand = |id: &str| p.net.run(&["arbitrate", id, "--as", "ferdie", "--json", "--data-dir", dir.path().to_str().unwrap()]);
    let over = by_hand("0");
    assert_eq!(over.code, 2, "{}", over.stdout);
    assert!(over.json()["error"]["message"].as_str().unwrap().contains("already resolved"), "{}", over.stdout);
    let unknown = by_hand("99");
    assert_eq!((unknown.code, unknown.json()["error"]["kind"].as_str()), (1, Some("not_found")), "{}", unknown.stdout);
}

#[test]
fn a_solver_trained_on_another_batch_is_convicted_at_the_batch_row() {
    let p = play(Cast { solver: Some("wrong-batch@15"), verifier: Some(None), whistleblower: Some(None) });
    convicted(&p, "example");
}

#[test]
fn a_solver_that_commits_another_state_after_an_honest_step_is_convicted_by_arbitration() {
    let p = play(Cast { solver: Some("wrong-after@4"), verifier: Some(None), whistleblower: Some(None) });
    convicted(&p, "arbitration");
}

#[test]
fn a_solver_trained_on_other_data_is_convicted_at_the_batch_row() {
    let p = play(Cast { solver: Some("wrong-data"), verifier: Some(None), whistleblower: Some(None) });
    convicted(&p, "example");
}

/// A solver that wins the draw and never commits loses its collateral on
/// the training deadline; the submitter gets its fee back.
#[test]
fn a_silent_solver_loses_its_collateral_on_the_deadline() {
    let p = play(Cast { solver: Some("silent"), verifier: None, whistleblower: None });
    assert_eq!(p.task["phase"], "cancelled", "{}", p.task);
    assert!(p.delta["charlie"] < -1000 * UNIT && p.delta["charlie"] > -1001 * UNIT, "{:?}", p.delta);
    assert!(p.delta["alice"] > -UNIT && p.delta["alice"] < 0, "{:?}", p.delta);
}

/// A verifier that is drawn and never posts its verdict loses its
/// collateral on the verdict deadline; the honest solver still comes out ahead.
#[test]
fn a_silent_verifier_loses_its_collateral_on_the_deadline() {
    let p = play(Cast { solver: None, verifier: Some(Some("silent")), whistleblower: None });
    assert!(p.task["phase"] == "cancelled" || p.task["phase"] == "finalized", "{}", p.task);
    assert!(p.delta["dave"] < -500 * UNIT && p.delta["dave"] > -501 * UNIT, "{:?}", p.delta);
    assert!(p.delta["charlie"] > 0, "{:?}", p.delta);
}

#[test]
fn a_lazy_verifier_loses_its_game_and_the_honest_solver_is_paid() {
    let p = play(Cast { solver: None, verifier: Some(Some("lazy")), whistleblower: None });
    assert_eq!(p.task["phase"], "finalized", "{}", p.task);
    let v = game_end(&p.logs[1]);
    assert_eq!(v["won"], false, "{v}");
    assert!(v["outcome"].as_str().unwrap().contains("loser: Challenger, timeout: true"), "{v}");
    assert_eq!(game_end(&p.logs[0])["won"], true);
    // The lazy verifier loses its collateral for the task (the 500 GSN
    // minimum verifier stake), half of it to the solver, which made every
    // move it owed; the solver is also paid for the task.
    assert!(p.delta["dave"] < -500 * UNIT && p.delta["dave"] > -501 * UNIT, "{:?}", p.delta);
    let extra = forced_extra(&p);
    assert!(p.delta["charlie"] > 265 * UNIT && p.delta["charlie"] < 270 * UNIT + extra, "{:?}", p.delta);
    // `funds --json`'s shape, amounts aside.
    let mut f = p.funds.clone();
    for k in ["total_issuance", "sum_of_balances", "jackpot", "accounts"] {
        f[k] = "<amount>".into();
    }
    for m in ["held", "owed"] {
        f[m].as_object_mut().unwrap().values_mut().for_each(|v| *v = "<amount>".into());
    }
    snapshot_settings().bind(|| insta::assert_snapshot!("json__funds", shape(&f)));
}

#[test]
fn a_false_whistle_loses_its_bond_at_arbitration() {
    let p = play(Cast { solver: None, verifier: Some(None), whistleblower: Some(Some("false")) });
    assert_eq!(p.task["phase"], "finalized", "{}", p.task);
    let w = game_end(&p.logs[2]);
    assert_eq!(w["won"], false, "{w}");
    assert!(w["outcome"].as_str().unwrap().contains("challenger_right: false"), "{w}");
    // The 50 GSN bond is lost, half of it to the solver, which is also paid.
    assert!(p.delta["eve"] < -50 * UNIT && p.delta["eve"] > -51 * UNIT, "{:?}", p.delta);
    let extra = forced_extra(&p);
    assert!(p.delta["charlie"] > 40 * UNIT && p.delta["charlie"] < 41 * UNIT + extra, "{:?}", p.delta);
}

#[test]
fn a_withholding_solver_cannot_open_and_loses_its_stake() {
    let p = play(Cast { solver: Some("withhold"), verifier: Some(None), whistleblower: None });
    assert_eq!(p.task["phase"], "cancelled", "{}", p.task);
    assert!(names(&p.logs[0]).contains(&"refused_by_chain"), "{:?}", p.logs[0]);
    // Its collateral for the task is slashed (no challenger to share it).
    assert!(p.delta["charlie"] < -1000 * UNIT && p.delta["charlie"] > -1001 * UNIT, "{:?}", p.delta);
    assert!(p.delta["alice"] > -UNIT, "the submitter is refunded: {:?}", p.delta);
}

/// A solver that skips its second segment: checkpoint 1 holds the state
/// after step 10 but says step 20, and checkpoint 2 is that same state. An
/// honest checker does not replay from the step written in it (it would
/// replay nothing and agree); it proves the checkpoint misshapen, and the
/// solver is convicted without a game. Neither checker is punished.
#[test]
fn a_solver_that_skips_a_segment_is_convicted_by_the_step_its_checkpoint_says() {
    let p = play(Cast { solver: Some("skip@10"), verifier: Some(None), whistleblower: Some(None) });
    assert_eq!(p.task["phase"], "cancelled", "{}", p.task);
    assert_eq!(p.task["cancel_reason"], "solver_convicted", "{}", p.task);
    let proofs: Vec<&Value> = p.logs.iter().flatten().filter(|e| e["event"] == "proved_misshapen").collect();
    assert_eq!(proofs.len(), 1, "one proof lands, the other is refused: {:?}", p.logs);
    assert_eq!((proofs[0]["checkpoint"].as_u64(), proofs[0]["says_step"].as_u64()), (Some(1), Some(20)));
    assert!(p.delta["charlie"] < -1000 * UNIT && p.delta["charlie"] > -1001 * UNIT, "{:?}", p.delta);
    // The prover takes half the slash; the other checker loses at most its
    // check's ticket and transaction fees; the submitter is refunded.
    let (prover, other) = if names(&p.logs[1]).contains(&"proved_misshapen") { ("dave", "eve") } else { ("eve", "dave") };
    assert!(p.delta[prover] > 499 * UNIT, "{:?}", p.delta);
    assert!(p.delta[other] > -UNIT, "{:?}", p.delta);
    assert!(p.delta["alice"] > -UNIT && p.delta["alice"] < 0, "{:?}", p.delta);
}

/// Reads a child's stdout lines on a thread, as they come.
fn lines_of(child: &mut std::process::Child) -> std::sync::mpsc::Receiver<Value> {
    use std::io::BufRead;
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for l in std::io::BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Ok(v) = serde_json::from_str(&l) {
                let _ = tx.send(v);
            }
        }
    });
    rx
}

#[test]
fn a_whistleblower_killed_after_its_check_is_restarted_and_still_convicts_the_solver() {
    let net = Devnet { base: tempfile::tempdir().unwrap() };
    net.run(&["devnet", "up", "--rpc-port", "0", "--block-time", "200", "--json"]).ok_json();
    net.run(&["stake", "--role", "solver", "--amount", "1000", "--as", "charlie", "--json"]).ok_json();
    net.run(&["stake", "--role", "verifier", "--amount", "500", "--as", "dave", "--json"]).ok_json();
    net.run(&["stake", "--role", "whistleblower", "--amount", "100", "--as", "eve", "--json"]).ok_json();
    let dirs: Vec<tempfile::TempDir> = (0..3).map(|_| tempfile::tempdir().unwrap()).collect();
    let d = |i: usize| dirs[i].path().to_str().unwrap().to_string();
    let (d0, d1, d2) = (d(0), d(1), d(2));
    let solver =
        spawn(&net, &["solve", "--once", "--as", "charlie", "--json", "--data-dir", &d0, "--cheat", "wrong-state@13"]);
    let verifier = spawn(&net, &["verify", "--once", "--as", "dave", "--json", "--data-dir", &d1]);
    let whistle_args = ["whistle", "--once", "--as", "eve", "--json", "--data-dir", &d2];
    let mut first = spawn(&net, &whistle_args);
    let seen = lines_of(&mut first);
    blocks(&net, 18);
    net.run(&["submit", TINY, "--fee", "20", "--deadline", "600", "--as", "alice", "--json"]).ok_json();
    // Killed as soon as its blind check is on chain, before it reveals.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(200);
    loop {
        let e = seen.recv_timeout(deadline - std::time::Instant::now()).expect("the whistleblower checks the task");
        if e["event"] == "checked" {
            break;
        }
    }
    first.kill().unwrap();
    first.wait().unwrap();
    let second = spawn(&net, &whistle_args);
    let started = std::time::Instant::now();
    let mut agents = vec![Some(solver), Some(verifier), Some(second)];
    let mut outs: Vec<Option<std::process::Output>> = vec![None, None, None];
    while outs.iter().any(Option::is_none) {
        for (i, a) in agents.iter_mut().enumerate() {
            if a.as_mut().is_some_and(|c| c.try_wait().unwrap().is_some()) {
                outs[i] = Some(a.take().unwrap().wait_with_output().unwrap());
            }
        }
        if started.elapsed().as_secs() > 300 {
            for a in agents.iter_mut().flatten() {
                let _ = a.kill();
            }
            panic!("agents did not finish: {}", net.run(&["task", "show", "0"]).stdout);
        }
        std::thread::sleep(std::time::Duration::from_millis(300));
    }
    let log: Vec<Value> = String::from_utf8_lossy(&outs[2].take().unwrap().stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let n = names(&log);
    assert_eq!(n[..2], ["watching", "resumed"], "{log:?}");
    assert!(n.contains(&"revealed") && n.contains(&"moved"), "{log:?}");
    assert_eq!(game_end(&log)["won"], true, "{log:?}");
    let task = net.run(&["task", "show", "0", "--json"]).ok_json();
    assert_eq!(task["cancel_reason"], "solver_convicted", "{task}");
    assert_eq!(net.run(&["funds", "--json"]).ok_json()["reconciles"], true);
}

#[test]
fn agents_wait_for_a_stopped_node_and_take_the_task_to_its_end() {
    let net = Devnet { base: tempfile::tempdir().unwrap() };
    let up = ["devnet", "up", "--rpc-port", "0", "--block-time", "200", "--json"];
    net.run(&up).ok_json();
    net.run(&["stake", "--role", "solver", "--amount", "1000", "--as", "charlie", "--json"]).ok_json();
    net.run(&["stake", "--role", "verifier", "--amount", "500", "--as", "dave", "--json"]).ok_json();
    let dirs: Vec<tempfile::TempDir> = (0..2).map(|_| tempfile::tempdir().unwrap()).collect();
    let (d0, d1) = (dirs[0].path().to_str().unwrap(), dirs[1].path().to_str().unwrap());
    let mut solver = spawn(&net, &["solve", "--once", "--as", "charlie", "--json", "--data-dir", d0]);
    let verifier = spawn(&net, &["verify", "--once", "--as", "dave", "--json", "--data-dir", d1]);
    let seen = lines_of(&mut solver);
    blocks(&net, 18);
    net.run(&["submit", TINY, "--fee", "20", "--deadline", "600", "--as", "alice", "--json"]).ok_json();
    // The node stops once the solver has committed, and comes back (on
    // another port: the agents find it through the devnet's state file).
    let mut log = Vec::new();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(200);
    while !log.iter().any(|e: &Value| e["event"] == "committed") {
        log.push(seen.recv_timeout(deadline - std::time::Instant::now()).expect("the solver commits"));
    }
    net.run(&["devnet", "down", "--json"]).ok_json();
    std::thread::sleep(std::time::Duration::from_secs(3));
    net.run(&up).ok_json();
    let mut agents = [Some(solver), Some(verifier)];
    let started = std::time::Instant::now();
    while agents.iter().any(Option::is_some) {
        for a in agents.iter_mut() {
            if a.as_mut().is_some_and(|c| c.try_wait().unwrap().is_some()) {
                let status = a.take().unwrap().wait().unwrap();
                assert!(status.success(), "an agent exited with {status}");
            }
        }
        assert!(started.elapsed().as_secs() < 300, "agents did not finish: {}", net.run(&["task", "show", "0"]).stdout);
        std::thread::sleep(std::time::Duration::from_millis(300));
    }
    while let Ok(e) = seen.try_recv() {
        log.push(e);
    }
    let n = names(&log);
    assert!(n.contains(&"disconnected") && n.contains(&"reconnected"), "{log:?}");
    assert_eq!(n.last(), Some(&"ended"), "{log:?}");
    let task = net.run(&["task", "show", "0", "--json"]).ok_json();
    assert_eq!(task["phase"], "finalized", "{task}");
    assert_eq!(net.run(&["funds", "--json"]).ok_json()["reconciles"], true);
}

/// A task whose data is a CSV file on the submitter's machine: the agents
/// get its examples from the store, write the file the spec names into
/// their task folders, reproduce every commitment from it, and take the
/// task to its payment.
#[test]
fn a_task_read_from_a_csv_file_is_trained_audited_and_paid() {
    let rings = concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/rings-csv.toml");
    let p = play_task(Cast { solver: None, verifier: Some(None), whistleblower: None }, rings);
    assert_eq!(p.task["phase"], "finalized", "{}", p.task);
    for log in &p.logs {
        assert!(!names(log).contains(&"refused"), "{log:?}");
    }
    assert!(p.delta["charlie"] > 0 && p.delta["dave"] > 0, "{:?}", p.delta);
}

/// A hostile (or careless) submitter's deadline leaves less time than the
/// training takes on this machine: the solver measures a step of the task
/// and the chain's block interval, and does not enter, so it cannot be
/// slashed for a deadline nobody could meet.
#[test]
fn a_solver_does_not_enter_a_task_whose_deadline_it_cannot_meet() {
    let net = Devnet { base: tempfile::tempdir().unwrap() };
    net.run(&["devnet", "up", "--rpc-port", "0", "--block-time", "200", "--json"]).ok_json();
    net.run(&["stake", "--role", "solver", "--amount", "1000", "--as", "charlie", "--json"]).ok_json();
    let specs = tempfile::tempdir().unwrap();
    let long = specs.path().join("blobs-long.toml");
    let text = std::fs::read_to_string(TINY).unwrap();
    let text = text.replace("steps = 20\n", "steps = 200000\n").replace("checkpoint_every = 10\n", "checkpoint_every = 100000\n");
    std::fs::write(&long, text).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut solver = spawn(&net, &["solve", "--as", "charlie", "--json", "--data-dir", dir.path().to_str().unwrap()]);
    let seen = lines_of(&mut solver);
    blocks(&net, 18);
    // 60 blocks of 200 ms: about 10 s to train after the draw.
    net.run(&["submit", long.to_str().unwrap(), "--fee", "20", "--deadline", "60", "--as", "alice", "--json"]).ok_json();
    let until = std::time::Instant::now() + std::time::Duration::from_secs(120);
    let refused = loop {
        let e = seen.recv_timeout(until - std::time::Instant::now()).expect("the solver looks at the task");
        assert_ne!(e["event"], "entered", "{e}");
        if e["event"] == "refused" {
            break e;
        }
    };
    // Ctrl-C: it says so and exits cleanly.
    let pid = solver.id().to_string();
    assert!(std::process::Command::new("kill").args(["-INT", &pid]).status().unwrap().success());
    let stopped = seen.recv_timeout(std::time::Duration::from_secs(30)).expect("the solver stops");
    assert_eq!(stopped["event"], "stopped", "{stopped}");
    assert!(solver.wait().unwrap().success());
    let why = refused["reason"].as_str().unwrap();
    assert!(why.contains("200000 steps") && why.contains("blocks"), "{why}");
    let task = net.run(&["task", "show", "0", "--json"]).ok_json();
    assert!(task["solver"].is_null(), "{task}");
}

/// A solver killed right after it entered the selection is started again:
/// it takes up its entry from the chain, reveals, wins, trains and is paid.
/// Without the resume it would not reveal, and the task would find no solver.
#[test]
fn a_solver_killed_after_entering_is_restarted_and_still_wins_and_is_paid() {
    let net = Devnet { base: tempfile::tempdir().unwrap() };
    net.run(&["devnet", "up", "--rpc-port", "0", "--block-time", "200", "--json"]).ok_json();
    net.run(&["stake", "--role", "solver", "--amount", "1000", "--as", "charlie", "--json"]).ok_json();
    net.run(&["stake", "--role", "verifier", "--amount", "500", "--as", "dave", "--json"]).ok_json();
    let dirs: Vec<tempfile::TempDir> = (0..2).map(|_| tempfile::tempdir().unwrap()).collect();
    let (d0, d1) = (dirs[0].path().to_str().unwrap(), dirs[1].path().to_str().unwrap());
    let solve = ["solve", "--once", "--as", "charlie", "--json", "--data-dir", d0];
    let mut first = spawn(&net, &solve);
    let seen = lines_of(&mut first);
    let verifier = spawn(&net, &["verify", "--once", "--as", "dave", "--json", "--data-dir", d1]);
    blocks(&net, 18);
    net.run(&["submit", TINY, "--fee", "20", "--deadline", "600", "--as", "alice", "--json"]).ok_json();
    let until = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while seen.recv_timeout(until - std::time::Instant::now()).expect("the solver enters")["event"] != "entered" {}
    first.kill().unwrap();
    first.wait().unwrap();
    let mut second = spawn(&net, &solve);
    let log = lines_of(&mut second);
    let mut agents = [Some(second), Some(verifier)];
    let started = std::time::Instant::now();
    while agents.iter().any(Option::is_some) {
        for a in agents.iter_mut() {
            if a.as_mut().is_some_and(|c| c.try_wait().unwrap().is_some()) {
                assert!(a.take().unwrap().wait().unwrap().success());
            }
        }
        assert!(started.elapsed().as_secs() < 300, "agents did not finish: {}", net.run(&["task", "show", "0"]).stdout);
        std::thread::sleep(std::time::Duration::from_millis(300));
    }
    let events: Vec<Value> = log.try_iter().collect();
    let n = names(&events);
    assert!(n.contains(&"resumed") && n.contains(&"revealed") && n.contains(&"committed"), "{events:?}");
    assert!(!n.contains(&"entered"), "it does not enter twice: {events:?}");
    let task = net.run(&["task", "show", "0", "--json"]).ok_json();
    assert_eq!(task["phase"], "finalized", "{task}");
    assert_eq!(net.run(&["funds", "--json"]).ok_json()["reconciles"], true);
}
