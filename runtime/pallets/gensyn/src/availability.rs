//! Data availability: where the pallet learns that an artefact the protocol
//! needs can be fetched by anyone who needs it.
//!
//! Only hashes are on chain. A window that needs data — selection (the
//! spec and dataset, owed by the submitter), the verdict and whistles (the
//! audited checkpoints, owed by the solver) — opens only once the data is
//! attested available, and until then the clock runs against the party that
//! owes it (C7 in `docs/protocol.md`). Artefacts are named by the commitment
//! the chain already knows: a spec's hash, a dataset's root, a checkpoint's
//! state hash; a reader checks what it fetched by recomputing that
//! commitment.

use crate::{pallet::*, Hash};
use core::marker::PhantomData;

/// Tells whether an artefact is attested available, and keeps it so while
/// a window needs it.
pub trait Availability {
    /// Whether the artefact committed to by `commitment` is available.
    fn is_available(commitment: &Hash) -> bool;
    /// Asks that the artefact stay retrievable until at least block
    /// `until` (a window that replays from it ends before). A layer that
    /// never prunes ignores it.
    fn retain(_commitment: &Hash, _until: u64) {}
}

/// Attestations recorded on chain by [`Pallet::attest_available`], signed by
/// the runtime's attesting origin: on the devnet the node's artefact store;
/// with the availability layer, the validators' erasure-coded store.
pub struct Attested<T>(PhantomData<T>);

impl<T: Config> Availability for Attested<T> {
    fn is_available(commitment: &Hash) -> bool {
        Available::<T>::contains_key(commitment)
    }
}
