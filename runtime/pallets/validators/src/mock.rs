//! A mock runtime: system, balances, session (dummy keys, a session every
//! 5 blocks) and the registry.

use crate as pallet_validators;
use polkadot_sdk::{
    frame_support::{derive_impl, parameter_types, traits::Hooks},
    frame_system, pallet_balances, pallet_session, sp_io,
    sp_runtime::{testing::UintAuthorityId, traits::ConvertInto, BuildStorage},
};

type Block = frame_system::mocking::MockBlock<Test>;

polkadot_sdk::frame_support::construct_runtime!(
    pub enum Test {
        System: frame_system,
        Balances: pallet_balances,
        Validators: pallet_validators,
        Session: pallet_session,
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

parameter_types! {
    pub const Period: u64 = 5;
    pub const Offset: u64 = 0;
}

impl pallet_session::Config for Test {
    type RuntimeEvent = RuntimeEvent;
    type ValidatorId = u64;
    type ValidatorIdOf = ConvertInto;
    type ShouldEndSession = pallet_session::PeriodicSessions<Period, Offset>;
    type NextSessionRotation = pallet_session::PeriodicSessions<Period, Offset>;
    type SessionManager = Validators;
    type SessionHandler = pallet_session::TestSessionHandler;
    type Keys = UintAuthorityId;
    type DisablingStrategy = ();
    type WeightInfo = ();
    type Currency = Balances;
    type KeyDeposit = ();
}

impl pallet_validators::Config for Test {
    type ManageOrigin = frame_system::EnsureRoot<u64>;
    type MaxValidators = polkadot_sdk::frame_support::traits::ConstU32<4>;
    type BlockVrf = TestVrf;
}

std::thread_local! {
    static VRF: std::cell::Cell<(u64, Option<[u8; 32]>)> = const { std::cell::Cell::new((0, None)) };
}

/// The block's VRF output and epoch, as a test sets them.
pub struct TestVrf;

impl TestVrf {
    /// The next blocks are in `epoch` with VRF `output`.
    pub fn set(epoch: u64, output: Option<[u8; 32]>) {
        VRF.with(|v| v.set((epoch, output)));
    }
}

impl pallet_validators::BlockVrf for TestVrf {
    fn output() -> Option<[u8; 32]> {
        VRF.with(|v| v.get().1)
    }
    fn epoch() -> u64 {
        VRF.with(|v| v.get().0)
    }
}

/// Validators 1 and 2 at genesis; account 3 has keys but is not one;
/// `slot_duration` 0 makes it an instant-seal chain.
pub fn new_test_ext(slot_duration: u64) -> sp_io::TestExternalities {
    let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
    pallet_balances::GenesisConfig::<Test> { balances: (1..=4).map(|a| (a, 1_000)).collect(), ..Default::default() }
        .assimilate_storage(&mut t)
        .unwrap();
    pallet_validators::GenesisConfig::<Test> { validators: vec![1, 2], slot_duration }
        .assimilate_storage(&mut t)
        .unwrap();
    pallet_session::GenesisConfig::<Test> {
        keys: [1, 2].into_iter().map(|a| (a, a, UintAuthorityId(a))).collect(),
        non_authority_keys: vec![(3, 3, UintAuthorityId(3))],
    }
    .assimilate_storage(&mut t)
    .unwrap();
    let mut ext = sp_io::TestExternalities::new(t);
    ext.execute_with(|| System::set_block_number(1));
    ext
}

/// Runs blocks up to `n`, with the session pallet's hooks.
pub fn run_to(n: u64) {
    while System::block_number() < n {
        let next = System::block_number() + 1;
        System::set_block_number(next);
        Session::on_initialize(next);
    }
}
