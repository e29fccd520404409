//! Resolving account arguments: dev names (alice … ferdie) and SS58 addresses.

use crate::error::CliError;
use crate::keystore::Keystore;
use gensyn_runtime::AccountId;
use polkadot_sdk::{
    sp_core::{
        crypto::{Ss58AddressFormat, Ss58Codec},
        sr25519, Pair as _,
    },
    sp_keyring::Sr25519Keyring,
};

/// The dev accounts the devnet funds at genesis, in the usual order.
pub const DEV_ACCOUNTS: [(&str, Sr25519Keyring); 6] = [
    ("alice", Sr25519Keyring::Alice),
    ("bob", Sr25519Keyring::Bob),
    ("charlie", Sr25519Keyring::Charlie),
    ("dave", Sr25519Keyring::Dave),
    ("eve", Sr25519Keyring::Eve),
    ("ferdie", Sr25519Keyring::Ferdie),
];

/// An account named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// Its name: a dev account's or a keystore entry's.
    pub name: Option<String>,
    /// The account id.
    pub id: AccountId,
}

impl Account {
    /// The account's SS58 address (generic substrate prefix 42).
    pub fn address(&self) -> String {
        ss58(&self.id)
    }

    /// `alice` or just the address.
    pub fn label(&self) -> String {
        match &self.name {
            Some(n) => n.clone(),
            None => self.address(),
        }
    }
}

/// SS58 with the devnet's prefix.
pub fn ss58(id: &AccountId) -> String {
    id.to_ss58check_with_version(Ss58AddressFormat::custom(42))
}

fn dev_key(name: &str) -> Option<(&'static str, Sr25519Keyring)> {
    let n = name.trim().trim_start_matches("//").to_ascii_lowercase();
    DEV_ACCOUNTS.iter().find(|(dev, _)| *dev == n).copied()
}

/// The keystore `--as` and account arguments look names up in.
pub fn keystore() -> Keystore {
    Keystore::at(crate::keystore::default_dir())
}

/// The name an id is known by: a dev account's or a stored key's.
fn name_of(id: &AccountId) -> Option<String> {
    if let Some((n, _)) = DEV_ACCOUNTS.iter().find(|(_, k)| k.to_account_id() == *id) {
        return Some(n.to_string());
    }
    let address = ss58(id);
    keystore().list().ok()?.into_iter().find(|k| k.address == address).map(|k| k.name)
}

/// `alice`, a stored key's name, or the address of `id`.
pub fn label_of(id: &AccountId) -> String {
    Account { name: name_of(id), id: id.clone() }.label()
}

/// Resolves a dev name, a keystore name or an SS58 address.
pub fn resolve(arg: &str) -> Result<Account, CliError> {
    if let Some((name, key)) = dev_key(arg) {
        return Ok(Account { name: Some(name.to_string()), id: key.to_account_id() });
    }
    if let Some(k) = keystore().get(arg.trim())? {
        let id = AccountId::from(k.pair()?.public());
        return Ok(Account { name: Some(k.name), id });
    }
    match AccountId::from_ss58check(arg.trim()) {
        Ok(id) => Ok(Account { name: name_of(&id), id }),
        Err(_) => Err(CliError::Usage(format!(
            "unknown account '{arg}': not a dev account name ({}), a stored key (`gensyn key list`) nor an SS58 address",
            DEV_ACCOUNTS.map(|(n, _)| n).join(", ")
        ))),
    }
}

/// Resolves a signer: a dev account (whose secret keys are public
/// knowledge) or a key in the keystore. An address cannot sign.
pub fn signer(arg: &str) -> Result<(Account, sr25519::Pair), CliError> {
    if let Some((name, key)) = dev_key(arg) {
        return Ok((Account { name: Some(name.to_string()), id: key.to_account_id() }, key.pair()));
    }
    match keystore().get(arg.trim())? {
        Some(k) => {
            let pair = k.pair()?;
            Ok((Account { name: Some(k.name), id: AccountId::from(pair.public()) }, pair))
        }
        None => Err(CliError::Usage(format!(
            "unknown signer '{arg}': --as takes a dev account name ({}) or a stored key (`gensyn key list`)",
            DEV_ACCOUNTS.map(|(n, _)| n).join(", ")
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_names_uris_and_addresses() {
        let alice = resolve("alice").unwrap();
        assert_eq!(alice.name.as_deref(), Some("alice"));
        assert_eq!(resolve("//Alice").unwrap(), alice);
        assert_eq!(resolve("ALICE").unwrap(), alice);
        assert_eq!(alice.address(), "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
        assert_eq!(resolve(&alice.address()).unwrap(), alice, "dev address gets its name back");
    }

    #[test]
    fn rejects_unknown_accounts() {
        let e = resolve("mallory").unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(e.to_string().contains("unknown account 'mallory'"));
        assert!(signer("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY").is_err());
    }
}
