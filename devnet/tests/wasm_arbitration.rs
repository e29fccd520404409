//! Arbitration as the chain runs it — the `no_std` reference kernels,
//! compiled into the runtime's wasm and run by the node's own executor —
//! gives the trainer's bits on every operator of the fixtures' programs,
//! and a whole `arbitrate` extrinsic settles a dispute inside that wasm.
//!
//! The trainer computes a step with its fast CPU paths (std); the runtime
//! re-executes one operator with the reference (no_std, wasm). The first
//! test runs every node of one step of each fixture through the wasm
//! runtime's `ArbitrationApi` and compares each output hash with the
//! trainer's; the third applies a signed `arbitrate` in a block.

use codec::{Decode, Encode};
use gensyn_commitment::{
    tensor::{Tensor, TensorBits},
    trace::Source,
};
use gensyn_runtime::{pallet_gensyn, Runtime};
use gensyn_trainer::{backend::Backend, program, spec::TaskSpec, train::Trainer};
use polkadot_sdk::{
    sc_executor::WasmExecutor,
    sp_core::traits::{CallContext, CodeExecutor, RuntimeCode, WrappedRuntimeCode},
    sp_io,
};
use std::path::PathBuf;

/// The node's host functions (`devnet/src/service.rs`).
type HostFunctions = (sp_io::SubstrateHostFunctions, gensyn_vrf::HostFunctions);

/// The runtime's wasm in the node's executor, compiled once and cached.
struct Wasm {
    executor: WasmExecutor<HostFunctions>,
    code: WrappedRuntimeCode<'static>,
    ext: sp_io::TestExternalities,
}

impl Wasm {
    fn new() -> Self {
        Self::with(sp_io::TestExternalities::default())
    }

    /// The runtime over the state `ext`.
    fn with(ext: sp_io::TestExternalities) -> Self {
        let wasm = gensyn_runtime::WASM_BINARY.expect("the runtime's wasm is built with the node");
        Wasm { executor: WasmExecutor::<HostFunctions>::builder().build(), code: WrappedRuntimeCode(wasm.into()), ext }
    }

    /// Runtime API `method` with SCALE-encoded `args`; its encoded result.
    fn call(&mut self, method: &str, args: &[u8]) -> Vec<u8> {
        let code = RuntimeCode { code_fetcher: &self.code, heap_pages: None, hash: b"gensyn-runtime".to_vec() };
        let context = CallContext::Onchain { import: false };
        let (out, _) = self.executor.call(&mut self.ext.ext(), &code, method, args, context);
        out.unwrap_or_else(|e| panic!("{method}: {e}"))
    }

    /// `ArbitrationApi::execute` with SCALE-encoded `args`.
    fn execute(&mut self, args: &[u8]) -> Option<[u8; 32]> {
        Option::<[u8; 32]>::decode(&mut &self.call("ArbitrationApi_execute", args)[..]).expect("decodes")
    }
}

fn fixture(name: &str) -> TaskSpec {
    let dir: PathBuf =
        std::env::var_os("CARGO_MANIFEST_DIR").map(Into::into).unwrap_or_else(|| env!("CARGO_MANIFEST_DIR").into());
    let mut spec = TaskSpec::from_file(&dir.join("../fixtures").join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    spec.train.steps = 2;
    spec.train.checkpoint_every = 1;
    spec
}

#[test]
fn wasm_arbitration_gives_the_trainers_bits_on_every_fixture_operator() {
    let mut wasm = Wasm::new();
    let mut checked = 0;
    for name in ["blobs-mlp-sgd.toml", "blobs-mlp-adamw.toml", "markov-transformer.toml", "rings-csv.toml"] {
        // Step 1, not 0: AdamW's bias corrections and schedules depend on the step.
        let mut trainer = Trainer::new(&fixture(name), Backend::cpu(2)).unwrap();
        trainer.run_to(1).unwrap();
        let program = trainer.program();
        let run = trainer.canonical_step(&program).unwrap();
        let state = program::named_state(1, &trainer.state().unwrap());
        let batch = trainer.batch_tensors(1);
        for (i, node) in program.nodes.iter().enumerate() {
            let inputs: Vec<TensorBits> = node
                .inputs
                .as_slice()
                .iter()
                .map(|s| -> &Tensor {
                    match *s {
                        Source::Node(j) => &run.outputs[j as usize],
                        Source::State(e) => &state.entries[e as usize].1,
                        Source::Batch(b) => &batch[b as usize],
                    }
                })
                .map(TensorBits::from)
                .collect();
            let wasm_hash = wasm.execute(&(node.op, node.output, 1u32, inputs).encode());
            assert_eq!(wasm_hash, Some(run.outputs[i].hash()), "{name}: node {i} ({:?})", node.op);
            checked += 1;
        }
    }
    eprintln!("{checked} operators of 4 fixtures: the wasm runtime's bits are the trainer's");
    assert!(checked > 100, "only {checked} operators checked");
}

#[test]
fn wasm_arbitration_refuses_inputs_that_do_not_fit() {
    let mut wasm = Wasm::new();
    let t = |dims: Vec<u32>| TensorBits { bits: vec![0; dims.iter().product::<u32>() as usize], dims };
    let op = gensyn_commitment::trace::Op::MatMul { m: 2, k: 3, n: 2, ta: false, tb: false };
    // Inner dimensions that disagree, and a matmul over the work cap.
    let big = gensyn_commitment::trace::Op::MatMul { m: 4096, k: 4096, n: 4096, ta: false, tb: false };
    for args in [(op, 0u8, 0u32, vec![t(vec![2, 3]), t(vec![4, 2])]), (big, 0, 0, vec![t(vec![1]), t(vec![1])])] {
        assert_eq!(wasm.execute(&args.encode()), None);
    }
}

/// A dispute over a one-node program (a matmul of a batch tensor and a
/// state tensor) that reached arbitration, with the solver's leaf wrong; the
/// witness a challenger submits; and the truth.
fn dispute_at_arbitration() -> (pallet_gensyn::TaskSpec, pallet_gensyn::Stage, pallet_gensyn::WitnessOf<Runtime>) {
    use gensyn_commitment::{
        merkle::Tree,
        state,
        trace::{node_leaf, trace_leaf, Node, Op},
    };
    use pallet_gensyn::TaskSpec;
    use pallet_gensyn::*;
    use polkadot_sdk::frame_support::BoundedVec;
    let x = Tensor::new(vec![4, 3], (0..12).map(|i| i as f32 * 0.25 - 1.0).collect()).unwrap();
    let w = Tensor::new(vec![3, 2], (0..6).map(|i| 0.5 - i as f32 * 0.125).collect()).unwrap();
    let op = Op::MatMul { m: 4, k: 3, n: 2, ta: false, tb: false };
    let node = Node::new(op, 0, vec![Source::Batch(0), Source::State(0)]).unwrap();
    let program = Tree::new(&[node_leaf(0, &node)]);
    let entries = Tree::new(&[state::entry_leaf(b"w", &w.hash())]);
    let before = state::hash_from_root(3, 1, &entries.root());
    // The batch: four examples of three features, x's rows.
    let order = gensyn_commitment::data::Order { seed: 9, samples: 4, batch: 4 };
    let rows: Vec<(u32, &[f32])> = x.values.chunks(3).map(|f| (1, f)).collect();
    let batch_root = gensyn_commitment::data::batch_root(&order, 3, &rows);
    let examples: Vec<ExampleWitness> = x
        .values
        .chunks(3)
        .map(|f| ExampleWitness {
            label: 1,
            features: BoundedVec::truncate_from(f.iter().map(|v| v.to_bits()).collect()),
        })
        .collect();
    let truth = gensyn_commitment::exec::execute(&op, &Default::default(), &[&x, &w]).unwrap()[0].hash();
    let rec =
        state::StepRecord { step: 3, before, batch: batch_root, trace_root: [3; 32], trace_len: 2, after: [4; 32] };
    let spec = TaskSpec {
        spec_hash: [1; 32],
        model_hash: [2; 32],
        dataset_root: [5; 32],
        hyper_hash: [6; 32],
        program_root: program.root(),
        program_len: 1,
        steps: 8,
        checkpoint_every: 4,
        order,
        data_kind: gensyn_commitment::data::DataKind::Classification,
        example_len: 3,
    };
    let stage = Stage::Arbitration {
        step: 3,
        records: [rec, rec],
        node: 0,
        leaves: [trace_leaf(0, &[7; 32]), trace_leaf(0, &truth)],
        tile: None,
        outputs: [None, None],
    };
    let witness = Witness::Node {
        node,
        node_proof: program.proof(0).unwrap(),
        inputs: BoundedVec::truncate_from(vec![
            InputWitness::whole(&x, SourceProof::Batch { examples: BoundedVec::truncate_from(examples) }),
            InputWitness::whole(&w, SourceProof::state(b"w", &entries, 0)),
        ]),
    };
    (spec, stage, witness)
}

#[test]
fn an_arbitrate_extrinsic_settles_a_dispute_inside_the_wasm_runtime() {
    use gensyn_runtime::{
        BalancesConfig, Header, RuntimeCall, RuntimeGenesisConfig, SignedPayload, UncheckedExtrinsic,
    };
    use pallet_gensyn::*;
    use polkadot_sdk::{
        frame_support::BoundedVec,
        frame_system,
        sp_keyring::Sr25519Keyring,
        sp_runtime::{traits::Header as _, BuildStorage, MultiAddress, MultiSignature},
    };
    let (alice, bob, charlie) = (
        Sr25519Keyring::Alice.to_account_id(),
        Sr25519Keyring::Bob.to_account_id(),
        Sr25519Keyring::Charlie.to_account_id(),
    );
    let genesis = RuntimeGenesisConfig {
        balances: BalancesConfig {
            balances: [&alice, &bob, &charlie].iter().map(|a| ((*a).clone(), 1u128 << 80)).collect(),
            ..Default::default()
        },
        ..Default::default()
    };
    let mut ext = sp_io::TestExternalities::new(genesis.build_storage().unwrap());
    let (spec, stage, witness) = dispute_at_arbitration();
    // The state a game leaves behind (written natively, read by the wasm).
    let genesis_hash = ext.execute_with(|| {
        let task = TaskInfo {
            submitter: alice.clone(),
            spec,
            fee: 0,
            deposit: 0,
            collateral: (0, 0),
            redraws: 0,
            final_hash: None,
            deadline: 100,
            created_at: 0,
            solver: Some(bob.clone()),
            commitment: None,
            verifier: Some(charlie.clone()),
            phase: Phase::Disputed { rechallenge_until: 0 },
            shapes_root: [0; 32],
            state_shapes: [0; 32],
            state_entries: 1,
        };
        Tasks::<Runtime>::insert(0, task);
        let segment =
            AuditedSegment { segment: 0, start: Some([10; 32]), end: Some([11; 32]), verdict: Some([12; 32]) };
        Audits::<Runtime>::insert(
            0,
            Audit {
                seed: [0; 32],
                segments: BoundedVec::truncate_from(vec![segment]),
                forced: Some(false),
                verifier_faulted: false,
                checks: 0,
                right: 0,
                reveals_open: true,
                share: 0,
                tickets: 0,
                games: 1,
                convicted: false,
                misshapen: Default::default(),
                reopen: false,
                windows: 0,
            },
        );
        Disputes::<Runtime>::insert(
            0,
            Dispute {
                task: 0,
                defender: bob.clone(),
                challenger: charlie.clone(),
                challenger_kind: Challenger::Verifier,
                segment: 0,
                position: 0,
                claim: [12; 32],
                bond: 0,
                stage,
                deadline: 50,
                rounds: 20,
            },
        );
        frame_system::BlockHash::<Runtime>::get(0)
    });
    let mut wasm = Wasm::with(ext);
    let header = Header::new(1, Default::default(), Default::default(), genesis_hash, Default::default());
    wasm.call("Core_initialize_block", &header.encode());
    // Anyone may ask for arbitration: here alice, signed as a wallet would.
    let signed = |witness: WitnessOf<Runtime>, nonce: u32| {
        let call = RuntimeCall::Gensyn(pallet_gensyn::Call::arbitrate { dispute: 0, witness });
        let tx_ext = gensyn_runtime::tx_extension(nonce);
        let implicit = gensyn_runtime::tx_implicit(genesis_hash);
        let payload = SignedPayload::from_raw(call.clone(), tx_ext.clone(), implicit);
        let signature = payload.using_encoded(|p| Sr25519Keyring::Alice.sign(p));
        let who = MultiAddress::Id(Sr25519Keyring::Alice.to_account_id());
        UncheckedExtrinsic::new_signed(call, who, MultiSignature::Sr25519(signature), tx_ext).encode()
    };
    let apply = |wasm: &mut Wasm, xt: Vec<u8>| {
        let applied = wasm.call("BlockBuilder_apply_extrinsic", &xt);
        polkadot_sdk::sp_runtime::ApplyExtrinsicResult::decode(&mut &applied[..]).unwrap()
    };
    // A witness with one input bit changed: its proof fails inside the wasm.
    let mut forged = witness.clone();
    if let Witness::Node { inputs, .. } = &mut forged {
        inputs[0].tiles[0].bits[0] ^= 1;
    }
    assert!(matches!(apply(&mut wasm, signed(forged, 0)), Ok(Err(_))), "refused in the wasm runtime");
    assert_eq!(apply(&mut wasm, signed(witness, 1)), Ok(Ok(())), "arbitrate dispatched in the wasm runtime");
    // The wasm re-executed the matmul and judged both leaves.
    wasm.ext.execute_with(|| {
        let d = Disputes::<Runtime>::get(0).unwrap();
        assert_eq!(
            d.stage,
            Stage::Resolved { outcome: Outcome::Arbitrated { defender_right: false, challenger_right: true } }
        );
        assert_eq!(Tasks::<Runtime>::get(0).unwrap().phase, Phase::Cancelled { reason: CancelReason::SolverConvicted });
    });
}
