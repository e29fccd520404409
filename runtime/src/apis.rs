//! The runtime's own API: the chain's arbitration kernels, callable off
//! chain.
//!
//! Arbitration re-executes one operator with the canonical kernels as the
//! wasm runtime compiles them (the `no_std` reference of `gensyn-kernels`).
//! A client calls this API (`state_call`) to check that its own kernels —
//! the trainer's fast paths, a GPU — give the chain's bits before it stakes
//! on them; the test suite calls it through the real wasm executor on every
//! operator of the fixtures' programs.

use alloc::vec::Vec;
use gensyn_commitment::{
    exec::{self, Ctx},
    tensor::{Tensor, TensorBits},
    trace::Op,
};
use polkadot_sdk::{frame_support::traits::Get, sp_api};

sp_api::decl_runtime_apis! {
    /// The chain's arbitration kernels.
    pub trait ArbitrationApi {
        /// The hash of output `output` of `op` at step `step` on `inputs`,
        /// computed as arbitration computes it; `None` when the inputs do
        /// not fit the operator or it is larger than one arbitration may be.
        fn execute(op: Op, output: u8, step: u32, inputs: Vec<TensorBits>) -> Option<[u8; 32]>;
    }
}

/// [`ArbitrationApi::execute`] for a runtime whose pallet caps the work.
pub fn execute<T: pallet_gensyn::Config>(op: Op, output: u8, step: u32, inputs: Vec<TensorBits>) -> Option<[u8; 32]> {
    let tensors: Vec<Tensor> = inputs.iter().map(TensorBits::to_tensor).collect::<Option<_>>()?;
    let dims: Vec<&[u32]> = tensors.iter().map(|t| t.dims.as_slice()).collect();
    // The same cap as on chain: an RPC caller cannot make a node compute more.
    if exec::work(&op, &dims, false) > T::MaxArbitrationWork::get() {
        return None;
    }
    let refs: Vec<&Tensor> = tensors.iter().collect();
    let outs = exec::execute(&op, &Ctx::at(step), &refs).ok()?;
    outs.get(output as usize).map(Tensor::hash)
}
