//! Printing results: one JSON document on stdout under `--json`, a human
//! line otherwise. Diagnostics always go to stderr.

use crate::error::CliError;
use serde_json::{json, Value};
use std::io::IsTerminal;

/// The version of every `--json` document's shape. Bumped on any breaking
/// change to a field's name, type or meaning.
pub const SCHEMA_VERSION: u32 = 1;

/// Where results go.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    json: bool,
}

impl Output {
    /// `json`: emit JSON documents instead of text.
    pub fn new(json: bool) -> Self {
        Self { json }
    }

    /// Whether `--json` is on.
    pub fn json(&self) -> bool {
        self.json
    }

    /// Progress indicators show only for a person at a terminal.
    pub fn interactive(&self) -> bool {
        !self.json && std::io::stdout().is_terminal() && std::io::stderr().is_terminal()
    }

    /// Prints a result: `doc` (with `schema_version` added) or `human`.
    pub fn emit(&self, doc: Value, human: impl FnOnce() -> String) {
        self.stream(doc, human);
    }

    /// [`Output::emit`] for one item of a stream (`--watch`): false once
    /// the reader went away (`| head -1`), so the stream can end.
    pub fn stream(&self, doc: Value, human: impl FnOnce() -> String) -> bool {
        let text = if self.json { with_schema(doc).to_string() } else { human() };
        print_line(&text)
    }

    /// Prints an error: always one line on stderr; under `--json` also a
    /// JSON document on stdout, so scripts can parse failures too.
    pub fn error(&self, err: &CliError) {
        eprintln!("error: {}", one_line(&err.to_string()));
        if self.json {
            print_line(&error_doc(err).to_string());
        }
    }

    /// A note for the person at the terminal (stderr; silent under `--json`).
    pub fn note(&self, msg: &str) {
        if !self.json {
            eprintln!("{msg}");
        }
    }
}

/// Resolves once nothing reads stdout any more (a pipe whose reader
/// exited, as `| head -1` does): a stream that prints only on change would
/// otherwise learn it at its next line, maybe never. Checked four times a
/// second; a terminal or a file never resolves it.
pub async fn stdout_closed() {
    let mut tick = tokio::time::interval(std::time::Duration::from_millis(250));
    loop {
        tick.tick().await;
        let mut fd = libc::pollfd { fd: libc::STDOUT_FILENO, events: libc::POLLOUT, revents: 0 };
        // SAFETY: one valid pollfd, a zero timeout.
        let n = unsafe { libc::poll(&mut fd, 1, 0) };
        if n == 1 && fd.revents & libc::POLLERR != 0 {
            return;
        }
    }
}

/// Prints `text` and a newline on stdout. A reader that went away (`| head`)
/// is no error of ours: the command's work is done, so nothing is lost;
/// false says it went away.
fn print_line(text: &str) -> bool {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => false,
        Err(e) => panic!("failed printing to stdout: {e}"),
        Ok(()) => true,
    }
}

/// Adds `schema_version` to a result document.
pub fn with_schema(mut doc: Value) -> Value {
    if let Value::Object(map) = &mut doc {
        map.insert("schema_version".into(), json!(SCHEMA_VERSION));
    }
    doc
}

/// The JSON document describing an error.
pub fn error_doc(err: &CliError) -> Value {
    let mut e = json!({ "kind": err.kind(), "message": one_line(&err.to_string()), "exit_code": err.exit_code() });
    if let CliError::Dispatch { pallet, name } = err {
        e["pallet"] = json!(pallet);
        e["name"] = json!(name);
    }
    with_schema(json!({ "error": e }))
}

/// An error message on one line: a parser's multi-line report (a source
/// excerpt under a caret) keeps its location and its reason.
pub fn one_line(msg: &str) -> String {
    let excerpt = |l: &str| {
        let t = l.trim_start();
        t.starts_with('|')
            || t.split_once('|').is_some_and(|(n, _)| !n.is_empty() && n.trim().chars().all(|c| c.is_ascii_digit()))
    };
    msg.lines().map(str::trim).filter(|l| !l.is_empty() && !excerpt(l)).collect::<Vec<_>>().join("; ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn multi_line_errors_become_one_line() {
        let toml = "spec: TOML parse error at line 20, column 1\n   |\n20 | batch_sise = 64\n   | ^^^^^^^^^^\nunknown field `batch_sise`\n";
        assert_eq!(super::one_line(toml), "spec: TOML parse error at line 20, column 1; unknown field `batch_sise`");
        assert_eq!(super::one_line("plain"), "plain");
    }
}
