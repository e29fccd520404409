//! `gensyn devnet up|status|logs|down|mine|stop-validator|start-validator`:
//! the local devnet's lifecycle — one instant-seal node, or (with
//! `--validators N`) a proof-of-stake network of N validators ([`pos`]).

mod membership;
mod pos;

use crate::{
    args::{DevnetCmd, DownArgs, GlobalArgs, LogsArgs, MineArgs, UpArgs},
    chain::Chain,
    error::CliError,
    output::Output,
    progress::Spinner,
    state::{self, DevnetState, LOG_FILE},
};
use serde_json::json;
use std::{
    io::{BufRead, Read, Seek, SeekFrom},
    net::TcpListener,
    path::Path,
    process::{Command, Stdio},
    time::{Duration, Instant},
};

/// Runs a `gensyn devnet` subcommand.
pub async fn run(cmd: DevnetCmd, global: &GlobalArgs, out: &Output) -> Result<(), CliError> {
    match cmd {
        DevnetCmd::Up(args) => up(args, global, out).await,
        DevnetCmd::Status => status(global, out).await,
        DevnetCmd::Logs(args) => logs(args, global, out).await,
        DevnetCmd::Down(args) => down(args, global, out).await,
        DevnetCmd::Mine(args) => mine(args, global, out).await,
        DevnetCmd::StopValidator(args) => pos::stop_validator(&args.name, &super::base_path(global), out).await,
        DevnetCmd::AddValidator(args) => membership::add(args, global, out).await,
        DevnetCmd::RemoveValidator(args) => membership::remove(args, global, out).await,
        DevnetCmd::Spec => pos::spec(&super::base_path(global)),
        DevnetCmd::StartValidator(args) => {
            pos::start_validator(&args.name, args.timeout, &super::base_path(global), out).await
        }
    }
}

/// Starts `gensyn devnet node ARGS…` in its own process group, its output
/// appended to `log_file`; returns its pid. The flags every devnet node
/// shares (database, pruning, loopback-only networking, RPC limits) are
/// added here.
fn spawn_node(args: &[String], log_file: &Path) -> Result<u32, CliError> {
    let log = std::fs::OpenOptions::new().create(true).append(true).open(log_file)?;
    let exe = std::env::current_exe()?;
    let mut cmd = Command::new(exe);
    cmd.args(["devnet", "node"])
        .args(args)
        .args(["--database", "paritydb"])
        .args(["--state-pruning", "archive", "--blocks-pruning", "archive"])
        .args(["--no-mdns", "--no-prometheus", "--no-telemetry"])
        .args(["--rpc-cors", "all"])
        // An artefact put is at most 16 MiB, sent as hex.
        .args(["--rpc-max-request-size", "40", "--rpc-max-response-size", "40"]);
    // Its own process group: a Ctrl-C aimed at this terminal must not stop it.
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let child = cmd
        .stdin(Stdio::null())
        .stdout(log.try_clone()?)
        .stderr(log)
        .spawn()
        .map_err(|e| CliError::other(format!("cannot start the node: {e}")))?;
    Ok(child.id())
}

/// The log filter the node runs with: quiet, except what tells the user where
/// the node listens and which blocks it seals.
const NODE_LOG_FILTER: &str = "warn,sc_rpc_server=info,sc_service=info,substrate=info,sc_consensus_manual_seal=info";

async fn up(args: UpArgs, global: &GlobalArgs, out: &Output) -> Result<(), CliError> {
    let base = super::base_path(global);
    std::fs::create_dir_all(&base)
        .map_err(|e| CliError::other(format!("cannot create base path {}: {e}", base.display())))?;
    let base = base.canonicalize()?;

    if let Some(st) = state::load(&base).filter(DevnetState::alive) {
        if args.fresh {
            return Err(CliError::Usage(format!(
                "the devnet in {} is running (pid {}); stop it with `gensyn devnet down` before using --fresh",
                base.display(),
                st.pid
            )));
        }
        if args.validators.is_some() != st.is_pos() {
            return Err(CliError::Usage(format!(
                "the devnet in {} runs {}; stop it with `gensyn devnet down` first",
                base.display(),
                if st.is_pos() { "as a PoS network" } else { "as the instant-seal node" }
            )));
        }
        let chain = Chain::connect(&st.rpc_url).await?;
        let best = chain.best().await?;
        out.emit(
            json!({
                "already_running": true, "pid": st.pid, "rpc_url": st.rpc_url, "rpc_port": st.rpc_port,
                "base_path": base, "log_file": st.log_file, "block_time_ms": st.block_time_ms,
                "best": best.json(), "genesis_hash": format!("{:?}", chain.genesis), "ready_ms": 0,
            }),
            || format!("devnet already running at {} (pid {}, block #{})", st.rpc_url, st.pid, best.number),
        );
        return Ok(());
    }

    if args.fresh {
        for dir in ["chains", "validators"] {
            match std::fs::remove_dir_all(base.join(dir)) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
                _ => {}
            }
        }
        let _ = std::fs::remove_file(base.join(LOG_FILE));
    }

    if let Some(n) = args.validators {
        return pos::up(n as usize, &args, &base, out).await;
    }

    let port = pick_port(args.rpc_port)?;
    let log_file = base.join(LOG_FILE);
    let log_start = std::fs::metadata(&log_file).map(|m| m.len()).unwrap_or(0);
    let mut node_args: Vec<String> = vec!["--chain".into(), "dev".into(), "--base-path".into()];
    node_args.push(base.display().to_string());
    node_args.extend(["--rpc-port".into(), port.to_string()]);
    node_args.extend(["--listen-addr".into(), "/ip4/127.0.0.1/tcp/0".into()]);
    node_args.extend(["--name".into(), "gensyn-devnet".into(), "--log".into(), NODE_LOG_FILTER.into()]);
    if let Some(ms) = args.block_time {
        node_args.extend(["--block-time".into(), ms.to_string()]);
    }
    let started = Instant::now();
    let pid = spawn_node(&node_args, &log_file)?;
    let rpc_url = format!("ws://127.0.0.1:{port}");
    let st = DevnetState {
        pid,
        rpc_port: port,
        rpc_url: rpc_url.clone(),
        base_path: base.clone(),
        log_file: log_file.clone(),
        block_time_ms: args.block_time,
        validators: Vec::new(),
    };
    state::save(&base, &st)?;

    let spinner = Spinner::start(out, format!("starting devnet node on {rpc_url}"));
    let deadline = started + Duration::from_secs(args.timeout);
    let (chain, finalized) = loop {
        if !st.alive() {
            let _ = state::clear(&base);
            return Err(CliError::other(format!(
                "the node exited during start-up; last log lines:\n{}",
                tail_from(&log_file, log_start, 12)
            )));
        }
        if Instant::now() > deadline {
            // SAFETY: plain signal delivery to the node we started.
            unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) };
            let _ = state::clear(&base);
            return Err(CliError::Timeout(format!(
                "the node was not ready within {}s; see {}",
                args.timeout,
                log_file.display()
            )));
        }
        if let Ok(chain) = Chain::connect(&rpc_url).await {
            spinner.set("waiting for the first block");
            if let Ok(fin) = chain.finalized().await {
                if fin.number >= 1 {
                    break (chain, fin);
                }
            }
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    };
    let ready_ms = started.elapsed().as_millis() as u64;
    drop(spinner);
    out.emit(
        json!({
            "already_running": false, "pid": st.pid, "rpc_url": rpc_url, "rpc_port": port,
            "base_path": base, "log_file": log_file, "block_time_ms": args.block_time,
            "best": finalized.json(), "genesis_hash": format!("{:?}", chain.genesis), "ready_ms": ready_ms,
        }),
        || {
            format!(
                "devnet up at {rpc_url} (pid {}, block #{}, ready in {:.1}s)\n  base path {}\n  logs      gensyn devnet logs -f",
                st.pid,
                finalized.number,
                ready_ms as f64 / 1000.0,
                base.display()
            )
        },
    );
    Ok(())
}

/// Asks node `pid` to stop (SIGTERM: a clean shutdown that flushes its
/// database).
fn terminate(pid: u32) {
    // SAFETY: plain signal delivery to a node we started.
    unsafe { libc::kill(pid as libc::pid_t, libc::SIGTERM) };
}

/// Waits until `alive` says node `pid` is gone, killing it once `deadline`
/// passes; returns whether it had to be killed.
async fn wait_gone(pid: u32, alive: impl Fn() -> bool, deadline: Instant) -> bool {
    let mut killed = false;
    while alive() {
        if Instant::now() > deadline && !killed {
            // SAFETY: as in `terminate`.
            unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) };
            killed = true;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    killed
}

/// Checks that `port` is free on 127.0.0.1; 0 picks a free one.
fn pick_port(port: u16) -> Result<u16, CliError> {
    match TcpListener::bind(("127.0.0.1", port)) {
        Ok(l) => Ok(l.local_addr()?.port()),
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => Err(CliError::PortInUse(port)),
        Err(e) => Err(CliError::other(format!("cannot bind 127.0.0.1:{port}: {e}"))),
    }
}

/// The last `n` lines of `path` written after byte `from`.
fn tail_from(path: &Path, from: u64, n: usize) -> String {
    let mut s = String::new();
    if let Ok(mut f) = std::fs::File::open(path) {
        let _ = f.seek(SeekFrom::Start(from));
        let _ = f.read_to_string(&mut s);
    }
    let lines: Vec<&str> = s.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

async fn status(global: &GlobalArgs, out: &Output) -> Result<(), CliError> {
    let base = super::base_path(global);
    let st = state::load(&base);
    if let Some(st) = st.as_ref().filter(|s| s.is_pos() && global.rpc.is_none()) {
        return pos::status(st, out).await;
    }
    let url = super::endpoint(global);
    let chain = Chain::connect(&url).await?;
    let best = chain.best().await?;
    let finalized = chain.finalized().await?;
    let name = chain.chain_name().await?;
    // The state file describes this endpoint only if it names it.
    let local = st.filter(|s| s.rpc_url == url && s.alive());
    let doc = json!({
        "endpoint": url,
        "chain": name,
        "spec_version": gensyn_runtime::VERSION.spec_version,
        "genesis_hash": format!("{:?}", chain.genesis),
        "best": best.json(),
        "finalized": finalized.json(),
        "pid": local.as_ref().map(|s| s.pid),
        "base_path": local.as_ref().map(|s| s.base_path.clone()),
        "log_file": local.as_ref().map(|s| s.log_file.clone()),
        "block_time_ms": local.as_ref().and_then(|s| s.block_time_ms),
    });
    out.emit(doc, || {
        let mut s = format!(
            "{name} at {url}\n  best      #{} {:?}\n  finalized #{} {:?}",
            best.number, best.hash, finalized.number, finalized.hash
        );
        if let Some(l) = &local {
            s.push_str(&format!(
                "\n  pid       {}\n  base path {}\n  sealing   {}",
                l.pid,
                l.base_path.display(),
                match l.block_time_ms {
                    Some(ms) => format!("every {ms} ms and per transaction"),
                    None => "instant (one block per transaction)".into(),
                }
            ));
        }
        s
    });
    Ok(())
}

async fn logs(args: LogsArgs, global: &GlobalArgs, out: &Output) -> Result<(), CliError> {
    let base = super::base_path(global);
    let path = match state::load(&base).filter(DevnetState::is_pos) {
        Some(st) => pos::log_file(&st, args.validator.as_deref())?,
        None if args.validator.is_some() => {
            return Err(CliError::Usage(
                "--validator names a validator of the PoS devnet, which is not running here".into(),
            ))
        }
        None => base.join(LOG_FILE),
    };
    let file = std::fs::File::open(&path)
        .map_err(|_| CliError::other(format!("no devnet log at {} (has `gensyn devnet up` run?)", path.display())))?;
    let mut reader = std::io::BufReader::new(file);
    let mut text = String::new();
    reader.read_to_string(&mut text)?;
    let lines: Vec<&str> = text.lines().collect();
    let shown = &lines[lines.len().saturating_sub(args.lines.unwrap_or(lines.len()))..];
    if out.json() && !args.follow {
        out.emit(json!({ "log_file": path, "lines": shown }), String::new);
        return Ok(());
    }
    for l in shown {
        println!("{l}");
    }
    if !args.follow {
        return Ok(());
    }
    // Follow: print appended lines until the node is gone.
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? > 0 {
            print!("{line}");
            continue;
        }
        let alive = state::load(&base).is_some_and(|s| s.alive());
        if !alive {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

async fn down(args: DownArgs, global: &GlobalArgs, out: &Output) -> Result<(), CliError> {
    let base = super::base_path(global);
    if let Some(st) = state::load(&base).filter(|s| s.is_pos() && s.alive()) {
        let started = Instant::now();
        let spinner = Spinner::start(out, format!("stopping {} validators", st.validators.len()));
        let stopped = pos::stop_all(&st.validators, Duration::from_secs(args.timeout)).await;
        drop(spinner);
        state::clear(&base)?;
        let stopped_ms = started.elapsed().as_millis() as u64;
        let killed = stopped.iter().any(|(_, k)| *k);
        out.emit(
            json!({ "was_running": true, "pid": st.pid, "killed": killed, "stopped_ms": stopped_ms,
                    "validators": stopped.iter().map(|(n, k)| json!({"name": n, "killed": k})).collect::<Vec<_>>() }),
            || {
                format!(
                    "devnet stopped ({} validators, {stopped_ms} ms{})",
                    stopped.len(),
                    if killed { ", some killed" } else { "" }
                )
            },
        );
        return Ok(());
    }
    let Some(st) = state::load(&base).filter(|s| s.alive()) else {
        let _ = state::clear(&base);
        out.emit(json!({ "was_running": false, "pid": null, "stopped_ms": 0 }), || "devnet is not running".to_string());
        return Ok(());
    };
    let started = Instant::now();
    terminate(st.pid);
    let spinner = Spinner::start(out, format!("stopping devnet node (pid {})", st.pid));
    let killed = wait_gone(st.pid, || st.alive(), started + Duration::from_secs(args.timeout)).await;
    drop(spinner);
    state::clear(&base)?;
    let stopped_ms = started.elapsed().as_millis() as u64;
    out.emit(json!({ "was_running": true, "pid": st.pid, "killed": killed, "stopped_ms": stopped_ms }), || {
        format!("devnet stopped (pid {}, {stopped_ms} ms{})", st.pid, if killed { ", killed" } else { "" })
    });
    Ok(())
}

async fn mine(args: MineArgs, global: &GlobalArgs, out: &Output) -> Result<(), CliError> {
    let chain = super::connect(global).await?;
    let spinner = Spinner::start(out, format!("sealing {} block(s)", args.blocks));
    for _ in 0..args.blocks {
        chain.seal_block().await?;
    }
    drop(spinner);
    let best = chain.best().await?;
    out.emit(json!({ "mined": args.blocks, "best": best.json() }), || {
        format!("sealed {} block(s); best is #{} ({:?})", args.blocks, best.number, best.hash)
    });
    Ok(())
}
