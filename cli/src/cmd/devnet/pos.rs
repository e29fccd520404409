//! The proof-of-stake devnet: N validator processes on loopback (BABE +
//! GRANDPA), each with its own base path, ports, fixed node key and the
//! others as bootnodes; started, inspected, stopped and restarted one by
//! one for fault drills.

use super::{pick_port, spawn_node, tail_from, terminate, wait_gone, NODE_LOG_FILTER};
use crate::{
    args::UpArgs,
    chain::Chain,
    error::CliError,
    output::Output,
    progress::Spinner,
    state::{self, DevnetState, ValidatorProc, LOG_FILE},
};
use gensyn_runtime::{genesis, AccountId};
use serde_json::{json, Value};
use std::{
    path::{Path, PathBuf},
    time::{Duration, Instant},
};

/// The log filter of a validator: the manual-seal filter plus what says
/// where BABE and GRANDPA stand.
const VALIDATOR_LOG_FILTER: &str = "babe=info,grandpa=info,sync=warn";

/// The directory that holds the validators' base paths.
fn validators_dir(base: &Path) -> PathBuf {
    base.join("validators")
}

/// The dev account names of the first `n` validators.
fn names(n: usize) -> Vec<&'static str> {
    genesis::dev_accounts().into_iter().take(n).map(|(name, _)| name).collect()
}

/// The chain spec id of the PoS devnet (it names the keystore's folder).
const CHAIN_ID: &str = "gensyn_pos_devnet";

/// The network's chain spec, made at its first `up`.
fn spec_file(base: &Path) -> PathBuf {
    validators_dir(base).join("chain.json")
}

/// Fresh BABE, GRANDPA and store keys for validator `v`, written to its keystore
/// (the node reads them at start; nobody else ever sees the secrets).
///
/// Fresh, not the dev keyring's: a VRF output is secret only while its key
/// is, and the protocol's randomness is made of the validators' VRF outputs.
fn fresh_session_keys(v: &ValidatorProc) -> Result<gensyn_runtime::SessionKeys, CliError> {
    use polkadot_sdk::sp_core::{ed25519, sr25519, Pair};
    let keystore = v.base_path.join("chains").join(CHAIN_ID).join("keystore");
    std::fs::create_dir_all(&keystore)?;
    let write = |key_type: &[u8; 4], public: &[u8], seed: &[u8]| -> std::io::Result<()> {
        // sc-keystore's layout: file hex(type) ‖ hex(public), content the
        // secret as a JSON string.
        use std::{io::Write, os::unix::fs::OpenOptionsExt};
        let path = keystore.join(format!("{}{}", hex::encode(key_type), hex::encode(public)));
        let mut file = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)?;
        file.write_all(serde_json::to_string(&format!("0x{}", hex::encode(seed))).expect("a string").as_bytes())
    };
    let (babe, babe_seed) = sr25519::Pair::generate();
    let (gran, gran_seed) = ed25519::Pair::generate();
    let (store, store_seed) = sr25519::Pair::generate();
    write(b"babe", babe.public().as_ref(), &babe_seed)?;
    write(b"gran", gran.public().as_ref(), &gran_seed)?;
    write(b"gsto", store.public().as_ref(), &store_seed)?;
    Ok(gensyn_runtime::SessionKeys {
        babe: babe.public().into(),
        grandpa: gran.public().into(),
        store: store.public().into(),
    })
}

/// Starts validator `v` of an `n`-validator network; `others` are its
/// bootnodes.
fn spawn(v: &ValidatorProc, n: usize, others: &[&ValidatorProc]) -> Result<u32, CliError> {
    std::fs::create_dir_all(&v.base_path)?;
    write_store_peers(v, others)?;
    let (node_key, _) = gensyn_devnet::dev_node_identity(&v.name);
    let spec = v.base_path.parent().map(|d| d.join("chain.json")).expect("a validator's base path has a parent");
    let mut args: Vec<String> = vec![
        "--chain".into(),
        spec.display().to_string(),
        "--base-path".into(),
        v.base_path.display().to_string(),
        // Its keys are in its keystore (`fresh_session_keys`).
        "--validator".into(),
        "--name".into(),
        v.name.clone(),
        "--node-key".into(),
        node_key,
        "--rpc-port".into(),
        v.rpc_port.to_string(),
        "--listen-addr".into(),
        v.listen_addr(),
        "--public-addr".into(),
        v.listen_addr(),
        "--log".into(),
        format!("{NODE_LOG_FILTER},{VALIDATOR_LOG_FILTER}"),
        // An artefact put to another validator is fetched from it on a miss.
        "--store-peers".into(),
        store_peers_file(v).display().to_string(),
    ];
    for o in others {
        args.push("--bootnodes".into());
        args.push(o.multiaddr());
    }
    if n == 1 {
        // A lone validator has no peers, and BABE waits for some unless forced.
        args.push("--force-authoring".into());
    }
    spawn_node(&args, &v.log_file)
}

/// Where validator `v` finds the other validators' stores (`--store-peers`).
fn store_peers_file(v: &ValidatorProc) -> PathBuf {
    v.base_path.join("store-peers")
}

/// Writes `v`'s store peers: `others`' RPC.
fn write_store_peers(v: &ValidatorProc, others: &[&ValidatorProc]) -> Result<(), CliError> {
    let mut text = String::from("# the other validators' stores (gensyn devnet writes this)\n");
    for o in others {
        text.push_str(&format!("{}  # {}\n", o.rpc_url, o.name));
    }
    std::fs::write(store_peers_file(v), text)?;
    Ok(())
}

/// Saves the network's state file, and each validator's list of the
/// others' RPC (its store peers: ports change when one is restarted on new
/// ones, and the node reads the list at each miss).
fn save_network(base: &Path, validators: &[ValidatorProc]) -> Result<DevnetState, CliError> {
    for v in validators {
        let others: Vec<&ValidatorProc> = validators.iter().filter(|o| o.name != v.name).collect();
        write_store_peers(v, &others)?;
    }
    let st = network_state(base, validators);
    state::save(base, &st)?;
    Ok(st)
}

/// The state file of a PoS devnet: its validators, and the first one's RPC
/// as the devnet's endpoint.
fn network_state(base: &Path, validators: &[ValidatorProc]) -> DevnetState {
    let first = &validators[0];
    DevnetState {
        pid: first.pid,
        rpc_port: first.rpc_port,
        rpc_url: first.rpc_url.clone(),
        base_path: base.to_path_buf(),
        log_file: first.log_file.clone(),
        block_time_ms: None,
        validators: validators.to_vec(),
    }
}

/// `gensyn devnet up --validators N`.
pub async fn up(n: usize, args: &UpArgs, base: &Path, out: &Output) -> Result<(), CliError> {
    let max = genesis::MAX_DEV_VALIDATORS;
    if !(1..=max).contains(&n) {
        return Err(CliError::Usage(format!("--validators takes 1 to {max} (one per dev account), not {n}")));
    }
    if args.block_time.is_some() {
        return Err(CliError::Usage("--block-time is for the instant-seal devnet; BABE makes a block per slot".into()));
    }
    let dir = validators_dir(base);
    // A network restarted on its databases must have the genesis it was made with.
    let existing: Vec<String> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter(|e| e.path().is_dir())
                .filter_map(|e| e.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    if !existing.is_empty() && !spec_file(base).exists() {
        return Err(CliError::other(format!(
            "the PoS devnet in {} has no chain spec ({}); start over with --fresh",
            base.display(),
            spec_file(base).display()
        )));
    }
    if !existing.is_empty() && existing.len() != n {
        return Err(CliError::Usage(format!(
            "the PoS devnet in {} was made with {} validators; use --validators {} or --fresh",
            base.display(),
            existing.len(),
            existing.len()
        )));
    }

    let started = Instant::now();
    let mut validators = Vec::with_capacity(n);
    for (i, name) in names(n).into_iter().enumerate() {
        let rpc_port = pick_port(if i == 0 { args.rpc_port } else { 0 })?;
        let p2p_port = free_port(args.p2p_ip)?;
        let vdir = dir.join(name);
        validators.push(ValidatorProc {
            name: name.to_string(),
            pid: 0,
            rpc_port,
            rpc_url: format!("ws://127.0.0.1:{rpc_port}"),
            p2p_ip: args.p2p_ip,
            p2p_port,
            peer_id: gensyn_devnet::dev_node_identity(name).1,
            log_file: vdir.join(LOG_FILE),
            base_path: vdir,
        });
    }
    if existing.is_empty() {
        // A new network: fresh keys in each keystore, and the genesis that
        // names their public halves.
        let mut authorities = Vec::with_capacity(n);
        for (v, (_, account)) in validators.iter().zip(genesis::dev_accounts()) {
            authorities.push((account, fresh_session_keys(v)?));
        }
        let json = gensyn_devnet::chain_spec::pos_json(CHAIN_ID, authorities).map_err(CliError::other)?;
        std::fs::write(spec_file(base), json)?;
    }
    for i in 0..n {
        let others: Vec<&ValidatorProc> =
            validators.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, v)| v).collect();
        let pid = spawn(&validators[i], n, &others)?;
        validators[i].pid = pid;
    }
    save_network(base, &validators)?;

    let spinner = Spinner::start(out, format!("starting {n} validators"));
    let deadline = started + Duration::from_secs(args.timeout);
    let mut chains: Vec<Option<Chain>> = (0..n).map(|_| None).collect();
    let mut restarts = 0;
    let (ready_ms, finalized) = loop {
        for i in 0..n {
            if validators[i].alive() {
                continue;
            }
            // Ports are picked free, then released until the node binds
            // them: another process may take one in between (parallel
            // devnets). A validator that died at start-up gets new ports
            // and one more try; the others find it through its peer id.
            tokio::time::sleep(Duration::from_millis(300)).await;
            let tail = tail_from(&validators[i].log_file, 0, 12);
            if restarts >= n {
                stop_all(&validators, Duration::from_secs(10)).await;
                let _ = state::clear(base);
                return Err(CliError::other(format!(
                    "validator {} exited during start-up; last log lines:\n{tail}",
                    validators[i].name
                )));
            }
            restarts += 1;
            out.note(&format!("validator {} exited during start-up; restarting it on new ports", validators[i].name));
            validators[i].rpc_port = pick_port(if i == 0 { args.rpc_port } else { 0 })?;
            validators[i].rpc_url = format!("ws://127.0.0.1:{}", validators[i].rpc_port);
            validators[i].p2p_port = free_port(args.p2p_ip)?;
            let others: Vec<&ValidatorProc> =
                validators.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, v)| v).collect();
            let pid = spawn(&validators[i], n, &others)?;
            validators[i].pid = pid;
            chains[i] = None;
            save_network(base, &validators)?;
        }
        if Instant::now() > deadline {
            stop_all(&validators, Duration::from_secs(10)).await;
            let _ = state::clear(base);
            return Err(CliError::Timeout(format!(
                "the validators did not peer and finalize a block within {}s; see {}",
                args.timeout,
                dir.display()
            )));
        }
        let mut peered = 0;
        for (v, c) in validators.iter().zip(chains.iter_mut()) {
            if c.is_none() {
                *c = Chain::connect(&v.rpc_url).await.ok();
            }
            if let Some(chain) = c {
                if chain.health().await.is_ok_and(|h| h.peers as usize + 1 >= n) {
                    peered += 1;
                }
            }
        }
        if peered == n {
            spinner.set("waiting for the first finalized block");
            if let Some(fin) = chains[0].as_ref().map(|c| c.finalized()) {
                if let Ok(fin) = fin.await {
                    if fin.number >= 1 {
                        break (started.elapsed().as_millis() as u64, fin);
                    }
                }
            }
        } else {
            spinner.set(format!("{peered} of {n} validators peered"));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    drop(spinner);
    let first = validators[0].clone();
    let chain = chains[0].take().expect("connected above");
    out.emit(
        json!({
            "already_running": false, "consensus": "babe+grandpa", "pid": first.pid, "rpc_url": first.rpc_url,
            "rpc_port": first.rpc_port, "base_path": base, "log_file": first.log_file, "block_time_ms": null,
            "slot_ms": gensyn_runtime::consensus::SLOT_DURATION_MS,
            "validators": validators.iter().map(validator_json).collect::<Vec<_>>(),
            "finalized": finalized.json(), "best": finalized.json(),
            "genesis_hash": format!("{:?}", chain.genesis), "ready_ms": ready_ms,
        }),
        || {
            let mut s = format!(
                "PoS devnet up: {n} validators, block #{} finalized in {:.1}s (BABE {} ms slots, GRANDPA)\n",
                finalized.number,
                ready_ms as f64 / 1000.0,
                gensyn_runtime::consensus::SLOT_DURATION_MS
            );
            for v in &validators {
                s.push_str(&format!("  {:<8} pid {:<7} rpc {}  p2p {}\n", v.name, v.pid, v.rpc_url, v.p2p_port));
            }
            s.push_str(&format!(
                "  base path {}\n  logs      gensyn devnet logs --validator {} -f",
                base.display(),
                first.name
            ));
            s
        },
    );
    Ok(())
}

/// A free TCP port on `ip`.
fn free_port(ip: std::net::IpAddr) -> Result<u16, CliError> {
    let listener = std::net::TcpListener::bind((ip, 0))
        .map_err(|e| CliError::Usage(format!("cannot listen on {ip} (--p2p-ip): {e}")))?;
    Ok(listener.local_addr()?.port())
}

/// `gensyn devnet spec`: the PoS devnet's chain spec (raw), for a node
/// elsewhere to join with `gensyn devnet node --chain FILE --bootnodes …`.
pub fn spec(base: &Path) -> Result<(), CliError> {
    let path = spec_file(base);
    let json = std::fs::read_to_string(&path).map_err(|_| {
        CliError::Usage(format!(
            "no PoS devnet in {} (its chain spec is made by `gensyn devnet up --validators N`)",
            base.display()
        ))
    })?;
    // The spec is the output, whatever --json says: it is a JSON document.
    println!("{}", json.trim_end());
    Ok(())
}

fn validator_json(v: &ValidatorProc) -> Value {
    json!({
        "name": v.name, "pid": v.pid, "alive": v.alive(), "rpc_url": v.rpc_url, "p2p_port": v.p2p_port,
        "peer_id": v.peer_id, "multiaddr": v.multiaddr(), "base_path": v.base_path, "log_file": v.log_file,
    })
}

/// Stops validator `v`, killing it after `timeout`; returns whether it had
/// to be killed.
async fn stop_process(v: &ValidatorProc, timeout: Duration) -> bool {
    terminate(v.pid);
    wait_gone(v.pid, || v.alive(), Instant::now() + timeout).await
}

/// Stops every live validator.
pub async fn stop_all(validators: &[ValidatorProc], timeout: Duration) -> Vec<(String, bool)> {
    // All asked at once, so they shut down side by side.
    let live: Vec<&ValidatorProc> = validators.iter().filter(|v| v.alive()).collect();
    for v in &live {
        terminate(v.pid);
    }
    let deadline = Instant::now() + timeout;
    let mut stopped = Vec::new();
    for v in live {
        stopped.push((v.name.clone(), wait_gone(v.pid, || v.alive(), deadline).await));
    }
    stopped
}

/// The state of the running PoS devnet, or a usage error naming why not.
fn pos_state(base: &Path) -> Result<DevnetState, CliError> {
    match state::load(base) {
        Some(st) if st.is_pos() => Ok(st),
        Some(_) => Err(CliError::Usage("the devnet here is the instant-seal node; it has no validators".into())),
        None => Err(CliError::Usage(format!(
            "no PoS devnet in {} (start one with `gensyn devnet up --validators 4`)",
            base.display()
        ))),
    }
}

fn find<'a>(st: &'a DevnetState, name: &str) -> Result<&'a ValidatorProc, CliError> {
    st.validators.iter().find(|v| v.name == name).ok_or_else(|| {
        let known: Vec<&str> = st.validators.iter().map(|v| v.name.as_str()).collect();
        CliError::Usage(format!("no validator `{name}`; the validators are {}", known.join(", ")))
    })
}

/// `gensyn devnet stop-validator NAME`: a fault drill.
pub async fn stop_validator(name: &str, base: &Path, out: &Output) -> Result<(), CliError> {
    let st = pos_state(base)?;
    let v = find(&st, name)?;
    let was_running = v.alive();
    let started = Instant::now();
    let killed = if was_running { stop_process(v, Duration::from_secs(30)).await } else { false };
    let ms = started.elapsed().as_millis() as u64;
    out.emit(
        json!({ "validator": name, "pid": v.pid, "was_running": was_running, "killed": killed, "stopped_ms": ms }),
        || {
            if was_running {
                format!("validator {name} stopped (pid {}, {ms} ms)", v.pid)
            } else {
                format!("validator {name} was not running")
            }
        },
    );
    Ok(())
}

/// `gensyn devnet start-validator NAME`: restarts a stopped validator on its
/// database, ports and key; returns once it serves RPC and has peers.
pub async fn start_validator(name: &str, timeout: u64, base: &Path, out: &Output) -> Result<(), CliError> {
    let mut st = pos_state(base)?;
    let v = find(&st, name)?.clone();
    if v.alive() {
        out.emit(json!({ "validator": name, "pid": v.pid, "already_running": true }), || {
            format!("validator {name} is already running (pid {})", v.pid)
        });
        return Ok(());
    }
    let n = st.validators.len();
    let others: Vec<&ValidatorProc> = st.validators.iter().filter(|o| o.name != name).collect();
    let log_start = std::fs::metadata(&v.log_file).map(|m| m.len()).unwrap_or(0);
    let started = Instant::now();
    let pid = spawn(&v, n, &others)?;
    for o in st.validators.iter_mut().filter(|o| o.name == name) {
        o.pid = pid;
    }
    let st = save_network(base, &st.validators)?;
    let v = find(&st, name)?.clone();
    let spinner = Spinner::start(out, format!("starting validator {name}"));
    let deadline = started + Duration::from_secs(timeout);
    let (chain, health) = loop {
        if !v.alive() {
            return Err(CliError::other(format!(
                "validator {name} exited during start-up; last log lines:\n{}",
                tail_from(&v.log_file, log_start, 12)
            )));
        }
        if Instant::now() > deadline {
            return Err(CliError::Timeout(format!("validator {name} did not serve RPC with peers within {timeout}s")));
        }
        if let Ok(chain) = Chain::connect(&v.rpc_url).await {
            if let Ok(h) = chain.health().await {
                if h.peers > 0 || n == 1 {
                    break (chain, h);
                }
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    drop(spinner);
    let best = chain.best().await?;
    let ms = started.elapsed().as_millis() as u64;
    out.emit(
        json!({ "validator": name, "pid": pid, "already_running": false, "peers": health.peers,
                "best": best.json(), "started_ms": ms }),
        || format!("validator {name} started (pid {pid}, {} peers, block #{}, {ms} ms)", health.peers, best.number),
    );
    Ok(())
}

/// The accounts of the active validator set (`Session::Validators`).
async fn active_set(chain: &Chain) -> Result<Vec<AccountId>, CliError> {
    let key = polkadot_sdk::frame_support::storage::storage_prefix(b"Session", b"Validators").to_vec();
    Ok(chain.storage::<Vec<AccountId>>(key, None).await?.unwrap_or_default())
}

/// One validator's row of `devnet status`.
async fn validator_status(v: &ValidatorProc, active: &[AccountId]) -> Value {
    let account = genesis::dev_accounts().into_iter().find(|(n, _)| *n == v.name).map(|(_, a)| a);
    let in_set = account.is_some_and(|a| active.contains(&a));
    let alive = v.alive();
    let mut row = json!({
        "name": v.name, "pid": v.pid, "alive": alive, "rpc_url": v.rpc_url, "multiaddr": v.multiaddr(),
        "in_active_set": in_set,
        "authoring": alive && in_set, "peers": null, "best": null, "finalized": null, "finality_lag": null,
        "syncing": null,
    });
    if !alive {
        return row;
    }
    if let Ok(chain) = Chain::connect(&v.rpc_url).await {
        if let (Ok(h), Ok(best), Ok(fin)) = (chain.health().await, chain.best().await, chain.finalized().await) {
            row["peers"] = json!(h.peers);
            row["syncing"] = json!(h.is_syncing);
            row["best"] = best.json();
            row["finalized"] = fin.json();
            row["finality_lag"] = json!(best.number.saturating_sub(fin.number));
        }
    }
    row
}

/// `gensyn devnet status` of a PoS devnet: each validator and the finality lag.
pub async fn status(st: &DevnetState, out: &Output) -> Result<(), CliError> {
    // Any live validator answers for the chain.
    let mut chain = None;
    for v in st.validators.iter().filter(|v| v.alive()) {
        if let Ok(c) = Chain::connect(&v.rpc_url).await {
            chain = Some(c);
            break;
        }
    }
    let Some(chain) = chain else {
        return Err(CliError::NodeNotRunning { url: st.rpc_url.clone(), reason: "no validator answers".into() });
    };
    let best = chain.best().await?;
    let finalized = chain.finalized().await?;
    let active = active_set(&chain).await?;
    let mut rows = Vec::new();
    for v in &st.validators {
        rows.push(validator_status(v, &active).await);
    }
    let lag = best.number.saturating_sub(finalized.number);
    let live = rows.iter().filter(|r| r["alive"] == true).count();
    // The protocol's randomness source: the last finished epoch's VRF outputs.
    let beacon: Option<pallet_validators::Accumulator<u32>> = chain
        .storage(pallet_validators::LastEpochBeacon::<gensyn_runtime::Runtime>::hashed_key().to_vec(), None)
        .await?;
    let doc = json!({
        "endpoint": chain.url, "chain": chain.chain_name().await?, "consensus": "babe+grandpa",
        "spec_version": gensyn_runtime::VERSION.spec_version, "genesis_hash": format!("{:?}", chain.genesis),
        "best": best.json(), "finalized": finalized.json(), "finality_lag": lag,
        "validators_alive": live, "validators": rows, "base_path": st.base_path,
        "active_set": active.iter().map(|a| crate::accounts::label_of(a)).collect::<Vec<_>>(),
        "epoch_beacon": beacon.map(|b| json!({ "epoch": b.epoch, "start": b.start, "vrf_outputs": b.outputs })),
        // GRANDPA needs more than two thirds of the voters.
        "finality_quorum": live * 3 > st.validators.len() * 2,
    });
    out.emit(doc.clone(), || {
        let mut s = format!(
            "{} at {}\n  best      #{} {:?}\n  finalized #{} {:?} (lag {lag} blocks{})\n  validators {live} of {} running; active set: {}\n",
            doc["chain"].as_str().unwrap_or(""),
            chain.url,
            best.number,
            best.hash,
            finalized.number,
            finalized.hash,
            if live * 3 > st.validators.len() * 2 { "" } else { "; finality stalls: GRANDPA needs more than 2/3" },
            st.validators.len(),
            doc["active_set"].as_array().into_iter().flatten().filter_map(|a| a.as_str()).collect::<Vec<_>>().join(", ")
        );
        for r in doc["validators"].as_array().into_iter().flatten() {
            let num = |k: &str| r[k]["number"].as_u64().map(|n| format!("#{n}")).unwrap_or_else(|| "-".into());
            s.push_str(&format!(
                "  {:<8} {:<7} pid {:<7} peers {:<2} best {:<7} finalized {:<7} {}\n",
                r["name"].as_str().unwrap_or(""),
                if r["alive"] == true { "up" } else { "down" },
                r["pid"],
                r["peers"].as_u64().map(|p| p.to_string()).unwrap_or_else(|| "-".into()),
                num("best"),
                num("finalized"),
                if r["authoring"] == true { "authoring" } else { "" },
            ));
        }
        s.trim_end().to_string()
    });
    Ok(())
}

/// The log file of validator `name` (the first one if `None`).
pub fn log_file(st: &DevnetState, name: Option<&str>) -> Result<PathBuf, CliError> {
    match name {
        Some(n) => Ok(find(st, n)?.log_file.clone()),
        None => Ok(st.validators[0].log_file.clone()),
    }
}
