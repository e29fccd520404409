//! Arbitration as the chain runs it — the `no_std` reference kernels,
//! compiled into the runtime's wasm and run by the node's own executor —
//! gives the trainer's bits on every operator of the fixtures' programs.
//!
//! The trainer computes a step with its fast CPU paths (std); the runtime
//! re-executes one operator with the reference (no_std, wasm). This test
//! runs every node of one step of each fixture through the wasm runtime's
//! `ArbitrationApi` and compares each output hash with the trainer's.

use codec::{Decode, Encode};
use gensyn_commitment::{
    tensor::{Tensor, TensorBits},
    trace::Source,
};
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
        let wasm = gensyn_runtime::WASM_BINARY.expect("the runtime's wasm is built with the node");
        Wasm {
            executor: WasmExecutor::<HostFunctions>::builder().build(),
            code: WrappedRuntimeCode(wasm.into()),
            ext: sp_io::TestExternalities::default(),
        }
    }

    /// `ArbitrationApi::execute` with SCALE-encoded `args`.
    fn execute(&mut self, args: &[u8]) -> Option<[u8; 32]> {
        let code = RuntimeCode { code_fetcher: &self.code, heap_pages: None, hash: b"gensyn-runtime".to_vec() };
        let (out, _) =
            self.executor.call(&mut self.ext.ext(), &code, "ArbitrationApi_execute", args, CallContext::Offchain);
        Option::<[u8; 32]>::decode(&mut &out.expect("the call runs")[..]).expect("decodes")
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
        let (x, y) = trainer.batch(1);
        let batch = program::batch_tensors(&x, &y, trainer.data());
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
