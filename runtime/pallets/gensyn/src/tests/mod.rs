//! The pallet's tests, on the mock runtime.

mod harness;
mod dispute;
mod lifecycle;
mod props;
mod staking;
