//! The strategies a protocol party can play, defined once: the simulator
//! plays them against the pallet, and the CLI agents' `--cheat` modes can
//! make the same decisions against a node. Everything here is a pure
//! decision over what the party knows (its role, the task's shape, the
//! public hashes, its partner's ends); carrying a decision out (which run
//! to commit, which hashes to post) belongs to whoever drives the party.

use crate::rng::Rng;
pub use pallet_gensyn::Role;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How a party behaves. Not every strategy exists for every role
/// ([`Strategy::for_role`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Strategy {
    /// Does the work it is paid for and every move it owes, in time.
    Honest,
    /// Never computes. A solver commits guessed checkpoints (no data stands
    /// behind them); a checker posts guessed ends: the audited runs' opened
    /// starts, the only state public when it must commit (the checks are
    /// blind, so there is nothing else to copy). In a game it cannot answer.
    Lazy,
    /// A solver that commits a run with a wrong state at one random step
    /// (`wrong-state` on an agent: one operator's output corrupted, training
    /// going on from it); a verifier that posts a wrong end for one audited
    /// segment and defends it with a run of its own whose fault lies in
    /// that segment.
    Cheat,
    /// A solver that runs one random step honestly but commits another
    /// state after it (its trace doctored to end in that state), and trains
    /// on from the lie.
    WrongAfter,
    /// A solver that trains one random step on another batch than the
    /// order names (one row replaced by another example of the dataset).
    WrongBatch,
    /// A whistleblower that claims a wrong end for one audited segment and
    /// defends it with a run of its own whose fault lies in that segment.
    FalseWhistle,
    /// Takes part, then misses its next deadline: a solver wins the draw
    /// and never commits, a verifier never posts its verdict, a
    /// whistleblower commits a check and never reveals it.
    Silent,
    /// One of a ring of sybils run by one owner (the n-th colluding solver,
    /// verifier and whistleblower form ring n). The solver cheats as
    /// [`Strategy::Cheat`]; its verifier and whistleblower take part only in
    /// their solver's tasks and post its ends without replaying, so none of
    /// them ever challenges it, and a forced round pays them as right.
    Collude,
}

impl Strategy {
    /// Every strategy, in the order reports list them.
    pub const ALL: [Strategy; 8] = [
        Strategy::Honest,
        Strategy::Lazy,
        Strategy::Cheat,
        Strategy::WrongAfter,
        Strategy::WrongBatch,
        Strategy::FalseWhistle,
        Strategy::Silent,
        Strategy::Collude,
    ];

    /// The strategies `role` can play.
    pub fn for_role(role: Role) -> &'static [Strategy] {
        use Strategy::*;
        match role {
            Role::Solver => &[Honest, Lazy, Cheat, WrongAfter, WrongBatch, Silent, Collude],
            Role::Verifier => &[Honest, Lazy, Cheat, Silent, Collude],
            Role::Whistleblower => &[Honest, Lazy, FalseWhistle, Silent, Collude],
        }
    }

    /// The name used on the command line, in TOML and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Strategy::Honest => "honest",
            Strategy::Lazy => "lazy",
            Strategy::Cheat => "cheat",
            Strategy::WrongAfter => "wrong-after",
            Strategy::WrongBatch => "wrong-batch",
            Strategy::FalseWhistle => "false-whistle",
            Strategy::Silent => "silent",
            Strategy::Collude => "collude",
        }
    }

    /// The strategy named `name` (see [`Strategy::name`]).
    pub fn parse(name: &str) -> Option<Strategy> {
        Strategy::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Whether this is the protocol's intended behaviour.
    pub fn is_honest(self) -> bool {
        self == Strategy::Honest
    }

    /// Whether the party answers the moves of a game it is in. A lazy party
    /// has no run to answer from, and a silent one has gone away.
    pub fn answers_games(self) -> bool {
        !matches!(self, Strategy::Lazy | Strategy::Silent)
    }

    /// What a solver playing this strategy commits, for a task of `steps`
    /// steps. A cheat's wrong step is drawn from `rng`.
    pub fn solver_run(self, steps: u32, rng: &mut Rng) -> SolverRun {
        match self {
            Strategy::Honest => SolverRun::Trained,
            Strategy::Cheat | Strategy::Collude => SolverRun::Faulty { step: rng.below(steps), kind: Fault::State },
            Strategy::WrongAfter => SolverRun::Faulty { step: rng.below(steps), kind: Fault::After },
            Strategy::WrongBatch => SolverRun::Faulty { step: rng.below(steps), kind: Fault::Batch },
            Strategy::Lazy => SolverRun::Guessed,
            Strategy::Silent | Strategy::FalseWhistle => SolverRun::Nothing,
        }
    }

    /// Whether a verifier or whistleblower playing this strategy takes part
    /// in a task (enters the verifier draw, or commits a check).
    /// `partner_solves`: the task's solver is of the party's own ring;
    /// `checks`: for a whistleblower outside a ring, whether it chose to
    /// check this task (its check rate).
    pub fn takes_part(self, partner_solves: bool, checks: bool) -> bool {
        match self {
            Strategy::Collude => partner_solves,
            _ => checks,
        }
    }

    /// What a verifier or whistleblower playing this strategy posts as the
    /// ends of the audited segments (when it takes part at all).
    pub fn checker_ends(self) -> CheckerEnds {
        match self {
            Strategy::Honest => CheckerEnds::Replayed,
            Strategy::Lazy => CheckerEnds::Guessed,
            Strategy::Cheat | Strategy::WrongAfter | Strategy::WrongBatch | Strategy::FalseWhistle => CheckerEnds::Lie,
            Strategy::Silent => CheckerEnds::Withheld,
            Strategy::Collude => CheckerEnds::Partner,
        }
    }
}

impl fmt::Display for Strategy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What a solver commits after the draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SolverRun {
    /// The honest run.
    Trained,
    /// A run whose state goes wrong at `step` (every later step is computed
    /// from the wrong state, so only the segment holding `step` can be
    /// caught).
    Faulty {
        /// The corrupted step.
        step: u32,
        /// How it is corrupted.
        kind: Fault,
    },
    /// Checkpoints it never computed: checkpoint 0 is the submitted model
    /// (the chain checks it), the rest are guesses.
    Guessed,
    /// Nothing: it misses the commit deadline.
    Nothing,
}

impl SolverRun {
    /// Steps the solver trains for it.
    pub fn steps_trained(self, steps: u32) -> u32 {
        match self {
            SolverRun::Trained | SolverRun::Faulty { .. } => steps,
            SolverRun::Guessed | SolverRun::Nothing => 0,
        }
    }
}

/// How a faulty run goes wrong at its step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fault {
    /// One operator's output is wrong, so the state after is too.
    State,
    /// The step is computed honestly, another state is committed after it.
    After,
    /// The step trains on another batch than the order names.
    Batch,
}

impl Fault {
    /// Every kind.
    pub const ALL: [Fault; 3] = [Fault::State, Fault::After, Fault::Batch];
}

/// What a checker posts as its end hashes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckerEnds {
    /// Replays each audited run from the solver's opened start.
    Replayed,
    /// The opened start of each position's run, posted as its end.
    Guessed,
    /// A wrong end for the first segment of one audited run (a run with a
    /// fault in that segment), the replayed ends elsewhere.
    Lie,
    /// The ends of its ring's solver, known off chain.
    Partner,
    /// It commits, but never posts (or reveals) anything.
    Withheld,
}

impl CheckerEnds {
    /// Whether posting these ends takes replaying the audited segments.
    pub fn replays(self) -> bool {
        matches!(self, CheckerEnds::Replayed | CheckerEnds::Lie)
    }
}

/// The ends a checker posts for the audited segments, from what it has:
/// `replayed` (its replay of each position from the solver's opened run
/// starts), `starts` (each position's run start, as opened), `lie` (the
/// ends of its own faulty run, when it lies) and `partner` (its ring
/// solver's ends). `None`: it posts nothing.
pub fn ends_to_post(
    plan: CheckerEnds,
    replayed: &[[u8; 32]],
    starts: &[[u8; 32]],
    lie: Option<&[[u8; 32]]>,
    partner: Option<&[[u8; 32]]>,
) -> Option<Vec<[u8; 32]>> {
    match plan {
        CheckerEnds::Replayed => Some(replayed.to_vec()),
        CheckerEnds::Guessed => Some(starts.to_vec()),
        CheckerEnds::Lie => Some(lie.unwrap_or(replayed).to_vec()),
        CheckerEnds::Partner => Some(partner.unwrap_or(replayed).to_vec()),
        CheckerEnds::Withheld => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_each_role_has_honest() {
        for s in Strategy::ALL {
            assert_eq!(Strategy::parse(s.name()), Some(s));
        }
        assert_eq!(Strategy::parse("nope"), None);
        for role in Role::ALL {
            assert!(Strategy::for_role(role).contains(&Strategy::Honest));
        }
        assert!(!Strategy::for_role(Role::Solver).contains(&Strategy::FalseWhistle));
        assert!(!Strategy::for_role(Role::Whistleblower).contains(&Strategy::Cheat));
    }

    #[test]
    fn a_cheat_corrupts_a_step_inside_the_run() {
        let mut rng = Rng::new(1);
        for _ in 0..50 {
            match Strategy::Cheat.solver_run(8, &mut rng) {
                SolverRun::Faulty { step, kind } => assert!(step < 8 && kind == Fault::State),
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(SolverRun::Guessed.steps_trained(8), 0);
        assert_eq!(SolverRun::Faulty { step: 3, kind: Fault::After }.steps_trained(8), 8);
    }

    #[test]
    fn checkers_post_what_their_plan_says() {
        let (r, s, l, p) = ([[1; 32]], [[2; 32]], [[3; 32]], [[4; 32]]);
        assert_eq!(ends_to_post(CheckerEnds::Replayed, &r, &s, Some(&l), Some(&p)), Some(r.to_vec()));
        assert_eq!(ends_to_post(CheckerEnds::Guessed, &r, &s, Some(&l), Some(&p)), Some(s.to_vec()));
        assert_eq!(ends_to_post(CheckerEnds::Lie, &r, &s, Some(&l), Some(&p)), Some(l.to_vec()));
        assert_eq!(ends_to_post(CheckerEnds::Partner, &r, &s, Some(&l), Some(&p)), Some(p.to_vec()));
        assert_eq!(ends_to_post(CheckerEnds::Withheld, &r, &s, Some(&l), Some(&p)), None);
        assert!(!Strategy::Collude.takes_part(false, true) && Strategy::Collude.takes_part(true, false));
    }
}
