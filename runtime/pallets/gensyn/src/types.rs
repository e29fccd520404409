//! Plain data types shared by the pallet, the runtime and the CLI (which
//! decodes them from storage).

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
    frame_support::{traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound},
    sp_runtime::traits::Zero,
};
use scale_info::TypeInfo;

/// A protocol role an account can stake for.
#[derive(
    Encode,
    Decode,
    DecodeWithMemTracking,
    MaxEncodedLen,
    TypeInfo,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Debug,
)]
pub enum Role {
    /// Trains models and commits to checkpoints.
    Solver,
    /// Re-executes sampled segments and posts verdicts.
    Verifier,
    /// Re-checks verifiers and challenges wrong verdicts.
    Whistleblower,
}

impl Role {
    /// Every role, in declaration order.
    pub const ALL: [Role; 3] = [Role::Solver, Role::Verifier, Role::Whistleblower];

    /// The lower-case name used on the command line and in JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            Role::Solver => "solver",
            Role::Verifier => "verifier",
            Role::Whistleblower => "whistleblower",
        }
    }
}

/// Tokens leaving a stake: withdrawable from block `unlock_at` on.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct UnbondChunk<Balance, BlockNumber> {
    /// How much unbonds.
    pub amount: Balance,
    /// First block at which `withdraw_unbonded` releases it.
    pub unlock_at: BlockNumber,
}

/// One account's stake in one role.
#[derive(
    Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(MaxChunks))]
pub struct StakeLedger<Balance, BlockNumber, MaxChunks>
where
    Balance: Clone + PartialEq + Eq + core::fmt::Debug,
    BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
    MaxChunks: Get<u32>,
{
    /// Bonded and counting towards the role.
    pub active: Balance,
    /// Leaving, oldest first.
    pub unbonding: BoundedVec<UnbondChunk<Balance, BlockNumber>, MaxChunks>,
}

impl<Balance, BlockNumber, MaxChunks> Default for StakeLedger<Balance, BlockNumber, MaxChunks>
where
    Balance: Clone + PartialEq + Eq + core::fmt::Debug + Zero,
    BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
    MaxChunks: Get<u32>,
{
    fn default() -> Self {
        Self { active: Zero::zero(), unbonding: BoundedVec::default() }
    }
}

impl<Balance, BlockNumber, MaxChunks> StakeLedger<Balance, BlockNumber, MaxChunks>
where
    Balance: Clone + PartialEq + Eq + core::fmt::Debug + Zero,
    BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
    MaxChunks: Get<u32>,
{
    /// Nothing active and nothing unbonding: the entry can be deleted.
    pub fn is_empty(&self) -> bool {
        self.active.is_zero() && self.unbonding.is_empty()
    }
}
