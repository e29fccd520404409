//! `gensyn key new|import|list`: the keystore (`crate::keystore`).

use crate::{
    accounts,
    args::KeyCmd,
    error::CliError,
    keystore::{Keystore, StoredKey},
    output::Output,
};
use serde_json::json;
use std::io::{BufRead, IsTerminal};

/// Runs a `gensyn key` subcommand.
pub fn run(cmd: KeyCmd, out: &Output) -> Result<(), CliError> {
    let ks = accounts::keystore();
    match cmd {
        KeyCmd::New(a) => {
            let k = ks.create(&a.name)?;
            out.emit(key_json(&k, &ks, true), || {
                format!(
                    "stored key '{}' ({}) in {}\nsecret phrase (shown once; it restores the account and its VRF key):\n  {}",
                    k.name,
                    k.address,
                    ks.dir().display(),
                    k.phrase
                )
            });
            Ok(())
        }
        KeyCmd::Import(a) => {
            // Checked before reading, so a typo costs no retyping.
            crate::keystore::check_name(&a.name)?;
            let phrase = read_secret(out)?;
            let k = ks.add(&a.name, &phrase)?;
            out.emit(key_json(&k, &ks, false), || format!("stored key '{}' ({})", k.name, k.address));
            Ok(())
        }
        KeyCmd::List => {
            let keys = ks.list()?;
            let doc = json!({
                "dir": ks.dir(),
                "keys": keys.iter().map(|k| json!({ "name": k.name, "address": k.address })).collect::<Vec<_>>(),
            });
            out.emit(doc, || {
                if keys.is_empty() {
                    return format!("no keys in {} (make one with `gensyn key new NAME`)", ks.dir().display());
                }
                keys.iter().map(|k| format!("{:<20} {}", k.name, k.address)).collect::<Vec<_>>().join("\n")
            });
            Ok(())
        }
    }
}

fn key_json(k: &StoredKey, ks: &Keystore, with_phrase: bool) -> serde_json::Value {
    let mut v = json!({ "name": k.name, "address": k.address, "file": ks.dir().join(format!("{}.json", k.name)) });
    if with_phrase {
        v["phrase"] = json!(k.phrase);
    }
    v
}

/// Reads the secret phrase from stdin: never from the command line, where
/// it would land in the shell's history and in `ps`.
fn read_secret(out: &Output) -> Result<String, CliError> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        out.note("secret phrase (or secret URI), then Enter:");
    }
    let mut line = String::new();
    stdin.lock().read_line(&mut line)?;
    let line = line.trim().to_string();
    if line.is_empty() {
        return Err(CliError::Usage("no secret phrase on stdin".into()));
    }
    Ok(line)
}
