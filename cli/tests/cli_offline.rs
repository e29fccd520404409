//! CLI behaviour that needs no node: help texts (insta snapshots), argument
//! errors (exit 2) and an unreachable node (exit 1), in text and `--json`.

mod common;
use common::{gensyn, gensyn_with, snapshot_settings};

/// The crate's directory, read at run time (cargo sets it for tests), so a
/// test binary built from another checkout path still finds the fixtures.
fn manifest_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR").map(Into::into).unwrap_or_else(|| env!("CARGO_MANIFEST_DIR").into())
}

#[test]
fn help_texts_are_stable() {
    let cases: &[&[&str]] = &[
        &["--help"],
        &["devnet", "--help"],
        &["devnet", "up", "--help"],
        &["devnet", "status", "--help"],
        &["devnet", "logs", "--help"],
        &["devnet", "down", "--help"],
        &["devnet", "mine", "--help"],
        &["account", "--help"],
        &["stake", "--help"],
        &["unstake", "--help"],
        &["withdraw", "--help"],
        &["completions", "--help"],
        &["train", "--help"],
        &["replay", "--help"],
        &["sim", "--help"],
        &["key", "--help"],
        &["key", "new", "--help"],
        &["key", "import", "--help"],
        &["key", "list", "--help"],
        &["transfer", "--help"],
        &["submit", "--help"],
        &["task", "--help"],
        &["task", "show", "--help"],
        &["dispute", "show", "--help"],
        &["blob", "--help"],
        &["blob", "put", "--help"],
        &["blob", "get", "--help"],
        &["solve", "--help"],
        &["verify", "--help"],
        &["whistle", "--help"],
    ];
    let settings = snapshot_settings();
    settings.bind(|| {
        for args in cases {
            let run = gensyn(args);
            assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
            let name = format!("help__{}", args[..args.len() - 1].join("_"));
            let name = if name == "help__" { "help".to_string() } else { name };
            insta::assert_snapshot!(name, run.stdout);
        }
    });
}

#[test]
fn sim_runs_offline_and_reports_each_strategy_in_json() {
    let run = gensyn(&["sim", "--tasks", "12", "--solvers", "honest=2,cheat=1", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = run.json();
    assert_eq!(doc["schema_version"], 1);
    assert_eq!(doc["tasks"], 12);
    let rows = doc["strategies"].as_array().expect("strategies");
    let cheat = rows.iter().find(|r| r["role"] == "solver" && r["strategy"] == "cheat").expect("a cheat row");
    for field in ["mean", "spread", "count"] {
        assert!(cheat[field].is_number(), "{field}: {cheat}");
    }
    assert!(rows.iter().all(|r| r["strategy"] != "lazy" || r["role"] != "solver"), "only the mix asked for");
}

#[test]
fn a_bad_sim_mix_is_a_one_line_usage_error() {
    let run = gensyn(&["sim", "--whistleblowers", "honest=2,cheat=1"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr.trim(),
        "error: whistleblower cannot play cheat (one of honest, lazy, false-whistle, silent, collude)"
    );
    assert!(run.stdout.is_empty());
}

#[test]
fn unknown_account_is_a_usage_error() {
    let run = gensyn(&["account", "mallory", "--rpc", "ws://127.0.0.1:1"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("unknown account 'mallory'"), "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "one-line error: {}", run.stderr);
    assert!(run.stdout.is_empty());
}

#[test]
fn unknown_signer_is_a_usage_error_under_json() {
    let run = gensyn(&["stake", "--role", "solver", "--amount", "1000", "--as", "mallory", "--json"]);
    assert_eq!(run.code, 2);
    let doc = run.json();
    assert_eq!(doc["error"]["kind"], "usage");
    assert_eq!(doc["error"]["exit_code"], 2);
    assert_eq!(doc["schema_version"], 1);
}

#[test]
fn bad_amount_is_a_usage_error() {
    for amount in ["-5", "abc", "0", "1.0000000000001"] {
        let run = gensyn(&["stake", "--role", "solver", "--amount", amount, "--as", "alice"]);
        assert_eq!(run.code, 2, "{amount}: {}", run.stderr);
        assert!(run.stderr.contains("bad amount"), "{}", run.stderr);
    }
}

#[test]
fn bad_role_is_a_clap_usage_error() {
    let run = gensyn(&["stake", "--role", "miner", "--amount", "1", "--as", "alice"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("invalid value 'miner'"), "{}", run.stderr);
}

#[test]
fn a_wait_past_a_week_or_of_nothing_is_a_usage_error_not_a_panic() {
    // The largest u64 used to pass the parser and overflow the deadline
    // (`Instant + Duration`) after the put had already gone through.
    for (args, secs) in [
        (&["blob", "put", "fixtures/blobs-mlp-sgd.toml", "--as", "alice", "--timeout"][..], "18446744073709551615"),
        (&["stake", "--role", "solver", "--amount", "1", "--as", "alice", "--timeout"][..], "604801"),
        (&["devnet", "down", "--timeout"][..], "0"),
    ] {
        let run = gensyn(&[args, &[secs]].concat());
        assert_eq!(run.code, 2, "{args:?} {secs}: {}", run.stderr);
        assert!(run.stderr.contains("is not in 1..=604800"), "{}", run.stderr);
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    }
}

#[test]
fn the_dashboard_outside_a_terminal_points_to_its_json_twin() {
    let r = gensyn(&["tui"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("`gensyn task list --watch --json`"), "{}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
}

#[test]
fn node_not_running_is_a_runtime_error() {
    for args in [
        vec!["devnet", "status", "--rpc", "ws://127.0.0.1:1"],
        vec!["account", "alice", "--rpc", "ws://127.0.0.1:1"],
        vec!["stake", "--role", "solver", "--amount", "1000", "--as", "alice", "--rpc", "ws://127.0.0.1:1"],
    ] {
        let run = gensyn(&args);
        assert_eq!(run.code, 1, "{args:?}");
        assert!(run.stderr.contains("no node is answering at ws://127.0.0.1:1"), "{}", run.stderr);
        assert!(run.stderr.contains("gensyn devnet up"), "{}", run.stderr);
    }
    let mut args = vec!["devnet", "status", "--rpc", "ws://127.0.0.1:1", "--json"];
    let doc = gensyn(&args).json();
    assert_eq!(doc["error"]["kind"], "node_not_running");
    // The environment-variable twin of --json.
    args.pop();
    let out =
        std::process::Command::new(env!("CARGO_BIN_EXE_gensyn")).args(&args).env("GENSYN_JSON", "1").output().unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["error"]["kind"], "node_not_running");
}

#[test]
fn down_without_a_node_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().to_str().unwrap();
    for _ in 0..2 {
        let doc = gensyn(&["devnet", "down", "--base-path", base, "--json"]).ok_json();
        assert_eq!(doc["was_running"], false);
    }
}

/// The PoS devnet's commands on a folder that has none: one-line usage
/// errors (exit 2), and nothing started or written.
#[test]
fn pos_commands_without_a_pos_devnet_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().to_str().unwrap();
    // (args, what stderr says, whether the message is ours: one line; clap's
    // own refusals name the flag over several).
    let cases: &[(&[&str], &str, bool)] = &[
        (&["devnet", "up", "--validators", "7"], "7 is not in 1..=6", false),
        (&["devnet", "up", "--validators", "0"], "0 is not in 1..=6", false),
        (&["devnet", "up", "--validators", "4", "--block-time", "500"], "cannot be used with", false),
        (&["devnet", "spec"], "no PoS devnet in", true),
        (&["devnet", "logs", "--validator", "bob"], "not running here", true),
        (&["devnet", "stop-validator", "bob"], "no PoS devnet", true),
        (&["devnet", "start-validator", "bob"], "no PoS devnet", true),
    ];
    for (args, says, ours) in cases {
        let mut all = args.to_vec();
        all.extend(["--base-path", base]);
        let run = gensyn(&all);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
        if *ours {
            assert_eq!(run.stderr.trim().lines().count(), 1, "{args:?}: one line: {}", run.stderr);
        }
    }
    assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none(), "nothing written");
}

#[test]
fn completions_are_generated() {
    let run = gensyn(&["completions", "bash"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("_gensyn()"), "{}", &run.stdout[..200.min(run.stdout.len())]);
}

#[test]
fn train_then_replay_a_fixture() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("run");
    let spec_path = manifest_dir().join("../fixtures/blobs-mlp-sgd.toml");
    let spec = spec_path.to_str().unwrap();
    let doc = gensyn(&["train", spec, "--out", out.to_str().unwrap(), "--threads", "2", "--json"]).ok_json();
    assert_eq!(doc["steps"], 200);
    assert_eq!(doc["checkpoints"].as_array().unwrap().len(), 11);
    assert!(doc["final_loss"].as_f64().unwrap() < 0.5 * doc["first_loss"].as_f64().unwrap());
    // Same spec, other thread count: the same commitments.
    let out1 = dir.path().join("run1");
    let again = gensyn(&["train", spec, "--out", out1.to_str().unwrap(), "--threads", "1", "--json"]).ok_json();
    assert_eq!(again["checkpoints"], doc["checkpoints"]);
    // Every SIMD path: the same commitments; one this CPU lacks is refused.
    let out2 = dir.path().join("run2");
    let generic = gensyn_with(
        &["train", spec, "--out", out2.to_str().unwrap(), "--threads", "2", "--json"],
        &[("GENSYN_SIMD", "generic")],
        None,
    )
    .ok_json();
    assert_eq!(generic["checkpoints"], doc["checkpoints"]);
    let bogus = gensyn_with(&["train", spec, "--json"], &[("GENSYN_SIMD", "bogus")], None);
    assert_eq!(bogus.code, 2, "{}", bogus.stderr);
    assert!(bogus.stderr.contains("GENSYN_SIMD=bogus: this CPU runs"), "{}", bogus.stderr);

    let r = gensyn(&["replay", out.to_str().unwrap(), "--segment", "4", "--json"]).ok_json();
    assert_eq!(r["ok"], true);
    assert_eq!(r["got"], doc["checkpoints"][5]["hash"]);
    let missing = gensyn(&["replay", out.to_str().unwrap(), "--segment", "10"]);
    assert_eq!(missing.code, 2, "{}", missing.stderr);
}

/// `--device cuda` trains to the CPU's commitments where a GPU is present;
/// without one (CI) it fails with exit 1 and kind `device_unavailable`,
/// writing nothing.
#[test]
fn cuda_device_gives_the_cpu_commitments_or_says_why_not() {
    let dir = tempfile::tempdir().unwrap();
    let spec_path = manifest_dir().join("../fixtures/blobs-mlp-sgd.toml");
    let spec = spec_path.to_str().unwrap();
    let (cpu_out, gpu_out) = (dir.path().join("cpu"), dir.path().join("gpu"));
    let run = gensyn(&["train", spec, "--out", gpu_out.to_str().unwrap(), "--device", "cuda", "--json"]);
    if run.code != 0 {
        assert_eq!(run.code, 1, "{}", run.stderr);
        let doc = run.json();
        assert_eq!(doc["error"]["kind"], "device_unavailable", "{doc}");
        assert!(!gpu_out.exists(), "nothing is written when the device is missing");
        return eprintln!("skipped the GPU comparison: {}", doc["error"]["message"]);
    }
    let gpu = run.json();
    assert!(gpu["device"].as_str().unwrap().starts_with("cuda"), "{gpu}");
    let cpu = gensyn(&["train", spec, "--out", cpu_out.to_str().unwrap(), "--threads", "2", "--json"]).ok_json();
    assert_eq!(gpu["checkpoints"], cpu["checkpoints"]);
    assert_eq!(gpu["step_root"], cpu["step_root"]);
    let r = gensyn(&["replay", cpu_out.to_str().unwrap(), "--segment", "3", "--device", "cuda", "--json"]).ok_json();
    assert_eq!(r["ok"], true);
}

#[test]
fn bad_task_specs_are_usage_errors_naming_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(manifest_dir().join("../fixtures/blobs-mlp-sgd.toml"))
        .unwrap()
        .replace("batch_size = 64", "batch_size = 0");
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, text).unwrap();
    let run = gensyn(&["train", bad.to_str().unwrap(), "--out", dir.path().join("o").to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("train.batch_size"), "{}", run.stderr);
    let run = gensyn(&["train", "/nonexistent/task.toml", "--json"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.json()["error"]["kind"], "usage");
}

#[test]
fn keys_are_made_imported_and_listed_without_showing_secrets() {
    let home = tempfile::tempdir().unwrap();
    let env = [("XDG_DATA_HOME", home.path().to_str().unwrap())];
    let run = |args: &[&str], stdin: Option<&str>| gensyn_with(args, &env, stdin);

    let made = run(&["key", "new", "ops", "--json"], None).ok_json();
    assert_eq!(made["name"], "ops");
    let phrase = made["phrase"].as_str().expect("the phrase, once").to_string();
    assert_eq!(phrase.split_whitespace().count(), 12);
    let file = home.path().join("gensyn/keys/ops.json");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);

    // The same secret under a second name is refused: one key, one name.
    let dup = run(&["key", "import", "ops2"], Some(&format!("{phrase}\n")));
    assert_eq!(dup.code, 2, "{}", dup.stderr);
    assert!(dup.stderr.contains("already stored as 'ops'"), "{}", dup.stderr);

    // A secret URI from stdin; the phrase never appears in arguments.
    let imported = run(&["key", "import", "zed", "--json"], Some("//Zed\n")).ok_json();
    assert!(imported.get("phrase").is_none(), "import does not echo the secret");
    let listed = run(&["key", "list", "--json"], None).ok_json();
    let names: Vec<&str> = listed["keys"].as_array().unwrap().iter().map(|k| k["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["ops", "zed"]);
    assert!(!listed.to_string().contains(&phrase) && !listed.to_string().contains("//Zed"), "no secret in a list");
    assert_eq!(listed["keys"][0]["address"], made["address"]);

    // Mistakes: one line, exit 2, nothing stored or overwritten.
    for (args, stdin, msg) in [
        (&["key", "new", "ops"][..], None, "exists already"),
        (&["key", "new", "alice"][..], None, "dev account"),
        (&["key", "new", "Bad Name"][..], None, "invalid key name"),
        (&["key", "import", "empty"][..], Some(""), "no secret phrase on stdin"),
        (&["key", "import", "junk"][..], Some("not a phrase\n"), "not a valid secret"),
    ] {
        let r = run(args, stdin);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(msg) && r.stderr.lines().count() == 1, "{args:?}: {}", r.stderr);
    }
    assert_eq!(run(&["key", "list", "--json"], None).ok_json()["keys"].as_array().unwrap().len(), 2);

    // A stored key signs: against no node, the failure is the node's.
    let r = run(&["transfer", "--to", "alice", "--amount", "1", "--as", "zed", "--rpc", "ws://127.0.0.1:1"], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("no node is answering"), "{}", r.stderr);
    let r = run(&["transfer", "--to", "nobody", "--amount", "1", "--as", "zed"], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("unknown account 'nobody'"), "{}", r.stderr);
}
