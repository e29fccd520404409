//! A mock runtime (System + Balances + Gensyn) for the pallet's tests, with
//! the real ECVRF verifier and a test randomness source.

use crate as pallet_gensyn;
use crate::{Params, ParamsOf};
use codec::Encode;
use polkadot_sdk::{
    frame_support::{
        derive_impl, parameter_types,
        traits::{ConstU32, Hooks, Randomness},
        PalletId,
    },
    frame_system, pallet_balances,
    sp_core::H256,
    sp_io::{hashing::blake2_256, TestExternalities},
    sp_runtime::{BuildStorage, Perbill},
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
    type ExistentialDeposit = ExistentialDeposit;
}

/// Minimum stakes and the unbonding period used by the tests.
pub const MIN_SOLVER: u64 = 100;
pub const MIN_VERIFIER: u64 = 50;
pub const MIN_WHISTLEBLOWER: u64 = 10;
pub const UNBONDING: u64 = 5;
pub const MAX_CHUNKS: u32 = 3;
/// Every window of the test parameters, in blocks.
pub const WINDOW: u64 = 2;

parameter_types! {
    pub const MinSolverStake: u64 = MIN_SOLVER;
    pub const MinVerifierStake: u64 = MIN_VERIFIER;
    pub const MinWhistleblowerStake: u64 = MIN_WHISTLEBLOWER;
    pub const UnbondingPeriod: u64 = UNBONDING;
    pub const GensynPalletId: PalletId = PalletId(*b"gsn/jkpt");
    /// Mixed into the test randomness; tests bump it to draw anew.
    pub static RandomNonce: u64 = 0;
    /// The existential deposit; a test raises it to make a share dust.
    pub static ExistentialDeposit: u64 = 1;
    /// Whether artefacts must be attested available (the withheld-data
    /// attacks); otherwise every artefact counts as available.
    pub static RequireAttestation: bool = false;
    /// The arbitration work cap; attack tests lower it to make an
    /// operator too large to re-execute whole.
    pub static MaxWork: u64 = 100_000_000;
    /// How many blocks back the test randomness says it was known (a
    /// source like collective flip's lags; BABE's lags an epoch).
    pub static RandomLag: u64 = 0;
    pub TestParams: ParamsOf<Test> = Params {
        selection_window: WINDOW,
        draw_window: WINDOW,
        key_delay: 0,
        opening_window: WINDOW,
        whistle_window: WINDOW,
        verdict_window: WINDOW,
        reveal_window: WINDOW,
        move_window: WINDOW,
        audit_segments: 1,
        max_redraws: 2,
        forced_error_ppm: 0,
        jackpot_tax: Perbill::from_percent(10),
        verifier_reward: Perbill::from_percent(10),
        whistle_bond: 20,
        check_ticket: Perbill::zero(),
        check_deposit: 0,
        min_fee: 10,
        deposit: 0,
        solver_collateral: 100,
        verifier_collateral: 50,
        slash: Perbill::from_percent(50),
        slash_to_winner: Perbill::from_percent(50),
        slash_to_jackpot: Perbill::from_percent(25),
    };
}

/// Randomness from the block number, the subject and [`RandomNonce`]:
/// deterministic, which is what tests need (and what a devnet documents).
pub struct TestRandomness;

impl Randomness<H256, u64> for TestRandomness {
    fn random(subject: &[u8]) -> (H256, u64) {
        let b = System::block_number();
        (H256(blake2_256(&(subject, b, RandomNonce::get()).encode())), b.saturating_sub(RandomLag::get()))
    }
}

/// The pallet's own attestations once [`RequireAttestation`] is set;
/// everything available before.
pub struct MockAvailability;

impl pallet_gensyn::Availability for MockAvailability {
    fn is_available(commitment: &crate::Hash) -> bool {
        !RequireAttestation::get()
            || <pallet_gensyn::Attested<Test> as pallet_gensyn::Availability>::is_available(commitment)
    }
    fn retain(commitment: &crate::Hash, until: u64) {
        RETAINED.with(|r| {
            let mut r = r.borrow_mut();
            let at = r.entry(*commitment).or_insert(0);
            *at = (*at).max(until);
        });
    }
}

std::thread_local! {
    /// The latest block each artefact was asked to be kept until.
    pub static RETAINED: core::cell::RefCell<std::collections::BTreeMap<crate::Hash, u64>> = Default::default();
}

/// The block `c` was asked to be kept until (0: never asked).
pub fn retained(c: &crate::Hash) -> u64 {
    RETAINED.with(|r| r.borrow().get(c).copied().unwrap_or(0))
}

impl pallet_gensyn::Config for Test {
    type Currency = Balances;
    type RuntimeHoldReason = RuntimeHoldReason;
    type Randomness = TestRandomness;
    type Vrf = crate::vrf::Ecvrf;
    type PalletId = GensynPalletId;
    type MinSolverStake = MinSolverStake;
    type MinVerifierStake = MinVerifierStake;
    type MinWhistleblowerStake = MinWhistleblowerStake;
    type UnbondingPeriod = UnbondingPeriod;
    type MaxUnbondingChunks = ConstU32<MAX_CHUNKS>;
    type MaxAuditSegments = ConstU32<8>;
    type MaxWhistles = ConstU32<8>;
    type MaxSteps = ConstU32<100_000>;
    type MaxProgramLen = ConstU32<1024>;
    type MaxTensorLen = ConstU32<65_536>;
    type MaxStateEntries = ConstU32<64>;
    type MaxArbitrationWork = MaxWork;
    type DefaultParams = TestParams;
    type Availability = MockAvailability;
    type AttestOrigin = frame_system::EnsureRoot<u64>;
    type WeightInfo = ();
}

/// Account 1 and 2 are rich, 3 is poor, 4 does not exist.
pub const ALICE: u64 = 1;
pub const BOB: u64 = 2;
pub const POOR: u64 = 3;
/// Protocol actors.
pub const SUBMITTER: u64 = 10;
pub const SOLVER: u64 = 11;
pub const SOLVER2: u64 = 12;
pub const VERIFIER: u64 = 13;
pub const WB1: u64 = 14;
pub const WB2: u64 = 15;
pub const WB3: u64 = 16;
/// Everyone with a balance.
pub const ACCOUNTS: [u64; 10] = [ALICE, BOB, POOR, SUBMITTER, SOLVER, SOLVER2, VERIFIER, WB1, WB2, WB3];
/// The jackpot's opening balance.
pub const JACKPOT: u64 = 3_000;
/// What each protocol actor starts with.
pub const RICH: u64 = 1_000_000;

/// Test externalities with the funded accounts, at block 1 (events are recorded from block 1).
pub fn new_test_ext() -> TestExternalities {
    let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
    let mut balances = vec![(ALICE, 10_000), (BOB, 10_000), (POOR, 60)];
    balances.extend([SUBMITTER, SOLVER, SOLVER2, VERIFIER, WB1, WB2, WB3].map(|a| (a, RICH)));
    pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }.assimilate_storage(&mut storage).unwrap();
    pallet_gensyn::GenesisConfig::<Test> { jackpot: JACKPOT }.assimilate_storage(&mut storage).unwrap();
    let mut ext = TestExternalities::new(storage);
    ext.execute_with(|| System::set_block_number(1));
    // The tunable statics are a thread's, and test threads are reused.
    MaxWork::set(100_000_000);
    RequireAttestation::set(false);
    RETAINED.with(|r| r.borrow_mut().clear());
    RandomLag::set(0);
    RandomNonce::set(0);
    ExistentialDeposit::set(1);
    ext
}

/// Advance to block `n`, running each block's `on_initialize` (deadlines).
pub fn run_to_block(n: u64) {
    while System::block_number() < n {
        let next = System::block_number() + 1;
        System::set_block_number(next);
        Gensyn::on_initialize(next);
    }
}

/// Advance `n` blocks.
pub fn advance(n: u64) {
    run_to_block(System::block_number() + n);
}
