//! What a simulation runs: the task shape, the populations and their
//! strategy mixes, the economics (fee, compute price) and the protocol
//! parameters. Read from TOML (`--config FILE`) and overridden by flags.

use crate::strategy::{Role, Strategy};
use pallet_gensyn::{mock::Test, Params, ParamsOf};
use polkadot_sdk::sp_runtime::Perbill;
use serde::{Deserialize, Serialize};
use std::{collections::BTreeMap, fmt};

/// How many parties of each strategy a role's population has, e.g.
/// `honest=8,cheat=2` on the command line or `{ honest = 8, cheat = 2 }` in TOML.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Mix(pub BTreeMap<Strategy, u32>);

impl Mix {
    /// Parses `name=count,name=count`; a name without a count means one.
    pub fn parse(text: &str) -> Result<Mix, String> {
        let mut mix = BTreeMap::new();
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (name, count) = part.split_once('=').unwrap_or((part, "1"));
            let strategy = Strategy::parse(name.trim()).ok_or_else(|| {
                let names: Vec<&str> = Strategy::ALL.iter().map(|s| s.name()).collect();
                format!("unknown strategy {:?} (one of {})", name.trim(), names.join(", "))
            })?;
            let count: u32 = count.trim().parse().map_err(|_| format!("bad count {:?} for {name}", count.trim()))?;
            *mix.entry(strategy).or_insert(0) += count;
        }
        Ok(Mix(mix))
    }

    /// Parties in all.
    pub fn total(&self) -> u32 {
        self.0.values().sum()
    }

    /// How many play `strategy`.
    pub fn count(&self, strategy: Strategy) -> u32 {
        self.0.get(&strategy).copied().unwrap_or(0)
    }
}

impl fmt::Display for Mix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.0.iter().filter(|(_, n)| **n > 0).map(|(s, n)| format!("{s}={n}")).collect();
        f.write_str(&parts.join(","))
    }
}

/// The protocol parameters ([`pallet_gensyn::Params`]) in plain units for
/// TOML and JSON: windows in blocks, amounts in mock tokens, shares in
/// percent, collateral in percent of the fee.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Protocol {
    /// Every window, in blocks (the mock only needs them to order events:
    /// money never depends on their length, so the simulator keeps them short).
    pub window: u64,
    /// Segments audited per task.
    pub audit_segments: u32,
    /// Verifier draws retried after one fails.
    pub max_redraws: u32,
    /// Forced-error rounds per million audits.
    pub forced_error_ppm: u32,
    /// Percent of each paid fee that funds the jackpot.
    pub jackpot_tax: f64,
    /// Percent of each paid fee that goes to the verifier.
    pub verifier_reward: f64,
    /// Bond per audited run a whistleblower's check puts up.
    pub whistle_bond: u64,
    /// Percent of the task's fee a check pays into the jackpot.
    pub check_ticket: f64,
    /// Storage deposit a check holds until it is settled.
    pub check_deposit: u64,
    /// Smallest fee a task may offer.
    pub min_fee: u64,
    /// The submitter's deposit beside the fee.
    pub deposit: u64,
    /// Solver collateral per task, in percent of the fee.
    pub solver_collateral: u32,
    /// Verifier collateral per task, in percent of the fee.
    pub verifier_collateral: u32,
    /// Percent of the locked collateral a convicted party loses.
    pub slash: f64,
    /// Percent of a slash paid to the winner of the game.
    pub slash_to_winner: f64,
    /// Percent of a slash paid into the jackpot (the rest is burned).
    pub slash_to_jackpot: f64,
}

/// Runtime tokens (plancks) per mock token: the mock's minimum stakes are
/// the runtime's divided by this (1 000 GSN ↔ 100 for a solver, 500 ↔ 50
/// for a verifier, 100 ↔ 10 for a whistleblower).
pub const PLANCKS_PER_MOCK_TOKEN: u128 = 10 * 1_000_000_000_000;

/// The sim's window in blocks: the shortest the pallet allows.
pub const SIM_WINDOW: u64 = 1;

impl Default for Protocol {
    /// The runtime's defaults (`gensyn_runtime::protocol::default_params`)
    /// scaled to the mock by [`Protocol::from_runtime`], written out so this
    /// crate needs no runtime build; the CLI checks that they agree.
    fn default() -> Self {
        Protocol {
            window: SIM_WINDOW,
            audit_segments: 2,
            max_redraws: 2,
            forced_error_ppm: 50_000,
            jackpot_tax: 10.0,
            verifier_reward: 10.0,
            whistle_bond: 5,
            check_ticket: 1.25,
            check_deposit: 1,
            min_fee: 1,
            deposit: 1,
            solver_collateral: 200,
            verifier_collateral: 100,
            slash: 100.0,
            slash_to_winner: 50.0,
            slash_to_jackpot: 25.0,
        }
    }
}

fn percent(p: f64) -> Perbill {
    Perbill::from_parts((p.clamp(0.0, 100.0) * 10_000_000.0).round() as u32)
}

fn to_percent(p: Perbill) -> f64 {
    f64::from(p.deconstruct()) / 10_000_000.0
}

impl Protocol {
    /// A runtime's parameters scaled to the mock: amounts divided by
    /// [`PLANCKS_PER_MOCK_TOKEN`] (at least 1 where the runtime's are not
    /// zero), shares and counts as they are, windows [`SIM_WINDOW`].
    pub fn from_runtime(p: &Params<u128, u32>) -> Self {
        let scale = |a: u128| {
            let s = (a / PLANCKS_PER_MOCK_TOKEN).min(u128::from(u64::MAX)) as u64;
            if a > 0 {
                s.max(1)
            } else {
                0
            }
        };
        Protocol {
            window: SIM_WINDOW,
            audit_segments: p.audit_segments,
            max_redraws: p.max_redraws,
            forced_error_ppm: p.forced_error_ppm,
            jackpot_tax: to_percent(p.jackpot_tax),
            verifier_reward: to_percent(p.verifier_reward),
            whistle_bond: scale(p.whistle_bond),
            check_ticket: to_percent(p.check_ticket),
            check_deposit: scale(p.check_deposit),
            min_fee: scale(p.min_fee),
            deposit: scale(p.deposit),
            solver_collateral: p.solver_collateral,
            verifier_collateral: p.verifier_collateral,
            slash: to_percent(p.slash),
            slash_to_winner: to_percent(p.slash_to_winner),
            slash_to_jackpot: to_percent(p.slash_to_jackpot),
        }
    }

    /// The pallet's parameters for the mock.
    pub fn params(&self) -> ParamsOf<Test> {
        let w = self.window;
        Params {
            selection_window: w,
            draw_window: w,
            // Keys are registered once, before the first task.
            key_delay: 0,
            opening_window: w,
            whistle_window: w,
            verdict_window: w,
            reveal_window: w,
            move_window: w,
            audit_segments: self.audit_segments,
            max_redraws: self.max_redraws,
            forced_error_ppm: self.forced_error_ppm,
            jackpot_tax: percent(self.jackpot_tax),
            verifier_reward: percent(self.verifier_reward),
            whistle_bond: self.whistle_bond,
            check_ticket: percent(self.check_ticket),
            check_deposit: self.check_deposit,
            min_fee: self.min_fee,
            deposit: self.deposit,
            solver_collateral: self.solver_collateral,
            verifier_collateral: self.verifier_collateral,
            slash: percent(self.slash),
            slash_to_winner: percent(self.slash_to_winner),
            slash_to_jackpot: percent(self.slash_to_jackpot),
        }
    }
}

/// Everything one simulation needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SimConfig {
    /// Tasks to run, one after another.
    pub tasks: u32,
    /// Seeds the parties' choices and the mock's randomness.
    pub seed: u64,
    /// Training steps per task.
    pub steps: u32,
    /// Checkpoint interval `k`: steps per segment.
    pub checkpoint_every: u32,
    /// The fee each task offers.
    pub fee: u64,
    /// What a party pays for computing one step (training or replaying).
    pub step_price: u64,
    /// Chance that a whistleblower outside a ring checks a given task.
    pub check_rate: f64,
    /// The jackpot's balance at the start (the runtime's genesis funding, scaled).
    pub jackpot: u64,
    /// Points of the jackpot's balance kept for the report.
    pub samples: u32,
    /// The solvers.
    pub solvers: Mix,
    /// The verifiers.
    pub verifiers: Mix,
    /// The whistleblowers.
    pub whistleblowers: Mix,
    /// The protocol parameters.
    pub params: Protocol,
    /// `audit_segments` values for a detection-versus-cost curve (none: no curve).
    pub curve: Vec<u32>,
}

impl Default for SimConfig {
    fn default() -> Self {
        let mix = |pairs: &[(Strategy, u32)]| Mix(pairs.iter().copied().collect());
        use Strategy::*;
        SimConfig {
            tasks: 1_000,
            seed: 1,
            // 64 one-step segments, 2 audited: the verifier replays 2/64 of
            // the training, the share the protocol's default audit costs.
            steps: 64,
            checkpoint_every: 1,
            fee: 1_000,
            step_price: 10,
            // Each whistleblower checks a fifth of the tasks: with three
            // honest ones, checks cost about as much again as the audit.
            check_rate: 0.2,
            // The runtime's JACKPOT_GENESIS (10 000 GSN), scaled.
            jackpot: 1_000,
            samples: 50,
            solvers: mix(&[
                (Honest, 6),
                (Lazy, 1),
                (Cheat, 1),
                (WrongAfter, 1),
                (WrongBatch, 1),
                (Silent, 1),
                (Collude, 1),
            ]),
            verifiers: mix(&[(Honest, 4), (Lazy, 1), (Cheat, 1), (Silent, 1), (Collude, 1)]),
            whistleblowers: mix(&[(Honest, 3), (Lazy, 1), (FalseWhistle, 1), (Silent, 1), (Collude, 1)]),
            params: Protocol::default(),
            curve: Vec::new(),
        }
    }
}

/// Most whistleblowers: the mock's `MaxWhistles` (checks per task).
pub const MAX_WHISTLEBLOWERS: u32 = 8;
/// Most audited segments: the mock's `MaxAuditSegments`.
pub const MAX_AUDIT_SEGMENTS: u32 = 8;
/// Most steps: the simulator builds one faulty run per step up front.
pub const MAX_STEPS: u32 = 256;

impl SimConfig {
    /// Reads a TOML file's text; fields it leaves out keep their defaults.
    pub fn from_toml(text: &str) -> Result<SimConfig, String> {
        toml::from_str(text).map_err(|e| e.to_string().lines().next().unwrap_or("bad TOML").to_string())
    }

    /// The population of `role`.
    pub fn mix(&self, role: Role) -> &Mix {
        match role {
            Role::Solver => &self.solvers,
            Role::Verifier => &self.verifiers,
            Role::Whistleblower => &self.whistleblowers,
        }
    }

    /// Checks the configuration can run; the message names the problem.
    pub fn validate(&self) -> Result<(), String> {
        let p = &self.params;
        if self.tasks == 0 {
            return Err("tasks must be at least 1".into());
        }
        if self.steps == 0 || self.steps > MAX_STEPS {
            return Err(format!("steps must be in 1..={MAX_STEPS}"));
        }
        if self.checkpoint_every == 0 || self.checkpoint_every > self.steps {
            return Err("checkpoint_every must be in 1..=steps".into());
        }
        if p.audit_segments == 0 || p.audit_segments > MAX_AUDIT_SEGMENTS {
            return Err(format!("audit_segments must be in 1..={MAX_AUDIT_SEGMENTS}"));
        }
        if let Some(a) = self.curve.iter().find(|a| **a == 0 || **a > MAX_AUDIT_SEGMENTS) {
            return Err(format!("curve value {a} out of 1..={MAX_AUDIT_SEGMENTS}"));
        }
        if !(0.0..=1.0).contains(&self.check_rate) {
            return Err("check_rate must be in 0..=1".into());
        }
        if p.window == 0 {
            return Err("window must be at least 1 block".into());
        }
        if self.fee < p.min_fee.max(1) {
            return Err(format!("fee {} is below min_fee {}", self.fee, p.min_fee));
        }
        for role in Role::ALL {
            for s in self.mix(role).0.keys() {
                if !Strategy::for_role(role).contains(s) {
                    let allowed: Vec<&str> = Strategy::for_role(role).iter().map(|s| s.name()).collect();
                    return Err(format!("{} cannot play {s} (one of {})", role.as_str(), allowed.join(", ")));
                }
            }
        }
        if self.solvers.total() == 0 || self.verifiers.total() == 0 {
            return Err("at least one solver and one verifier are needed".into());
        }
        if self.whistleblowers.total() > MAX_WHISTLEBLOWERS {
            return Err(format!("at most {MAX_WHISTLEBLOWERS} whistleblowers (the mock's checks per task)"));
        }
        if self.solvers.total() + self.verifiers.total() > 64 {
            return Err("at most 64 solvers and verifiers together".into());
        }
        // The pallet refuses these itself, but only once the run has started.
        if p.solver_collateral == 0 || p.verifier_collateral == 0 || p.forced_error_ppm > 1_000_000 {
            return Err("collaterals must be at least 1 % and forced_error_ppm at most 1000000".into());
        }
        if !(0.0..=100.0).contains(&p.check_ticket) {
            return Err("check_ticket is a percent of the fee, 0 to 100".into());
        }
        if p.jackpot_tax + p.verifier_reward >= 100.0 || p.slash_to_winner + p.slash_to_jackpot > 100.0 {
            return Err("jackpot_tax + verifier_reward must stay below 100 %, slash shares at most 100 %".into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixes_parse_and_print() {
        let m = Mix::parse("honest=8, cheat=2,lazy").unwrap();
        assert_eq!((m.count(Strategy::Honest), m.count(Strategy::Cheat), m.count(Strategy::Lazy)), (8, 2, 1));
        assert_eq!(m.to_string(), "honest=8,lazy=1,cheat=2");
        assert!(Mix::parse("greedy=1").unwrap_err().contains("unknown strategy"));
        assert!(Mix::parse("honest=x").is_err());
    }

    #[test]
    fn toml_overrides_what_it_names() {
        let c = SimConfig::from_toml(
            "tasks = 10\n[solvers]\nhonest = 3\n[whistleblowers]\nfalse-whistle = 2\n[params]\naudit_segments = 3\n",
        )
        .unwrap();
        assert_eq!(c.tasks, 10);
        assert_eq!(c.solvers, Mix::parse("honest=3").unwrap());
        assert_eq!(c.whistleblowers.count(Strategy::FalseWhistle), 2);
        assert_eq!(c.params.audit_segments, 3);
        assert_eq!(c.params.slash, Protocol::default().slash);
        assert!(SimConfig::from_toml("nonsense = 1").is_err());
        c.validate().unwrap();
    }

    #[test]
    fn validation_names_the_problem() {
        let mut c = SimConfig::default();
        c.validate().unwrap();
        c.verifiers = Mix::parse("false-whistle=1").unwrap();
        assert!(c.validate().unwrap_err().contains("verifier cannot play false-whistle"));
    }

    #[test]
    fn percent_round_trips_through_perbill() {
        let p = Protocol::default();
        let params = p.params();
        assert_eq!(params.slash, Perbill::from_percent(100));
        let back = Protocol::from_runtime(&Params {
            selection_window: 5,
            draw_window: 5,
            key_delay: 5,
            opening_window: 5,
            whistle_window: 5,
            verdict_window: 5,
            reveal_window: 5,
            move_window: 5,
            audit_segments: params.audit_segments,
            max_redraws: params.max_redraws,
            forced_error_ppm: params.forced_error_ppm,
            jackpot_tax: params.jackpot_tax,
            verifier_reward: params.verifier_reward,
            whistle_bond: u128::from(params.whistle_bond) * PLANCKS_PER_MOCK_TOKEN,
            check_ticket: params.check_ticket,
            check_deposit: u128::from(params.check_deposit) * PLANCKS_PER_MOCK_TOKEN,
            min_fee: u128::from(params.min_fee) * PLANCKS_PER_MOCK_TOKEN,
            deposit: u128::from(params.deposit) * PLANCKS_PER_MOCK_TOKEN,
            solver_collateral: params.solver_collateral,
            verifier_collateral: params.verifier_collateral,
            slash: params.slash,
            slash_to_winner: params.slash_to_winner,
            slash_to_jackpot: params.slash_to_jackpot,
        });
        assert_eq!(back, p);
    }
}
