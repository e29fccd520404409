//! Resolving account arguments: dev names (alice … ferdie) and SS58 addresses.

use crate::error::CliError;
use gensyn_runtime::AccountId;
use polkadot_sdk::{
    sp_core::crypto::{Ss58AddressFormat, Ss58Codec},
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
    /// The dev name, if it is a dev account.
    pub name: Option<&'static str>,
    /// The account id.
    pub id: AccountId,
}

impl Account {
    /// The account's SS58 address (generic substrate prefix 42).
    pub fn address(&self) -> String {
        ss58(&self.id)
    }

    /// `alice (5Grw…)` or just the address.
    pub fn label(&self) -> String {
        match self.name {
            Some(n) => n.to_string(),
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

/// Resolves a dev name or an SS58 address.
pub fn resolve(arg: &str) -> Result<Account, CliError> {
    if let Some((name, key)) = dev_key(arg) {
        return Ok(Account { name: Some(name), id: key.to_account_id() });
    }
    match AccountId::from_ss58check(arg.trim()) {
        Ok(id) => {
            let name = DEV_ACCOUNTS.iter().find(|(_, k)| k.to_account_id() == id).map(|(n, _)| *n);
            Ok(Account { name, id })
        }
        Err(_) => Err(CliError::Usage(format!(
            "unknown account '{arg}': not a dev account name ({}) nor an SS58 address",
            DEV_ACCOUNTS.map(|(n, _)| n).join(", ")
        ))),
    }
}

/// Resolves a signer. Only dev accounts can sign: their secret keys are
/// public knowledge, so naming them on a command line leaks nothing.
pub fn signer(arg: &str) -> Result<(Account, Sr25519Keyring), CliError> {
    match dev_key(arg) {
        Some((name, key)) => Ok((Account { name: Some(name), id: key.to_account_id() }, key)),
        None => Err(CliError::Usage(format!(
            "unknown signer '{arg}': --as takes a dev account name ({})",
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
        assert_eq!(alice.name, Some("alice"));
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
