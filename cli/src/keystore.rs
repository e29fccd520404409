//! The keystore: sr25519 accounts kept under `$XDG_DATA_HOME/gensyn/keys`,
//! one file per name holding the secret phrase, with the polkadot-sdk
//! keystore's conventions (a folder only its owner can enter, files mode
//! 0600, the phrase never on a command line). A role's VRF key is derived
//! from the account's secret, so one phrase restores everything.

use crate::accounts::ss58;
use crate::error::CliError;
use polkadot_sdk::{
    sp_core::{crypto::Pair as _, sr25519},
    sp_runtime::traits::{BlakeTwo256, Hash as _},
};
use serde::{Deserialize, Serialize};
use std::{
    io::Write,
    path::{Path, PathBuf},
};

/// One stored key, as its file holds it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredKey {
    /// The name `--as` takes.
    pub name: String,
    /// Its SS58 address (prefix 42).
    pub address: String,
    /// The secret phrase (BIP-39) or secret URI it was made from.
    pub phrase: String,
}

impl StoredKey {
    /// The key pair.
    pub fn pair(&self) -> Result<sr25519::Pair, CliError> {
        pair_from(&self.phrase)
    }
}

/// The keystore folder: `$XDG_DATA_HOME/gensyn/keys`, else
/// `~/.local/share/gensyn/keys`.
pub fn default_dir() -> PathBuf {
    crate::state::data_home().join("gensyn").join("keys")
}

/// A keystore in `dir`.
pub struct Keystore {
    dir: PathBuf,
}

/// Parses a secret phrase or secret URI (`phrase//hard/soft`, `0x…` seed).
fn pair_from(secret: &str) -> Result<sr25519::Pair, CliError> {
    sr25519::Pair::from_string(secret.trim(), None)
        .map_err(|e| CliError::Usage(format!("not a valid secret phrase or secret URI: {e:?}")))
}

/// Checks a key name: 1–32 of `a-z 0-9 - _`, and not a dev account's.
pub fn check_name(name: &str) -> Result<(), CliError> {
    let ok = (1..=32).contains(&name.len())
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if !ok {
        return Err(CliError::Usage(format!(
            "invalid key name '{name}': use 1 to 32 characters of a-z, 0-9, '-' and '_'"
        )));
    }
    if crate::accounts::DEV_ACCOUNTS.iter().any(|(dev, _)| *dev == name) {
        return Err(CliError::Usage(format!("'{name}' is a dev account's name; pick another")));
    }
    Ok(())
}

impl Keystore {
    /// The keystore at `dir` (created on first write).
    pub fn at(dir: impl Into<PathBuf>) -> Self {
        Keystore { dir: dir.into() }
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn file(&self, name: &str) -> PathBuf {
        self.dir.join(format!("{name}.json"))
    }

    /// Generates a new key under `name`; returns it (with its phrase, which
    /// the caller shows once).
    pub fn create(&self, name: &str) -> Result<StoredKey, CliError> {
        let (_, phrase, _) = sr25519::Pair::generate_with_phrase(None);
        self.add(name, &phrase)
    }

    /// Stores `secret` (a phrase or secret URI) under `name`.
    pub fn add(&self, name: &str, secret: &str) -> Result<StoredKey, CliError> {
        check_name(name)?;
        let pair = pair_from(secret)?;
        let key =
            StoredKey { name: name.to_string(), address: ss58(&pair.public().into()), phrase: secret.trim().into() };
        if let Some(other) = self.list()?.into_iter().find(|k| k.address == key.address) {
            return Err(CliError::Usage(format!("that key is already stored as '{}'", other.name)));
        }
        self.write(&key)?;
        Ok(key)
    }

    /// Writes a key file, refusing to replace one: the folder is made
    /// owner-only, the file is created mode 0600 and exclusively.
    fn write(&self, key: &StoredKey) -> Result<(), CliError> {
        use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
        std::fs::DirBuilder::new().recursive(true).mode(0o700).create(&self.dir)?;
        std::fs::set_permissions(&self.dir, std::fs::Permissions::from_mode(0o700))?;
        let path = self.file(&key.name);
        let mut f = match std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(CliError::Usage(format!("a key named '{}' exists already", key.name)))
            }
            Err(e) => return Err(CliError::other(format!("cannot write {}: {e}", path.display()))),
        };
        f.write_all(&serde_json::to_vec_pretty(key).expect("a key serializes"))?;
        f.sync_all()?;
        Ok(())
    }

    /// The key stored under `name`, if any.
    pub fn get(&self, name: &str) -> Result<Option<StoredKey>, CliError> {
        if check_name(name).is_err() {
            return Ok(None);
        }
        let path = self.file(name);
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map(Some)
                .map_err(|e| CliError::other(format!("unreadable key file {}: {e}", path.display()))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(CliError::other(format!("cannot read {}: {e}", path.display()))),
        }
    }

    /// Every stored key, by name.
    pub fn list(&self) -> Result<Vec<StoredKey>, CliError> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(CliError::other(format!("cannot read {}: {e}", self.dir.display()))),
        };
        let mut keys = Vec::new();
        for entry in entries {
            let name = entry?.file_name().to_string_lossy().into_owned();
            if let Some(stem) = name.strip_suffix(".json") {
                if let Some(k) = self.get(stem)? {
                    keys.push(k);
                }
            }
        }
        keys.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(keys)
    }
}

/// The account's VRF secret for the protocol's lotteries, derived from its
/// sr25519 secret (so it needs no file of its own and cannot be chosen
/// after the fact: a key registered late only counts after the key delay).
pub fn vrf_secret(pair: &sr25519::Pair) -> [u8; 32] {
    // The first counter whose hash is a valid scalar (all but ~2^-32 of
    // the first ones are).
    for counter in 0u32.. {
        let mut seed = b"gensyn/vrf/v1".to_vec();
        seed.extend_from_slice(&pair.to_raw_vec());
        seed.extend_from_slice(&counter.to_le_bytes());
        let secret = BlakeTwo256::hash(&seed).0;
        if gensyn_vrf::public_key(&secret).is_ok() {
            return secret;
        }
    }
    unreachable!("some counter gives a scalar")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_stored_owner_only_and_round_trip() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let ks = Keystore::at(dir.path().join("keys"));
        let k = ks.create("ops").unwrap();
        assert_eq!(k.phrase.split_whitespace().count(), 12);
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir.path().join("keys/ops.json")), 0o600);
        assert_eq!(mode(&dir.path().join("keys")), 0o700);
        let back = ks.get("ops").unwrap().unwrap();
        assert_eq!(ss58(&back.pair().unwrap().public().into()), k.address);
        assert_eq!(ks.list().unwrap().len(), 1);
    }

    #[test]
    fn names_and_secrets_are_checked_and_nothing_is_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let ks = Keystore::at(dir.path());
        assert!(ks.add("alice", "//Alice").unwrap_err().to_string().contains("dev account"));
        assert!(ks.add("Bad Name", "//Zed").unwrap_err().to_string().contains("invalid key name"));
        assert!(ks.add("x", "not a phrase at all").unwrap_err().to_string().contains("not a valid secret"));
        let first = ks.add("zed", "//Zed").unwrap();
        assert!(ks.add("zed", "//Other").unwrap_err().to_string().contains("exists already"));
        assert!(ks.add("zed2", "//Zed").unwrap_err().to_string().contains("already stored as 'zed'"));
        assert_eq!(ks.get("zed").unwrap().unwrap().address, first.address);
    }

    #[test]
    fn the_vrf_key_is_derived_and_differs_per_account() {
        let a = pair_from("//Zed").unwrap();
        let b = pair_from("//Yan").unwrap();
        assert_eq!(vrf_secret(&a), vrf_secret(&pair_from("//Zed").unwrap()));
        assert_ne!(vrf_secret(&a), vrf_secret(&b));
        assert!(gensyn_vrf::public_key(&vrf_secret(&a)).is_ok());
    }
}
