//! The pallet's tests, on the mock runtime.

mod attacks;
mod dispute;
mod harness;
mod lifecycle;
mod props;
mod staking;
