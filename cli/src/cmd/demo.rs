//! `gensyn demo [--scenario honest|cheating-solver|lazy-verifier|all]`: the
//! protocol end to end on the devnet. It starts a timer devnet if none runs,
//! stakes charlie (solver), dave (verifier) and eve (whistleblower), and for
//! each scenario runs the three agents (one of them cheating), submits the
//! small fixture task as alice, follows it to its end and prints what
//! happened: the phases, the games and their rounds, who was slashed and
//! paid, and a balance table whose changes add up to the burn.

use crate::{
    accounts,
    amount::format_tokens,
    args::{DemoArgs, GlobalArgs, Scenario},
    chain::Chain,
    error::CliError,
    output::Output,
    query,
};
use gensyn_runtime::Balance;
use pallet_gensyn::Stage;
use serde_json::{json, Value};
use std::{
    io::BufRead,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

/// The task every scenario submits (its dataset is generated, so the spec
/// is all it needs).
const FIXTURE: &str = include_str!("../../../fixtures/blobs-tiny.toml");

/// Who plays how in one scenario: the solver's, verifier's and
/// whistleblower's `--cheat`, if any.
fn cast(s: Scenario) -> [Option<&'static str>; 3] {
    match s {
        Scenario::Honest | Scenario::All => [None, None, None],
        Scenario::CheatingSolver => [Some("wrong-state@13"), None, None],
        Scenario::LazyVerifier => [None, Some("lazy"), None],
    }
}

fn name(s: Scenario) -> &'static str {
    match s {
        Scenario::Honest => "honest",
        Scenario::CheatingSolver => "cheating-solver",
        Scenario::LazyVerifier => "lazy-verifier",
        Scenario::All => "all",
    }
}

/// The accounts the table shows, by name.
const SHOWN: [&str; 4] = ["alice", "charlie", "dave", "eve"];

/// `gensyn` itself, run as a child with the same devnet.
struct Gensyn {
    exe: PathBuf,
    base: Vec<String>,
}

impl Gensyn {
    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(&self.exe);
        c.args(args).args(&self.base).env_remove("GENSYN_JSON");
        c
    }
    /// Runs to completion; its one JSON document on success.
    fn json(&self, args: &[&str]) -> Result<Value, CliError> {
        let mut all = args.to_vec();
        all.push("--json");
        let o = self.command(&all).stdin(Stdio::null()).output()?;
        let doc: Value = serde_json::from_slice(&o.stdout).unwrap_or(Value::Null);
        if !o.status.success() {
            let msg = doc["error"]["message"]
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| String::from_utf8_lossy(&o.stderr).lines().last().unwrap_or("failed").to_string());
            return Err(CliError::other(format!("gensyn {}: {msg}", args.join(" "))));
        }
        Ok(doc)
    }
}

/// Every shown account's total balance (free and held), the jackpot's, and
/// the total issuance.
async fn balances(chain: &Chain) -> Result<(Vec<Balance>, Balance, Balance, Balance), CliError> {
    let at = chain.best().await?.hash;
    let mut shown = Vec::new();
    for who in SHOWN {
        let a = accounts::resolve(who)?;
        let v = crate::cmd::account::read(chain, a, at).await?;
        shown.push(v.data.free + v.data.reserved);
    }
    let f = crate::funds::read(chain, Some(at)).await?;
    if !f.reconciles() {
        return Err(CliError::Mismatch(format!("the chain's funds do not reconcile: {}", f.json())));
    }
    Ok((shown, f.jackpot, f.balances, f.issuance))
}

/// `gensyn demo`
pub async fn run(args: DemoArgs, global: &GlobalArgs, out: &Output) -> Result<(), CliError> {
    let exe = std::env::current_exe()?;
    let base = super::base_path(global);
    let g = Gensyn { exe, base: vec!["--base-path".into(), base.display().to_string()] };
    let say = |line: String| {
        if !out.json() {
            println!("{line}");
        }
    };
    // A devnet whose blocks come on a timer: windows must pass by themselves.
    match crate::state::load(&base) {
        Some(st) if super::connect(global).await.is_ok() => {
            if st.block_time_ms.is_none() && !st.is_pos() {
                return Err(CliError::Usage(
                    "the running devnet seals a block per transaction, so no window passes unless someone mines; \
                     the demo needs blocks on a timer: `gensyn devnet down`, then `gensyn demo`"
                        .into(),
                ));
            }
            let ms = st.block_time_ms.unwrap_or(gensyn_runtime::consensus::SLOT_DURATION_MS);
            let kind = if st.is_pos() { format!("{} validators, BABE", st.validators.len()) } else { "timer".into() };
            say(format!("devnet: running at {} ({ms} ms blocks, {kind})", st.rpc_url));
        }
        _ => {
            let up = g.json(&["devnet", "up", "--block-time", &args.block_time.to_string()])?;
            say(format!(
                "devnet: started at {} ({} ms blocks)",
                up["rpc_url"].as_str().unwrap_or("?"),
                args.block_time
            ));
        }
    }
    let chain = super::connect(global).await?;
    let work = tempfile_dir()?;
    let fixture = work.join("blobs-tiny.toml");
    std::fs::write(&fixture, FIXTURE)?;
    let scenarios = match args.scenario {
        Scenario::All => vec![Scenario::Honest, Scenario::CheatingSolver, Scenario::LazyVerifier],
        s => vec![s],
    };
    let mut docs = Vec::new();
    for (i, s) in scenarios.into_iter().enumerate() {
        say(format!("\n== scenario {}: {}", name(s), describe(s)));
        stake(&g, &chain, &say).await?;
        let doc = scenario(&g, &chain, &work, &fixture, s, i == 0, &say).await?;
        docs.push(doc);
    }
    let _ = std::fs::remove_dir_all(&work);
    if out.json() {
        println!("{}", json!({ "scenarios": docs }));
    }
    Ok(())
}

/// Stakes charlie, dave and eve up to what their roles need (a slashed
/// solver in the last scenario has nothing left).
async fn stake(g: &Gensyn, chain: &Chain, say: &impl Fn(String)) -> Result<(), CliError> {
    const UNIT: Balance = 1_000_000_000_000;
    for (role, amount, who) in [("solver", 1000, "charlie"), ("verifier", 500, "dave"), ("whistleblower", 100, "eve")] {
        let v = crate::cmd::account::read(chain, accounts::resolve(who)?, chain.best().await?.hash).await?;
        let active = v.stakes.iter().find(|(r, _)| r.as_str() == role).map_or(0, |(_, l)| l.active);
        if active < amount * UNIT {
            let top_up = (amount * UNIT - active).div_ceil(UNIT).to_string();
            g.json(&["stake", "--role", role, "--amount", &top_up, "--as", who])?;
            say(format!("staked {top_up} GSN as {role} for {who}"));
        }
    }
    Ok(())
}

fn describe(s: Scenario) -> &'static str {
    match s {
        Scenario::Honest => "every party honest; the task is paid",
        Scenario::CheatingSolver => "the solver flips a bit of its state after step 13; the whistleblower convicts it",
        Scenario::LazyVerifier => {
            "the verifier posts the opened starts as its ends without replaying; it loses its game"
        }
        Scenario::All => "",
    }
}

fn tempfile_dir() -> Result<PathBuf, CliError> {
    let dir = std::env::temp_dir().join(format!("gensyn-demo-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// An agent's JSON lines so far, read on a thread of its own.
type Lines = std::sync::Arc<std::sync::Mutex<Vec<Value>>>;

fn collect(child: &mut Child) -> Lines {
    let stdout = child.stdout.take().expect("piped");
    let lines: Lines = Default::default();
    let sink = lines.clone();
    std::thread::spawn(move || {
        for l in std::io::BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Ok(v) = serde_json::from_str(&l) {
                sink.lock().expect("not poisoned").push(v);
            }
        }
    });
    lines
}

#[allow(clippy::too_many_arguments)]
async fn scenario(
    g: &Gensyn,
    chain: &Chain,
    work: &Path,
    fixture: &Path,
    s: Scenario,
    first: bool,
    say: &impl Fn(String),
) -> Result<Value, CliError> {
    let (before, jackpot0, all0, issuance0) = balances(chain).await?;
    let cheats = cast(s);
    let mut agents: Vec<(Child, Lines)> = Vec::new();
    for (i, (cmd, who)) in [("solve", "charlie"), ("verify", "dave"), ("whistle", "eve")].into_iter().enumerate() {
        let dir = work.join(format!("{}-{cmd}", name(s)));
        let dir = dir.display().to_string();
        let mut a = vec![cmd, "--once", "--json", "--as", who, "--data-dir", &dir];
        if let Some(c) = cheats[i] {
            a.extend(["--cheat", c]);
        }
        // Its stderr in a file: why it stopped, should it stop.
        let errors = std::fs::File::create(work.join(format!("{}-{cmd}.stderr", name(s))))?;
        let mut child = g.command(&a).stdout(Stdio::piped()).stderr(errors).stdin(Stdio::null()).spawn()?;
        let lines = collect(&mut child);
        agents.push((child, lines));
    }
    // Every agent watches the chain before the task comes (its entry
    // window is short); new VRF keys count 10 blocks after registration.
    // Each registers its key first, a transaction: on a loaded machine with
    // finality on BABE's slots that can take a while, hence 120 s.
    let ready = Instant::now();
    while !agents.iter().all(|(_, l)| l.lock().expect("not poisoned").iter().any(|e| e["event"] == "watching")) {
        for (i, (child, _)) in agents.iter_mut().enumerate() {
            if let Ok(Some(status)) = child.try_wait() {
                let cmd = ["solve", "verify", "whistle"][i];
                let why = std::fs::read_to_string(work.join(format!("{}-{cmd}.stderr", name(s)))).unwrap_or_default();
                return Err(CliError::other(format!(
                    "the {cmd} agent stopped before watching ({status}): {}",
                    why.lines().last().unwrap_or("no message")
                )));
            }
        }
        if ready.elapsed() > Duration::from_secs(120) {
            return Err(CliError::Timeout("the agents did not start watching within 120 s".into()));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let start = chain.best().await?.number;
    let wait = if first { 12 } else { 1 };
    while chain.best().await?.number < start + wait {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let t0 = Instant::now();
    let sub =
        g.json(&["submit", &fixture.display().to_string(), "--fee", "20", "--deadline", "600", "--as", "alice"])?;
    let id = sub["task"].as_u64().ok_or_else(|| CliError::other("submit printed no task id"))?;
    let submitted_at = chain.best().await?.number;
    say(format!("alice submitted task {id} (20 GSN fee) at block #{submitted_at}"));
    // Follow it: one line per phase.
    let mut last = String::new();
    let mut timeline = Vec::new();
    let view = loop {
        let v = query::task(chain, id, None).await?;
        let phase = query::phase_name(&v.task.phase);
        if phase != last {
            let at = chain.best().await?.number;
            say(format!("  #{at:<5} +{:>5.1}s  {phase}", t0.elapsed().as_secs_f64()));
            timeline.push(json!({ "phase": phase, "block": at, "secs": t0.elapsed().as_secs_f64() }));
            last = phase;
        }
        if v.task.phase.is_over() {
            break v;
        }
        if t0.elapsed() > Duration::from_secs(600) {
            return Err(CliError::Timeout(format!("task {id} did not end in 10 minutes")));
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    };
    let ended_at = chain.best().await?.number;
    let took = t0.elapsed().as_secs_f64();
    // The agents exit once their part is done (one that never took part in
    // this task has nothing to finish: it is stopped).
    let mut logs = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(20);
    for (mut child, lines) in agents {
        while child.try_wait()?.is_none() && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        let _ = child.kill();
        let _ = child.wait();
        logs.push(std::mem::take(&mut *lines.lock().expect("not poisoned")));
    }
    let outcome = query::cancel_reason(&view.task.phase).map_or("paid".to_string(), |r| format!("cancelled: {r}"));
    say(format!("task {id} ended ({outcome}) after {} blocks, {:.0} s", ended_at - submitted_at, took));
    let mut games = Vec::new();
    for (gid, d) in &view.disputes {
        let who =
            |a| accounts::resolve(&accounts::ss58(a)).ok().and_then(|a| a.name).unwrap_or_else(|| accounts::ss58(a));
        let (winner, how) = match &d.stage {
            Stage::Resolved { outcome } => {
                let w = if outcome.solver_convicted() { who(&d.challenger) } else { who(&d.defender) };
                (w, format!("{outcome:?}"))
            }
            s => ("-".into(), query::stage_name(s)),
        };
        let arbitrated = logs.iter().flatten().any(|e| e["event"] == "arbitrated" && e["dispute"] == json!(gid));
        say(format!(
            "  game {gid}: {} (solver) vs {} ({}) on segment {}: {} rounds{}, won by {winner} — {how}",
            who(&d.defender),
            who(&d.challenger),
            query::snake(&format!("{:?}", d.challenger_kind)),
            d.segment,
            d.rounds,
            if arbitrated { ", arbitrated by the runtime" } else { "" },
        ));
        games
            .push(json!({ "id": gid, "rounds": d.rounds, "winner": winner, "outcome": how, "arbitrated": arbitrated }));
    }
    let (after, jackpot1, all1, issuance1) = balances(chain).await?;
    // The table: every shown account, the jackpot, everyone else; the
    // changes sum to the change in issuance (what was burned).
    let d = |a: Balance, b: Balance| a as i128 - b as i128;
    let fmt = |v: i128| {
        if v < 0 {
            format!("-{}", format_tokens((-v) as u128))
        } else {
            format!("+{}", format_tokens(v as u128))
        }
    };
    let shown_before: Balance = before.iter().sum::<Balance>() + jackpot0;
    let shown_after: Balance = after.iter().sum::<Balance>() + jackpot1;
    let mut rows = Vec::new();
    for (i, who) in SHOWN.iter().enumerate() {
        rows.push((who.to_string(), before[i], after[i]));
    }
    rows.push(("jackpot".into(), jackpot0, jackpot1));
    rows.push(("others".into(), all0 - shown_before, all1 - shown_after));
    say(format!("  {:<10} {:>22} {:>22} {:>18}", "account", "before", "after", "change"));
    let mut table = Vec::new();
    for (who, b, a) in &rows {
        say(format!("  {:<10} {:>22} {:>22} {:>18}", who, format_tokens(*b), format_tokens(*a), fmt(d(*a, *b))));
        table.push(
            json!({ "account": who, "before": b.to_string(), "after": a.to_string(), "change": d(*a, *b).to_string() }),
        );
    }
    let sum: i128 = rows.iter().map(|(_, b, a)| d(*a, *b)).sum();
    let burned = d(issuance0, issuance1);
    say(format!(
        "  {:<10} {:>22} {:>22} {:>18}   = −burned ({} in transaction fees and slash burns); funds reconcile",
        "sum",
        "",
        "",
        fmt(sum),
        format_tokens(burned.max(0) as u128)
    ));
    if sum != -burned {
        return Err(CliError::Mismatch(format!("the balance changes ({sum}) do not add up to the burn ({burned})")));
    }
    Ok(json!({
        "scenario": name(s),
        "task": id,
        "phase": query::phase_name(&view.task.phase),
        "cancel_reason": query::cancel_reason(&view.task.phase),
        "blocks": ended_at - submitted_at,
        "timeline": timeline,
        "games": games,
        "balances": table,
        "burned": burned.to_string(),
        "reconciles": true,
        "agents": logs,
    }))
}
