//! End to end against a real node: `gensyn devnet up` on a free port, stake
//! through the CLI, read the stake back, restart the node on the same
//! database and read it again; plus every failure a user can hit on the way.

mod common;
use common::{gensyn, gensyn_with, shape, snapshot_settings, spawn, Devnet};
use serde_json::Value;

const UNIT: u128 = 1_000_000_000_000;

fn solver_active(account: &Value) -> Option<u128> {
    account["stakes"]["solver"]["active"].as_str().map(|s| s.parse().unwrap())
}

/// What an account holds back for storage it paid for: deposits that
/// come back when the entries are pruned, so not a cost of the protocol.
fn storage_deposits(account: &Value) -> u128 {
    account["holds"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["reason"] == "Availability.StorageDeposit")
        .map(|h| h["amount"].as_str().unwrap().parse::<u128>().unwrap())
        .sum()
}

/// Free balance plus storage deposits: what an account has once its
/// stored artefacts are pruned.
fn free_and_deposits(account: &Value) -> u128 {
    account["free"].as_str().unwrap().parse::<u128>().unwrap() + storage_deposits(account)
}

fn event_names(doc: &Value) -> Vec<String> {
    doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| format!("{}.{}", e["pallet"].as_str().unwrap(), e["name"].as_str().unwrap()))
        .collect()
}

#[test]
fn stake_survives_a_node_restart() {
    let net = Devnet { base: tempfile::tempdir().unwrap() };
    let settings = snapshot_settings();

    // Start on a free port and wait for readiness.
    let up = net.run(&["devnet", "up", "--rpc-port", "0", "--json"]).ok_json();
    assert_eq!(up["already_running"], false);
    assert!(up["best"]["number"].as_u64().unwrap() >= 1, "has produced a block: {up}");
    let port = up["rpc_port"].as_u64().unwrap().to_string();
    settings.bind(|| insta::assert_snapshot!("json__devnet_up", shape(&up)));

    // `up` again is idempotent and says so.
    let again = net.run(&["devnet", "up", "--json"]).ok_json();
    assert_eq!(again["already_running"], true);
    assert_eq!(again["pid"], up["pid"]);

    // A second devnet on the same port: a clean "port in use" error.
    let other = tempfile::tempdir().unwrap();
    let clash = gensyn(&["devnet", "up", "--rpc-port", &port, "--base-path", other.path().to_str().unwrap(), "--json"]);
    assert_eq!(clash.code, 1);
    assert_eq!(clash.json()["error"]["kind"], "port_in_use");
    assert!(clash.stderr.contains(&format!("port {port}")), "{}", clash.stderr);

    // Status names the node we started.
    let status = net.run(&["devnet", "status", "--json"]).ok_json();
    assert_eq!(status["pid"], up["pid"]);
    assert_eq!(status["chain"], "gensyn devnet");
    assert_eq!(status["best"]["number"], status["finalized"]["number"], "instant finality");
    settings.bind(|| insta::assert_snapshot!("json__devnet_status", shape(&status)));

    // Stake 1500 GSN as a solver.
    let staked = net.run(&["stake", "--role", "solver", "--amount", "1500", "--as", "alice", "--json"]).ok_json();
    assert_eq!(staked["status"], "finalized");
    assert!(event_names(&staked).contains(&"Gensyn.Staked".to_string()), "{staked}");
    settings.bind(|| insta::assert_snapshot!("json__stake", shape(&staked)));

    let alice = net.run(&["account", "alice", "--json"]).ok_json();
    assert_eq!(solver_active(&alice), Some(1500 * UNIT));
    assert_eq!(alice["holds"][0]["reason"], "Gensyn.SolverStake");
    assert_eq!(alice["holds"][0]["amount"], (1500 * UNIT).to_string());
    settings.bind(|| insta::assert_snapshot!("json__account", shape(&alice)));

    // Every dev account is listed without an argument.
    let all = net.run(&["account", "--json"]).ok_json();
    assert_eq!(all["accounts"].as_array().unwrap().len(), 6);

    // A pallet error comes back by name, exit 1.
    let low = net.run(&["stake", "--role", "solver", "--amount", "1", "--as", "bob", "--json"]);
    assert_eq!(low.code, 1, "{}", low.stderr);
    let err = low.json();
    assert_eq!(err["error"]["kind"], "dispatch");
    assert_eq!(err["error"]["pallet"], "Gensyn");
    assert_eq!(err["error"]["name"], "BelowMinimumStake");
    assert!(low.stderr.contains("Gensyn.BelowMinimumStake"), "{}", low.stderr);
    settings.bind(|| insta::assert_snapshot!("json__error_dispatch", shape(&err)));

    // Unstaking below the minimum (and not to zero) is refused.
    let dust = net.run(&["unstake", "--role", "solver", "--amount", "1000", "--as", "alice"]);
    assert_eq!(dust.code, 1);
    assert!(dust.stderr.contains("Gensyn.BelowMinimumStake"), "{}", dust.stderr);

    // Unstake part, try to withdraw too early, mine past the period, withdraw.
    let unstaked = net.run(&["unstake", "--role", "solver", "--amount", "400", "--as", "alice", "--json"]).ok_json();
    assert!(event_names(&unstaked).contains(&"Gensyn.Unbonding".to_string()));
    let early = net.run(&["withdraw", "--role", "solver", "--as", "alice"]);
    assert_eq!(early.code, 1);
    assert!(early.stderr.contains("Gensyn.WithdrawTooEarly"), "{}", early.stderr);
    let mined = net.run(&["devnet", "mine", "10", "--json"]).ok_json();
    assert_eq!(mined["mined"], 10);
    settings.bind(|| insta::assert_snapshot!("json__devnet_mine", shape(&mined)));
    let withdrawn = net.run(&["withdraw", "--role", "solver", "--as", "alice", "--json"]).ok_json();
    let ev = withdrawn["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Withdrawn")
        .expect("a Withdrawn event")
        .clone();
    assert_eq!(ev["fields"]["amount"], (400 * UNIT).to_string());

    // Human output is one line per result, on stdout.
    let human = net.run(&["stake", "--role", "verifier", "--amount", "500", "--as", "bob"]);
    assert_eq!(human.code, 0, "{}", human.stderr);
    assert!(human.stdout.starts_with("bob: staked 500 GSN as verifier"), "{}", human.stdout);

    // A new key, funded by alice, stakes as itself.
    let home = tempfile::tempdir().unwrap();
    let keyed = |args: &[&str]| {
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--base-path", net.base()]);
        gensyn_with(&all, &[("XDG_DATA_HOME", home.path().to_str().unwrap())], None)
    };
    let key = keyed(&["key", "new", "ops", "--json"]).ok_json();
    let sent = keyed(&["transfer", "--to", "ops", "--amount", "250", "--as", "alice", "--json"]).ok_json();
    assert!(event_names(&sent).contains(&"Balances.Transfer".to_string()), "{sent}");
    assert_eq!(sent["args"]["to"]["name"], "ops");
    settings.bind(|| insta::assert_snapshot!("json__transfer", shape(&sent)));
    let staked = keyed(&["stake", "--role", "whistleblower", "--amount", "100", "--as", "ops", "--json"]).ok_json();
    assert_eq!(staked["signer"]["name"], "ops");
    assert_eq!(staked["signer"]["address"], key["address"]);
    let ops = keyed(&["account", "ops", "--json"]).ok_json();
    assert_eq!(ops["stakes"]["whistleblower"]["active"], (100 * UNIT).to_string());
    // More than it has: the pallet's answer, by name.
    let broke = keyed(&["transfer", "--to", "bob", "--amount", "1000", "--as", "ops"]);
    assert_eq!(broke.code, 1, "{}", broke.stderr);
    assert!(broke.stderr.contains("transaction"), "{}", broke.stderr);

    let before = net.run(&["devnet", "status", "--json"]).ok_json();

    // Stop; a second stop is a no-op; the CLI now reports no node.
    let down = net.run(&["devnet", "down", "--json"]).ok_json();
    assert_eq!(down["was_running"], true);
    assert_eq!(down["killed"], false, "the node stops cleanly on SIGTERM");
    settings.bind(|| insta::assert_snapshot!("json__devnet_down", shape(&down)));
    assert_eq!(net.run(&["devnet", "down", "--json"]).ok_json()["was_running"], false);
    let gone = gensyn(&["devnet", "status", "--rpc", &format!("ws://127.0.0.1:{port}")]);
    assert_eq!(gone.code, 1);

    // Restart on the same database: the stakes are still there.
    let up2 = net.run(&["devnet", "up", "--rpc-port", "0", "--json"]).ok_json();
    assert_eq!(up2["genesis_hash"], up["genesis_hash"]);
    assert!(
        up2["best"]["number"].as_u64() >= before["best"]["number"].as_u64(),
        "the chain continues: {up2} vs {before}"
    );
    let alice = net.run(&["account", "alice", "--json"]).ok_json();
    assert_eq!(solver_active(&alice), Some(1100 * UNIT));
    let bob = net.run(&["account", "bob", "--json"]).ok_json();
    assert_eq!(bob["stakes"]["verifier"]["active"], (500 * UNIT).to_string());

    // Logs exist and can be tailed.
    let logs = net.run(&["devnet", "logs", "-n", "3"]);
    assert_eq!(logs.code, 0);
    assert!(!logs.stdout.is_empty());

    // --fresh is refused while running, and wipes the chain once stopped.
    let fresh = net.run(&["devnet", "up", "--fresh"]);
    assert_eq!(fresh.code, 2, "{}", fresh.stderr);
    net.run(&["devnet", "down"]);
    net.run(&["devnet", "up", "--rpc-port", "0", "--fresh", "--json"]).ok_json();
    let alice = net.run(&["account", "alice", "--json"]).ok_json();
    assert_eq!(solver_active(&alice), None, "a fresh chain has no stakes");
}

/// The manifest's root fields `gensyn train` reports for the fixture.
fn trained(spec: &str) -> Value {
    let out = tempfile::tempdir().unwrap();
    gensyn(&["train", spec, "--out", out.path().to_str().unwrap(), "--threads", "1", "--json"]).ok_json()
}

#[test]
fn a_task_is_submitted_with_the_trainers_commitments_and_shown() {
    let net = Devnet { base: tempfile::tempdir().unwrap() };
    let settings = snapshot_settings();
    // Blocks on a timer as well, so `--follow` sees the task's windows pass.
    net.run(&["devnet", "up", "--rpc-port", "0", "--block-time", "1000", "--json"]).ok_json();
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/blobs-mlp-sgd.toml");
    // Fair clocks: on a timer no client seals a block.
    let mined = net.run(&["devnet", "mine", "1", "--json"]);
    assert_eq!(mined.code, 2, "{}", mined.stdout);
    assert!(mined.json()["error"]["message"].as_str().unwrap().contains("timer"), "{}", mined.stdout);

    let sub = net.run(&["submit", fixture, "--fee", "20", "--deadline", "200", "--as", "alice", "--json"]).ok_json();
    assert_eq!(sub["task"], 0);
    assert!(event_names(&sub).contains(&"Gensyn.TaskSubmitted".to_string()), "{sub}");
    // The chain holds what the trainer computes: the model is checkpoint 0,
    // the program and the dataset the trainer's.
    let run = trained(fixture);
    assert_eq!(sub["spec"]["model_hash"], run["checkpoints"][0]["hash"], "{sub}\n{run}");
    assert_eq!(sub["spec"]["program_root"], run["program_root"]);
    assert_eq!(sub["spec"]["dataset_root"], run["dataset_root"]);
    assert_eq!(sub["spec"]["spec_hash"], run["spec_hash"]);

    // submit put the spec and its dataset into the node's store, under the
    // commitments the task names; a reader gets them back checked.
    let ids: Vec<&str> = sub["uploaded"].as_array().unwrap().iter().map(|u| u["id"].as_str().unwrap()).collect();
    assert_eq!(ids[0], sub["spec"]["spec_hash"].as_str().unwrap());
    let got = tempfile::tempdir().unwrap();
    let spec_out = got.path().join("spec.toml");
    let fetched = net.run(&["blob", "get", ids[0], "--out", spec_out.to_str().unwrap(), "--json"]).ok_json();
    assert_eq!(fetched["kind"], "spec");
    assert_eq!(std::fs::read(&spec_out).unwrap(), std::fs::read(fixture).unwrap());
    let put = net.run(&["blob", "put", fixture, "--as", "alice", "--json"]).ok_json();
    assert_eq!(put["artefacts"][1]["kind"], "dataset");
    assert_eq!(put["artefacts"][1]["id"].as_str().unwrap(), ids[1], "the same dataset, the same id");
    // A checkpoint goes in under its state hash: checkpoint 0 is the model.
    let run_dir = tempfile::tempdir().unwrap();
    gensyn(&["train", fixture, "--out", run_dir.path().to_str().unwrap(), "--threads", "1", "--json"]).ok_json();
    let cp = run_dir.path().join("checkpoints/step-00000000.safetensors");
    let put = net.run(&["blob", "put", cp.to_str().unwrap(), "--as", "alice", "--json"]).ok_json();
    assert_eq!(put["artefacts"][0]["id"], sub["spec"]["model_hash"]);
    // Unknown ids and files that are no artefact: one line, non-zero.
    let missing = net.run(&["blob", "get", &format!("0x{}", "ab".repeat(32)), "--out", "/dev/null", "--json"]);
    assert_eq!((missing.code, missing.json()["error"]["kind"].as_str()), (1, Some("not_found")));
    let junk = net.run(&["blob", "put", "/etc/hostname", "--as", "alice"]);
    assert_eq!(junk.code, 2, "{}", junk.stderr);

    let show = net.run(&["task", "show", "0", "--json"]).ok_json();
    for field in [
        "id",
        "phase",
        "submitter",
        "solver",
        "verifier",
        "fee",
        "steps",
        "checkpoint_every",
        "commitment",
        "audit",
        "whistles",
        "disputes",
    ] {
        assert!(show.get(field).is_some(), "task show has {field}: {show}");
    }
    assert_eq!(show["phase"], "solver_selection");
    assert_eq!(show["submitter"]["name"], "alice");
    assert_eq!(show["fee"], (20 * UNIT).to_string());
    assert_eq!((show["steps"].as_u64(), show["checkpoint_every"].as_u64()), (Some(200), Some(20)));
    let list = net.run(&["task", "list", "--json"]).ok_json();
    assert_eq!(list["tasks"].as_array().unwrap().len(), 1);
    assert_eq!(list["tasks"][0]["phase"], "solver_selection");

    // Unknown ids: one line, exit 1, kind not_found.
    for args in [&["task", "show", "7", "--json"][..], &["dispute", "show", "0", "--json"][..]] {
        let r = net.run(args);
        assert_eq!(r.code, 1, "{args:?}");
        assert_eq!(r.json()["error"]["kind"], "not_found");
    }
    // Bad submissions are refused before anything is sent.
    let bad = tempfile::tempdir().unwrap();
    let typo = bad.path().join("typo.toml");
    std::fs::write(&typo, std::fs::read_to_string(fixture).unwrap().replace("batch_size", "batch_sise")).unwrap();
    for (args, code, msg) in [
        (vec![fixture, "--fee", "0.5", "--deadline", "200"], 2, "below the minimum task fee"),
        (vec![fixture, "--fee", "20", "--deadline", "3"], 2, "leaves no time"),
        (vec![typo.to_str().unwrap(), "--fee", "20", "--deadline", "200"], 2, "batch_sise"),
    ] {
        let mut all = vec!["submit"];
        all.extend(args);
        all.extend(["--as", "alice"]);
        let r = net.run(&all);
        assert_eq!(r.code, code, "{all:?}: {}", r.stderr);
        assert!(r.stderr.contains(msg) && r.stderr.lines().count() == 1, "{all:?}: {}", r.stderr);
    }
    let home = tempfile::tempdir().unwrap();
    let env = [("XDG_DATA_HOME", home.path().to_str().unwrap())];
    let base = ["--base-path", net.base()];
    gensyn_with(&["key", "new", "poor"], &env, None);
    let poor = gensyn_with(
        &[&["submit", fixture, "--fee", "20", "--deadline", "200", "--as", "poor"][..], &base].concat(),
        &env,
        None,
    );
    assert_eq!(poor.code, 1, "{}", poor.stderr);
    assert!(poor.stderr.contains("0 GSN free"), "{}", poor.stderr);
    assert_eq!(net.run(&["task", "list", "--json"]).ok_json()["tasks"].as_array().unwrap().len(), 1, "nothing posted");

    // The store attested what it holds, so the chain sees the data.
    assert_eq!(show["data_available"], serde_json::json!({ "spec": true, "dataset": true }), "{show}");
    // Nobody enters the selection: it ends `no_solver` and the escrow comes
    // back; --follow follows the task there.
    let waited = net
        .run(&[
            "submit",
            fixture,
            "--fee",
            "20",
            "--deadline",
            "200",
            "--as",
            "bob",
            "--follow",
            "--follow-timeout",
            "120",
            "--json",
        ])
        .ok_json();
    assert_eq!(waited["task"], 1);
    assert_eq!(waited["outcome"]["phase"], "cancelled");
    assert_eq!(waited["outcome"]["cancel_reason"], "no_solver");
    settings.bind(|| insta::assert_snapshot!("json__task_show", shape(&waited["outcome"])));
    let bob = net.run(&["account", "bob", "--json"]).ok_json();
    // The escrow came back, and bob paid no storage: alice's task had
    // stored the same spec and data, available still.
    assert!(bob["holds"].as_array().unwrap().is_empty(), "{bob}");
}

#[test]
fn a_solver_agent_wins_the_draw_trains_commits_and_is_paid_for_its_time_when_no_verifier_comes() {
    let net = Devnet { base: tempfile::tempdir().unwrap() };
    net.run(&["devnet", "up", "--rpc-port", "0", "--json"]).ok_json();
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/blobs-mlp-sgd.toml");
    net.run(&["stake", "--role", "solver", "--amount", "1000", "--as", "charlie", "--json"]).ok_json();
    let before = net.run(&["account", "charlie", "--json"]).ok_json();

    // The agent, a real process; the test plays the clock (instant seal).
    let work = tempfile::tempdir().unwrap();
    let agent =
        spawn(&net, &["solve", "--once", "--as", "charlie", "--json", "--data-dir", work.path().to_str().unwrap()]);
    wait_for_keys(&net);
    let sub = net.run(&["submit", fixture, "--fee", "20", "--deadline", "400", "--as", "bob", "--json"]).ok_json();
    let id = sub["task"].as_u64().unwrap();
    let events = mine_until_done(&net, vec![agent], 240).remove(0);
    let names: Vec<&str> = events.iter().map(|e| e["event"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        ["registered", "watching", "entered", "revealed", "selected", "committed", "ended"],
        "{events:?}"
    );
    assert!(events[2..].iter().all(|e| e["task"] == id));

    // Nobody verified: after the redraws the task ends unaudited, the fee
    // goes back to bob and his deposit pays charlie for the training.
    let show = net.run(&["task", "show", &id.to_string(), "--json"]).ok_json();
    assert_eq!(
        (show["phase"].as_str(), show["cancel_reason"].as_str()),
        (Some("cancelled"), Some("no_audit")),
        "{show}"
    );
    assert_eq!(show["solver"]["name"], "charlie");
    assert_eq!(show["commitment"]["checkpoint_root"], events[5]["checkpoint_root"]);
    let run = trained(fixture);
    assert_eq!(show["commitment"]["checkpoint_root"], run["checkpoint_root"], "the agent's run is gensyn train's");
    let after = net.run(&["account", "charlie", "--json"]).ok_json();
    assert!(
        free_and_deposits(&after) > free_and_deposits(&before),
        "the deposit (10 GSN) paid the solver more than its fees"
    );
    assert!(after["holds"].as_array().unwrap().iter().all(|h| h["reason"] != "Gensyn.SolverCollateral"), "{after}");
}

/// The fork-aware pool can answer "already imported" to the very
/// submission that put a transaction in (a block landing mid-submission;
/// seen in CI as a solver agent's failed artefact attestation). The CLI then
/// follows the blocks and reports the transaction's block. Reproduced
/// exactly by handing the pool the same bytes twice while they wait in it:
/// signed one nonce ahead, they stay there until the gap is filled.
#[test]
fn a_transaction_the_pool_already_holds_is_followed_to_its_block() {
    use gensyn_cli::chain::{Chain, Wait};
    use gensyn_runtime::{AccountId, Runtime, RuntimeCall};
    use polkadot_sdk::{pallet_balances, sp_core::Pair as _, sp_keyring::Sr25519Keyring};
    use std::time::Duration;

    let net = Devnet { base: tempfile::tempdir().unwrap() };
    let up = net.run(&["devnet", "up", "--rpc-port", "0", "--json"]).ok_json();
    let url = up["rpc_url"].as_str().unwrap().to_string();
    let to_bob = |units: u128| {
        RuntimeCall::Balances(pallet_balances::Call::<Runtime>::transfer_keep_alive {
            dest: AccountId::from(Sr25519Keyring::Bob.public()).into(),
            value: units * UNIT,
        })
    };
    let before = net.run(&["account", "bob", "--json"]).ok_json();
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let alice = Sr25519Keyring::Alice.pair();
        let chain = Chain::connect(&url).await.unwrap();
        let nonce = chain.next_nonce(&AccountId::from(alice.public())).await.unwrap();
        let ahead = chain.sign(to_bob(3), &alice, nonce + 1);
        chain.submit_signed(ahead.clone(), Wait::Accepted, Duration::from_secs(5)).await.unwrap();
        // The same bytes again: the pool holds them already.
        let again = chain.submit_signed(ahead, Wait::Finalized, Duration::from_secs(60));
        let gap = async {
            // Long enough for `again` to have been answered (a local call).
            tokio::time::sleep(Duration::from_secs(3)).await;
            let filler = Chain::connect(&url).await.unwrap();
            filler.submit(to_bob(2), &alice, Wait::Finalized, Duration::from_secs(60)).await.unwrap()
        };
        let (again, filled) = tokio::join!(again, gap);
        let again = again.expect("the held transaction is followed to its block");
        assert!(again.finalized);
        assert!(again.block.unwrap().number >= filled.block.unwrap().number, "nonce order");
    });
    let after = net.run(&["account", "bob", "--json"]).ok_json();
    let free = |v: &Value| v["free"].as_str().unwrap().parse::<u128>().unwrap();
    assert_eq!(free(&after) - free(&before), 5 * UNIT, "both transfers landed once");
}

/// A connection the node dropped is opened again, to the same chain, and
/// the call made once more (a long `demo` on the PoS devnet once died of
/// "restart required"): here the node itself restarts under a live client.
#[test]
fn a_dropped_connection_is_opened_again() {
    use gensyn_cli::chain::{Chain, Wait};
    use gensyn_runtime::{AccountId, Runtime, RuntimeCall};
    use polkadot_sdk::{pallet_balances, sp_keyring::Sr25519Keyring};
    use std::time::Duration;

    let net = Devnet { base: tempfile::tempdir().unwrap() };
    let up = net.run(&["devnet", "up", "--rpc-port", "0", "--json"]).ok_json();
    let (url, port) = (up["rpc_url"].as_str().unwrap().to_string(), up["rpc_port"].to_string());
    let rt = tokio::runtime::Runtime::new().unwrap();
    let chain = rt.block_on(Chain::connect(&url)).unwrap();
    let before = rt.block_on(chain.best()).unwrap();
    net.run(&["devnet", "down", "--json"]).ok_json();
    net.run(&["devnet", "up", "--rpc-port", &port, "--json"]).ok_json();
    let after = rt.block_on(chain.best()).expect("the same client reads the restarted node");
    assert!(after.number >= before.number, "the same chain, from its database");
    let call = RuntimeCall::Balances(pallet_balances::Call::<Runtime>::transfer_keep_alive {
        dest: AccountId::from(Sr25519Keyring::Bob.public()).into(),
        value: UNIT,
    });
    let sent = rt.block_on(chain.submit(call, &Sr25519Keyring::Alice.pair(), Wait::Finalized, Duration::from_secs(60)));
    assert!(sent.unwrap().finalized);
}

/// Proof data is kept to its expiry block and not one block less; then the
/// chain prunes the entry, the node drops its shard and its copy, and a read
/// names the block the artefact expired at.
#[test]
fn an_artefact_is_kept_to_its_expiry_block_then_pruned_and_a_read_names_the_block() {
    let net = Devnet { base: tempfile::tempdir().unwrap() };
    net.run(&["devnet", "up", "--rpc-port", "0", "--json"]).ok_json();
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/blobs-mlp-sgd.toml");
    let run_dir = tempfile::tempdir().unwrap();
    gensyn(&["train", fixture, "--out", run_dir.path().to_str().unwrap(), "--threads", "1", "--json"]).ok_json();
    let cp = run_dir.path().join("checkpoints/step-00000020.safetensors");
    let put = net.run(&["blob", "put", cp.to_str().unwrap(), "--as", "alice", "--json"]).ok_json();
    let id = put["artefacts"][0]["id"].as_str().unwrap().to_string();
    let status = net.run(&["blob", "status", &id, "--json"]).ok_json();
    assert_eq!((status["status"].as_str(), status["retention"].as_str()), (Some("available"), Some("proofdata")));
    let expires = status["expires"].as_u64().unwrap();
    let best = height(&net);
    assert!(expires > best + 1000, "a proof-data window of its full length: {status}");
    // Files of the node's store that belong to this artefact.
    let store = std::path::Path::new(net.base()).join("store");
    let files = || -> Vec<String> {
        walk(&store).into_iter().filter(|name| name.contains(id.trim_start_matches("0x"))).collect()
    };
    assert!(files().iter().any(|f| !f.ends_with(".expired")), "the node holds it: {:?}", files());

    net.run(&["devnet", "mine", &(expires - 1 - best).to_string(), "--json"]).ok_json();
    assert_eq!(height(&net), expires - 1);
    let kept = net.run(&["blob", "status", &id, "--json"]).ok_json();
    assert_eq!(kept["status"], "available", "not pruned a block early: {kept}");
    let out = run_dir.path().join("back.safetensors");
    let read = net.run(&["blob", "get", &id, "--out", out.to_str().unwrap(), "--json"]).ok_json();
    assert_eq!((&read["kind"], &read["bytes"]), (&put["artefacts"][0]["kind"], &put["artefacts"][0]["bytes"]));

    net.run(&["devnet", "mine", "1", "--json"]).ok_json();
    let gone = net.run(&["blob", "status", &id, "--json"]);
    assert_eq!((gone.code, gone.json()["error"]["kind"].as_str()), (1, Some("not_found")), "{}", gone.stdout);
    // The node drops what it holds when it sees the pruning block; a read
    // then says when the artefact expired.
    let started = std::time::Instant::now();
    let read = loop {
        let read = net.run(&["blob", "get", &id, "--out", out.to_str().unwrap(), "--json"]);
        if read.stdout.contains("expired at block") || started.elapsed() > std::time::Duration::from_secs(30) {
            break read;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    };
    assert_eq!(read.code, 1, "{}", read.stdout);
    let error = &read.json()["error"];
    assert_eq!(error["kind"], "not_found");
    assert!(error["message"].as_str().unwrap().contains(&format!("expired at block {expires}")), "{error}");
    let left = files();
    assert!(left.iter().all(|f| f.ends_with(".expired")), "shard and copy dropped, a tombstone kept: {left:?}");
    let gone = net.run(&["blob", "status", &id, "--json"]);
    let message = gone.json()["error"]["message"].as_str().unwrap().to_string();
    assert!(message.contains(&format!("expired at block {expires}")), "status names the block too: {message}");
}

/// Every file's name under `dir`, recursively.
/// Storage is paid for by whoever asks: `blob put --as` holds the payer's
/// deposit (not the validator's), a payer that cannot pay is refused before
/// the node keeps anything, and a raw `gensyn_storePut` with a payment
/// signed for other bytes, or by an account with nothing, keeps nothing
/// either. Before, anyone could fill a validator's quota and disk for free.
#[test]
fn storage_is_paid_for_by_whoever_asks_and_a_put_nobody_pays_for_keeps_nothing() {
    use codec::Encode;
    use gensyn_runtime::{pallet_availability as pa, AccountId};
    use jsonrpsee::{core::client::ClientT, rpc_params, ws_client::WsClientBuilder};
    use polkadot_sdk::{
        sp_core::{sr25519, Bytes, Pair as _, H256},
        sp_runtime::MultiSignature,
    };

    let net = Devnet { base: tempfile::tempdir().unwrap() };
    let up = net.run(&["devnet", "up", "--rpc-port", "0", "--json"]).ok_json();
    let url = up["rpc_url"].as_str().unwrap().to_string();
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/blobs-mlp-sgd.toml");
    let storage_holds = |who: &str| storage_deposits(&net.run(&["account", who, "--json"]).ok_json());
    let put = net.run(&["blob", "put", fixture, "--as", "bob", "--json"]).ok_json();
    let deposits: u128 = put["artefacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["deposit"].as_str().unwrap().parse::<u128>().unwrap())
        .sum();
    assert!(deposits > 0, "{put}");
    assert_eq!(storage_holds("bob"), deposits, "held from the payer: {put}");
    assert_eq!(put["payer"], net.run(&["account", "bob", "--json"]).ok_json()["address"]);

    // A payer with nothing: one line, exit 1, and the node holds nothing new.
    let home = tempfile::tempdir().unwrap();
    let env = [("XDG_DATA_HOME", home.path().to_str().unwrap())];
    let imported = gensyn_with(&["key", "import", "poor"], &env, Some("//Poor\n"));
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    let run_dir = tempfile::tempdir().unwrap();
    gensyn(&["train", fixture, "--out", run_dir.path().to_str().unwrap(), "--threads", "1", "--json"]).ok_json();
    let cp = run_dir.path().join("checkpoints/step-00000020.safetensors");
    let poor =
        gensyn_with(&["blob", "put", cp.to_str().unwrap(), "--as", "poor", "--base-path", net.base()], &env, None);
    assert_eq!(poor.code, 1, "{}", poor.stderr);
    assert!(
        poor.stderr.contains("poor has 0 GSN free; storing") && poor.stderr.contains("holds a deposit of"),
        "{}",
        poor.stderr
    );
    assert_eq!(poor.stderr.trim().lines().count(), 1, "{}", poor.stderr);
    let store = std::path::Path::new(net.base()).join("store");
    let before = walk(&store);

    // Straight to the node's RPC, past the CLI's checks.
    let bytes = std::fs::read(&cp).unwrap();
    let id = gensyn_store::commitment_of(gensyn_store::Kind::Checkpoint, &bytes).unwrap();
    let genesis: H256 =
        serde_json::from_value(net.run(&["devnet", "status", "--json"]).ok_json()["genesis_hash"].clone()).unwrap();
    let at = height(&net) as u32;
    let retention = pa::Retention::ProofData;
    let pay = |key: &sr25519::Pair, encoding: [u8; 32]| {
        let payer = AccountId::from(key.public());
        let message = pa::payment_message(&genesis, &payer, &id, &encoding, retention, &at);
        pa::Payment { payer, at, signature: MultiSignature::from(key.sign(&message)) }
    };
    let honest = gensyn_availability::encode(&bytes, 1).unwrap().commitment.id();
    let other = gensyn_availability::encode(b"other bytes", 1).unwrap().commitment.id();
    let bob = polkadot_sdk::sp_keyring::Sr25519Keyring::Bob.pair();
    let nobody = sr25519::Pair::from_string("//Poor", None).unwrap();
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let rpc = WsClientBuilder::default().max_request_size(64 << 20).build(&url).await.unwrap();
        let put = |payment: pa::Payment<AccountId, u32, MultiSignature>| {
            let params = rpc_params!["checkpoint", Bytes(bytes.clone()), Bytes(payment.encode())];
            let rpc = &rpc;
            async move { rpc.request::<H256, _>("gensyn_storePut", params).await }
        };
        // Signed for other bytes: 4002, sign again; a payer with nothing:
        // 4000, refused.
        for (payment, code, why) in [
            (pay(&bob, other), 4002, "sign it again"),
            (pay(&nobody, honest), 4000, "the payer cannot hold the storage deposit"),
        ] {
            match put(payment).await {
                Err(jsonrpsee::core::client::Error::Call(e)) => {
                    assert_eq!(e.code(), code, "{e:?}");
                    assert!(e.message().contains(why), "{e:?}");
                }
                other => panic!("stored unpaid: {other:?}"),
            }
        }
        let has: bool = rpc.request("gensyn_storeHas", rpc_params![H256(id)]).await.unwrap();
        assert!(!has, "nothing kept of an unpaid put");
        // Paid by bob for these bytes, the same call stores it.
        assert_eq!(put(pay(&bob, honest)).await.unwrap(), H256(id));
    });
    assert!(walk(&store).len() > before.len());
    let status = net.run(&["blob", "status", &format!("0x{}", hex::encode(id)), "--json"]).ok_json();
    assert_eq!(status["status"], "available", "{status}");
    assert_eq!(status["payer"], "bob", "{status}");
    let deposit = status["deposit"].as_str().unwrap().parse::<u128>().unwrap();
    assert_eq!(storage_holds("bob"), deposits + deposit);
}

fn walk(dir: &std::path::Path) -> Vec<String> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            names.extend(walk(&path));
        } else {
            names.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    names
}

/// The best block's number.
fn height(net: &Devnet) -> u64 {
    net.run(&["devnet", "status", "--json"]).ok_json()["best"]["number"].as_u64().unwrap()
}

/// Lets agents just started register their VRF keys, then mines past the
/// 10 blocks after which a key counts.
fn wait_for_keys(net: &Devnet) {
    std::thread::sleep(std::time::Duration::from_secs(2));
    let start = height(net);
    while height(net) < start + 12 {
        net.run(&["devnet", "mine", "1"]);
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// Mines until every agent exits (at most `secs`); returns each one's event names.
fn mine_until_done(net: &Devnet, agents: Vec<std::process::Child>, secs: u64) -> Vec<Vec<Value>> {
    let started = std::time::Instant::now();
    let mut agents: Vec<Option<std::process::Child>> = agents.into_iter().map(Some).collect();
    let mut outs: Vec<Option<std::process::Output>> = agents.iter().map(|_| None).collect();
    while outs.iter().any(Option::is_none) {
        for (i, a) in agents.iter_mut().enumerate() {
            if let Some(child) = a {
                if child.try_wait().unwrap().is_some() {
                    outs[i] = Some(a.take().unwrap().wait_with_output().unwrap());
                }
            }
        }
        if started.elapsed().as_secs() > secs {
            for a in agents.iter_mut().flatten() {
                let _ = a.kill();
            }
            panic!("agents did not finish in {secs}s");
        }
        // One block at a time, slowly enough that an agent on a loaded
        // machine still acts inside windows of 5 to 10 blocks.
        net.run(&["devnet", "mine", "1"]);
        std::thread::sleep(std::time::Duration::from_millis(250));
    }
    outs.into_iter()
        .map(|o| {
            let o = o.unwrap();
            let stdout = String::from_utf8_lossy(&o.stdout).into_owned();
            assert!(o.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&o.stderr));
            stdout.lines().map(|l| serde_json::from_str(l).expect("one JSON object per line")).collect()
        })
        .collect()
}

#[test]
fn an_honest_solver_and_verifier_agent_take_a_task_to_its_payment() {
    let net = Devnet { base: tempfile::tempdir().unwrap() };
    net.run(&["devnet", "up", "--rpc-port", "0", "--json"]).ok_json();
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/blobs-mlp-sgd.toml");
    net.run(&["stake", "--role", "solver", "--amount", "1000", "--as", "charlie", "--json"]).ok_json();
    net.run(&["stake", "--role", "verifier", "--amount", "500", "--as", "dave", "--json"]).ok_json();
    net.run(&["stake", "--role", "whistleblower", "--amount", "100", "--as", "eve", "--json"]).ok_json();
    // Checkpoint deposits come back at pruning: count them as the agents'.
    let free = |who: &str| free_and_deposits(&net.run(&["account", who, "--json"]).ok_json());
    let (charlie0, dave0) = (free("charlie"), free("dave"));
    let (w1, w2, w3) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let solver =
        spawn(&net, &["solve", "--once", "--as", "charlie", "--json", "--data-dir", w1.path().to_str().unwrap()]);
    let verifier =
        spawn(&net, &["verify", "--once", "--as", "dave", "--json", "--data-dir", w2.path().to_str().unwrap()]);
    let whistler =
        spawn(&net, &["whistle", "--once", "--as", "eve", "--json", "--data-dir", w3.path().to_str().unwrap()]);
    wait_for_keys(&net);
    let sub = net.run(&["submit", fixture, "--fee", "20", "--deadline", "400", "--as", "bob", "--json"]).ok_json();
    let id = sub["task"].as_u64().unwrap();
    let logs = mine_until_done(&net, vec![solver, verifier, whistler], 300);
    let names = |l: &Vec<Value>| l.iter().map(|e| e["event"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    assert_eq!(
        names(&logs[0]),
        [
            "registered",
            "watching",
            "entered",
            "revealed",
            "selected",
            "committed",
            "opened_starts",
            "opened_ends",
            "ended"
        ],
        "{:?}",
        logs[0]
    );
    assert_eq!(
        names(&logs[1]),
        ["registered", "watching", "entered", "revealed", "selected", "verdict", "ended"],
        "{:?}",
        logs[1]
    );
    // The whistleblower re-checked blind, agreed, and settled its check.
    assert_eq!(names(&logs[2]), ["watching", "checked", "revealed", "settled"], "{:?}", logs[2]);
    assert_eq!(logs[2][2]["agrees"], true);
    let show = net.run(&["task", "show", &id.to_string(), "--json"]).ok_json();
    assert_eq!(show["phase"], "finalized", "{show}");
    assert_eq!((show["solver"]["name"].as_str(), show["verifier"]["name"].as_str()), (Some("charlie"), Some("dave")));
    // The verifier's blind replay agrees with every audited end the solver opened.
    for s in show["audit"]["segments"].as_array().unwrap() {
        assert_eq!(s["verdict"], s["end"], "{show}");
    }
    assert!(show["disputes"].as_array().unwrap().is_empty());
    assert_eq!((show["audit"]["checks"].as_u64(), show["audit"]["right_checks"].as_u64()), (Some(1), Some(1)));
    assert!(show["whistles"].as_array().unwrap().is_empty(), "the check was settled: {show}");
    // Paid: 80 % of the 20 GSN fee to the solver, 10 % to the verifier (a
    // forced round, 5 % of tasks, would add a share), less their fees.
    let (dc, dd) = (free("charlie") as i128 - charlie0 as i128, free("dave") as i128 - dave0 as i128);
    let gsn = UNIT as i128;
    assert!(dc > 15 * gsn && dc < 17 * gsn + 40 * gsn, "charlie gained {dc}");
    assert!(dd > gsn && dd < 2 * gsn + 40 * gsn, "dave gained {dd}");
}

/// `task list --watch --json` prints the list, then a line per change; it
/// outlives the node restarting (it subscribes again), and once its reader
/// goes (`| head -1`) it ends, with success, though nothing new is printed.
#[test]
fn the_task_list_watch_outlives_a_restart_and_ends_with_its_reader() {
    use std::io::{BufRead, BufReader};
    let net = Devnet { base: tempfile::tempdir().unwrap() };
    let up = net.run(&["devnet", "up", "--rpc-port", "0", "--json"]).ok_json();
    let port = up["rpc_port"].to_string();
    let mut watch = spawn(&net, &["task", "list", "--watch", "--json"]);
    let mut lines = BufReader::new(watch.stdout.take().unwrap()).lines();
    let mut next = move || -> Value { serde_json::from_str(&lines.next().unwrap().unwrap()).unwrap() };
    assert_eq!(next()["tasks"], serde_json::json!([]));
    net.run(&["devnet", "down", "--json"]).ok_json();
    net.run(&["devnet", "up", "--rpc-port", &port, "--json"]).ok_json();
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/blobs-mlp-sgd.toml");
    net.run(&["submit", fixture, "--fee", "20", "--deadline", "200", "--as", "alice", "--json"]).ok_json();
    let doc = next();
    assert_eq!(doc["tasks"][0]["id"], 0, "{doc}");
    drop(next); // the reader goes
                // A bound for a hang, not a timing: the watch checks its reader four
                // times a second.
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = watch.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > std::time::Duration::from_secs(60) {
            let _ = watch.kill();
            panic!("the watch did not end when its reader went");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    let mut err = String::new();
    std::io::Read::read_to_string(&mut watch.stderr.take().unwrap(), &mut err).unwrap();
    assert!(status.success(), "{status}: {err}");
}
