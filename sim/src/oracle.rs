//! Re-execution by oracle: a fixed set of real training runs of the
//! harness's toy program, built once and reused by every task. The honest
//! run gives the true hashes; a faulty run (one per step, each with a wrong
//! output at that step) is what a cheating solver commits, or what a lying
//! checker defends its claim with. Every run answers dispute moves with
//! real records, traces and witnesses (`pallet_gensyn::harness::Party`).

use crate::strategy::{Fault as Kind, SolverRun};
use gensyn_commitment::{merkle::Tree, state::checkpoint_leaf};
use pallet_gensyn::{
    harness::{Fault, Party, TOY},
    lifecycle::runs,
    Hash, Opening, SolverCommitment, TaskSpec,
};

/// The runs every task reuses.
pub struct Oracle {
    /// Steps per task.
    pub steps: u32,
    /// Steps per segment.
    pub every: u32,
    /// The honest run.
    pub honest: Party,
    /// `faulty[s]`: a run whose state goes wrong at step `s`.
    pub faulty: Vec<Party>,
    /// `lying[s]`: a run that commits another state after step `s`.
    pub lying: Vec<Party>,
    /// `other_batch[s]`: a run that trains step `s` on another batch.
    pub other_batch: Vec<Party>,
}

impl Oracle {
    /// Trains the honest run and one faulty run per step.
    pub fn new(steps: u32, every: u32) -> Self {
        let honest = Party::new(TOY, steps, every, None);
        let len = honest.program.len();
        let faulty = (0..steps)
            .map(|step| {
                // Spread the faults over the program's nodes, so games end
                // at different operators; a node whose wrong output leaves
                // the state as it was (none in the toy program, but cheap
                // to rule out) falls back to the last, which writes the state.
                let fault = |node| Fault { step, node, elem: step, bit: 21 };
                let p = Party::new(TOY, steps, every, Some(fault(step % len)));
                if p.state(step + 1) != honest.state(step + 1) {
                    p
                } else {
                    Party::new(TOY, steps, every, Some(fault(len - 1)))
                }
            })
            .collect();
        let lying = (0..steps).map(|step| Party::lying_after(TOY, steps, every, step)).collect();
        let other_batch = (0..steps).map(|step| Party::other_batch(TOY, steps, every, step)).collect();
        Oracle { steps, every, honest, faulty, lying, other_batch }
    }

    /// The run of a solver whose `kind` of fault is at `step`.
    pub fn faulty_run(&self, kind: Kind, step: u32) -> &Party {
        let runs = match kind {
            Kind::State => &self.faulty,
            Kind::After => &self.lying,
            Kind::Batch => &self.other_batch,
        };
        &runs[step as usize]
    }

    /// The spec every task is submitted with.
    pub fn spec(&self) -> TaskSpec {
        self.honest.spec()
    }

    /// The segment holding `step`.
    pub fn segment_of(&self, step: u32) -> u32 {
        step / self.every
    }

    /// Steps in segment `segment`.
    pub fn segment_len(&self, segment: u32) -> u32 {
        let lo = segment * self.every;
        (lo + self.every).min(self.steps).saturating_sub(lo)
    }

    /// Everything whose data exists, for the artefact store to attest: the
    /// spec, the dataset and every checkpoint of every run. A guessed
    /// checkpoint has no data, so it is never attested.
    pub fn artefacts(&self) -> Vec<Hash> {
        let spec = self.spec();
        let mut all = vec![spec.spec_hash, spec.dataset_commitment()];
        let checkpoints = spec.checkpoints();
        for p in std::iter::once(&self.honest).chain(&self.faulty).chain(&self.lying).chain(&self.other_batch) {
            all.extend((0..checkpoints).map(|i| p.checkpoint(i)));
        }
        all.sort();
        all.dedup();
        all
    }

    /// The run a liar defends a wrong end of `segment` with: a fault at a
    /// step of that segment (`pick` chooses which, below the segment's length).
    pub fn liar(&self, segment: u32, pick: u32) -> &Party {
        let lo = segment * self.every;
        let len = self.segment_len(segment).max(1);
        &self.faulty[((lo + pick % len) as usize).min(self.faulty.len() - 1)]
    }

    /// What an honest checker's replay gives for each audited position:
    /// each run of adjacent audited segments replayed from the solver's
    /// opened start. After a faulty solver's fault, its start is the faulty
    /// run's, from which its steps are computed correctly, so the replay
    /// agrees with it; a run that starts at or before the fault follows the
    /// honest run.
    pub fn replayed_ends(&self, segments: &[u32], solver: &Committed) -> Vec<Hash> {
        let mut ends = vec![[0u8; 32]; segments.len()];
        for run in runs(segments) {
            let start = segments[run.start as usize];
            let chain = match solver.run {
                SolverRun::Faulty { step, kind } if start > self.segment_of(step) => self.faulty_run(kind, step),
                _ => &self.honest,
            };
            for p in run {
                ends[p as usize] = chain.checkpoint(segments[p as usize] + 1);
            }
        }
        ends
    }

    /// What a solver with `run` commits (`guess` makes up checkpoints).
    pub fn commit(&self, run: SolverRun, guess: &mut dyn FnMut() -> Hash) -> Committed<'_> {
        match run {
            SolverRun::Trained | SolverRun::Nothing => Committed { run, party: Some(&self.honest), guessed: None },
            SolverRun::Faulty { step, kind } => {
                Committed { run, party: Some(self.faulty_run(kind, step)), guessed: None }
            }
            SolverRun::Guessed => {
                let n = self.spec().checkpoints();
                // Checkpoint 0 must be the submitted model: the chain checks it.
                let states: Vec<Hash> =
                    (0..n).map(|i| if i == 0 { self.honest.checkpoint(0) } else { guess() }).collect();
                let leaves: Vec<Hash> = states.iter().enumerate().map(|(i, s)| checkpoint_leaf(i as u32, s)).collect();
                Committed { run, party: None, guessed: Some((Tree::new(&leaves), states, guess())) }
            }
        }
    }
}

/// A solver's committed run: a real one, or guessed checkpoints.
pub struct Committed<'a> {
    /// What the solver chose to commit.
    pub run: SolverRun,
    /// The real run behind it, if any (it answers dispute moves).
    pub party: Option<&'a Party>,
    /// Guessed checkpoints: their tree, states and a made-up step root.
    pub guessed: Option<(Tree, Vec<Hash>, Hash)>,
}

impl Committed<'_> {
    /// The commitment posted.
    pub fn commitment(&self) -> SolverCommitment {
        match (&self.party, &self.guessed) {
            (_, Some((tree, _, step_root))) => SolverCommitment { checkpoint_root: tree.root(), step_root: *step_root },
            (Some(p), None) => p.commitment(),
            (None, None) => SolverCommitment { checkpoint_root: [0; 32], step_root: [0; 32] },
        }
    }

    /// The state committed at checkpoint `i`.
    pub fn checkpoint(&self, i: u32) -> Hash {
        match (&self.party, &self.guessed) {
            (_, Some((_, states, _))) => states[i as usize],
            (Some(p), None) => p.checkpoint(i),
            (None, None) => [0; 32],
        }
    }

    /// The opening of checkpoint `i`.
    pub fn opening(&self, i: u32) -> Opening {
        match (&self.party, &self.guessed) {
            (_, Some((tree, states, _))) => {
                Opening { index: i, state: states[i as usize], proof: tree.proof(i).unwrap_or_default() }
            }
            (Some(p), None) => p.opening(i),
            (None, None) => Opening { index: i, state: [0; 32], proof: Default::default() },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_faulty_run_goes_wrong_at_its_step_and_only_then() {
        let o = Oracle::new(8, 2);
        for (s, p) in o.faulty.iter().enumerate() {
            let s = s as u32;
            assert_eq!(p.state(s), o.honest.state(s), "agrees before step {s}");
            assert_ne!(p.state(s + 1), o.honest.state(s + 1), "wrong after step {s}");
        }
        assert_eq!(o.liar(1, 5).fault.unwrap().step, 3);
        for kind in Kind::ALL {
            for s in 0..8 {
                let p = o.faulty_run(kind, s);
                assert_eq!(p.state(s), o.honest.state(s), "{kind:?} agrees before step {s}");
                assert_ne!(p.state(s + 1), o.honest.state(s + 1), "{kind:?} wrong after step {s}");
            }
        }
        let a = o.artefacts();
        assert!((0..5).all(|i| a.contains(&o.honest.checkpoint(i))));
        assert!(a.windows(2).all(|w| w[0] < w[1]), "sorted, each once");
    }

    #[test]
    fn a_replay_follows_the_solvers_start() {
        let o = Oracle::new(8, 2);
        let cheat = o.commit(SolverRun::Faulty { step: 3, kind: Kind::State }, &mut || [9; 32]);
        // Segments 0 and 1 form one run from the honest start; 3 starts after the fault.
        let ends = o.replayed_ends(&[0, 1, 3], &cheat);
        assert_eq!(ends[0], o.honest.checkpoint(1));
        assert_eq!(ends[1], o.honest.checkpoint(2));
        assert_ne!(ends[1], cheat.checkpoint(2), "the fault's segment is caught");
        assert_eq!(ends[2], cheat.checkpoint(4), "after the fault the replay agrees");
        let lazy = o.commit(SolverRun::Guessed, &mut || [9; 32]);
        assert_eq!(lazy.checkpoint(0), o.honest.checkpoint(0));
        assert_eq!(lazy.checkpoint(2), [9; 32]);
    }
}
