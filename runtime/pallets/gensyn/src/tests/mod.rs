//! The pallet's tests, on the mock runtime.

mod attacks;
mod dispute;
use crate::harness;
mod lifecycle;
mod props;
mod staking;
