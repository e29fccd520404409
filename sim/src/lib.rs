//! # gensyn-sim
//!
//! The incentive simulator behind `gensyn sim`: it runs many tasks through
//! the real `pallet-gensyn`, natively, in the pallet's mock runtime, with
//! populations of solvers, verifiers and whistleblowers that each play a
//! [`Strategy`], and reports what each strategy earns.
//!
//! Nothing of the protocol is re-implemented: every draw, deadline,
//! payment, slash and game is the pallet's own, reached through its
//! extrinsics with each party's account ([`driver`]). What the simulator
//! supplies is the parties' behaviour ([`strategy`]) and their compute:
//! re-execution is by oracle ([`oracle`]), a handful of real training runs
//! of the harness's toy program built once and reused by every task, which
//! answer every dispute move down to arbitration with real witnesses.
//!
//! Money is measured, not modelled: each party's net earnings in a task are
//! its change in balance (free plus held) over the task, minus what it paid
//! for the steps it computed ([`SimConfig::step_price`] each).

#![warn(missing_docs)]

pub mod config;
pub mod driver;
pub mod oracle;
pub mod report;
pub mod rng;
pub mod strategy;
pub mod world;

pub use config::{Mix, Protocol, SimConfig};
pub use report::{CurvePoint, Report, Row};
pub use strategy::{Role, Strategy};

use pallet_gensyn::mock::{new_test_ext, Gensyn};
use report::Tally;
use std::time::Instant;

/// Runs the simulation `config` describes, and a curve point per value of
/// `config.curve` (each a whole run with that `audit_segments`, on a thread
/// of its own: the mock's state is per thread). `progress` is called once
/// per task finished, from any of those threads.
pub fn simulate(config: &SimConfig, progress: &(dyn Fn() + Sync)) -> Result<Report, String> {
    config.validate()?;
    std::thread::scope(|scope| {
        let main = scope.spawn(|| run(config, progress));
        let points: Vec<_> = config
            .curve
            .iter()
            .map(|&audit| {
                let mut c = config.clone();
                c.params.audit_segments = audit;
                c.curve.clear();
                (audit, scope.spawn(move || run(&c, progress)))
            })
            .collect();
        let (tally, seconds) = joined(main.join())?;
        let mut curve = Vec::new();
        for (audit_segments, handle) in points {
            let (t, _) = joined(handle.join())?;
            curve.push(CurvePoint {
                audit_segments,
                detection: t.detection(),
                audited: t.audited(),
                verification_cost: t.verification_cost(),
            });
        }
        Ok(tally.report(config, seconds, curve))
    })
}

/// A thread's result, with a panic turned into an error message.
fn joined<T>(r: std::thread::Result<Result<T, String>>) -> Result<T, String> {
    r.map_err(|p| {
        let msg = p
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "unknown panic".into());
        format!("the simulation panicked: {msg}")
    })?
}

/// One whole run on this thread's own mock chain.
fn run(config: &SimConfig, progress: &(dyn Fn() + Sync)) -> Result<(Tally, f64), String> {
    let started = Instant::now();
    let oracle = oracle::Oracle::new(config.steps, config.checkpoint_every);
    let mut world = world::World::new(config);
    let mut ext = new_test_ext();
    ext.execute_with(|| {
        world.setup(config, &oracle)?;
        let mut tally = Tally::new(config.tasks, config.samples, Gensyn::jackpot());
        let mut driver = driver::Driver::new(config, &oracle, &world);
        for _ in 0..config.tasks {
            let rec = driver.run_task()?;
            tally.add(&world, &rec);
            progress();
        }
        Ok((tally, started.elapsed().as_secs_f64()))
    })
}
