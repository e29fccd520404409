//! A mock runtime (System + Balances + Availability) with a holder set the
//! tests change, test store keys and a deterministic randomness source.

use crate as pallet_availability;
use codec::Encode;
use polkadot_sdk::{
    frame_support::{
        derive_impl, parameter_types,
        traits::{ConstU32, Hooks, Randomness},
    },
    frame_system, pallet_balances,
    sp_core::H256,
    sp_io::{hashing::blake2_256, TestExternalities},
    sp_runtime::{
        testing::{TestSignature, UintAuthorityId},
        BuildStorage,
    },
};

type Block = frame_system::mocking::MockBlock<Test>;

polkadot_sdk::frame_support::construct_runtime!(
    pub enum Test {
        System: frame_system,
        Balances: pallet_balances,
        Availability: pallet_availability,
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

/// Blocks to attest in (D), to answer in (C); retention windows.
pub const ATTEST_WINDOW: u64 = 3;
pub const ANSWER_WINDOW: u64 = 4;
pub const TRAINING_WINDOW: u64 = 20;
pub const PROOF_WINDOW: u64 = 6;
pub const BOND: u64 = 100;
pub const SLASH: u64 = 40;
pub const MAX_LIVE: u32 = 5;
/// An entry's deposit: the base, and per KiB.
pub const DEPOSIT_BASE: u64 = 10;
pub const DEPOSIT_PER_KIB: u64 = 1;
pub const MAX_EXPIRIES: u32 = 2;

parameter_types! {
    /// The holders; tests change it (a validator set change).
    pub static HolderList: Vec<u64> = vec![];
    /// Mixed into the randomness; tests bump it to draw anew.
    pub static RandomNonce: u64 = 0;
    /// Challenges per block; tests that do not sample set it to 0.
    pub static PerBlock: u32 = 0;
}

/// The holder set is [`HolderList`].
pub struct Holders;

impl crate::HolderSet<u64> for Holders {
    fn holders() -> Vec<u64> {
        HolderList::get()
    }
}

/// Randomness from the block number and [`RandomNonce`].
pub struct TestRandomness;

impl Randomness<H256, u64> for TestRandomness {
    fn random(subject: &[u8]) -> (H256, u64) {
        let b = System::block_number();
        (H256(blake2_256(&(subject, b, RandomNonce::get()).encode())), b)
    }
}

impl pallet_availability::Config for Test {
    type Currency = Balances;
    type RuntimeHoldReason = RuntimeHoldReason;
    type Randomness = TestRandomness;
    type Holders = Holders;
    type StoreId = UintAuthorityId;
    type PayerSignature = TestSignature;
    type MaxHolders = ConstU32<16>;
    type MaxLivePerPayer = ConstU32<MAX_LIVE>;
    type DepositBase = ConstU64<DEPOSIT_BASE>;
    type DepositPerKiB = ConstU64<DEPOSIT_PER_KIB>;
    type MaxArtefactLen = ConstU32<{ 16 << 20 }>;
    type MaxExpiriesPerBlock = ConstU32<MAX_EXPIRIES>;
    type AttestWindow = ConstU64<ATTEST_WINDOW>;
    type AnswerWindow = ConstU64<ANSWER_WINDOW>;
    type ChallengesPerBlock = ChallengesPerBlock;
    type TrainingDataWindow = ConstU64<TRAINING_WINDOW>;
    type ProofDataWindow = ConstU64<PROOF_WINDOW>;
    type HolderBond = ConstU64<BOND>;
    type MissedChallengeSlash = ConstU64<SLASH>;
    type WeightInfo = ();
}

use polkadot_sdk::frame_support::traits::{ConstU64, Get};

/// [`PerBlock`] as the pallet's constant (a cap on the due queues too).
pub struct ChallengesPerBlock;

impl Get<u32> for ChallengesPerBlock {
    fn get() -> u32 {
        PerBlock::get()
    }
}

/// Holders 1..=4 with keys 101..=104; 9 is funded but holds nothing.
pub const HOLDERS: [u64; 4] = [1, 2, 3, 4];
pub const OUTSIDER: u64 = 9;
/// A holder's store key in the tests.
pub fn key_of(who: u64) -> UintAuthorityId {
    UintAuthorityId(100 + who)
}

/// Genesis with the four holders bonded, at block 1.
pub fn new_test_ext() -> TestExternalities {
    HolderList::set(HOLDERS.to_vec());
    RandomNonce::set(0);
    PerBlock::set(0);
    let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
    let balances = [1, 2, 3, 4, 5, OUTSIDER].map(|a| (a, 1_000)).to_vec();
    pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }.assimilate_storage(&mut storage).unwrap();
    pallet_availability::GenesisConfig::<Test> {
        keys: HOLDERS.iter().map(|h| (*h, key_of(*h))).collect(),
        bonded: HOLDERS.to_vec(),
    }
    .assimilate_storage(&mut storage)
    .unwrap();
    let mut ext = TestExternalities::new(storage);
    ext.execute_with(|| System::set_block_number(1));
    ext
}

/// Advance to block `n`, running each block's `on_initialize`.
pub fn run_to_block(n: u64) {
    while System::block_number() < n {
        let next = System::block_number() + 1;
        System::set_block_number(next);
        Availability::on_initialize(next);
    }
}
