//! The incentive claim, checked on a small simulation with the default
//! parameters (the runtime's, scaled to the mock): in every role, honest
//! play earns more per task than any dishonest strategy, and cheating loses
//! money.
//!
//! A colluding verifier or whistleblower is the one exception to "loses
//! money" on its own: the pallet never punishes a checker for agreeing with
//! a solver that another game convicted (`settle_game` judges only the
//! game's own parties, so a sybil cannot rob an honest verifier whose right
//! verdict agreed with a doctored record), so a ring's checker only forgoes
//! rewards. Its owner is the ring, and the ring (the colluding solver,
//! verifier and whistleblower together, on their solver's tasks) must lose.

use gensyn_sim::{simulate, Report, Role, SimConfig};

/// The default parameters on a short task (8 steps, 4 segments, 2 audited,
/// checked by each whistleblower half the time), where a cheat is caught
/// often enough for a few hundred tasks to tell strategies apart.
fn run(tasks: u32) -> Report {
    let config = SimConfig { tasks, steps: 8, checkpoint_every: 2, check_rate: 0.5, ..SimConfig::default() };
    let report = simulate(&config, &|| {}).expect("the simulation runs");
    println!("{}", report.table());
    report
}

#[test]
fn honest_play_beats_every_dishonest_strategy_and_cheating_loses() {
    // 200 tasks: enough for the ring's verifier (1 of 8 verifiers, entering
    // only its solver's tasks) to win a few draws.
    let report = run(200);
    assert_eq!(report.tasks, 200);
    assert_eq!(report.refused, 0, "the pallet refused an honest move");
    assert_eq!(report.leaks, 0, "a task left collateral locked");
    assert_eq!(report.unreconciled, 0, "money appeared or vanished");
    assert!(report.games > 0 && report.detection > 0.0, "cheats were played and caught");
    for role in Role::ALL {
        let rows: Vec<_> = report.strategies.iter().filter(|r| r.role == role.as_str()).collect();
        let honest = rows.iter().find(|r| r.strategy == "honest").expect("an honest row");
        assert!(honest.count > 0, "honest {} took part in no task", role.as_str());
        assert_eq!(honest.caught, 0.0, "an honest {} was slashed", role.as_str());
        for r in rows.iter().filter(|r| r.strategy != "honest") {
            assert!(r.count > 0, "{} {} took part in no task", role.as_str(), r.strategy);
            assert!(
                honest.mean > r.mean,
                "{}: honest earns {:.1} per task, {} {:.1}",
                role.as_str(),
                honest.mean,
                r.strategy,
                r.mean
            );
            let ring_checker = r.strategy == "collude" && role != Role::Solver;
            if !ring_checker {
                assert!(r.mean < 0.0, "{} {} earns {:.1} per task", role.as_str(), r.strategy, r.mean);
            }
        }
    }
    let ring = report.row("ring", "collude").expect("a ring row");
    assert!(ring.count > 0 && ring.mean < 0.0, "a ring earns {:.1} per task", ring.mean);
}
