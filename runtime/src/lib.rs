//! The gensyn devnet runtime: FRAME system, timestamp, balances, transaction
//! payment, sudo, BABE, GRANDPA, session with the validator registry, the
//! protocol pallet (`pallet-gensyn`) and the availability layer
//! (`pallet-availability`), which tells the protocol what data it can count
//! on being retrievable.
//!
//! One runtime serves both devnets; the chain spec picks the mode
//! ([`consensus`]).
//!
//! The node executes only the wasm build of this crate (`WASM_BINARY`); the
//! native build exists so the node and the `gensyn` CLI share its types
//! (calls, events, storage layouts, transaction extensions) at compile time.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime`/`impl_runtime_apis` expand to large items.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

pub mod apis;
pub mod consensus;
pub mod genesis;

use alloc::vec::Vec;
use polkadot_sdk::{
    frame_executive,
    frame_support::{
        derive_impl,
        genesis_builder_helper::{build_state, get_preset},
        parameter_types, runtime,
        traits::{ConstU128, ConstU32, ConstU64, ConstU8, VariantCountOf},
        weights::{
            constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
            IdentityFee, Weight,
        },
        PalletId,
    },
    frame_system, frame_system_rpc_runtime_api, pallet_babe, pallet_balances, pallet_grandpa,
    pallet_insecure_randomness_collective_flip, pallet_session, pallet_sudo, pallet_timestamp,
    pallet_transaction_payment,
    pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier},
    pallet_transaction_payment_rpc_runtime_api, sp_api,
    sp_api::impl_runtime_apis,
    sp_block_builder, sp_consensus_babe, sp_consensus_grandpa,
    sp_core::{self, crypto::KeyTypeId, OpaqueMetadata, H256},
    sp_genesis_builder::{self, PresetId},
    sp_inherents::{CheckInherentsResult, InherentData},
    sp_offchain,
    sp_runtime::{
        self, generic, impl_opaque_keys,
        traits::{BlakeTwo256, Block as BlockT, ConvertInto, IdentifyAccount, NumberFor, One, OpaqueKeys, Verify},
        transaction_validity::{TransactionSource, TransactionValidity},
        ApplyExtrinsicResult, ExtrinsicInclusionMode, MultiAddress, MultiSignature, Perbill,
    },
    sp_session, sp_transaction_pool,
    sp_version::{runtime_version, RuntimeVersion},
};

pub use pallet_availability;
pub use pallet_gensyn;

/// Block number.
pub type BlockNumber = u32;
/// Transaction signature (sr25519 for the dev accounts).
pub type Signature = MultiSignature;
/// An account: the public key of its signer.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// Token amounts, in plancks.
pub type Balance = u128;
/// Per-account transaction counter.
pub type Nonce = u32;
/// Block and state hashes.
pub type Hash = H256;

/// One token: 12 decimals, like DOT's planck scale.
pub const UNIT: Balance = 1_000_000_000_000;
/// The existential deposit.
pub const EXISTENTIAL_DEPOSIT: Balance = UNIT / 1_000;
/// The native token's symbol.
pub const TOKEN_SYMBOL: &str = "GSN";
/// The native token's decimals.
pub const TOKEN_DECIMALS: u8 = 12;

/// Protocol parameters of the staking slice. Amounts are whole tokens of
/// [`UNIT`]; periods are counted in blocks.
pub mod protocol {
    use super::*;
    /// The instant-seal devnet artefact store's account and store key,
    /// `//GensynStore` (sr25519): the one holder of that chain's artefacts.
    pub const STORE_ACCOUNT: [u8; 32] = [
        110, 217, 198, 17, 118, 9, 200, 237, 239, 145, 21, 59, 106, 37, 184, 239, 155, 117, 64, 158, 236, 82, 39, 172,
        129, 31, 60, 59, 221, 216, 239, 80,
    ];
    /// Minimum solver stake.
    pub const MIN_SOLVER_STAKE: Balance = 1_000 * UNIT;
    /// Minimum verifier stake.
    pub const MIN_VERIFIER_STAKE: Balance = 500 * UNIT;
    /// Minimum whistleblower stake.
    pub const MIN_WHISTLEBLOWER_STAKE: Balance = 100 * UNIT;
    /// Blocks from `unstake` to `withdraw`.
    pub const UNBONDING_PERIOD: BlockNumber = 10;
    /// Unbonding chunks in flight per (account, role).
    pub const MAX_UNBONDING_CHUNKS: u32 = 16;
    /// Segments one audit may cover.
    pub const MAX_AUDIT_SEGMENTS: u32 = 16;
    /// Whistles one task may collect.
    pub const MAX_WHISTLES: u32 = 16;
    /// Steps one task may have.
    pub const MAX_STEPS: u32 = 1 << 24;
    /// Nodes one step's program may have.
    pub const MAX_PROGRAM_LEN: u32 = 1 << 16;
    /// Elements of one tensor handed to arbitration (256 KiB of f32).
    pub const MAX_TENSOR_LEN: u32 = 65_536;
    /// Entries of a training state (GPT-2 small with AdamW has 450: each
    /// parameter and its two moments).
    pub const MAX_STATE_ENTRIES: u32 = 1024;
    /// Work units one arbitration may use (`exec::work`). Measured
    /// (weights.rs) at 1.6 ms per million whole and 2.4 ms per million as a
    /// tile from proven tiles, in wasm: the largest costs about 0.24 s, an
    /// eighth of the 2 s block budget.
    pub const MAX_ARBITRATION_WORK: u64 = 100_000_000;
    /// The jackpot's genesis funding.
    pub const JACKPOT_GENESIS: Balance = 10_000 * UNIT;

    /// Blocks from an artefact's registration to the last attestation that
    /// counts: a validator's node fetches its shard and attests in a few.
    pub const ATTEST_WINDOW: BlockNumber = 10;
    /// Blocks a challenged validator has to get its piece on chain.
    pub const ANSWER_WINDOW: BlockNumber = 10;
    /// Availability challenges drawn per block on the PoS devnet.
    pub const CHALLENGES_PER_BLOCK: u32 = 2;
    /// How long a spec and a dataset are kept: four hours of 1 s slots,
    /// beyond any devnet task's life and dispute windows.
    pub const TRAINING_DATA_WINDOW: BlockNumber = 14_400;
    /// How long checkpoints are kept before the protocol extends them for a
    /// window that replays from them.
    pub const PROOF_DATA_WINDOW: BlockNumber = 1_200;
    /// Artefacts one payer may have stored and not yet pruned.
    pub const MAX_LIVE_PER_PAYER: u32 = 1024;
    /// The deposit each stored artefact holds from its payer: its chain
    /// storage (an entry, its queue slots: under 1.7 KB).
    pub const STORAGE_DEPOSIT_BASE: Balance = UNIT / 10;
    /// And per KiB of it, on the holders' disks: a 16 MiB artefact holds
    /// about 164 UNIT, a node's 2 GiB store filled about 21,000 UNIT.
    pub const STORAGE_DEPOSIT_PER_KIB: Balance = UNIT / 100;
    /// Entries pruned at most per block (each costs a few writes; the rest
    /// wait for the next blocks).
    pub const MAX_EXPIRIES_PER_BLOCK: u32 = 64;
    /// A validator's availability bond.
    pub const HOLDER_BOND: Balance = 100 * UNIT;
    /// What one missed challenge burns of it.
    pub const MISSED_CHALLENGE_SLASH: Balance = 10 * UNIT;

    /// Devnet defaults, in blocks. Instant seal makes a block per
    /// transaction, so windows are counted in blocks a client can `mine`.
    pub fn default_params() -> pallet_gensyn::Params<Balance, BlockNumber> {
        use sp_runtime::Perbill;
        pallet_gensyn::Params {
            selection_window: 5,
            draw_window: 5,
            // Keys count only from 10 blocks after registration (C4).
            key_delay: 10,
            opening_window: 10,
            whistle_window: 10,
            verdict_window: 10,
            reveal_window: 10,
            move_window: 10,
            audit_segments: 2,
            max_redraws: 2,
            forced_error_ppm: 50_000,
            // The tax funds forced rounds, whose pay per task is at most
            // τ·F/p; at 10 % one honest whistleblower beside the solver and
            // the verifier expects τ·F/4 a task, more than replaying 2 of
            // 64 segments costs (docs/protocol.md, "Who pays the forced rounds").
            jackpot_tax: Perbill::from_percent(10),
            verifier_reward: Perbill::from_percent(10),
            whistle_bond: 50 * UNIT,
            // A check's ticket: an eighth of the tax, what one sybil check
            // dilutes one honest watcher beside the solver and the verifier
            // by, at most (docs/protocol.md, "Dilution").
            check_ticket: Perbill::from_parts(12_500_000),
            check_deposit: UNIT,
            min_fee: 10 * UNIT,
            deposit: 10 * UNIT,
            // Collateral per task: twice the fee for the solver, once for
            // the verifier (docs/protocol.md, "Incentives", sizes them).
            solver_collateral: 200,
            verifier_collateral: 100,
            slash: Perbill::from_percent(100),
            slash_to_winner: Perbill::from_percent(50),
            slash_to_jackpot: Perbill::from_percent(25),
        }
    }
}

/// Opaque types for the node, which need not know the runtime's call types.
pub mod opaque {
    use super::*;
    pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;
    /// Opaque block header.
    pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
    /// Opaque block.
    pub type Block = generic::Block<Header, UncheckedExtrinsic>;
}

/// The runtime's version. Bump `spec_version` on every change of logic or
/// storage layout: the CLI refuses to talk to a node whose spec differs.
#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
    spec_name: alloc::borrow::Cow::Borrowed("gensyn-devnet"),
    impl_name: alloc::borrow::Cow::Borrowed("gensyn-devnet"),
    authoring_version: 1,
    spec_version: 113,
    impl_version: 1,
    apis: RUNTIME_API_VERSIONS,
    // 2: TaskSpec, open_record, open_output, SourceProof and the new calls changed what is signed.
    // 3: submit_task's manifest, open_output's shape proof and tiled InputWitness.
    // 4: the two-step draws, blind checks, commit's model proof (issue 13).
    // 5: Params' check ticket and check deposit (set_params signs them).
    // 6: AuthorizeCall first in the extensions (the availability layer).
    transaction_version: 6,
    system_version: 1,
};

const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

parameter_types! {
    pub const Version: RuntimeVersion = VERSION;
    /// Two seconds of compute per block, as a 6 s-block chain would allow.
    pub RuntimeBlockWeights: frame_system::limits::BlockWeights =
        frame_system::limits::BlockWeights::with_sensible_defaults(
            Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
            NORMAL_DISPATCH_RATIO,
        );
    pub RuntimeBlockLength: frame_system::limits::BlockLength =
        frame_system::limits::BlockLength::builder()
            .max_length(5 * 1024 * 1024)
            .modify_max_length_for_class(polkadot_sdk::frame_support::dispatch::DispatchClass::Normal, |m| *m = NORMAL_DISPATCH_RATIO * *m)
            .build();
    pub const SS58Prefix: u16 = 42;
    pub FeeMultiplier: Multiplier = Multiplier::one();
    pub const MinSolverStake: Balance = protocol::MIN_SOLVER_STAKE;
    pub const MinVerifierStake: Balance = protocol::MIN_VERIFIER_STAKE;
    pub const MinWhistleblowerStake: Balance = protocol::MIN_WHISTLEBLOWER_STAKE;
    pub const UnbondingPeriod: BlockNumber = protocol::UNBONDING_PERIOD;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
    type Block = Block;
    type BlockWeights = RuntimeBlockWeights;
    type BlockLength = RuntimeBlockLength;
    type AccountId = AccountId;
    type Nonce = Nonce;
    type Hash = Hash;
    type BlockHashCount = ConstU32<2400>;
    type DbWeight = ParityDbWeight;
    type Version = Version;
    type AccountData = pallet_balances::AccountData<Balance>;
    type SS58Prefix = SS58Prefix;
    type MaxConsumers = ConstU32<16>;
    type BaseCallFilter = consensus::NoDirectSessionCalls;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Runtime {
    type Moment = u64;
    // Half a BABE slot on PoS; zero on instant seal, which may author
    // several blocks within one millisecond.
    type MinimumPeriod = consensus::MinimumPeriod;
    type OnTimestampSet = consensus::CheckSlot;
}

impl_opaque_keys! {
    /// A validator's session keys: BABE (sr25519), GRANDPA (ed25519) and
    /// its artefact store's (sr25519, key type `gsto`).
    pub struct SessionKeys {
        /// Block authorship.
        pub babe: Babe,
        /// Finality votes.
        pub grandpa: Grandpa,
        /// Availability registrations, attestations.
        pub store: Availability,
    }
}

parameter_types! {
    pub const EpochDuration: u64 = consensus::EPOCH_DURATION;
    pub const ExpectedBlockTime: u64 = consensus::SLOT_DURATION_MS;
    pub const MaxAuthorities: u32 = 32;
}

impl pallet_babe::Config for Runtime {
    type EpochDuration = EpochDuration;
    type ExpectedBlockTime = ExpectedBlockTime;
    // The session pallet rotates epochs (one session per epoch).
    type EpochChangeTrigger = pallet_babe::ExternalTrigger;
    type DisabledValidators = Session;
    type WeightInfo = ();
    type MaxAuthorities = MaxAuthorities;
    type MaxNominators = ConstU32<0>;
    // No equivocation reports on the devnet: nothing to slash them from
    // (validators do not stake; see docs/devnet.md).
    type KeyOwnerProof = sp_core::Void;
    type EquivocationReportSystem = ();
}

impl pallet_grandpa::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type WeightInfo = ();
    type MaxAuthorities = MaxAuthorities;
    type MaxNominators = ConstU32<0>;
    type MaxSetIdSessionEntries = ConstU64<0>;
    type KeyOwnerProof = sp_core::Void;
    type EquivocationReportSystem = ();
}

impl pallet_session::Config for Runtime {
    type RuntimeEvent = RuntimeEvent;
    type ValidatorId = AccountId;
    type ValidatorIdOf = ConvertInto;
    type ShouldEndSession = Babe;
    type NextSessionRotation = Babe;
    type SessionManager = Validators;
    type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
    type Keys = SessionKeys;
    type DisablingStrategy = ();
    type WeightInfo = ();
    type Currency = Balances;
    type KeyDeposit = ();
}

impl pallet_validators::Config for Runtime {
    // Sudo adds and removes validators on the devnet.
    type ManageOrigin = frame_system::EnsureRoot<AccountId>;
    type MaxValidators = MaxAuthorities;
    type BlockVrf = consensus::BabeVrf;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Runtime {
    type Balance = Balance;
    type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
    type AccountStore = System;
    type ReserveIdentifier = [u8; 8];
    type MaxLocks = ConstU32<50>;
    type MaxReserves = ConstU32<50>;
    type FreezeIdentifier = RuntimeFreezeReason;
    type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
    type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
}

#[derive_impl(pallet_transaction_payment::config_preludes::TestDefaultConfig)]
impl pallet_transaction_payment::Config for Runtime {
    type OnChargeTransaction = FungibleAdapter<Balances, ()>;
    type OperationalFeeMultiplier = ConstU8<5>;
    type WeightToFee = IdentityFee<Balance>;
    type LengthToFee = IdentityFee<Balance>;
    type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
}

#[derive_impl(pallet_sudo::config_preludes::TestDefaultConfig)]
impl pallet_sudo::Config for Runtime {}

parameter_types! {
    pub const GensynPalletId: PalletId = PalletId(*b"gsn/jkpt");
    pub GensynParams: pallet_gensyn::Params<Balance, BlockNumber> = protocol::default_params();
}

impl pallet_insecure_randomness_collective_flip::Config for Runtime {}

impl pallet_gensyn::Config for Runtime {
    type Currency = Balances;
    type RuntimeHoldReason = RuntimeHoldReason;
    // BABE's VRF randomness on PoS, lagged an epoch; on instant seal the
    // documented weak source, a mix of the last 81 block hashes.
    type Randomness = consensus::ProtocolRandomness;
    type Vrf = pallet_gensyn::vrf::Ecvrf;
    type PalletId = GensynPalletId;
    type MaxAuditSegments = ConstU32<{ protocol::MAX_AUDIT_SEGMENTS }>;
    type MaxWhistles = ConstU32<{ protocol::MAX_WHISTLES }>;
    type MaxSteps = ConstU32<{ protocol::MAX_STEPS }>;
    type MaxProgramLen = ConstU32<{ protocol::MAX_PROGRAM_LEN }>;
    type MaxTensorLen = ConstU32<{ protocol::MAX_TENSOR_LEN }>;
    type MaxStateEntries = ConstU32<{ protocol::MAX_STATE_ENTRIES }>;
    type MaxArbitrationWork = ConstU64<{ protocol::MAX_ARBITRATION_WORK }>;
    type DefaultParams = GensynParams;
    // What more than two thirds of the validators attest they hold,
    // erasure-coded (on instant seal, the node's store alone). The pallet's
    // own attestation call is not used here.
    type Availability = ErasureCoded;
    type AttestOrigin = polkadot_sdk::frame_support::traits::NeverEnsureOrigin<()>;
    type MinSolverStake = MinSolverStake;
    type MinVerifierStake = MinVerifierStake;
    type MinWhistleblowerStake = MinWhistleblowerStake;
    type UnbondingPeriod = UnbondingPeriod;
    type MaxUnbondingChunks = ConstU32<{ protocol::MAX_UNBONDING_CHUNKS }>;
    type WeightInfo = pallet_gensyn::weights::SubstrateWeight<Runtime>;
}

/// `pallet-gensyn`'s view of the availability layer.
pub struct ErasureCoded;

impl pallet_gensyn::Availability for ErasureCoded {
    fn is_available(commitment: &pallet_gensyn::Hash) -> bool {
        pallet_availability::Pallet::<Runtime>::is_available(commitment)
    }
    fn retain(commitment: &pallet_gensyn::Hash, until: u64) {
        let until = BlockNumber::try_from(until).unwrap_or(BlockNumber::MAX);
        pallet_availability::Pallet::<Runtime>::retain(commitment, until);
    }
}

/// Who holds the shards: the session's validators on the PoS devnet; on
/// instant seal, which has no validators, the node's store (`//GensynStore`).
pub struct StoreHolders;

impl pallet_availability::HolderSet<AccountId> for StoreHolders {
    fn holders() -> Vec<AccountId> {
        if pallet_validators::Pallet::<Runtime>::has_slots() {
            pallet_session::Validators::<Runtime>::get()
        } else {
            alloc::vec![AccountId::from(protocol::STORE_ACCOUNT)]
        }
    }
}

/// Challenges per block: none on instant seal, whose one holder is the
/// chain's own node (and whose answers would seal blocks that draw more).
pub struct ChallengesPerBlock;

impl polkadot_sdk::frame_support::traits::Get<u32> for ChallengesPerBlock {
    fn get() -> u32 {
        if pallet_validators::Pallet::<Runtime>::has_slots() {
            protocol::CHALLENGES_PER_BLOCK
        } else {
            0
        }
    }
}

parameter_types! {
    pub const HolderBond: Balance = protocol::HOLDER_BOND;
    pub const StorageDepositBase: Balance = protocol::STORAGE_DEPOSIT_BASE;
    pub const StorageDepositPerKiB: Balance = protocol::STORAGE_DEPOSIT_PER_KIB;
    pub const MissedChallengeSlash: Balance = protocol::MISSED_CHALLENGE_SLASH;
}

impl pallet_availability::Config for Runtime {
    type Currency = Balances;
    type RuntimeHoldReason = RuntimeHoldReason;
    type Randomness = consensus::ProtocolRandomness;
    type Holders = StoreHolders;
    type StoreId = pallet_availability::crypto::StoreId;
    type PayerSignature = Signature;
    type MaxHolders = MaxAuthorities;
    type MaxLivePerPayer = ConstU32<{ protocol::MAX_LIVE_PER_PAYER }>;
    type DepositBase = StorageDepositBase;
    type DepositPerKiB = StorageDepositPerKiB;
    // `gensyn_store::MAX_ARTEFACT`, what a node's store takes.
    type MaxArtefactLen = ConstU32<{ 16 << 20 }>;
    type MaxExpiriesPerBlock = ConstU32<{ protocol::MAX_EXPIRIES_PER_BLOCK }>;
    type AttestWindow = ConstU32<{ protocol::ATTEST_WINDOW }>;
    type AnswerWindow = ConstU32<{ protocol::ANSWER_WINDOW }>;
    type ChallengesPerBlock = ChallengesPerBlock;
    type TrainingDataWindow = ConstU32<{ protocol::TRAINING_DATA_WINDOW }>;
    type ProofDataWindow = ConstU32<{ protocol::PROOF_DATA_WINDOW }>;
    type HolderBond = HolderBond;
    type MissedChallengeSlash = MissedChallengeSlash;
    type WeightInfo = ();
}

#[runtime]
mod runtime {
    #[runtime::runtime]
    #[runtime::derive(
        RuntimeCall,
        RuntimeEvent,
        RuntimeError,
        RuntimeOrigin,
        RuntimeFreezeReason,
        RuntimeHoldReason,
        RuntimeSlashReason,
        RuntimeLockId,
        RuntimeTask,
        RuntimeViewFunction
    )]
    pub struct Runtime;

    #[runtime::pallet_index(0)]
    pub type System = frame_system;
    #[runtime::pallet_index(1)]
    pub type Timestamp = pallet_timestamp;
    #[runtime::pallet_index(2)]
    pub type Balances = pallet_balances;
    #[runtime::pallet_index(3)]
    pub type TransactionPayment = pallet_transaction_payment;
    #[runtime::pallet_index(4)]
    pub type Sudo = pallet_sudo;
    #[runtime::pallet_index(5)]
    pub type RandomnessCollectiveFlip = pallet_insecure_randomness_collective_flip;
    #[runtime::pallet_index(6)]
    pub type Babe = pallet_babe;
    #[runtime::pallet_index(7)]
    pub type Grandpa = pallet_grandpa;
    // Before the session pallet: its genesis asks the registry for the set.
    #[runtime::pallet_index(8)]
    pub type Validators = pallet_validators;
    #[runtime::pallet_index(9)]
    pub type Session = pallet_session;
    #[runtime::pallet_index(10)]
    pub type Gensyn = pallet_gensyn;
    #[runtime::pallet_index(11)]
    pub type Availability = pallet_availability;
}

#[cfg(feature = "runtime-benchmarks")]
mod benches {
    polkadot_sdk::frame_benchmarking::define_benchmarks!([pallet_gensyn, Gensyn]);
}
#[cfg(feature = "runtime-benchmarks")]
use benches::*;

/// How accounts are addressed in calls.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// The transaction extensions every signed transaction carries, in order.
pub type TxExtension = (
    // First: an authorized general transaction (the availability layer's,
    // signed by a store key inside the call) gets its origin here.
    frame_system::AuthorizeCall<Runtime>,
    frame_system::CheckNonZeroSender<Runtime>,
    frame_system::CheckSpecVersion<Runtime>,
    frame_system::CheckTxVersion<Runtime>,
    frame_system::CheckGenesis<Runtime>,
    frame_system::CheckEra<Runtime>,
    frame_system::CheckNonce<Runtime>,
    frame_system::CheckWeight<Runtime>,
    pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
    frame_system::WeightReclaim<Runtime>,
);
/// The extensions a client signs a transaction with: immortal, `nonce`,
/// no tip. One definition for every signer (the CLI, tests).
pub fn tx_extension(nonce: Nonce) -> TxExtension {
    (
        frame_system::AuthorizeCall::<Runtime>::new(),
        frame_system::CheckNonZeroSender::<Runtime>::new(),
        frame_system::CheckSpecVersion::<Runtime>::new(),
        frame_system::CheckTxVersion::<Runtime>::new(),
        frame_system::CheckGenesis::<Runtime>::new(),
        frame_system::CheckEra::<Runtime>::from(generic::Era::Immortal),
        frame_system::CheckNonce::<Runtime>::from(nonce),
        frame_system::CheckWeight::<Runtime>::new(),
        pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0),
        frame_system::WeightReclaim::<Runtime>::new(),
    )
}

/// What [`tx_extension`]'s checks add to the signed payload from chain
/// state — the runtime's versions and, for an immortal transaction, the
/// genesis hash (twice) — for a signer that has no access to that state.
pub fn tx_implicit(genesis: Hash) -> <TxExtension as sp_runtime::traits::TransactionExtension<RuntimeCall>>::Implicit {
    ((), (), VERSION.spec_version, VERSION.transaction_version, genesis, genesis, (), (), (), ())
}

/// A transaction as it travels over RPC.
pub type UncheckedExtrinsic = generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// What a signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;
/// The executive: dispatches blocks and transactions to the pallets.
pub type Executive =
    frame_executive::Executive<Runtime, Block, frame_system::ChainContext<Runtime>, Runtime, AllPalletsWithSystem>;

impl_runtime_apis! {
    impl sp_api::Core<Block> for Runtime {
        fn version() -> RuntimeVersion {
            VERSION
        }
        fn execute_block(block: <Block as BlockT>::LazyBlock) {
            Executive::execute_block(block)
        }
        fn initialize_block(header: &<Block as BlockT>::Header) -> ExtrinsicInclusionMode {
            Executive::initialize_block(header)
        }
    }

    impl sp_api::Metadata<Block> for Runtime {
        fn metadata() -> OpaqueMetadata {
            OpaqueMetadata::new(Runtime::metadata().into())
        }
        fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
            Runtime::metadata_at_version(version)
        }
        fn metadata_versions() -> Vec<u32> {
            Runtime::metadata_versions()
        }
    }

    impl sp_block_builder::BlockBuilder<Block> for Runtime {
        fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
            Executive::apply_extrinsic(extrinsic)
        }
        fn finalize_block() -> <Block as BlockT>::Header {
            Executive::finalize_block()
        }
        fn inherent_extrinsics(data: InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
            data.create_extrinsics()
        }
        fn check_inherents(block: <Block as BlockT>::LazyBlock, data: InherentData) -> CheckInherentsResult {
            data.check_extrinsics(&block)
        }
    }

    impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
        fn validate_transaction(
            source: TransactionSource,
            tx: <Block as BlockT>::Extrinsic,
            block_hash: <Block as BlockT>::Hash,
        ) -> TransactionValidity {
            Executive::validate_transaction(source, tx, block_hash)
        }
    }

    impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
        fn offchain_worker(header: &<Block as BlockT>::Header) {
            Executive::offchain_worker(header)
        }
    }

    impl sp_session::SessionKeys<Block> for Runtime {
        fn generate_session_keys(owner: Vec<u8>, seed: Option<Vec<u8>>) -> sp_session::OpaqueGeneratedSessionKeys {
            SessionKeys::generate(&owner, seed).into()
        }
        fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
            SessionKeys::decode_into_raw_public_keys(&encoded)
        }
    }

    impl sp_consensus_babe::BabeApi<Block> for Runtime {
        fn configuration() -> sp_consensus_babe::BabeConfiguration {
            let epoch_config = Babe::epoch_config().unwrap_or(consensus::BABE_GENESIS_EPOCH_CONFIG);
            sp_consensus_babe::BabeConfiguration {
                slot_duration: Babe::slot_duration(),
                epoch_length: EpochDuration::get(),
                c: epoch_config.c,
                authorities: Babe::authorities().to_vec(),
                randomness: Babe::randomness(),
                allowed_slots: epoch_config.allowed_slots,
            }
        }
        fn current_epoch_start() -> sp_consensus_babe::Slot {
            Babe::current_epoch_start()
        }
        fn current_epoch() -> sp_consensus_babe::Epoch {
            Babe::current_epoch()
        }
        fn next_epoch() -> sp_consensus_babe::Epoch {
            Babe::next_epoch()
        }
        fn generate_key_ownership_proof(
            _slot: sp_consensus_babe::Slot,
            _authority_id: sp_consensus_babe::AuthorityId,
        ) -> Option<sp_consensus_babe::OpaqueKeyOwnershipProof> {
            None
        }
        fn submit_report_equivocation_unsigned_extrinsic(
            _equivocation_proof: sp_consensus_babe::EquivocationProof<<Block as BlockT>::Header>,
            _key_owner_proof: sp_consensus_babe::OpaqueKeyOwnershipProof,
        ) -> Option<()> {
            None
        }
    }

    impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
        fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
            Grandpa::grandpa_authorities()
        }
        fn current_set_id() -> sp_consensus_grandpa::SetId {
            pallet_grandpa::CurrentSetId::<Runtime>::get()
        }
        fn submit_report_equivocation_unsigned_extrinsic(
            _equivocation_proof: sp_consensus_grandpa::EquivocationProof<<Block as BlockT>::Hash, NumberFor<Block>>,
            _key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
        ) -> Option<()> {
            None
        }
        fn generate_key_ownership_proof(
            _set_id: sp_consensus_grandpa::SetId,
            _authority_id: sp_consensus_grandpa::AuthorityId,
        ) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
            None
        }
    }

    impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
        fn account_nonce(account: AccountId) -> Nonce {
            System::account_nonce(account)
        }
    }

    impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
        fn query_info(
            uxt: <Block as BlockT>::Extrinsic,
            len: u32,
        ) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
            TransactionPayment::query_info(uxt, len)
        }
        fn query_fee_details(
            uxt: <Block as BlockT>::Extrinsic,
            len: u32,
        ) -> pallet_transaction_payment::FeeDetails<Balance> {
            TransactionPayment::query_fee_details(uxt, len)
        }
        fn query_weight_to_fee(weight: Weight) -> Balance {
            TransactionPayment::weight_to_fee(weight)
        }
        fn query_length_to_fee(length: u32) -> Balance {
            TransactionPayment::length_to_fee(length)
        }
    }

    #[cfg(feature = "runtime-benchmarks")]
    impl polkadot_sdk::frame_benchmarking::Benchmark<Block> for Runtime {
        fn benchmark_metadata(extra: bool) -> (
            Vec<polkadot_sdk::frame_benchmarking::BenchmarkList>,
            Vec<polkadot_sdk::frame_support::traits::StorageInfo>,
        ) {
            use polkadot_sdk::frame_benchmarking::{BenchmarkList, Benchmarking};
            use polkadot_sdk::frame_support::traits::StorageInfoTrait;
            let mut list = Vec::<BenchmarkList>::new();
            list_benchmarks!(list, extra);
            (list, AllPalletsWithSystem::storage_info())
        }

        fn dispatch_benchmark(
            config: polkadot_sdk::frame_benchmarking::BenchmarkConfig,
        ) -> Result<Vec<polkadot_sdk::frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
            use polkadot_sdk::frame_benchmarking::{BenchmarkBatch, Benchmarking};
            let whitelist = alloc::vec![];
            let mut batches = Vec::<BenchmarkBatch>::new();
            let params = (&config, &whitelist);
            add_benchmarks!(params, batches);
            Ok(batches)
        }
    }

    impl apis::ArbitrationApi<Block> for Runtime {
        fn execute(
            op: gensyn_commitment::trace::Op,
            output: u8,
            step: u32,
            inputs: Vec<gensyn_commitment::tensor::TensorBits>,
        ) -> Option<[u8; 32]> {
            apis::execute::<Runtime>(op, output, step, inputs)
        }
    }

    impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
        fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
            build_state::<RuntimeGenesisConfig>(config)
        }
        fn get_preset(id: &Option<PresetId>) -> Option<Vec<u8>> {
            get_preset::<RuntimeGenesisConfig>(id, genesis::get_preset)
        }
        fn preset_names() -> Vec<PresetId> {
            genesis::preset_names()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pallet_gensyn::weights::WeightInfo as _;
    use polkadot_sdk::frame_support::dispatch::DispatchClass;

    /// What the availability layer keeps on chain per artefact is bounded,
    /// and so is all of it: every entry holds at least the base deposit
    /// from its payer, so the chain keeps a bounded number of bytes per
    /// token held. The figures are in docs/protocol.md (C7).
    #[test]
    fn availability_storage_per_artefact_is_bounded() {
        use codec::MaxEncodedLen;
        let entry = pallet_availability::EntryOf::<Runtime>::max_encoded_len();
        // An entry's own key (prefix, name, encoding), its expiry queue slot
        // (prefix, block, slot; name and encoding), its live slot and the
        // record of its chosen encoding (prefix, name, encoding).
        let per = entry + 3 * 32 + (32 + 12 + 12 + 2 * 32) + 48 + 3 * 32;
        assert!(per < 1_700, "{per} bytes per artefact at most");
        // Per UNIT held: at most 10 entries' worth, under 17 KB.
        let per_unit = per as u128 * UNIT / protocol::STORAGE_DEPOSIT_BASE;
        assert!(per_unit < 17_000, "{per_unit} bytes of chain storage per UNIT held");
        // One payer's quota of the largest artefacts, held.
        let quota = u128::from(protocol::MAX_LIVE_PER_PAYER)
            * pallet_availability::Pallet::<Runtime>::deposit_for(16 << 20);
        assert!(quota > 100_000 * UNIT, "{quota} to fill one payer's quota with 16 MiB artefacts");
        // With four validators, as `devnet up --validators` makes.
        let four = pallet_availability::Entry::<AccountId, Balance, BlockNumber, MaxAuthorities> {
            erasure: pallet_availability::ErasureCommitment { root: [0; 32], len: 0, k: 2, n: 4 },
            retention: pallet_availability::Retention::ProofData,
            registrar: AccountId::from([0; 32]),
            payer: AccountId::from([0; 32]),
            deposit: 0,
            holders: polkadot_sdk::frame_support::BoundedVec::truncate_from(alloc::vec![AccountId::from([0; 32]); 4]),
            attested: polkadot_sdk::frame_support::BoundedVec::truncate_from(alloc::vec![0u8; 1]),
            count: 0,
            since: 0,
            deadline: 0,
            expires: 0,
            slot: 0,
            status: pallet_availability::Status::Pending,
        };
        let used = codec::Encode::encoded_size(&four);
        assert!(used < 300, "{used} bytes for a four-validator entry");
        if std::env::var_os("GENSYN_PRINT_SIZES").is_some() {
            println!("entry ≤ {entry} B (four validators: {used} B); per artefact ≤ {per} B; ≤ {per_unit} B per UNIT held");
        }
    }

    /// The largest operator the runtime lets arbitration re-execute, at its
    /// measured weight (whole, or one tile from proven tiles, whichever is
    /// dearer), takes under a fifth of what one normal extrinsic may.
    #[test]
    fn largest_arbitration_fits_comfortably_in_a_block() {
        let units = (protocol::MAX_ARBITRATION_WORK / 1_000_000) as u32;
        let whole = <Runtime as pallet_gensyn::Config>::WeightInfo::arbitrate(units);
        let weight = pallet_gensyn::Pallet::<Runtime>::max_arbitration_weight();
        assert!(weight.all_gte(whole));
        let limit = RuntimeBlockWeights::get().get(DispatchClass::Normal).max_extrinsic.expect("a per-extrinsic limit");
        assert!(weight.ref_time() * 5 < limit.ref_time(), "{weight:?} against {limit:?}");
        assert!(weight.all_lte(limit));
    }
}
