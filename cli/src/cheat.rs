//! `--cheat KIND[@STEP]`: the adversaries an agent can play, for demos,
//! tests and operators who want to see the protocol catch them. The kinds
//! are the simulator's strategies ([`gensyn_sim::strategy::Strategy`]),
//! carried out against a real node, plus those the simulator does not
//! model (`wrong-data`, `skip`, `withhold`).

use crate::error::CliError;
use gensyn_sim::strategy::Strategy;
use pallet_gensyn::Role;

/// What a cheating party does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cheat {
    /// A solver's run that goes wrong at one step (see [`RunCheat`]).
    Run(RunCheat),
    /// A solver that never uploads what it owes (its checkpoints).
    Withhold,
    /// Takes part, then stops answering: a solver wins the draw and never
    /// commits; a verifier never posts its verdict; a whistleblower commits
    /// a check and never reveals it; none plays its games.
    Silent,
    /// A verifier that copies instead of computing: it posts the audited
    /// runs' opened starts as their ends (the only hashes public when it
    /// must post), and cannot answer the game that opens.
    Lazy,
    /// A whistleblower that challenges a correct verdict: it claims a wrong
    /// end for the first audited segment and defends it with a run whose
    /// state goes wrong in that segment's first step.
    FalseWhistle,
}

/// How a cheating solver's run differs from the honest one. Every later
/// step is computed from what the cheat left, as the simulator's
/// [`gensyn_sim::strategy::Fault`]s are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum RunCheat {
    /// The honest run.
    #[default]
    Honest,
    /// `wrong-state@S`: one bit of the state after step `S` flipped (in
    /// the operator that produces it, so its trace agrees with the lie).
    State {
        /// The step.
        step: u32,
    },
    /// `wrong-after@S`: step `S` run honestly, another state committed
    /// after it, its trace doctored to end in that state.
    After {
        /// The step.
        step: u32,
    },
    /// `wrong-batch@S`: step `S` trained on another batch (one row
    /// replaced by another example of the dataset).
    Batch {
        /// The step.
        step: u32,
    },
    /// `wrong-data`: every step trained on other examples than the order
    /// names (each one the dataset's next).
    Data,
    /// `skip@S`: the segment from checkpoint step `S` never trained. The
    /// checkpoint at `S` holds the state after `S` steps but says it is the
    /// next checkpoint's step, and the next checkpoint is that same state:
    /// a checker that replayed from the step written in an opened start
    /// would replay nothing and agree.
    Skip {
        /// The checkpoint step whose segment is skipped.
        step: u32,
    },
}

impl RunCheat {
    /// The step written in the checkpoint at `step` (the checkpoint's own,
    /// except where this cheat relabels it), in a task of `steps` steps
    /// checkpointed every `every`.
    pub fn label(self, step: u32, every: u32, steps: u32) -> u32 {
        match self {
            RunCheat::Skip { step: s } if s == step => s.saturating_add(every).min(steps),
            _ => step,
        }
    }
}

impl Cheat {
    /// Parses `KIND[@STEP]` for `role`; a step-less `wrong-*` cheats at step 0.
    pub fn parse(role: Role, text: &str) -> Result<Cheat, CliError> {
        let (kind, step) = match text.split_once('@') {
            Some((k, s)) => {
                let step = s.parse::<u32>().map_err(|_| {
                    CliError::Usage(format!("--cheat {text}: the step after `@` must be a number, got `{s}`"))
                })?;
                (k, Some(step))
            }
            None => (text, None),
        };
        let at = step.unwrap_or(0);
        let cheat = match (role, kind) {
            (Role::Solver, "wrong-state") => Cheat::Run(RunCheat::State { step: at }),
            (Role::Solver, "wrong-after") => Cheat::Run(RunCheat::After { step: at }),
            (Role::Solver, "wrong-batch") => Cheat::Run(RunCheat::Batch { step: at }),
            (Role::Solver, "wrong-data") => Cheat::Run(RunCheat::Data),
            (Role::Solver, "skip") => Cheat::Run(RunCheat::Skip { step: at }),
            (Role::Solver, "withhold") => Cheat::Withhold,
            (_, "silent") => Cheat::Silent,
            (Role::Verifier, "lazy") => Cheat::Lazy,
            (Role::Whistleblower, "false") => Cheat::FalseWhistle,
            _ => {
                return Err(CliError::Usage(format!(
                    "--cheat {text}: a {} can play {}",
                    role.as_str(),
                    Self::kinds(role).join(", ")
                )))
            }
        };
        let takes_step = matches!(cheat, Cheat::Run(r) if r != RunCheat::Data);
        if step.is_some() && !takes_step {
            return Err(CliError::Usage(format!("--cheat {text}: `{kind}` takes no step")));
        }
        Ok(cheat)
    }

    /// The kinds `role` can play, as `--cheat` spells them.
    pub fn kinds(role: Role) -> &'static [&'static str] {
        match role {
            Role::Solver => {
                &[
                    "wrong-state@STEP",
                    "wrong-after@STEP",
                    "wrong-batch@STEP",
                    "wrong-data",
                    "skip@STEP",
                    "withhold",
                    "silent",
                ]
            }
            Role::Verifier => &["lazy", "silent"],
            Role::Whistleblower => &["false", "silent"],
        }
    }

    /// The simulator's strategy this cheat carries out, where it has one.
    pub fn strategy(self) -> Option<Strategy> {
        Some(match self {
            Cheat::Run(RunCheat::Honest) => Strategy::Honest,
            Cheat::Run(RunCheat::State { .. }) => Strategy::Cheat,
            Cheat::Run(RunCheat::After { .. }) => Strategy::WrongAfter,
            Cheat::Run(RunCheat::Batch { .. }) => Strategy::WrongBatch,
            Cheat::Silent => Strategy::Silent,
            Cheat::Lazy => Strategy::Lazy,
            Cheat::FalseWhistle => Strategy::FalseWhistle,
            Cheat::Run(RunCheat::Data | RunCheat::Skip { .. }) | Cheat::Withhold => return None,
        })
    }

    /// The run this party computes.
    pub fn run(self) -> RunCheat {
        match self {
            Cheat::Run(r) => r,
            _ => RunCheat::Honest,
        }
    }

    /// Whether it answers the games it is in.
    pub fn plays_games(self) -> bool {
        self.strategy().is_none_or(Strategy::answers_games)
    }
}

/// `--cheat` as given (none: honest).
pub fn parse(role: Role, text: Option<&str>) -> Result<Option<Cheat>, CliError> {
    text.map(|t| Cheat::parse(role, t)).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_kind_parses_for_its_role_only() {
        assert_eq!(Cheat::parse(Role::Solver, "wrong-state@7").unwrap(), Cheat::Run(RunCheat::State { step: 7 }));
        assert_eq!(Cheat::parse(Role::Solver, "wrong-after@3").unwrap(), Cheat::Run(RunCheat::After { step: 3 }));
        assert_eq!(Cheat::parse(Role::Solver, "wrong-batch").unwrap(), Cheat::Run(RunCheat::Batch { step: 0 }));
        assert_eq!(Cheat::parse(Role::Solver, "wrong-data").unwrap(), Cheat::Run(RunCheat::Data));
        assert_eq!(Cheat::parse(Role::Solver, "skip@10").unwrap(), Cheat::Run(RunCheat::Skip { step: 10 }));
        assert_eq!(RunCheat::Skip { step: 10 }.label(10, 10, 15), 15);
        assert_eq!(RunCheat::Skip { step: 10 }.label(0, 10, 15), 0);
        assert_eq!(Cheat::parse(Role::Verifier, "lazy").unwrap(), Cheat::Lazy);
        assert_eq!(Cheat::parse(Role::Whistleblower, "false").unwrap(), Cheat::FalseWhistle);
        assert_eq!(Cheat::parse(Role::Whistleblower, "silent").unwrap(), Cheat::Silent);
        for (role, bad) in [
            (Role::Verifier, "wrong-state@1"),
            (Role::Solver, "lazy"),
            (Role::Solver, "wrong-state@x"),
            (Role::Solver, "withhold@3"),
            (Role::Whistleblower, "nope"),
        ] {
            let e = Cheat::parse(role, bad).unwrap_err().to_string();
            assert!(e.contains(bad), "{e}");
        }
        // The simulator's names for what it models.
        assert_eq!(Cheat::Run(RunCheat::State { step: 1 }).strategy(), Some(Strategy::Cheat));
        assert!(!Cheat::Lazy.plays_games() && !Cheat::Silent.plays_games() && Cheat::FalseWhistle.plays_games());
    }
}
