//! The population in the mock chain: one account per party, funded,
//! staked and keyed; the submitter that posts every task; balances read
//! back for the accounting.

use crate::{
    config::SimConfig,
    oracle::Oracle,
    strategy::{Role, Strategy},
};
use pallet_gensyn::{
    mock::{Balances, Gensyn, RandomNonce, RequireAttestation, RuntimeHoldReason, RuntimeOrigin, System, Test},
    HoldReason, Locked, Stakes,
};
use polkadot_sdk::frame_support::{
    traits::fungible::{Inspect, InspectHold, Mutate},
    BoundedVec,
};
use std::collections::{BTreeMap, HashMap};

/// All the money there is.
pub fn issuance() -> u64 {
    <Balances as Inspect<u64>>::total_issuance()
}

/// One party of the population.
#[derive(Clone, Debug)]
pub struct Member {
    /// Its account.
    pub who: u64,
    /// Its role (each account plays one).
    pub role: Role,
    /// Its strategy.
    pub strategy: Strategy,
    /// Its ring, for a colluding party: the n-th colluding solver, verifier
    /// and whistleblower form ring n.
    pub ring: Option<u32>,
}

/// Accounts start here, clear of the mock's own (1 … 16).
const FIRST_ACCOUNT: u64 = 1_000;

/// What every account is funded with: enough for any number of slashes in
/// a run, so no party ever runs dry and leaves the population.
pub const FUNDS: u64 = 1 << 48;

/// The population and the submitter.
pub struct World {
    /// Who posts (and pays for) every task.
    pub submitter: u64,
    /// Everyone else, solvers first, then verifiers, then whistleblowers.
    pub members: Vec<Member>,
    /// Index of each member's account in `members`.
    pub index: HashMap<u64, usize>,
    /// The stake each party of a role keeps bonded before each task.
    stake: BTreeMap<Role, u64>,
    secrets: HashMap<u64, [u8; 32]>,
}

impl World {
    /// The population `config` describes (nothing is on chain yet).
    pub fn new(config: &SimConfig) -> Self {
        let mut members = Vec::new();
        for (r, role) in Role::ALL.into_iter().enumerate() {
            let mut i = 0u64;
            for (&strategy, &count) in &config.mix(role).0 {
                for k in 0..count {
                    let who = FIRST_ACCOUNT + 100 * (r as u64 + 1) + i;
                    let ring = (strategy == Strategy::Collude).then_some(k);
                    members.push(Member { who, role, strategy, ring });
                    i += 1;
                }
            }
        }
        let index = members.iter().enumerate().map(|(i, m)| (m.who, i)).collect();
        let secrets = members.iter().map(|m| (m.who, gensyn_vrf::dev_secret(&format!("sim/{}", m.who)))).collect();
        World { submitter: FIRST_ACCOUNT, members, index, stake: BTreeMap::new(), secrets }
    }

    /// Sets the chain up, inside the mock's externalities: the parameters,
    /// the randomness seed, the jackpot, every account funded, every
    /// solver's and verifier's VRF key, and the artefact store's
    /// attestation of every artefact whose data exists (so a guessed
    /// checkpoint is the one thing that is never available).
    pub fn setup(&mut self, config: &SimConfig, oracle: &Oracle) -> Result<(), String> {
        let root = RuntimeOrigin::root;
        Gensyn::set_params(root(), config.params.params()).map_err(|e| format!("set_params: {e:?}"))?;
        RandomNonce::set(config.seed);
        RequireAttestation::set(true);
        let jackpot = Gensyn::jackpot_account();
        let ed = <Balances as Inspect<u64>>::minimum_balance();
        Balances::force_set_balance(root(), jackpot, config.jackpot + ed).map_err(|e| format!("jackpot: {e:?}"))?;
        for who in std::iter::once(self.submitter).chain(self.members.iter().map(|m| m.who)) {
            <Balances as Mutate<u64>>::mint_into(&who, FUNDS).map_err(|e| format!("funding {who}: {e:?}"))?;
        }
        for m in self.members.iter().filter(|m| m.role != Role::Whistleblower) {
            let secret = &self.secrets[&m.who];
            let key = gensyn_vrf::public_key(secret).map_err(|e| e.to_string())?;
            // The proof of possession of the key, over the account.
            let alpha = pallet_gensyn::lifecycle::registration_alpha(&m.who);
            let (proof, _) = gensyn_vrf::prove(secret, &alpha).map_err(|e| e.to_string())?;
            Gensyn::register_keys(RuntimeOrigin::signed(m.who), key, proof).map_err(|e| format!("keys: {e:?}"))?;
        }
        for chunk in oracle.artefacts().chunks(pallet_gensyn::MAX_ATTESTATIONS as usize) {
            Gensyn::attest_available(root(), BoundedVec::truncate_from(chunk.to_vec()))
                .map_err(|e| format!("attest: {e:?}"))?;
        }
        // Each party bonds exactly what one task locks: every party of a
        // role has the same weight in the draws, whatever its strategy.
        for role in Role::ALL {
            let need = Gensyn::collateral_for(role, config.fee).max(Gensyn::min_stake(role));
            self.stake.insert(role, need);
        }
        System::reset_events();
        Ok(())
    }

    /// Bonds back what slashes took, before a task: a party keeps its stake
    /// up from its free balance (a move between free and held, which
    /// changes no account's total).
    pub fn top_up(&self) -> Result<(), String> {
        for m in &self.members {
            let active = Stakes::<Test>::get(m.who, m.role).map(|l| l.active).unwrap_or(0);
            let need = self.stake[&m.role];
            if active < need {
                Gensyn::stake(RuntimeOrigin::signed(m.who), m.role, need - active)
                    .map_err(|e| format!("stake of {}: {e:?}", m.who))?;
            }
        }
        Ok(())
    }

    /// Collateral still locked (between tasks there should be none).
    pub fn locked(&self) -> u64 {
        self.members.iter().map(|m| Locked::<Test>::get(m.who, m.role)).sum()
    }

    /// Every member's total balance (free and held), in `members` order,
    /// then the submitter's and the jackpot's.
    pub fn balances(&self) -> Vec<u64> {
        let total = |who: &u64| <Balances as Inspect<u64>>::total_balance(who);
        let mut all: Vec<u64> = self.members.iter().map(|m| total(&m.who)).collect();
        all.push(total(&self.submitter));
        all.push(total(&Gensyn::jackpot_account()));
        all
    }

    /// Money the simulator's accounts cannot account for: the change in
    /// total issuance must equal the change in their balances (`before`
    /// and `after` from [`World::balances`]; only they, the submitter and
    /// the jackpot ever hold money here), and after a task every member's
    /// stake hold must equal its bonded stake and no bond or fee stay held.
    /// Returns what is off (zero when the books balance).
    pub fn unreconciled(&self, before: &[u64], after: &[u64], issuance_before: u64) -> u64 {
        let moved: i128 = after.iter().zip(before).map(|(a, b)| i128::from(*a) - i128::from(*b)).sum();
        let minted = i128::from(issuance()) - i128::from(issuance_before);
        let mut off = (moved - minted).unsigned_abs() as u64;
        let held = |who: &u64, r: HoldReason| {
            <Balances as InspectHold<u64>>::balance_on_hold(&RuntimeHoldReason::Gensyn(r), who)
        };
        for m in &self.members {
            off += held(&m.who, m.role.into()).abs_diff(Gensyn::total_bonded(&m.who, m.role));
            off += held(&m.who, HoldReason::WhistleBond);
        }
        off + held(&self.submitter, HoldReason::TaskFee)
    }

    /// `who`'s VRF proof over `alpha`.
    pub fn prove(&self, who: u64, alpha: &[u8]) -> Option<gensyn_vrf::Proof> {
        gensyn_vrf::prove(self.secrets.get(&who)?, alpha).ok().map(|(proof, _)| proof)
    }

    /// The members of `role`, with their index.
    pub fn of(&self, role: Role) -> impl Iterator<Item = (usize, &Member)> {
        self.members.iter().enumerate().filter(move |(_, m)| m.role == role)
    }
}
