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
        if self.json {
            println!("{}", with_schema(doc));
        } else {
            println!("{}", human());
        }
    }

    /// Prints an error: always one line on stderr; under `--json` also a
    /// JSON document on stdout, so scripts can parse failures too.
    pub fn error(&self, err: &CliError) {
        eprintln!("error: {err}");
        if self.json {
            println!("{}", error_doc(err));
        }
    }

    /// A note for the person at the terminal (stderr; silent under `--json`).
    pub fn note(&self, msg: &str) {
        if !self.json {
            eprintln!("{msg}");
        }
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
    let mut e = json!({ "kind": err.kind(), "message": err.to_string(), "exit_code": err.exit_code() });
    if let CliError::Dispatch { pallet, name } = err {
        e["pallet"] = json!(pallet);
        e["name"] = json!(name);
    }
    with_schema(json!({ "error": e }))
}
