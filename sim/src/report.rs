//! What a simulation found: each strategy's net earnings per task, how
//! often each dishonest strategy was caught, what verification cost, how
//! the jackpot moved, and how tasks ended. Printed as a table or as JSON.

use crate::{
    config::SimConfig,
    driver::TaskRecord,
    strategy::{Role, SolverRun, Strategy},
    world::World,
};
use serde::Serialize;
use std::{collections::BTreeMap, fmt::Write};

/// Running mean and variance (Welford), so a million samples need no buffer.
#[derive(Clone, Debug, Default)]
pub struct Stats {
    n: u64,
    mean: f64,
    m2: f64,
}

impl Stats {
    /// Adds one sample.
    pub fn add(&mut self, x: f64) {
        self.n += 1;
        let d = x - self.mean;
        self.mean += d / self.n as f64;
        self.m2 += d * (x - self.mean);
    }
    /// Samples so far.
    pub fn count(&self) -> u64 {
        self.n
    }
    /// Their mean (0 with none).
    pub fn mean(&self) -> f64 {
        self.mean
    }
    /// Their standard deviation (population; 0 with fewer than two).
    pub fn spread(&self) -> f64 {
        if self.n < 2 {
            0.0
        } else {
            (self.m2 / self.n as f64).sqrt()
        }
    }
}

/// One strategy of one role (or a ring of colluders, or the submitter).
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    /// `solver`, `verifier`, `whistleblower`, `ring` (a colluding solver,
    /// verifier and whistleblower counted together) or `submitter`.
    pub role: String,
    /// The strategy's name.
    pub strategy: String,
    /// Accounts playing it.
    pub accounts: u32,
    /// Tasks they took part in (one sample per account and task).
    pub count: u64,
    /// Mean net earnings per task taken part in: rewards, minus slashes and
    /// lost bonds, minus compute paid.
    pub mean: f64,
    /// Standard deviation of the same.
    pub spread: f64,
    /// Share of its tasks in which it was slashed or lost a bond.
    pub caught: f64,
    /// `mean` less the honest strategy's mean in the same role (a ring
    /// against the honest solver): what choosing this strategy is worth.
    pub vs_honest: Option<f64>,
}

/// A point of the detection-versus-cost curve.
#[derive(Clone, Debug, Serialize)]
pub struct CurvePoint {
    /// Segments audited per task.
    pub audit_segments: u32,
    /// Share of faulty commitments (cheating and colluding solvers) convicted.
    pub detection: f64,
    /// Share of faulty commitments whose wrong segment was audited.
    pub audited: f64,
    /// Steps replayed by verifiers and whistleblowers per step trained.
    pub verification_cost: f64,
}

/// One sample of the jackpot's balance.
#[derive(Clone, Debug, Serialize)]
pub struct JackpotSample {
    /// Tasks run before it was taken.
    pub task: u32,
    /// The jackpot's payable balance then.
    pub balance: u64,
}

/// Everything a run found.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// Tasks run.
    pub tasks: u32,
    /// Wall-clock seconds of the main run (curve points excluded).
    pub seconds: f64,
    /// One row per (role, strategy) present, then rings and the submitter.
    pub strategies: Vec<Row>,
    /// Share of faulty commitments convicted.
    pub detection: f64,
    /// Share of faulty commitments whose wrong segment was audited.
    pub audited: f64,
    /// Steps replayed by verifiers and whistleblowers per step trained.
    pub verification_cost: f64,
    /// Steps trained by solvers.
    pub steps_trained: u64,
    /// Steps replayed by verifiers and whistleblowers (checks and games).
    pub steps_replayed: u64,
    /// How tasks ended, by ending.
    pub endings: BTreeMap<String, u32>,
    /// Forced rounds drawn.
    pub forced: u32,
    /// Games played.
    pub games: u32,
    /// Honest moves the pallet refused (none expected).
    pub refused: u32,
    /// Tasks that left collateral locked once they ended (none expected).
    pub leaks: u32,
    /// Tasks after which the money did not reconcile (none expected).
    pub unreconciled: u32,
    /// The jackpot's balance over time.
    pub jackpot: Vec<JackpotSample>,
    /// The detection-versus-cost curve, if asked for.
    pub curve: Vec<CurvePoint>,
    /// What was run.
    pub config: SimConfig,
}

/// Adds up task records as they come.
pub struct Tally {
    rows: BTreeMap<(Role, Strategy), Stats>,
    caught: BTreeMap<(Role, Strategy), u64>,
    rings: Stats,
    ring_caught: u64,
    submitter: Stats,
    faulty: u64,
    convicted: u64,
    fault_audited: u64,
    trained: u64,
    replayed: u64,
    endings: BTreeMap<String, u32>,
    forced: u32,
    games: u32,
    refused: u32,
    leaks: u32,
    unreconciled: u32,
    jackpot: Vec<JackpotSample>,
    every: u32,
    tasks: u32,
}

impl Tally {
    /// An empty tally keeping about `samples` jackpot points over `tasks`.
    pub fn new(tasks: u32, samples: u32, first_jackpot: u64) -> Self {
        Tally {
            rows: BTreeMap::new(),
            caught: BTreeMap::new(),
            rings: Stats::default(),
            ring_caught: 0,
            submitter: Stats::default(),
            faulty: 0,
            convicted: 0,
            fault_audited: 0,
            trained: 0,
            replayed: 0,
            endings: BTreeMap::new(),
            forced: 0,
            games: 0,
            refused: 0,
            leaks: 0,
            unreconciled: 0,
            jackpot: vec![JackpotSample { task: 0, balance: first_jackpot }],
            every: tasks.div_ceil(samples.max(1)).max(1),
            tasks: 0,
        }
    }

    /// Adds one task.
    pub fn add(&mut self, world: &World, rec: &TaskRecord) {
        self.tasks += 1;
        for &i in &rec.engaged {
            let m = &world.members[i];
            self.rows.entry((m.role, m.strategy)).or_default().add(rec.net[i] as f64);
            if rec.caught.contains(&i) {
                *self.caught.entry((m.role, m.strategy)).or_default() += 1;
            }
        }
        self.submitter.add(rec.submitter_net as f64);
        // A ring is judged by what its members make together on their solver's tasks.
        if let Some(ring) = rec.solver.and_then(|s| world.members[s].ring) {
            let members = world.members.iter().enumerate().filter(|(_, m)| m.ring == Some(ring));
            let (mut net, mut caught) = (0i64, false);
            for (i, _) in members {
                net += rec.net[i];
                caught |= rec.caught.contains(&i);
            }
            self.rings.add(net as f64);
            self.ring_caught += u64::from(caught);
        }
        if let Some(SolverRun::Faulty { .. }) = rec.solver_run {
            self.faulty += 1;
            self.fault_audited += u64::from(rec.fault_audited);
            self.convicted +=
                u64::from(rec.ending == crate::driver::Ending::Cancelled(pallet_gensyn::CancelReason::SolverConvicted));
        }
        self.trained += rec.trained;
        self.replayed += rec.replayed;
        *self.endings.entry(rec.ending.name()).or_default() += 1;
        self.forced += u32::from(rec.forced);
        self.games += rec.games;
        self.refused += rec.refused;
        self.leaks += u32::from(rec.leaked > 0);
        self.unreconciled += u32::from(rec.unreconciled > 0);
        if self.tasks % self.every == 0 {
            self.jackpot.push(JackpotSample { task: self.tasks, balance: rec.jackpot });
        }
    }

    fn ratio(a: u64, b: u64) -> f64 {
        if b == 0 {
            0.0
        } else {
            a as f64 / b as f64
        }
    }

    /// Share of faulty commitments convicted.
    pub fn detection(&self) -> f64 {
        Self::ratio(self.convicted, self.faulty)
    }

    /// Share of faulty commitments whose wrong segment was audited.
    pub fn audited(&self) -> f64 {
        Self::ratio(self.fault_audited, self.faulty)
    }

    /// Steps replayed per step trained.
    pub fn verification_cost(&self) -> f64 {
        Self::ratio(self.replayed, self.trained)
    }

    /// The finished report.
    pub fn report(self, config: &SimConfig, seconds: f64, curve: Vec<CurvePoint>) -> Report {
        let mut strategies = Vec::new();
        let row = |role: &str, strategy: &str, accounts: u32, s: &Stats, caught: u64| Row {
            role: role.into(),
            strategy: strategy.into(),
            accounts,
            count: s.count(),
            mean: s.mean(),
            spread: s.spread(),
            caught: Self::ratio(caught, s.count()),
            vs_honest: None,
        };
        for role in Role::ALL {
            for &strategy in Strategy::for_role(role) {
                let accounts = config.mix(role).count(strategy);
                if accounts == 0 {
                    continue;
                }
                let stats = self.rows.get(&(role, strategy)).cloned().unwrap_or_default();
                let caught = self.caught.get(&(role, strategy)).copied().unwrap_or(0);
                strategies.push(row(role.as_str(), strategy.name(), accounts, &stats, caught));
            }
        }
        let rings = Role::ALL.iter().map(|r| config.mix(*r).count(Strategy::Collude)).min().unwrap_or(0);
        if config.solvers.count(Strategy::Collude) > 0 {
            strategies.push(row("ring", "collude", rings.max(1), &self.rings, self.ring_caught));
        }
        strategies.push(row("submitter", "honest", 1, &self.submitter, 0));
        let honest = |role: &str| {
            let role = if role == "ring" { "solver" } else { role };
            strategies.iter().find(|r| r.role == role && r.strategy == "honest" && r.count > 0).map(|r| r.mean)
        };
        let baselines: Vec<Option<f64>> = strategies.iter().map(|r| honest(&r.role)).collect();
        for (r, base) in strategies.iter_mut().zip(baselines) {
            if r.strategy != "honest" && r.count > 0 {
                r.vs_honest = base.map(|b| r.mean - b);
            }
        }
        Report {
            tasks: self.tasks,
            seconds,
            strategies,
            detection: self.detection(),
            audited: self.audited(),
            verification_cost: self.verification_cost(),
            steps_trained: self.trained,
            steps_replayed: self.replayed,
            endings: self.endings,
            forced: self.forced,
            games: self.games,
            refused: self.refused,
            leaks: self.leaks,
            unreconciled: self.unreconciled,
            jackpot: self.jackpot,
            curve,
            config: config.clone(),
        }
    }
}

/// A line of block characters for a series, scaled to its own range.
fn sparkline(values: &[u64]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let (lo, hi) = (values.iter().min().copied().unwrap_or(0), values.iter().max().copied().unwrap_or(0));
    values.iter().map(|v| if hi == lo { BARS[3] } else { BARS[((v - lo) * 7 / (hi - lo)) as usize] }).collect()
}

impl Report {
    /// The row of `role`'s `strategy`, if it was played.
    pub fn row(&self, role: &str, strategy: &str) -> Option<&Row> {
        self.strategies.iter().find(|r| r.role == role && r.strategy == strategy)
    }

    /// The report as a plain-text table.
    pub fn table(&self) -> String {
        let c = &self.config;
        let mut t = String::new();
        let p = &c.params;
        let _ = writeln!(
            t,
            "{} tasks of {} steps, checkpoint every {} ({} segments, {} audited), fee {}, {} per step computed, {:.1}s",
            self.tasks,
            c.steps,
            c.checkpoint_every,
            c.steps.div_ceil(c.checkpoint_every),
            p.audit_segments,
            c.fee,
            c.step_price,
            self.seconds
        );
        let _ = writeln!(
            t,
            "forced errors {} ppm, slash {}% of collateral (solver {}%, verifier {}% of fee), whistle bond {}, check ticket {}% of fee, check rate {}",
            p.forced_error_ppm,
            p.slash,
            p.solver_collateral,
            p.verifier_collateral,
            p.whistle_bond,
            p.check_ticket,
            c.check_rate
        );
        let _ = writeln!(t);
        let _ = writeln!(
            t,
            "{:<14} {:<14} {:>8} {:>7} {:>10} {:>10} {:>10} {:>8}",
            "role", "strategy", "accounts", "tasks", "mean/task", "spread", "vs honest", "caught"
        );
        for r in &self.strategies {
            let caught = if r.strategy == "honest" && r.caught == 0.0 {
                "-".to_string()
            } else {
                format!("{:.1}%", 100.0 * r.caught)
            };
            let vs = r.vs_honest.map_or_else(|| "-".to_string(), |v| format!("{v:.1}"));
            let _ = writeln!(
                t,
                "{:<14} {:<14} {:>8} {:>7} {:>10.1} {:>10.1} {:>10} {:>8}",
                r.role, r.strategy, r.accounts, r.count, r.mean, r.spread, vs, caught
            );
        }
        let _ = writeln!(t);
        let _ = writeln!(
            t,
            "faulty commitments convicted: {:.1}% (wrong segment audited in {:.1}%)",
            100.0 * self.detection,
            100.0 * self.audited
        );
        let _ = writeln!(
            t,
            "verification cost: {:.3} of training ({} steps replayed by verifiers and whistleblowers / {} trained)",
            self.verification_cost, self.steps_replayed, self.steps_trained
        );
        let endings: Vec<String> = self.endings.iter().map(|(k, v)| format!("{k} {v}")).collect();
        let _ = writeln!(t, "endings: {}", endings.join(", "));
        let _ = writeln!(
            t,
            "games {}, forced rounds {}; checks: honest moves refused {}, collateral leaks {}, unreconciled tasks {}",
            self.games, self.forced, self.refused, self.leaks, self.unreconciled
        );
        let balances: Vec<u64> = self.jackpot.iter().map(|s| s.balance).collect();
        let _ = writeln!(
            t,
            "jackpot: {} → {} (min {}, max {})  {}",
            balances.first().unwrap_or(&0),
            balances.last().unwrap_or(&0),
            balances.iter().min().unwrap_or(&0),
            balances.iter().max().unwrap_or(&0),
            sparkline(&balances)
        );
        if !self.curve.is_empty() {
            let _ = writeln!(t);
            let _ = writeln!(
                t,
                "{:>14} {:>10} {:>10} {:>18}",
                "audit_segments", "detection", "audited", "verification cost"
            );
            for pt in &self.curve {
                let _ = writeln!(
                    t,
                    "{:>14} {:>9.1}% {:>9.1}% {:>18.3}",
                    pt.audit_segments,
                    100.0 * pt.detection,
                    100.0 * pt.audited,
                    pt.verification_cost
                );
            }
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stats_match_the_textbook() {
        let mut s = Stats::default();
        for x in [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0] {
            s.add(x);
        }
        assert_eq!(s.count(), 8);
        assert!((s.mean() - 5.0).abs() < 1e-12);
        assert!((s.spread() - 2.0).abs() < 1e-12);
    }

    #[test]
    fn sparklines_span_their_range() {
        assert_eq!(sparkline(&[0, 7, 14]), "▁▄█");
        assert_eq!(sparkline(&[3, 3]), "▄▄");
    }
}
