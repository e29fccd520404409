//! frame-benchmarking benchmarks of every call and of `on_initialize`,
//! each in its worst case (largest proofs, most whistles, largest
//! arbitration). `weights.rs` is generated from them with
//! `frame-omni-bencher` (see the README).

use crate::{lifecycle::*, *};
use alloc::{vec, vec::Vec};
use gensyn_commitment::{
    data::{DataKind, Order},
    merkle::{Descent, Tree},
    shape::shape_leaf,
    state::{self, checkpoint_leaf, StepRecord},
    tensor::{self, Tensor},
    trace::{node_leaf, trace_leaf, Node, Op, Source},
};
use polkadot_sdk::{
    frame_benchmarking::v2::*,
    frame_support::{
        pallet_prelude::*,
        traits::{
            fungible::{Inspect, Mutate, MutateHold},
            Hooks,
        },
    },
    frame_system::{self, pallet_prelude::BlockNumberFor, RawOrigin},
    sp_runtime::traits::{Saturating, Zero},
};

use crate::vrf::{BENCH_SEED, BENCH_VRF_KEY, BENCH_VRF_PROOF};

/// Trees in the benchmarks have 2^DEPTH leaves: proofs of DEPTH siblings.
const DEPTH: u32 = 12;
/// The largest arbitrated matmul contracts over K = 32; its output is s × s.
const ARB_K: u32 = 32;

/// `exec::work` of an `s × k · k × s` matmul.
fn exec_work(s: u64, k: u64) -> u64 {
    let op = Op::MatMul { m: s as u32, k: k as u32, n: s as u32, ta: false, tb: false };
    gensyn_commitment::exec::work(&op, &[&[s as u32, k as u32], &[k as u32, s as u32]], false)
}

fn isqrt(x: u64) -> u64 {
    let mut r = 0u64;
    while (r + 1) * (r + 1) <= x {
        r += 1;
    }
    r
}

fn h(i: u32) -> Hash {
    crate::hash_of(&(b"bench", i))
}

fn big<T: Config>() -> BalanceOf<T> {
    Pallet::<T>::min_stake(Role::Solver).max(T::Currency::minimum_balance()).saturating_mul(1_000_000u32.into())
}

fn funded<T: Config>(name: &'static str, i: u32) -> T::AccountId {
    let who: T::AccountId = account(name, i, 0);
    T::Currency::set_balance(&who, big::<T>());
    who
}

fn staked<T: Config>(name: &'static str, i: u32, role: Role) -> T::AccountId {
    let who = funded::<T>(name, i);
    Pallet::<T>::stake(RawOrigin::Signed(who.clone()).into(), role, Pallet::<T>::min_stake(role)).unwrap();
    who
}

fn now<T: Config>() -> BlockNumberFor<T> {
    frame_system::Pallet::<T>::block_number()
}

fn later<T: Config>() -> BlockNumberFor<T> {
    now::<T>().saturating_add(100u32.into())
}

fn spec(steps: u32, every: u32, program_len: u32, program_root: Hash, model_hash: Hash) -> TaskSpec {
    TaskSpec {
        spec_hash: h(1),
        model_hash,
        dataset_root: h(2),
        hyper_hash: h(3),
        program_root,
        program_len,
        steps,
        checkpoint_every: every,
        order: Order { seed: 0, samples: 1 << 20, batch: 1 },
        data_kind: DataKind::Classification,
        example_len: 1,
    }
}

/// Stores task 0 with its fee escrowed.
fn put_task<T: Config>(
    spec: TaskSpec,
    phase: Phase<BlockNumberFor<T>>,
    solver: Option<T::AccountId>,
    verifier: Option<T::AccountId>,
    commitment: Option<SolverCommitment>,
) -> TaskId {
    let submitter = funded::<T>("submitter", 0);
    let fee = T::Currency::minimum_balance().saturating_mul(1000u32.into());
    T::Currency::hold(&HoldReason::TaskFee.into(), &submitter, fee).unwrap();
    T::Currency::set_balance(&Pallet::<T>::jackpot_account(), big::<T>());
    let collateral = (Pallet::<T>::min_stake(Role::Solver), Pallet::<T>::min_stake(Role::Verifier));
    if let Some(s) = &solver {
        Engagements::<T>::insert(s, Role::Solver, 1);
        Locked::<T>::insert(s, Role::Solver, collateral.0);
    }
    if let Some(v) = &verifier {
        Engagements::<T>::insert(v, Role::Verifier, 1);
        Locked::<T>::insert(v, Role::Verifier, collateral.1);
    }
    Tasks::<T>::insert(
        0,
        TaskInfo {
            submitter,
            spec,
            fee,
            deposit: Zero::zero(),
            collateral,
            redraws: 0,
            final_hash: None,
            deadline: later::<T>(),
            created_at: now::<T>(),
            solver,
            commitment,
            verifier,
            phase,
            shapes_root: h(9),
            state_shapes: h(10),
            state_entries: 1,
        },
    );
    NextTaskId::<T>::put(1);
    0
}

/// An audit over `segments` with `checks` checks, all right.
fn put_audit<T: Config>(segments: Vec<AuditedSegment>, checks: u32) {
    Audits::<T>::insert(
        0,
        Audit {
            seed: BENCH_SEED,
            segments: BoundedVec::truncate_from(segments),
            forced: None,
            verifier_faulted: false,
            checks,
            right: checks,
            reveals_open: true,
            share: Zero::zero(),
            tickets: Zero::zero(),
            games: 1,
            convicted: false,
            misshapen: Default::default(),
            reopen: false,
            windows: 0,
        },
    );
}

/// A dispute 0 on task 0 between `defender` and `challenger` at `stage`.
fn put_dispute<T: Config>(defender: &T::AccountId, challenger: &T::AccountId, stage: Stage) -> DisputeId {
    Disputes::<T>::insert(
        0,
        Dispute {
            task: 0,
            defender: defender.clone(),
            challenger: challenger.clone(),
            challenger_kind: Challenger::Verifier,
            segment: 0,
            position: 0,
            claim: h(12),
            bond: Zero::zero(),
            stage,
            deadline: later::<T>(),
            rounds: 0,
        },
    );
    NextDisputeId::<T>::put(1);
    0
}

/// Game 0 at arbitration of node 0 at step 3 (tile `tile`), the defender's
/// leaf `truth`, from a record whose agreed state and batch are these.
fn put_arbitration<T: Config>(
    solver: &T::AccountId,
    verifier: &T::AccountId,
    before: Hash,
    batch: Hash,
    truth: Hash,
    tile: Option<u32>,
) -> DisputeId {
    let rec = StepRecord { step: 3, before, batch, trace_root: h(3), trace_len: 2, after: h(4) };
    put_dispute::<T>(
        solver,
        verifier,
        Stage::Arbitration {
            step: 3,
            records: [rec, rec],
            node: 0,
            leaves: [truth, h(70)],
            tile,
            outputs: [None, None],
        },
    )
}

/// A disputed task 0 (solver vs verifier) with an audit of segment 0.
fn disputed_task<T: Config>(spec: TaskSpec, commitment: SolverCommitment) -> (T::AccountId, T::AccountId) {
    let solver = staked::<T>("solver", 0, Role::Solver);
    let verifier = staked::<T>("verifier", 0, Role::Verifier);
    // The re-challenge window closed a block ago: a game's end concludes the task (the heavier path).
    frame_system::Pallet::<T>::set_block_number(now::<T>().saturating_add(2u32.into()));
    put_task::<T>(
        spec,
        Phase::Disputed { rechallenge_until: now::<T>().saturating_sub(1u32.into()) },
        Some(solver.clone()),
        Some(verifier.clone()),
        Some(commitment),
    );
    put_audit::<T>(vec![AuditedSegment { segment: 0, start: Some(h(10)), end: Some(h(11)), verdict: Some(h(12)) }], 0);
    (solver, verifier)
}

fn commitment_with(step_root: Hash) -> SolverCommitment {
    SolverCommitment { checkpoint_root: h(20), step_root }
}

/// A whistleblower's check of task 0 with `runs` runs' bond held.
fn put_check<T: Config>(i: u32, runs: u32, commitment: Hash) -> T::AccountId {
    let per_run = Parameters::<T>::get().whistle_bond;
    let deposit = Parameters::<T>::get().check_deposit;
    let bond = per_run.saturating_mul(runs.into());
    let who = staked::<T>("whistleblower", i, Role::Whistleblower);
    T::Currency::hold(&HoldReason::WhistleBond.into(), &who, bond.saturating_add(deposit)).unwrap();
    Checks::<T>::insert(
        0,
        &who,
        Check { commitment, per_run, bond, ticket: Zero::zero(), deposit, ends: None, right: false },
    );
    who
}

/// A checkpoint tree of 2^DEPTH states `h(0..)`, every `every` steps.
fn checkpoints() -> (Vec<Hash>, Tree) {
    let n = 1u32 << DEPTH;
    let states: Vec<Hash> = (0..n).map(h).collect();
    let tree = Tree::new(&states.iter().enumerate().map(|(i, s)| checkpoint_leaf(i as u32, s)).collect::<Vec<_>>());
    (states, tree)
}

#[benchmarks]
mod benchmarks {
    use super::*;

    #[benchmark]
    fn stake() {
        let who = funded::<T>("staker", 0);
        let amount = Pallet::<T>::min_stake(Role::Solver);
        #[extrinsic_call]
        _(RawOrigin::Signed(who.clone()), Role::Solver, amount);
        assert_eq!(Pallet::<T>::total_bonded(&who, Role::Solver), amount);
    }

    #[benchmark]
    fn unstake() {
        let who = funded::<T>("staker", 0);
        let min = Pallet::<T>::min_stake(Role::Solver);
        let chunks = T::MaxUnbondingChunks::get();
        Pallet::<T>::stake(
            RawOrigin::Signed(who.clone()).into(),
            Role::Solver,
            min.saturating_mul((chunks + 2).into()),
        )
        .unwrap();
        // The most chunks a new one can join.
        for b in 1..chunks {
            frame_system::Pallet::<T>::set_block_number(b.into());
            Pallet::<T>::unstake(RawOrigin::Signed(who.clone()).into(), Role::Solver, min).unwrap();
        }
        frame_system::Pallet::<T>::set_block_number(chunks.into());
        #[extrinsic_call]
        _(RawOrigin::Signed(who.clone()), Role::Solver, min);
        assert_eq!(Stakes::<T>::get(&who, Role::Solver).unwrap().unbonding.len() as u32, chunks);
    }

    #[benchmark]
    fn withdraw_unbonded() {
        let who = funded::<T>("staker", 0);
        let min = Pallet::<T>::min_stake(Role::Solver);
        let chunks = T::MaxUnbondingChunks::get();
        Pallet::<T>::stake(RawOrigin::Signed(who.clone()).into(), Role::Solver, min.saturating_mul(chunks.into()))
            .unwrap();
        for b in 1..=chunks {
            frame_system::Pallet::<T>::set_block_number(b.into());
            Pallet::<T>::unstake(RawOrigin::Signed(who.clone()).into(), Role::Solver, min).unwrap();
        }
        frame_system::Pallet::<T>::set_block_number(T::UnbondingPeriod::get().saturating_add((chunks + 1).into()));
        #[extrinsic_call]
        _(RawOrigin::Signed(who.clone()), Role::Solver);
        assert!(Stakes::<T>::get(&who, Role::Solver).is_none());
    }

    #[benchmark]
    /// Verifies a real proof of possession: only where the benchmark can
    /// prove (natively, in the tests); the runtime's wasm benchmark is
    /// excluded from frame-omni-bencher like `reveal_selection`, and the
    /// weight is a hand weight.
    fn register_keys() -> Result<(), BenchmarkError> {
        let who = funded::<T>("solver", 0);
        let key = VrfKeyOf::<T>::decode(&mut &BENCH_VRF_KEY[..]).map_err(|_| BenchmarkError::Weightless)?;
        #[cfg(feature = "std")]
        let proof = gensyn_vrf::prove(&gensyn_vrf::dev_secret("bench"), &registration_alpha(&who))
            .map_err(|_| BenchmarkError::Weightless)?
            .0;
        #[cfg(not(feature = "std"))]
        let proof = BENCH_VRF_PROOF;
        let proof = VrfProofOf::<T>::decode(&mut &proof[..]).map_err(|_| BenchmarkError::Weightless)?;
        #[extrinsic_call]
        _(RawOrigin::Signed(who.clone()), key, proof);
        assert!(Keys::<T>::contains_key(&who));
        Ok(())
    }

    /// A manifest of `n` nodes over `e` state entries of 32 × 32 (the
    /// last `e` nodes the next state): every node proven, shape-inferred
    /// and bounded.
    #[benchmark]
    fn submit_task(n: Linear<1, 1024>, e: Linear<1, 64>) {
        let who = funded::<T>("submitter", 0);
        let fee = Parameters::<T>::get().min_fee.max(T::Currency::minimum_balance().saturating_mul(1000u32.into()));
        let (n, e) = (n.max(e), e);
        let zeros = Tensor::new(vec![32, 32], vec![0.0; 1024]).unwrap();
        let root = tensor::tile_tree(&zeros.dims, &zeros.values).root();
        let names: Vec<Vec<u8>> = (0..e).map(|i| alloc::format!("w{i:03}").into_bytes()).collect();
        let nodes: Vec<Node> = (0..n)
            .map(|i| match (n - i).checked_sub(1).filter(|r| *r < e) {
                Some(r) => Node::new(Op::Relu, 0, vec![Source::State(e - 1 - r)]),
                None => Node::new(Op::Add, 0, vec![Source::State(0), Source::State(0)]),
            })
            .map(|n| n.expect("well-formed"))
            .collect();
        let program = Tree::new(&nodes.iter().enumerate().map(|(i, n)| node_leaf(i as u32, n)).collect::<Vec<_>>());
        let model = state::StateCommitment::new(0, names.iter().map(|n| (n.as_slice(), zeros.hash()))).hash;
        let manifest = Manifest {
            nodes: BoundedVec::truncate_from(nodes),
            state: BoundedVec::truncate_from(
                names
                    .iter()
                    .map(|n| EntryShape {
                        name: BoundedVec::truncate_from(n.clone()),
                        dims: BoundedVec::truncate_from(vec![32, 32]),
                        tiles_root: root,
                    })
                    .collect(),
            ),
        };
        let s = spec(10_000, 100, n, program.root(), model);
        #[extrinsic_call]
        _(RawOrigin::Signed(who), s, manifest, fee, later::<T>());
        assert!(Tasks::<T>::contains_key(0));
    }

    #[benchmark]
    fn enter_selection() -> Result<(), BenchmarkError> {
        let who = staked::<T>("solver", 0, Role::Solver);
        // Room for this task's collateral.
        Pallet::<T>::stake(RawOrigin::Signed(who.clone()).into(), Role::Solver, big::<T>() / 4u32.into()).unwrap();
        let key = VrfKeyOf::<T>::decode(&mut &BENCH_VRF_KEY[..]).map_err(|_| BenchmarkError::Weightless)?;
        Keys::<T>::insert(&who, KeyRecord { key, since: Zero::zero() });
        put_task::<T>(
            spec(100, 10, 10, h(6), h(7)),
            Phase::SolverSelection { closes_at: later::<T>(), entrants: 1 },
            None,
            None,
            None,
        );
        #[extrinsic_call]
        _(RawOrigin::Signed(who.clone()), 0);
        assert!(Entries::<T>::contains_key(0, &who));
        Ok(())
    }

    /// A real proof, verified, replacing a worse candidate.
    #[benchmark]
    fn reveal_selection() -> Result<(), BenchmarkError> {
        let who = staked::<T>("solver", 0, Role::Solver);
        // Room for this task's collateral.
        Pallet::<T>::stake(RawOrigin::Signed(who.clone()).into(), Role::Solver, big::<T>() / 4u32.into()).unwrap();
        let key = VrfKeyOf::<T>::decode(&mut &BENCH_VRF_KEY[..]).map_err(|_| BenchmarkError::Weightless)?;
        Keys::<T>::insert(&who, KeyRecord { key, since: Zero::zero() });
        put_task::<T>(
            spec(100, 10, 10, h(6), h(7)),
            Phase::SolverDraw { seed: BENCH_SEED, entries_closed: now::<T>(), reveal_by: later::<T>() },
            None,
            None,
            None,
        );
        Entries::<T>::insert(0, &who, big::<T>() / 4u32.into());
        Selections::<T>::insert(
            0,
            Candidate { who: funded::<T>("other", 0), output: [0xff; 32], score: u128::MAX, collateral: Zero::zero() },
        );
        let proof = VrfProofOf::<T>::decode(&mut &BENCH_VRF_PROOF[..]).map_err(|_| BenchmarkError::Weightless)?;
        #[extrinsic_call]
        _(RawOrigin::Signed(who.clone()), 0, proof);
        assert_eq!(Selections::<T>::get(0).unwrap().who, who);
        Ok(())
    }

    /// With the model's proof of DEPTH siblings.
    #[benchmark]
    fn commit() {
        let solver = staked::<T>("solver", 0, Role::Solver);
        let (states, tree) = checkpoints();
        let steps = ((1u32 << DEPTH) - 1) * 10;
        put_task::<T>(
            spec(steps, 10, 10, h(6), states[0]),
            Phase::Training { commit_by: later::<T>() },
            Some(solver.clone()),
            None,
            None,
        );
        let c = SolverCommitment { checkpoint_root: tree.root(), step_root: h(8) };
        #[extrinsic_call]
        _(RawOrigin::Signed(solver), 0, c, tree.proof(0).unwrap());
        assert!(Tasks::<T>::get(0).unwrap().commitment.is_some());
    }

    /// `n` audited segments, none adjacent: `n` run starts, each a proof of
    /// DEPTH siblings.
    #[benchmark]
    fn open_checkpoints(n: Linear<1, { T::MaxAuditSegments::get() }>) {
        let (states, tree) = checkpoints();
        let every = 10;
        let steps = ((1u32 << DEPTH) - 1) * every;
        let mut commitment = commitment_with(h(8));
        commitment.checkpoint_root = tree.root();
        let solver = staked::<T>("solver", 0, Role::Solver);
        let verifier = staked::<T>("verifier", 0, Role::Verifier);
        put_task::<T>(
            spec(steps, every, 10, h(6), states[0]),
            Phase::Opening { open_by: later::<T>() },
            Some(solver.clone()),
            Some(verifier),
            Some(commitment),
        );
        let segments: Vec<u32> = (0..n).map(|i| 1 + 2 * i).collect();
        put_audit::<T>(
            segments.iter().map(|&segment| AuditedSegment { segment, start: None, end: None, verdict: None }).collect(),
            0,
        );
        let openings: Vec<Opening> = segments
            .iter()
            .map(|&i| Opening { index: i, state: states[i as usize], proof: tree.proof(i).unwrap() })
            .collect();
        // The opened states are attested available (C7), as they must be.
        for o in &openings {
            Available::<T>::insert(o.state, now::<T>());
        }
        #[extrinsic_call]
        _(RawOrigin::Signed(solver), 0, BoundedVec::truncate_from(openings));
        assert!(matches!(Tasks::<T>::get(0).unwrap().phase, Phase::Checking { .. }));
    }

    /// A check over the most runs.
    #[benchmark]
    fn commit_check() {
        let solver = staked::<T>("solver", 0, Role::Solver);
        let verifier = staked::<T>("verifier", 0, Role::Verifier);
        put_task::<T>(
            spec(1000, 10, 10, h(6), h(7)),
            Phase::Checking { closes_at: later::<T>() },
            Some(solver),
            Some(verifier),
            Some(commitment_with(h(8))),
        );
        let n = T::MaxAuditSegments::get();
        put_audit::<T>(
            (0..n).map(|i| AuditedSegment { segment: 2 * i, start: Some(h(i)), end: None, verdict: None }).collect(),
            0,
        );
        let who = staked::<T>("whistleblower", 1000, Role::Whistleblower);
        #[extrinsic_call]
        _(RawOrigin::Signed(who.clone()), 0, h(30));
        assert!(Checks::<T>::contains_key(0, &who));
    }

    #[benchmark]
    fn post_verdict(n: Linear<1, { T::MaxAuditSegments::get() }>) {
        let solver = staked::<T>("solver", 0, Role::Solver);
        let verifier = staked::<T>("verifier", 0, Role::Verifier);
        put_task::<T>(
            spec(1000, 10, 10, h(6), h(7)),
            Phase::Verdict { verdict_by: later::<T>() },
            Some(solver),
            Some(verifier.clone()),
            Some(commitment_with(h(8))),
        );
        put_audit::<T>(
            (0..n).map(|i| AuditedSegment { segment: 2 * i, start: Some(h(i)), end: None, verdict: None }).collect(),
            0,
        );
        let ends: Vec<Hash> = (0..n).map(|i| h(i + 1000)).collect();
        #[extrinsic_call]
        _(RawOrigin::Signed(verifier), 0, BoundedVec::truncate_from(ends));
        assert!(matches!(Tasks::<T>::get(0).unwrap().phase, Phase::EndOpening { .. }));
    }

    /// `n` audited ends and the last checkpoint, each a proof of DEPTH siblings.
    #[benchmark]
    fn open_ends(n: Linear<1, { T::MaxAuditSegments::get() }>) {
        let (states, tree) = checkpoints();
        let every = 10;
        let last = (1u32 << DEPTH) - 1;
        let mut commitment = commitment_with(h(8));
        commitment.checkpoint_root = tree.root();
        let solver = staked::<T>("solver", 0, Role::Solver);
        let verifier = staked::<T>("verifier", 0, Role::Verifier);
        put_task::<T>(
            spec(last * every, every, 10, h(6), states[0]),
            Phase::EndOpening { open_by: later::<T>() },
            Some(solver.clone()),
            Some(verifier),
            Some(commitment),
        );
        let segments: Vec<u32> = (0..n).map(|i| 1 + 2 * i).collect();
        put_audit::<T>(
            segments
                .iter()
                .map(|&segment| AuditedSegment {
                    segment,
                    start: Some(states[segment as usize]),
                    end: None,
                    verdict: Some(h(77)),
                })
                .collect(),
            0,
        );
        let mut idx: Vec<u32> = segments.iter().map(|s| s + 1).collect();
        idx.push(last);
        let openings: Vec<Opening> = idx
            .iter()
            .map(|&i| Opening { index: i, state: states[i as usize], proof: tree.proof(i).unwrap() })
            .collect();
        for o in &openings {
            Available::<T>::insert(o.state, now::<T>());
        }
        #[extrinsic_call]
        _(RawOrigin::Signed(solver), 0, BoundedVec::truncate_from(openings));
        assert!(matches!(Tasks::<T>::get(0).unwrap().phase, Phase::Reveal { .. }));
    }

    /// A check of `n` runs (segments apart) that disagrees on every one:
    /// `n` games open.
    #[benchmark]
    fn reveal_check(n: Linear<1, { T::MaxAuditSegments::get() }>) {
        let solver = staked::<T>("solver", 0, Role::Solver);
        let verifier = staked::<T>("verifier", 0, Role::Verifier);
        put_task::<T>(
            spec(1000, 10, 10, h(6), h(7)),
            Phase::Reveal { reveal_by: later::<T>() },
            Some(solver),
            Some(verifier),
            Some(commitment_with(h(8))),
        );
        let ends: Vec<Hash> = (0..n).map(|i| h(i + 1000)).collect();
        let salt = h(31);
        let who: T::AccountId = account("whistleblower", 0, 0);
        let who = put_check::<T>(0, n, check_commitment(0, &who, &ends, &salt));
        put_audit::<T>(
            (0..n)
                .map(|i| AuditedSegment { segment: 2 * i, start: Some(h(i)), end: Some(h(i + 1)), verdict: None })
                .collect(),
            1,
        );
        Audits::<T>::mutate(0, |a| a.as_mut().unwrap().right = 0);
        #[extrinsic_call]
        _(RawOrigin::Signed(who.clone()), 0, BoundedVec::truncate_from(ends), salt);
        assert_eq!(Challenges::<T>::iter_prefix(0).count() as u32, n);
    }

    /// A right check's share of a forced round paid from the jackpot's reserve.
    #[benchmark]
    fn settle_check() {
        let solver = staked::<T>("solver", 0, Role::Solver);
        let verifier = staked::<T>("verifier", 0, Role::Verifier);
        put_task::<T>(spec(1000, 10, 10, h(6), h(7)), Phase::Finalized, Some(solver), Some(verifier), None);
        let who = put_check::<T>(0, 0, h(40));
        Checks::<T>::mutate(0, &who, |c| {
            let c = c.as_mut().unwrap();
            c.ends = Some(BoundedVec::truncate_from(vec![h(1)]));
            c.right = true;
        });
        put_audit::<T>(vec![AuditedSegment { segment: 0, start: Some(h(0)), end: Some(h(1)), verdict: None }], 1);
        let share = T::Currency::minimum_balance().saturating_mul(10u32.into());
        Audits::<T>::mutate(0, |a| a.as_mut().unwrap().share = share);
        T::Currency::hold(&HoldReason::ForcedShares.into(), &Pallet::<T>::jackpot_account(), share).unwrap();
        let caller = funded::<T>("caller", 0);
        #[extrinsic_call]
        _(RawOrigin::Signed(caller), 0, who.clone());
        assert!(!Checks::<T>::contains_key(0, &who));
    }

    /// A re-challenge: it opens a game.
    #[benchmark]
    fn whistle() {
        let solver = staked::<T>("solver", 0, Role::Solver);
        let verifier = staked::<T>("verifier", 0, Role::Verifier);
        put_task::<T>(
            spec(100, 10, 10, h(6), h(7)),
            Phase::Disputed { rechallenge_until: later::<T>() },
            Some(solver),
            Some(verifier),
            Some(commitment_with(h(8))),
        );
        put_audit::<T>(
            vec![AuditedSegment { segment: 0, start: Some(h(10)), end: Some(h(11)), verdict: Some(h(12)) }],
            0,
        );
        let who = staked::<T>("whistleblower", 0, Role::Whistleblower);
        #[extrinsic_call]
        _(RawOrigin::Signed(who), 0, 0, h(41));
        assert_eq!(Audits::<T>::get(0).unwrap().games, 2);
    }

    /// An opened checkpoint proven misshapen (its last of 64 entries
    /// reshaped) in a re-challenge window with no game left: the solver is
    /// slashed and the task concluded.
    #[benchmark]
    fn prove_misshapen() {
        let solver = staked::<T>("solver", 0, Role::Solver);
        let verifier = staked::<T>("verifier", 0, Role::Verifier);
        put_task::<T>(
            spec(100, 10, 10, h(6), h(7)),
            Phase::Disputed { rechallenge_until: later::<T>() },
            Some(solver),
            Some(verifier),
            Some(commitment_with(h(8))),
        );
        let entries = 64u32;
        let names: Vec<Vec<u8>> = (0..entries).map(|i| alloc::format!("w{i:03}").into_bytes()).collect();
        let dims = |i: u32| if i == entries - 1 { vec![1024u32] } else { vec![32u32, 32] };
        let zeros = Tensor::new(vec![32, 32], vec![0.0; 1024]).unwrap();
        let root = tensor::tile_tree(&zeros.dims, &zeros.values).root();
        let entry = |i: u32| {
            let d = dims(i);
            state::entry_leaf(&names[i as usize], &tensor::hash_from_tile_root(&d, &root))
        };
        let tree = Tree::new(&(0..entries).map(entry).collect::<Vec<_>>());
        let shapes = Tree::new(
            &(0..entries)
                .map(|i| gensyn_commitment::shape::entry_shape_leaf(i, &names[i as usize], &[32, 32]))
                .collect::<Vec<_>>(),
        );
        Tasks::<T>::mutate(0, |t| {
            let t = t.as_mut().expect("stored");
            t.state_shapes = shapes.root();
            t.state_entries = entries;
        });
        let state = state::hash_from_root(0, entries, &tree.root());
        put_audit::<T>(
            vec![AuditedSegment { segment: 0, start: Some(state), end: Some(h(11)), verdict: Some(h(11)) }],
            0,
        );
        Audits::<T>::mutate(0, |a| a.as_mut().expect("stored").games = 0);
        let last = entries - 1;
        let proof = MisshapenProof {
            step: 0,
            entries_root: tree.root(),
            entries,
            entry: Some((
                EntryOpening {
                    index: last,
                    name: BoundedVec::truncate_from(names[last as usize].clone()),
                    dims: BoundedVec::truncate_from(dims(last)),
                    tiles_root: root,
                    proof: tree.proof(last).unwrap(),
                },
                BoundedVec::truncate_from(names[last as usize].clone()),
                BoundedVec::truncate_from(vec![32, 32]),
                shapes.proof(last).unwrap(),
            )),
        };
        let who = funded::<T>("prover", 0);
        #[extrinsic_call]
        _(RawOrigin::Signed(who), 0, 0, false, proof);
        assert_eq!(Tasks::<T>::get(0).unwrap().phase, Phase::Cancelled { reason: CancelReason::SolverConvicted });
    }

    /// The second mover of a step round: the round advances.
    #[benchmark]
    fn bisect() {
        let (solver, verifier) = disputed_task::<T>(spec(1000, 100, 10, h(6), h(7)), commitment_with(h(8)));
        let round = StepRound { lo: 0, len: 100, agreed: h(10), defender_end: h(11), challenger_end: h(12) };
        put_dispute::<T>(&solver, &verifier, Stage::Steps { round, defender_mid: Some(h(13)), challenger_mid: None });
        #[extrinsic_call]
        _(RawOrigin::Signed(verifier), 0, round, h(14));
        assert_eq!(Disputes::<T>::get(0).unwrap().rounds, 1);
    }

    /// The defender opens its record (a proof of DEPTH siblings, and its
    /// state after's proof in a trace of 2^DEPTH leaves) second: the trace
    /// descent starts.
    #[benchmark]
    fn open_record() {
        let steps = 1u32 << DEPTH;
        let program_len = (1u32 << DEPTH) - 1;
        let round = StepRound { lo: 5, len: 1, agreed: h(10), defender_end: h(11), challenger_end: h(12) };
        let trace: Vec<Hash> = (0..=program_len)
            .map(|i| if i == program_len { trace_leaf(i, &round.defender_end) } else { h(i) })
            .collect();
        let trace = Tree::new(&trace);
        let rec = |after: Hash, root: Hash| StepRecord {
            step: 5,
            before: round.agreed,
            batch: h(15),
            trace_root: root,
            trace_len: program_len + 1,
            after,
        };
        let mine = rec(round.defender_end, trace.root());
        let leaves: Vec<Hash> = (0..steps).map(|i| if i == 5 { mine.leaf() } else { h(i) }).collect();
        let tree = Tree::new(&leaves);
        let (solver, verifier) =
            disputed_task::<T>(spec(steps, steps, program_len, h(6), h(7)), commitment_with(tree.root()));
        put_dispute::<T>(
            &solver,
            &verifier,
            Stage::Records { round, defender: None, challenger: Some(rec(round.challenger_end, h(17))) },
        );
        #[extrinsic_call]
        _(RawOrigin::Signed(solver), 0, mine, tree.proof(5).unwrap(), trace.proof(program_len).unwrap());
        assert!(matches!(Disputes::<T>::get(0).unwrap().stage, Stage::Ops { .. }));
    }

    /// The second mover of a descent round: the descent moves on.
    #[benchmark]
    fn reveal_children() {
        let (solver, verifier) = disputed_task::<T>(spec(100, 10, 200, h(6), h(7)), commitment_with(h(8)));
        let kids_d = (h(50), h(51));
        let kids_c = (h(52), h(53));
        let r = DescentRound {
            at: Descent::new(201),
            defender: gensyn_commitment::hash::node(&kids_d.0, &kids_d.1),
            challenger: gensyn_commitment::hash::node(&kids_c.0, &kids_c.1),
        };
        let rec = StepRecord { step: 0, before: h(1), batch: h(2), trace_root: h(3), trace_len: 201, after: h(4) };
        put_dispute::<T>(
            &solver,
            &verifier,
            Stage::Ops {
                step: 0,
                records: [rec, rec],
                round: r,
                defender_children: Some(kids_d),
                challenger_children: None,
            },
        );
        #[extrinsic_call]
        _(RawOrigin::Signed(verifier), 0, r, kids_c);
        assert_eq!(Disputes::<T>::get(0).unwrap().rounds, 1);
    }

    /// The second party opens its output of a disputed matmul (program
    /// proof of DEPTH siblings): the tile descent starts.
    #[benchmark]
    fn open_output() {
        let program_len = 1u32 << DEPTH;
        let node = Node::new(
            Op::MatMul { m: 1024, k: 32, n: 1024, ta: false, tb: false },
            0,
            vec![Source::Batch(0), Source::State(0)],
        )
        .expect("well-formed");
        let nodes: Vec<Hash> = (0..program_len).map(|i| node_leaf(i, &node)).collect();
        let program = Tree::new(&nodes);
        let (solver, verifier) =
            disputed_task::<T>(spec(100, 10, program_len, program.root(), h(7)), commitment_with(h(8)));
        let dims = vec![1024u32, 1024];
        let count = tensor::tile_count(&dims);
        let ins = vec![vec![1024u32, 32], vec![32, 1024]];
        let shapes = Tree::new(&(0..program_len).map(|i| shape_leaf(i, &ins, &dims)).collect::<Vec<_>>());
        let shape = NodeShape {
            inputs: BoundedVec::truncate_from(ins.iter().map(|d| BoundedVec::truncate_from(d.clone())).collect()),
            proof: shapes.proof(7).unwrap(),
        };
        Tasks::<T>::mutate(0, |t| t.as_mut().expect("stored").shapes_root = shapes.root());
        let tiles = [(count, h(60)), (count, h(61))];
        let index = 7;
        let leaves = tiles.map(|(c, r)| trace_leaf(index, &tensor::hash_from_tiles(&dims, c, &r)));
        let rec = StepRecord {
            step: 0,
            before: h(1),
            batch: h(2),
            trace_root: h(3),
            trace_len: program_len + 1,
            after: h(4),
        };
        let opening =
            |(tiles, root): (u32, Hash)| OutputOpening { dims: BoundedVec::truncate_from(dims.clone()), tiles, root };
        put_dispute::<T>(
            &solver,
            &verifier,
            Stage::Arbitration {
                step: 0,
                records: [rec, rec],
                node: index,
                leaves,
                tile: None,
                outputs: [None, Some(opening(tiles[1]))],
            },
        );
        #[extrinsic_call]
        _(RawOrigin::Signed(solver), 0, node, program.proof(index).unwrap(), shape, opening(tiles[0]));
        assert!(matches!(Disputes::<T>::get(0).unwrap().stage, Stage::Tiles { .. }));
    }

    /// Re-executing a matmul of `s × 32 · 32 × s` whose work
    /// ([`gensyn_commitment::exec::work`]) is about `w` million (inputs from
    /// the state and the batch, with their proofs), and settling. At
    /// `w = 98`, `s = 1332`: the matmul and its batch proof just under the
    /// runtime's cap of 10^8.
    #[benchmark]
    fn arbitrate(w: Linear<1, 98>) {
        // The largest s whose matmul plus the proof of its s-row batch
        // input stays within w million units.
        let total = |s: u64| {
            let k = ARB_K as u64;
            exec_work(s, k).saturating_add(s * (crate::dispute::BATCH_ROW_WORK + 16 * k))
        };
        let mut s = isqrt(w as u64 * 1_000_000 / (ARB_K as u64 + 16));
        while s > 1 && total(s) > w as u64 * 1_000_000 {
            s -= 1;
        }
        let s = s as u32;
        let (m, k, n) = (s, ARB_K, s);
        let x = Tensor::new(vec![m, k], (0..m * k).map(|i| (i % 97) as f32 * 0.01).collect()).unwrap();
        let w = Tensor::new(vec![k, n], (0..k * n).map(|i| (i % 89) as f32 * 0.01).collect()).unwrap();
        let op = Op::MatMul { m, k, n, ta: false, tb: false };
        let node = Node::new(op, 0, vec![Source::Batch(0), Source::State(0)]).expect("well-formed");
        let program = Tree::new(&[node_leaf(0, &node)]);
        let entries = Tree::new(&[state::entry_leaf(b"w", &w.hash())]);
        let before = state::hash_from_root(3, 1, &entries.root());
        // The batch: `s` examples of `k` features, whose rows are x's.
        let order = Order { seed: 0, samples: s, batch: s };
        let examples: Vec<ExampleWitness> = x
            .values
            .chunks(k as usize)
            .map(|f| ExampleWitness {
                label: 0,
                features: BoundedVec::truncate_from(f.iter().map(|v| v.to_bits()).collect()),
            })
            .collect();
        let rows: Vec<(u32, &[f32])> = x.values.chunks(k as usize).map(|f| (0, f)).collect();
        let batch_root = gensyn_commitment::data::batch_root(&order, 3, &rows);
        let out = gensyn_commitment::exec::execute(&op, &Default::default(), &[&x, &w]).unwrap();
        let truth = trace_leaf(0, &out[0].hash());
        let mut task_spec = spec(100, 10, 1, program.root(), h(7));
        task_spec.order = order;
        task_spec.example_len = k;
        let (solver, verifier) = disputed_task::<T>(task_spec, commitment_with(h(8)));
        put_arbitration::<T>(&solver, &verifier, before, batch_root, truth, None);
        // Every tile opened (the whole operator): no proofs.
        let whole = InputWitness::whole;
        let witness = Witness::Node {
            node,
            node_proof: program.proof(0).unwrap(),
            inputs: BoundedVec::truncate_from(vec![
                whole(&x, SourceProof::Batch { examples: BoundedVec::truncate_from(examples) }),
                whole(&w, SourceProof::state(b"w", &entries, 0)),
            ]),
        };
        #[extrinsic_call]
        _(RawOrigin::Signed(solver), 0, witness);
        assert!(matches!(
            Disputes::<T>::get(0).unwrap().stage,
            Stage::Resolved { outcome: Outcome::Arbitrated { defender_right: true, challenger_right: false } }
        ));
    }

    /// The second mover of a reduction round (a tree: the descent moves
    /// into a child).
    #[benchmark]
    fn reveal_partials() {
        let (solver, verifier) = disputed_task::<T>(spec(100, 10, 8, h(6), h(7)), commitment_with(h(8)));
        let rec = StepRecord { step: 0, before: h(1), batch: h(2), trace_root: h(3), trace_len: 9, after: h(4) };
        let round = ReduceRound { lo: 0, len: 1 << 20, agreed: [0; 32], defender: h(40), challenger: h(41) };
        put_dispute::<T>(
            &solver,
            &verifier,
            Stage::Reduce {
                step: 0,
                records: [rec, rec],
                node: 3,
                tile: 0,
                mode: gensyn_commitment::reduction::Mode::Tree,
                round,
                defender_partials: Some((h(42), h(43))),
                challenger_partials: None,
            },
        );
        #[extrinsic_call]
        _(RawOrigin::Signed(verifier), 0, round, (h(44), h(43)));
        assert_eq!(Disputes::<T>::get(0).unwrap().rounds, 1);
    }

    /// Recomputing one output tile of a matmul over `K = 16·t` from the
    /// `t` tiles it reads (a 32-row strip of A and a 32-column strip of B,
    /// from the state, each tile with its Merkle proof): the tiled path's
    /// cost per unit of work, against `arbitrate`'s whole-operator path.
    #[benchmark]
    fn arbitrate_tile(t: Linear<2, 800>) {
        let k = 16 * (t - t % 2).max(2);
        let (m, n) = (64u32, 64u32);
        let a = Tensor::new(vec![m, k], (0..m * k).map(|i| (i % 97) as f32 * 0.01).collect()).unwrap();
        let b = Tensor::new(vec![k, n], (0..k * n).map(|i| (i % 89) as f32 * 0.01).collect()).unwrap();
        let op = Op::MatMul { m, k, n, ta: false, tb: false };
        let node = Node::new(op, 0, vec![Source::State(0), Source::State(1)]).expect("well-formed");
        let program = Tree::new(&[node_leaf(0, &node)]);
        let entries = Tree::new(&[state::entry_leaf(b"a", &a.hash()), state::entry_leaf(b"b", &b.hash())]);
        let before = state::hash_from_root(3, 2, &entries.root());
        let (pa, pb) = (gensyn_commitment::tile::Partial::whole(&a), gensyn_commitment::tile::Partial::whole(&b));
        let truth = tensor::tile_leaf(
            &gensyn_commitment::tile::execute_tile(&op, &Default::default(), &[&pa, &pb], 0, 0).unwrap(),
        );
        let (solver, verifier) = disputed_task::<T>(spec(100, 10, 1, program.root(), h(7)), commitment_with(h(8)));
        put_arbitration::<T>(&solver, &verifier, before, h(2), truth, Some(0));
        let source = |i: u32, name: &[u8]| SourceProof::state(name, &entries, i);
        // A matmul's reads depend on shapes alone.
        let reads = |i: usize| gensyn_commitment::tile::reads(&op, &[&pa, &pb], 0, 0, i).unwrap();
        let witness = Witness::Node {
            node,
            node_proof: program.proof(0).unwrap(),
            inputs: BoundedVec::truncate_from(vec![
                InputWitness::open(&a, &reads(0), source(0, b"a")),
                InputWitness::open(&b, &reads(1), source(1, b"b")),
            ]),
        };
        #[extrinsic_call]
        arbitrate(RawOrigin::Signed(solver), 0, witness);
        assert!(matches!(
            Disputes::<T>::get(0).unwrap().stage,
            Stage::Resolved { outcome: Outcome::Arbitrated { defender_right: true, challenger_right: false } }
        ));
    }

    /// Attesting `n` artefacts available.
    #[benchmark]
    fn attest_available(n: Linear<1, { crate::MAX_ATTESTATIONS }>) -> Result<(), BenchmarkError> {
        let origin = T::AttestOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
        let commitments: Vec<Hash> = (0..n).map(|i| h(200 + i)).collect();
        #[extrinsic_call]
        _(origin as T::RuntimeOrigin, BoundedVec::truncate_from(commitments));
        assert!(Available::<T>::contains_key(h(200)));
        Ok(())
    }

    #[benchmark]
    fn set_params() {
        let p = Parameters::<T>::get();
        #[extrinsic_call]
        _(RawOrigin::Root, p);
    }

    /// `n` reveal deadlines, each the heaviest a timer runs: the verifier
    /// disagrees on every one of the most runs, so each opens that many games.
    #[benchmark]
    fn on_initialize(n: Linear<0, 32>) {
        // Far enough from genesis that the randomness (known since up to 81
        // blocks back, collective flip's lag) postdates the reveals.
        frame_system::Pallet::<T>::set_block_number(200u32.into());
        let at = now::<T>().saturating_add(10u32.into());
        let solver = staked::<T>("solver", 0, Role::Solver);
        let verifier = staked::<T>("verifier", 0, Role::Verifier);
        let segs = T::MaxAuditSegments::get();
        for id in 1..=n as u64 {
            put_task::<T>(
                spec(1000, 10, 10, h(6), h(7)),
                Phase::Reveal { reveal_by: at.saturating_sub(100u32.into()) },
                Some(solver.clone()),
                Some(verifier.clone()),
                Some(commitment_with(h(8))),
            );
            let task = Tasks::<T>::take(0).unwrap();
            Tasks::<T>::insert(id, task);
            put_audit::<T>(
                (0..segs)
                    .map(|i| AuditedSegment {
                        segment: 2 * i,
                        start: Some(h(i)),
                        end: Some(h(i + 1)),
                        verdict: Some(h(i + 500)),
                    })
                    .collect(),
                0,
            );
            let mut audit = Audits::<T>::take(0).unwrap();
            audit.games = 0;
            Audits::<T>::insert(id, audit);
            Pallet::<T>::schedule(Timer::Task(id), at);
        }
        Engagements::<T>::insert(&solver, Role::Solver, n);
        Engagements::<T>::insert(&verifier, Role::Verifier, n);
        #[block]
        {
            Pallet::<T>::on_initialize(at);
        }
        let disputed = Tasks::<T>::iter_values().filter(|t| matches!(t.phase, Phase::Disputed { .. })).count();
        assert_eq!(disputed as u32, n);
        assert_eq!(Disputes::<T>::iter().count() as u32, n * segs);
    }

    impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
