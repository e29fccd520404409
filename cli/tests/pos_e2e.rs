//! The proof-of-stake devnet on real processes: four BABE + GRANDPA
//! validators started by `gensyn devnet up --validators 4`, then the fault
//! drills — one validator down (blocks and finality go on), two down
//! (blocks go on, finality stalls, a transaction says why), one back
//! (finality resumes), the whole network restarted on its databases
//! (state intact) — and a node started apart from the CLI that joins from
//! the exported chain spec and becomes a validator.

mod common;
use common::{gensyn, Devnet};
use serde_json::Value;
use std::{
    process::{Child, Command},
    time::{Duration, Instant},
};

const UNIT: u128 = 1_000_000_000_000;

fn number(v: &Value) -> u64 {
    v["number"].as_u64().unwrap_or_else(|| panic!("no block number in {v}"))
}

/// `devnet status --json` of the network.
fn status(net: &Devnet) -> Value {
    net.run(&["devnet", "status", "--json"]).ok_json()
}

/// Polls `status` until `pred` holds, for at most `secs` seconds.
fn wait_for(net: &Devnet, secs: u64, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        let st = status(net);
        if pred(&st) {
            return st;
        }
        assert!(Instant::now() < deadline, "{what} within {secs}s; last status:\n{st:#}");
        std::thread::sleep(Duration::from_millis(500));
    }
}

fn validator<'a>(st: &'a Value, name: &str) -> &'a Value {
    st["validators"].as_array().unwrap().iter().find(|v| v["name"] == name).unwrap()
}

/// A node started by hand, as on another machine: killed when dropped.
struct Node(Child);

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

#[test]
fn four_validators_ride_out_one_fault_stall_at_two_and_keep_state_across_a_restart() {
    let net = Devnet { base: tempfile::tempdir().unwrap() };
    let up = net.run(&["devnet", "up", "--validators", "--rpc-port", "0", "--json"]).ok_json();
    assert_eq!(up["consensus"], "babe+grandpa");
    assert_eq!(up["validators"].as_array().unwrap().len(), 4, "--validators defaults to 4");
    assert!(number(&up["finalized"]) >= 1, "up returns once a block is finalized: {up}");

    // A transaction waits for GRANDPA's finality.
    let staked = net.run(&["stake", "--role", "solver", "--amount", "1500", "--as", "alice", "--json"]).ok_json();
    assert_eq!(staked["status"], "finalized");
    // `--wait included` returns at inclusion.
    let included = net
        .run(&["stake", "--role", "verifier", "--amount", "600", "--as", "bob", "--wait", "included", "--json"])
        .ok_json();
    assert_eq!(included["status"], "included");
    // The protocol's randomness: every block's VRF output of the last epoch.
    let st = wait_for(&net, 60, "an epoch finishes", |s| s["epoch_beacon"].is_object());
    let outputs = st["epoch_beacon"]["vrf_outputs"].as_u64().unwrap();
    assert!(outputs >= 5, "an epoch of 10 one-second slots has most of its blocks' outputs: {st:#}");
    // Fresh session keys: not the dev keyring's, which anyone knows.
    let keystore = net.base.path().join("validators/alice/chains/gensyn_pos_devnet/keystore");
    let alice_dev_babe = "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";
    let files: Vec<String> =
        std::fs::read_dir(&keystore).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    assert_eq!(files.len(), 3, "a BABE, a GRANDPA and a store key: {files:?}");
    assert!(files.iter().all(|f| !f.ends_with(alice_dev_babe)), "{files:?}");
    // There is no manual sealing on a clock.
    let mine = net.run(&["devnet", "mine", "--json"]);
    assert_eq!(mine.code, 2, "{}", mine.stderr);
    // A validator it does not have: named, with the ones it has.
    for cmd in ["logs", "stop-validator", "start-validator"] {
        let args: &[&str] =
            if cmd == "logs" { &["devnet", cmd, "--validator", "mallory"] } else { &["devnet", cmd, "mallory"] };
        let bad = net.run(args);
        assert_eq!(bad.code, 2, "{cmd}: {}", bad.stderr);
        assert!(
            bad.stderr.contains("no validator `mallory`; the validators are alice, bob, charlie, dave"),
            "{}",
            bad.stderr
        );
    }

    // One validator down: BABE and GRANDPA go on without it.
    net.run(&["devnet", "stop-validator", "dave", "--json"]).ok_json();
    let before = status(&net);
    assert_eq!(validator(&before, "dave")["alive"], false);
    let fin0 = number(&before["finalized"]);
    let st = wait_for(&net, 60, "finality advances with 3 of 4", |s| number(&s["finalized"]) >= fin0 + 3);
    assert_eq!(st["finality_quorum"], true);

    // Back up: it catches up and votes again.
    net.run(&["devnet", "start-validator", "dave", "--json"]).ok_json();
    wait_for(&net, 90, "dave catches up to the finalized head", |s| {
        let d = validator(s, "dave");
        d["alive"] == true && d["finalized"]["number"].as_u64() >= s["finalized"]["number"].as_u64().map(|n| n - 1)
    });

    // Two down: blocks go on, finality stalls.
    net.run(&["devnet", "stop-validator", "bob", "--json"]).ok_json();
    net.run(&["devnet", "stop-validator", "dave", "--json"]).ok_json();
    // A round already under way may still conclude; then nothing more.
    std::thread::sleep(Duration::from_secs(4));
    let stalled = status(&net);
    assert_eq!(stalled["finality_quorum"], false);
    let stalled_at = number(&stalled["finalized"]);
    let best0 = number(&stalled["best"]);
    let st = wait_for(&net, 60, "blocks go on without finality", |s| number(&s["best"]) >= best0 + 5);
    assert_eq!(number(&st["finalized"]), stalled_at, "GRANDPA cannot finalize with 2 of 4: {st:#}");
    // A transaction waits up to --timeout and says why.
    let tx = net.run(&["stake", "--role", "whistleblower", "--amount", "200", "--as", "charlie", "--timeout", "5"]);
    assert_eq!(tx.code, 1, "{}", tx.stderr);
    assert!(tx.stderr.contains("finality stalls") && tx.stderr.contains("GRANDPA"), "{}", tx.stderr);

    // One back: finality resumes and catches up past the stall.
    net.run(&["devnet", "start-validator", "dave", "--json"]).ok_json();
    let st = wait_for(&net, 90, "finality resumes with 3 of 4", |s| number(&s["finalized"]) > best0 + 5);
    assert!(number(&st["best"]) - number(&st["finalized"]) < 10, "the lag closes: {st:#}");

    // The whole network down and up again on its databases: state intact.
    net.run(&["devnet", "down", "--json"]).ok_json();
    let again = net.run(&["devnet", "up", "--validators", "4", "--rpc-port", "0", "--json"]).ok_json();
    assert!(number(&again["finalized"]) >= stalled_at, "the chain resumes from its database: {again}");
    assert_eq!(again["genesis_hash"], up["genesis_hash"]);
    let alice = net.run(&["account", "alice", "--json"]).ok_json();
    assert_eq!(alice["stakes"]["solver"]["active"].as_str(), Some((1500 * UNIT).to_string().as_str()));
    // Another count of validators is another genesis: refused, nothing lost.
    net.run(&["devnet", "down", "--json"]).ok_json();
    let wrong = net.run(&["devnet", "up", "--validators", "3", "--json"]);
    assert_eq!(wrong.code, 2, "{}", wrong.stderr);
    assert!(wrong.stderr.contains("made with 4 validators"), "{}", wrong.stderr);
}

#[test]
fn a_node_started_apart_joins_from_the_exported_spec_and_becomes_a_validator() {
    let net = Devnet { base: tempfile::tempdir().unwrap() };
    net.run(&["devnet", "up", "--validators", "4", "--rpc-port", "0", "--json"]).ok_json();
    let st = status(&net);
    let bootnode = validator(&st, "alice")["multiaddr"].as_str().unwrap().to_string();

    // What another machine would do: the exported spec, a bootnode, its own node.
    let spec = net.run(&["devnet", "spec"]);
    assert_eq!(spec.code, 0, "{}", spec.stderr);
    let spec_doc: Value = serde_json::from_str(&spec.stdout).unwrap();
    assert!(spec_doc["genesis"]["raw"].is_object(), "the raw genesis: a joining node needs no genesis builder");
    let dir = tempfile::tempdir().unwrap();
    let spec_file = dir.path().join("spec.json");
    std::fs::write(&spec_file, &spec.stdout).unwrap();
    let (rpc, p2p) = (free_port(), free_port());
    let log = std::fs::File::create(dir.path().join("node.log")).unwrap();
    // Its store asks alice's for what it lacks.
    let alice_rpc = validator(&st, "alice")["rpc_url"].as_str().unwrap().to_string();
    let peers = dir.path().join("store-peers");
    std::fs::write(&peers, format!("# alice\n{alice_rpc}\n")).unwrap();
    let _eve = Node(
        Command::new(env!("CARGO_BIN_EXE_gensyn"))
            .args(["devnet", "node", "--chain", spec_file.to_str().unwrap()])
            .args(["--base-path", dir.path().join("db").to_str().unwrap()])
            .args(["--validator", "--bootnodes", &bootnode, "--rpc-port", &rpc.to_string()])
            .args(["--listen-addr", &format!("/ip4/127.0.0.1/tcp/{p2p}"), "--no-mdns", "--no-prometheus"])
            .args(["--node-key", &"01".repeat(32), "--store-peers", peers.to_str().unwrap()])
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap(),
    );
    let eve_rpc = format!("ws://127.0.0.1:{rpc}");

    // It syncs and follows finality as a full node.
    let deadline = Instant::now() + Duration::from_secs(60);
    let target = number(&st["finalized"]);
    loop {
        let s = gensyn(&["devnet", "status", "--rpc", &eve_rpc, "--base-path", dir.path().to_str().unwrap(), "--json"]);
        if s.code == 0 && number(&s.json()["finalized"]) >= target {
            break;
        }
        assert!(Instant::now() < deadline, "the joining node syncs within 60s: {}", s.stderr);
        std::thread::sleep(Duration::from_millis(500));
    }

    // An artefact put to alice's store is served by dave's, rebuilt from
    // the validators' shards, and by eve's (no holder), from alice's whole
    // copy; each checked.
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/blobs-mlp-sgd.toml");
    let put = gensyn(&["blob", "put", fixture, "--as", "alice", "--rpc", &alice_rpc, "--json"]).ok_json();
    let spec_id = put["artefacts"][0]["id"].as_str().unwrap().to_string();
    let data_id = put["artefacts"][1]["id"].as_str().unwrap().to_string();
    let dave_rpc = validator(&st, "dave")["rpc_url"].as_str().unwrap().to_string();
    for (rpc, id, kind) in [(&dave_rpc, &data_id, "dataset"), (&eve_rpc, &spec_id, "spec")] {
        let out = dir.path().join(&id[2..10]);
        let got = gensyn(&["blob", "get", id, "--out", out.to_str().unwrap(), "--rpc", rpc, "--json"]).ok_json();
        assert_eq!(got["kind"], kind, "{got}");
    }
    let spec_back = std::fs::read(dir.path().join(&spec_id[2..10])).unwrap();
    assert_eq!(spec_back, std::fs::read(fixture).unwrap(), "eve serves alice's bytes");
    // What no store holds is still a clean miss, not a hang between peers.
    let none = gensyn(&["blob", "get", &format!("0x{}", "ab".repeat(32)), "--out", "/dev/null", "--rpc", &eve_rpc]);
    assert_eq!(none.code, 1, "{}", none.stderr);
    assert!(none.stderr.contains("holds nothing"), "{}", none.stderr);

    // Its keys registered and the account added: a validator at the session after next.
    let added = net.run(&["devnet", "add-validator", "--node", &eve_rpc, "--as", "eve", "--json"]).ok_json();
    assert_eq!(added["validator"], "eve");
    let again = net.run(&["devnet", "add-validator", "--node", &eve_rpc, "--as", "eve", "--json"]);
    assert_eq!(again.code, 1);
    assert_eq!(again.json()["error"]["name"], "AlreadyValidator");
    let st = wait_for(&net, 90, "eve enters the active set", |s| {
        s["active_set"].as_array().unwrap().iter().any(|a| a == "eve")
    });
    // Five validators: finality still needs four votes, and goes on.
    let fin = number(&st["finalized"]);
    wait_for(&net, 60, "finality goes on with five", |s| number(&s["finalized"]) >= fin + 3);

    // And out again.
    net.run(&["devnet", "remove-validator", "eve", "--json"]).ok_json();
    wait_for(&net, 90, "eve leaves the active set", |s| {
        !s["active_set"].as_array().unwrap().iter().any(|a| a == "eve")
    });
    let last = net.run(&["devnet", "remove-validator", "ferdie", "--json"]);
    assert_eq!(last.json()["error"]["name"], "NotValidator");
}

/// The protocol end to end on BABE + GRANDPA: the CLI agents (solver,
/// verifier, whistleblower) on a task whose solver cheats; the
/// whistleblower's game convicts it, with draws from the epoch beacon and
/// every transaction of the agents in blocks of the best chain.
#[test]
fn a_cheating_solver_is_convicted_on_the_pos_devnet() {
    let net = Devnet { base: tempfile::tempdir().unwrap() };
    net.run(&["devnet", "up", "--validators", "4", "--rpc-port", "0", "--json"]).ok_json();
    let demo = net.run(&["demo", "--scenario", "cheating-solver", "--json"]).ok_json();
    let s = &demo["scenarios"][0];
    assert_eq!(s["cancel_reason"], "solver_convicted", "{s:#}");
    assert_eq!(s["reconciles"], true);
    let games = s["games"].as_array().unwrap();
    assert!(!games.is_empty() && games.iter().all(|g| g["winner"] != "solver"), "{games:#?}");
    let change = |who: &str| -> i128 {
        let row = s["balances"].as_array().unwrap().iter().find(|r| r["account"] == who).unwrap();
        row["change"].as_str().unwrap().parse().unwrap()
    };
    assert!(change("charlie") < -(999 * UNIT as i128), "the solver loses its stake");
    assert!(change("eve") > 0, "the whistleblower gains");
}

/// The held amount of `who`'s availability bond (0 if none).
fn holder_bond(net: &Devnet, who: &str) -> u128 {
    let acct = net.run(&["account", who, "--json"]).ok_json();
    acct["holds"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["reason"] == "Availability.HolderBond")
        .map(|h| h["amount"].as_str().unwrap().parse().unwrap())
        .unwrap_or(0)
}

#[test]
fn artefacts_are_sharded_across_validators_read_back_with_one_down_and_a_withholder_is_slashed() {
    let net = Devnet { base: tempfile::tempdir().unwrap() };
    net.run(&["devnet", "up", "--validators", "4", "--rpc-port", "0", "--json"]).ok_json();
    let st = status(&net);
    let rpc = |name: &str| validator(&st, name)["rpc_url"].as_str().unwrap().to_string();
    for v in ["alice", "bob", "charlie", "dave"] {
        assert_eq!(holder_bond(&net, v), 100 * UNIT, "{v} is bonded as a holder at genesis");
    }
    // Put through alice's node: `blob put` returns once the chain counts it
    // available, every validator holding one shard.
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/blobs-mlp-sgd.toml");
    let put = net.run(&["blob", "put", fixture, "--as", "alice", "--rpc", &rpc("alice"), "--json"]).ok_json();
    let data_id = put["artefacts"][1]["id"].as_str().unwrap().to_string();
    let entry = net.run(&["blob", "status", &data_id, "--json"]).ok_json();
    assert_eq!(entry["status"], "available", "{entry:#}");
    assert_eq!((entry["erasure"]["k"].as_u64(), entry["erasure"]["n"].as_u64()), (Some(2), Some(4)));
    assert!(entry["attested"].as_u64().unwrap() >= 3, "more than two thirds attested: {entry:#}");
    for v in ["alice", "bob", "charlie", "dave"] {
        let shards = net.base.path().join(format!("validators/{v}/store/shards"));
        let held = std::fs::read_dir(&shards)
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().starts_with(&data_id[2..]));
        assert_eq!(held.count(), 1, "{v} holds one shard of the dataset");
    }

    // A shard that never came: alice's node no longer knows dave's, so it
    // hands dave nothing. Dave's node sees the registration, rebuilds its
    // shard from its peers' within the attestation window, and attests.
    let peers_file = net.base.path().join("validators/alice/store-peers");
    let peers = std::fs::read_to_string(&peers_file).unwrap();
    let without_dave: String = peers.lines().filter(|l| !l.contains(&rpc("dave"))).map(|l| format!("{l}\n")).collect();
    assert_ne!(without_dave, peers, "alice's peers list dave");
    std::fs::write(&peers_file, without_dave).unwrap();
    // Not a fixture the demo below puts: its data must stay attested by
    // the three left up.
    let other = concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/blobs-mlp-adamw.toml");
    let put = net.run(&["blob", "put", other, "--as", "alice", "--rpc", &rpc("alice"), "--json"]).ok_json();
    std::fs::write(&peers_file, peers).unwrap();
    for artefact in put["artefacts"].as_array().unwrap() {
        let id = artefact["id"].as_str().unwrap();
        let entry = loop {
            let entry = net.run(&["blob", "status", id, "--json"]).ok_json();
            let dave = entry["holders"].as_array().unwrap().iter().find(|h| h["holder"] == "dave").unwrap().clone();
            if dave["attested"] == true {
                break entry;
            }
            // Past the deadline no attestation counts: fail then, not later.
            assert!(entry["best"].as_u64() <= entry["deadline"].as_u64(), "dave attests {id}, never sent: {entry:#}");
            std::thread::sleep(Duration::from_millis(500));
        };
        let index =
            entry["holders"].as_array().unwrap().iter().find(|h| h["holder"] == "dave").unwrap()["shard"].clone();
        let path = net.base.path().join(format!("validators/dave/store/shards/{}.", &id[2..]));
        let held = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.to_string_lossy().starts_with(path.to_str().unwrap()))
            .unwrap_or_else(|| panic!("dave keeps the shard of {id} it rebuilt"));
        let shard: gensyn_devnet::availability::HeldShard =
            codec::Decode::decode(&mut &std::fs::read(&held).unwrap()[..]).unwrap();
        assert_eq!(serde_json::json!(shard.index), index, "dave's own shard");
        assert_eq!(format!("0x{}", hex::encode(shard.erasure.root)), entry["erasure"]["root"].as_str().unwrap());
        assert!(shard.checks(), "the rebuilt shard is under the chain's erasure root");
    }

    // Dave goes down; bob (no whole copy) rebuilds the dataset from k shards.
    net.run(&["devnet", "stop-validator", "dave", "--json"]).ok_json();
    let out = net.base.path().join("dataset.bin");
    let got =
        net.run(&["blob", "get", &data_id, "--out", out.to_str().unwrap(), "--rpc", &rpc("bob"), "--json"]).ok_json();
    assert_eq!(got["kind"], "dataset", "{got}");
    assert_eq!(got["source"], "shards", "the reader rebuilt it from the validators' shards: {got}");
    let used: std::collections::BTreeSet<u64> =
        got["shards"].as_array().unwrap().iter().map(|s| s["shard"].as_u64().unwrap()).collect();
    assert!(used.len() >= 2, "k = 2 distinct shards: {got}");

    // Bob's and charlie's shards corrupted on disk, dave down: one good
    // shard of two needed. The reader reports each bad one and the node
    // that did not answer, and falls back to alice's whole copy.
    let shard_file = |v: &str| {
        let dir = net.base.path().join(format!("validators/{v}/store/shards"));
        std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(&data_id[2..]))
            .unwrap()
    };
    let kept: Vec<_> = ["bob", "charlie"]
        .iter()
        .map(|v| {
            let path = shard_file(v);
            let good = std::fs::read(&path).unwrap();
            let mut bad = good.clone();
            *bad.last_mut().unwrap() ^= 1;
            std::fs::write(&path, bad).unwrap();
            (path, good)
        })
        .collect();
    let got =
        net.run(&["blob", "get", &data_id, "--out", out.to_str().unwrap(), "--rpc", &rpc("alice"), "--json"]).ok_json();
    for (path, good) in &kept {
        std::fs::write(path, good).unwrap();
    }
    assert_eq!((got["kind"].as_str(), got["source"].as_str()), (Some("dataset"), Some("node")), "{got}");
    let skipped = got["skipped"].as_array().unwrap();
    for v in ["bob", "charlie"] {
        assert!(
            skipped
                .iter()
                .any(|s| s["source"] == rpc(v) && s["why"].as_str().unwrap().contains("not under the erasure root")),
            "{v}'s corrupt shard is reported: {got:#}"
        );
    }
    assert!(
        skipped.iter().any(|s| s["source"] == rpc("dave") && s["why"].as_str().unwrap().starts_with("unreachable")),
        "dave, down, is reported: {got:#}"
    );

    // A task with a dispute, played to the end with dave down: its data is
    // attested by the three left (more than two thirds).
    let demo = net.run(&["demo", "--scenario", "cheating-solver", "--json"]).ok_json();
    let s = &demo["scenarios"][0];
    assert_eq!(s["cancel_reason"], "solver_convicted", "{s:#}");
    assert!(!s["games"].as_array().unwrap().is_empty(), "a game was played: {s:#}");

    // Dave attested the first artefacts, so it is challenged for them: down,
    // it cannot answer, and its bond is slashed. The others answer theirs.
    let deadline = Instant::now() + Duration::from_secs(120);
    while holder_bond(&net, "dave") == 100 * UNIT {
        assert!(Instant::now() < deadline, "dave was never slashed for its missed challenges");
        std::thread::sleep(Duration::from_secs(2));
    }
    for v in ["alice", "bob", "charlie"] {
        assert_eq!(holder_bond(&net, v), 100 * UNIT, "{v} answered every challenge");
    }

    // Last (it costs challenges): every shard left up corrupt and alice's
    // whole copy gone. Read through bob, the artefact the chain counts
    // available cannot be rebuilt, and the error says so and why; it used
    // to say the store held nothing.
    for v in ["alice", "bob", "charlie"] {
        let path = shard_file(v);
        let mut bad = std::fs::read(&path).unwrap();
        *bad.last_mut().unwrap() ^= 1;
        std::fs::write(&path, bad).unwrap();
    }
    let whole = net.base.path().join(format!("validators/alice/store/{}", &data_id[2..]));
    std::fs::rename(&whole, net.base.path().join("moved")).expect("alice keeps the dataset whole");
    let got = net.run(&["blob", "get", &data_id, "--out", out.to_str().unwrap(), "--rpc", &rpc("bob")]);
    assert_eq!(got.code, 1, "{}", got.stderr);
    assert_eq!(got.stderr.trim().lines().count(), 1, "one line: {}", got.stderr);
    assert!(got.stderr.contains("is available on chain, but only 0 of the 2 shards needed checked"), "{}", got.stderr);
    assert!(got.stderr.contains("not under the erasure root") && got.stderr.contains("unreachable"), "{}", got.stderr);
}
