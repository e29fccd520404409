//! The devnet's state file (`<base>/devnet.json`): which process serves which
//! endpoint. Written atomically (temp file + rename) so a crash mid-write
//! never leaves a torn file.

use serde::{Deserialize, Serialize};
use std::{
    io::Write,
    path::{Path, PathBuf},
};

/// File name of the state file inside the base path.
pub const STATE_FILE: &str = "devnet.json";
/// File name of the node's log inside the base path.
pub const LOG_FILE: &str = "node.log";

/// What `gensyn devnet up` records about the node it started.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct DevnetState {
    /// The node's process id.
    pub pid: u32,
    /// The RPC port on 127.0.0.1.
    pub rpc_port: u16,
    /// The RPC endpoint.
    pub rpc_url: String,
    /// The base path (database, log, this file).
    pub base_path: PathBuf,
    /// The node's log file.
    pub log_file: PathBuf,
    /// The timer block time, if any.
    pub block_time_ms: Option<u64>,
    /// The validator processes of a PoS devnet (`devnet up --validators N`),
    /// in start order; empty for the instant-seal node. The fields above
    /// then name the first validator, whose RPC commands use.
    #[serde(default)]
    pub validators: Vec<ValidatorProc>,
}

/// One validator process of the PoS devnet.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ValidatorProc {
    /// Its dev account's name (`alice` …), which is also its keys' seed.
    pub name: String,
    /// The process id of its last start.
    pub pid: u32,
    /// Its RPC port on 127.0.0.1.
    pub rpc_port: u16,
    /// Its RPC endpoint.
    pub rpc_url: String,
    /// The IP its libp2p port listens on (127.0.0.1 unless `--p2p-ip`).
    #[serde(default = "loopback")]
    pub p2p_ip: std::net::IpAddr,
    /// Its libp2p port.
    pub p2p_port: u16,
    /// Its libp2p peer id (fixed by its node key).
    pub peer_id: String,
    /// Its own base path (database, keystore, log).
    pub base_path: PathBuf,
    /// Its log file.
    pub log_file: PathBuf,
}

fn loopback() -> std::net::IpAddr {
    std::net::Ipv4Addr::LOCALHOST.into()
}

impl ValidatorProc {
    /// Its libp2p listen address, without the peer id.
    pub fn listen_addr(&self) -> String {
        let proto = if self.p2p_ip.is_ipv4() { "ip4" } else { "ip6" };
        format!("/{proto}/{}/tcp/{}", self.p2p_ip, self.p2p_port)
    }

    /// Its multiaddress, for `--bootnodes`.
    pub fn multiaddr(&self) -> String {
        format!("{}/p2p/{}", self.listen_addr(), self.peer_id)
    }

    /// Whether its process runs.
    pub fn alive(&self) -> bool {
        node_alive(self.pid, &self.base_path)
    }
}

impl DevnetState {
    /// Whether the devnet runs: its node, or any of its validators.
    pub fn alive(&self) -> bool {
        if self.validators.is_empty() {
            node_alive(self.pid, &self.base_path)
        } else {
            self.validators.iter().any(ValidatorProc::alive)
        }
    }

    /// Whether this is the PoS devnet.
    pub fn is_pos(&self) -> bool {
        !self.validators.is_empty()
    }
}

/// `$XDG_DATA_HOME` (if absolute), else `~/.local/share`.
pub fn data_home() -> PathBuf {
    std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The default base path: `$XDG_DATA_HOME/gensyn/devnet`, else
/// `~/.local/share/gensyn/devnet`.
pub fn default_base_path() -> PathBuf {
    data_home().join("gensyn").join("devnet")
}

/// Reads the state file, if there is a readable one.
pub fn load(base: &Path) -> Option<DevnetState> {
    let bytes = std::fs::read(base.join(STATE_FILE)).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Writes the state file atomically.
pub fn save(base: &Path, state: &DevnetState) -> std::io::Result<()> {
    let tmp = base.join(format!("{STATE_FILE}.tmp"));
    {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(&serde_json::to_vec_pretty(state).expect("state serializes"))?;
        f.sync_all()?;
    }
    std::fs::rename(tmp, base.join(STATE_FILE))
}

/// Removes the state file (missing is fine).
pub fn clear(base: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(base.join(STATE_FILE)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Whether `pid` is a live devnet node serving `base` (checks the command
/// line on Linux, so a recycled pid is not mistaken for our node).
pub fn node_alive(pid: u32, base: &Path) -> bool {
    // SAFETY: signal 0 only checks that the process exists.
    let exists = unsafe { libc::kill(pid as libc::pid_t, 0) } == 0;
    if !exists {
        return false;
    }
    match std::fs::read(format!("/proc/{pid}/cmdline")) {
        Ok(cmdline) => is_node(&cmdline, base, || !is_zombie(pid) && runs_this_binary(pid)),
        // No procfs (macOS): trust the pid.
        Err(_) => !Path::new("/proc/self").exists(),
    }
}

/// Whether a process with command line `cmdline` (NUL-separated) is a
/// devnet node serving `base`; `live_and_ours` is asked only when the
/// command line reads empty.
fn is_node(cmdline: &[u8], base: &Path, live_and_ours: impl FnOnce() -> bool) -> bool {
    if cmdline.is_empty() {
        // A zombie (no memory left), or a child caught mid-exec: the
        // kernel wakes a vfork parent (`posix_spawn`) once the child's new
        // memory is in place but before its arguments are mapped, so a
        // node checked just after it was spawned can show none. Under load
        // that read called live validators dead, and their restarts found
        // the database locked. Kernel threads read empty too, forever, so
        // it counts only if it is not a zombie and runs this very binary.
        return live_and_ours();
    }
    let args: Vec<&[u8]> = cmdline.split(|b| *b == 0).collect();
    let base = base.as_os_str().as_encoded_bytes();
    args.windows(2).any(|w| w[0] == b"devnet" && w[1] == b"node") && args.contains(&base)
}

/// Whether `pid`'s executable is this process's (a node we spawned is).
fn runs_this_binary(pid: u32) -> bool {
    match (std::fs::read_link(format!("/proc/{pid}/exe")), std::env::current_exe()) {
        (Ok(theirs), Ok(ours)) => theirs == ours,
        _ => false,
    }
}

/// Whether `pid` has exited and waits to be reaped (state `Z`, or `X`).
fn is_zombie(pid: u32) -> bool {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else { return true };
    // `pid (comm) S …`: the command name may hold spaces and parentheses.
    stat.rsplit_once(") ").is_none_or(|(_, rest)| rest.starts_with(['Z', 'X']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_round_trips_atomically() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(dir.path()), None);
        let s = DevnetState {
            pid: 42,
            rpc_port: 9944,
            rpc_url: "ws://127.0.0.1:9944".into(),
            base_path: dir.path().into(),
            log_file: dir.path().join(LOG_FILE),
            block_time_ms: Some(500),
            validators: Vec::new(),
        };
        save(dir.path(), &s).unwrap();
        assert_eq!(load(dir.path()), Some(s));
        assert!(!dir.path().join("devnet.json.tmp").exists());
        clear(dir.path()).unwrap();
        clear(dir.path()).unwrap();
        assert_eq!(load(dir.path()), None);
    }

    #[test]
    fn a_torn_state_file_reads_as_none() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(STATE_FILE), b"{\"pid\": 4").unwrap();
        assert_eq!(load(dir.path()), None);
    }

    #[test]
    fn this_process_is_not_a_devnet_node() {
        assert!(!node_alive(std::process::id(), Path::new("/nonexistent")));
        assert!(!node_alive(u32::MAX / 2, Path::new("/nonexistent")));
    }

    #[test]
    fn a_node_is_told_by_its_command_line_or_mid_exec_by_its_process() {
        let base = Path::new("/tmp/devnet");
        assert!(is_node(b"/bin/gensyn\0devnet\0node\0--base-path\0/tmp/devnet\0", base, || false));
        assert!(!is_node(b"/bin/gensyn\0devnet\0node\0--base-path\0/tmp/other\0", base, || true));
        assert!(!is_node(b"/usr/bin/sleep\0100\0", base, || true));
        // Just spawned, its arguments not mapped yet: alive if it is a live
        // process of this binary, not if a zombie, a kernel thread or
        // another program.
        assert!(is_node(b"", base, || true));
        assert!(!is_node(b"", base, || false));
    }

    #[test]
    fn an_exited_child_not_yet_reaped_is_not_alive() {
        if !Path::new("/proc/self").exists() {
            return;
        }
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        // Exited, not reaped: a zombie, whose command line reads empty.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while !is_zombie(pid) {
            assert!(std::time::Instant::now() < deadline, "`true` never exited");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert!(std::fs::read(format!("/proc/{pid}/cmdline")).unwrap().is_empty());
        assert!(!node_alive(pid, Path::new("/nonexistent")));
        assert!(!is_zombie(std::process::id()));
        child.wait().unwrap();
        // A kernel thread (pid 2, kthreadd) reads empty and never exits:
        // not a node.
        if std::fs::read("/proc/2/cmdline").is_ok_and(|c| c.is_empty()) {
            assert!(!node_alive(2, Path::new("/nonexistent")));
        }
        assert!(runs_this_binary(std::process::id()));
    }
}
