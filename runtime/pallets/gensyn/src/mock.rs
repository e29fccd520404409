//! A mock runtime (System + Balances + Gensyn) for the pallet's unit tests.

use crate as pallet_gensyn;
use polkadot_sdk::{
    frame_support::{derive_impl, parameter_types, traits::ConstU32},
    frame_system, pallet_balances,
    sp_io::TestExternalities,
    sp_runtime::BuildStorage,
};

type Block = frame_system::mocking::MockBlock<Test>;

polkadot_sdk::frame_support::construct_runtime!(
    pub enum Test {
        System: frame_system,
        Balances: pallet_balances,
        Gensyn: pallet_gensyn,
    }
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
    type Block = Block;
    type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
    type AccountStore = System;
}

/// Minimum stakes and the unbonding period used by the tests.
pub const MIN_SOLVER: u64 = 100;
pub const MIN_VERIFIER: u64 = 50;
pub const MIN_WHISTLEBLOWER: u64 = 10;
pub const UNBONDING: u64 = 5;
pub const MAX_CHUNKS: u32 = 3;

parameter_types! {
    pub const MinSolverStake: u64 = MIN_SOLVER;
    pub const MinVerifierStake: u64 = MIN_VERIFIER;
    pub const MinWhistleblowerStake: u64 = MIN_WHISTLEBLOWER;
    pub const UnbondingPeriod: u64 = UNBONDING;
}

impl pallet_gensyn::Config for Test {
    type Currency = Balances;
    type RuntimeHoldReason = RuntimeHoldReason;
    type MinSolverStake = MinSolverStake;
    type MinVerifierStake = MinVerifierStake;
    type MinWhistleblowerStake = MinWhistleblowerStake;
    type UnbondingPeriod = UnbondingPeriod;
    type MaxUnbondingChunks = ConstU32<MAX_CHUNKS>;
    type WeightInfo = ();
}

/// Account 1 and 2 are rich, 3 is poor, 4 does not exist.
pub const ALICE: u64 = 1;
pub const BOB: u64 = 2;
pub const POOR: u64 = 3;

/// Test externalities with the funded accounts, at block 1 (events are recorded from block 1).
pub fn new_test_ext() -> TestExternalities {
    let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
    pallet_balances::GenesisConfig::<Test> {
        balances: vec![(ALICE, 10_000), (BOB, 10_000), (POOR, 60)],
        ..Default::default()
    }
    .assimilate_storage(&mut storage)
    .unwrap();
    let mut ext = TestExternalities::new(storage);
    ext.execute_with(|| System::set_block_number(1));
    ext
}

/// Advance to block `n`.
pub fn run_to_block(n: u64) {
    System::set_block_number(n);
}
