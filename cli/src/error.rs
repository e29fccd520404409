//! Errors and their exit codes.

use std::fmt;

/// Everything a command can fail with. Each maps to one exit code and one
/// stable `kind` string for `--json` consumers.
#[derive(Debug)]
pub enum CliError {
    /// Bad input from the user (exit 2).
    Usage(String),
    /// No node answers at the endpoint (exit 1).
    NodeNotRunning { url: String, reason: String },
    /// The RPC port is taken (exit 1).
    PortInUse(u16),
    /// The transaction was included but its dispatch failed (exit 1).
    Dispatch {
        /// Pallet name, e.g. `Gensyn`, if the error came from a pallet.
        pallet: Option<String>,
        /// Error name, e.g. `BelowMinimumStake`.
        name: String,
    },
    /// The node refused the transaction before inclusion (exit 1).
    Rejected(String),
    /// A replayed segment did not reproduce its committed hash (exit 1).
    Mismatch(String),
    /// What was asked for is not on chain (exit 1).
    NotFound(String),
    /// Waiting ran out (exit 1).
    Timeout(String),
    /// The requested compute device cannot be used (exit 1).
    Device(String),
    /// Anything else at run time (exit 1).
    Other(String),
}

impl CliError {
    /// The process exit code.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => 2,
            _ => 1,
        }
    }

    /// A stable machine-readable kind.
    pub fn kind(&self) -> &'static str {
        match self {
            CliError::Usage(_) => "usage",
            CliError::NodeNotRunning { .. } => "node_not_running",
            CliError::PortInUse(_) => "port_in_use",
            CliError::Dispatch { .. } => "dispatch",
            CliError::Rejected(_) => "rejected",
            CliError::Timeout(_) => "timeout",
            CliError::Mismatch(_) => "mismatch",
            CliError::NotFound(_) => "not_found",
            CliError::Device(_) => "device_unavailable",
            CliError::Other(_) => "other",
        }
    }

    /// Shorthand for a runtime failure with a message.
    pub fn other(msg: impl Into<String>) -> Self {
        CliError::Other(msg.into())
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Usage(m) => write!(f, "{m}"),
            CliError::NodeNotRunning { url, reason } => {
                write!(f, "no node is answering at {url} ({reason}); start one with `gensyn devnet up`")
            }
            CliError::PortInUse(p) => write!(
                f,
                "port {p} on 127.0.0.1 is already in use; stop whatever holds it or pick another with --rpc-port"
            ),
            CliError::Dispatch { pallet: Some(p), name } => write!(f, "transaction failed: {p}.{name}"),
            CliError::Dispatch { pallet: None, name } => write!(f, "transaction failed: {name}"),
            CliError::Rejected(m) => write!(f, "transaction rejected: {m}"),
            CliError::Timeout(m) => write!(f, "timed out: {m}"),
            CliError::Mismatch(m) => write!(f, "mismatch: {m}"),
            CliError::NotFound(m) => write!(f, "{m}"),
            CliError::Device(m) => write!(f, "device unavailable: {m}"),
            CliError::Other(m) => write!(f, "{m}"),
        }
    }
}

impl std::error::Error for CliError {}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        CliError::Other(e.to_string())
    }
}
