//! Helpers shared by the CLI's integration tests: run the real `gensyn`
//! binary and capture what a shell script would see.

#![allow(dead_code)]

use serde_json::Value;
use std::process::Command;

/// The crate's directory, read at run time (cargo sets it for tests), so a
/// test binary built from another checkout path still finds the fixtures.
fn manifest_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR").map(Into::into).unwrap_or_else(|| env!("CARGO_MANIFEST_DIR").into())
}

/// What one `gensyn` invocation produced.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// stdout parsed as the one JSON document `--json` promises.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!("stdout is not one JSON document ({e}):\n{}\nstderr:\n{}", self.stdout, self.stderr)
        })
    }

    /// Asserts success and returns the JSON document.
    pub fn ok_json(&self) -> Value {
        assert_eq!(self.code, 0, "expected success; stderr:\n{}\nstdout:\n{}", self.stderr, self.stdout);
        self.json()
    }
}

/// Runs `gensyn ARGS` with a clean environment for its own variables.
pub fn gensyn(args: &[&str]) -> Run {
    gensyn_with(args, &[], None)
}

/// Runs `gensyn ARGS` with extra environment variables and, if given,
/// `stdin` as its standard input.
pub fn gensyn_with(args: &[&str], env: &[(&str, &str)], stdin: Option<&str>) -> Run {
    use std::io::Write;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gensyn"));
    cmd.args(args)
        .env_remove("GENSYN_RPC")
        .env_remove("GENSYN_JSON")
        .env_remove("GENSYN_BASE_PATH")
        .env_remove("GENSYN_ACCOUNT")
        .envs(env.iter().copied())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().expect("gensyn runs");
    {
        // Dropping stdin closes it: a command that reads sees the end.
        let mut input = child.stdin.take().expect("piped stdin");
        if let Some(text) = stdin {
            input.write_all(text.as_bytes()).expect("stdin takes the input");
        }
    }
    let out = child.wait_with_output().expect("gensyn finishes");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// insta settings writing to the repository's `snapshots/` folder.
pub fn snapshot_settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(manifest_dir().join("../snapshots"));
    s.set_prepend_module_to_snapshot(false);
    s
}

/// Pretty JSON text of a redacted document, for `insta::assert_snapshot!`
/// (snapshotting the text keeps serde_json's number internals out).
pub fn shape(v: &Value) -> String {
    serde_json::to_string_pretty(&redact(v)).unwrap()
}

/// Replaces volatile values (hashes, pids, ports, paths, timings, block
/// numbers) with placeholders so a JSON shape can be snapshotted.
pub fn redact(v: &Value) -> Value {
    const VOLATILE: &[&str] = &[
        "hash",
        "tx_hash",
        "genesis_hash",
        "pid",
        "rpc_url",
        "rpc_port",
        "base_path",
        "log_file",
        "ready_ms",
        "stopped_ms",
        "number",
        "endpoint",
        "unlock_at",
        "actual_fee",
        "nonce",
        "free",
        "address",
        "who",
        "created_at",
        "deadline",
        "deadline_of_phase",
        "closes_at",
    ];
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, v)| {
                    let v = if VOLATILE.contains(&k.as_str()) && !v.is_null() {
                        Value::String(format!("[{k}]"))
                    } else {
                        redact(v)
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(redact).collect()),
        other => other.clone(),
    }
}

/// Stops the node even when an assertion fails half-way.
pub struct Devnet {
    pub base: tempfile::TempDir,
}

impl Devnet {
    pub fn base(&self) -> &str {
        self.base.path().to_str().unwrap()
    }

    pub fn run(&self, args: &[&str]) -> Run {
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--base-path", self.base()]);
        gensyn(&all)
    }
}

impl Drop for Devnet {
    fn drop(&mut self) {
        let _ = gensyn(&["devnet", "down", "--base-path", self.base()]);
    }
}

/// Starts `gensyn ARGS` against `net`'s node, its output piped.
pub fn spawn(net: &Devnet, args: &[&str]) -> std::process::Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_gensyn"))
        .args(args)
        .args(["--base-path", net.base()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}
