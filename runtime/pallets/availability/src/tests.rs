//! The availability pallet against holders that withhold, lie, replay and
//! spam, with real erasure-coded artefacts (`gensyn-availability`).

use crate::{mock::*, pallet::*, Hash};
use gensyn_availability::{encode, Encoded};
use gensyn_commitment::erasure;
use polkadot_sdk::{
    frame_support::{
        assert_noop, assert_ok,
        pallet_prelude::{InvalidTransaction, TransactionSource, TransactionValidityError},
        traits::{fungible::InspectHold, Authorize},
        BoundedVec,
    },
    frame_system,
    sp_runtime::{testing::TestSignature, traits::Dispatchable, DispatchError, RuntimeAppPublic},
};

/// An account that holds no shards and asks for artefacts to be stored.
const PAYER: u64 = 5;

/// What `who` holds as storage deposits.
fn held(who: u64) -> u64 {
    Balances::balance_on_hold(&RuntimeHoldReason::Availability(HoldReason::StorageDeposit), &who)
}

fn now() -> u64 {
    System::block_number()
}

fn artefact(tag: u8, len: usize) -> (Hash, Vec<u8>) {
    let data: Vec<u8> = (0..len).map(|i| (i as u8).wrapping_mul(31) ^ tag).collect();
    (gensyn_commitment::hash::blake2_256(&data), data)
}

/// Authorizes `call` as the pool would, then dispatches it as authorized.
fn send(call: Call<Test>) -> Result<(), String> {
    let call = RuntimeCall::Availability(call);
    match call.authorize(TransactionSource::External) {
        Some(Ok(_)) => {}
        Some(Err(e)) => return Err(format!("refused: {e:?}")),
        None => return Err("not an authorized call".into()),
    }
    call.dispatch(frame_system::RawOrigin::Authorized.into()).map(|_| ()).map_err(|e| format!("failed: {:?}", e.error))
}

fn refusal(call: Call<Test>) -> TransactionValidityError {
    match RuntimeCall::Availability(call).authorize(TransactionSource::External) {
        Some(Err(e)) => e,
        other => panic!("authorized: {other:?}"),
    }
}

/// The chain's genesis hash, as the pallet reads it.
fn genesis() -> <Test as frame_system::Config>::Hash {
    System::block_hash(0)
}

/// Holder `holder` registers, signing with `key`'s store key; the holder
/// pays for it itself.
fn register_call(commitment: Hash, e: &Encoded, retention: Retention, holder: u64, key: u64) -> Call<Test> {
    paid_register_call(commitment, e, retention, holder, key, holder)
}

/// As [`register_call`], paid for by `payer`, signed now for this chain.
fn paid_register_call(
    commitment: Hash,
    e: &Encoded,
    retention: Retention,
    holder: u64,
    key: u64,
    payer: u64,
) -> Call<Test> {
    let at = now();
    let payment = payment_message(&genesis(), &payer, &commitment, &e.commitment.id(), retention, &at);
    signed_register_call(commitment, e, retention, holder, key, payer, at, TestSignature(payer, payment))
}

/// A registration with the payment given as is.
#[allow(clippy::too_many_arguments)]
fn signed_register_call(
    commitment: Hash,
    e: &Encoded,
    retention: Retention,
    holder: u64,
    key: u64,
    payer: u64,
    paid_at: u64,
    payer_signature: TestSignature,
) -> Call<Test> {
    let registration = Registration {
        commitment,
        erasure: e.commitment,
        retention,
        holder,
        holders: current(),
        at: now(),
        payer,
        paid_at,
    };
    let signature = key_of(key).sign(&signed_message(&genesis(), &registration)).unwrap();
    Call::register { registration, signature, payer_signature }
}

/// The current holder list's hash, as a node encoding now names it.
fn current() -> Hash {
    holders_hash(&HolderList::get())
}

fn register(commitment: Hash, e: &Encoded, retention: Retention) {
    send(register_call(commitment, e, retention, HOLDERS[0], HOLDERS[0])).unwrap();
}

/// Each commitment with the id of its first registered encoding (zero if none).
fn with_roots(commitments: &[Hash]) -> Vec<(Hash, Hash)> {
    commitments.iter().map(|c| (*c, Availability::entries(c).first().map(|(id, _)| *id).unwrap_or_default())).collect()
}

/// The one entry registered under `c`, whatever its status.
fn sole(c: &Hash) -> EntryOf<Test> {
    let all = Availability::entries(c);
    assert_eq!(all.len(), 1, "one encoding registered");
    all[0].1.clone()
}

fn attest_call(holder: u64, commitments: &[Hash], at: u64, key: u64) -> Call<Test> {
    attest_encodings_call(holder, &with_roots(commitments), at, key)
}

/// An attestation naming each encoding by `(commitment, encoding id)`.
fn attest_encodings_call(holder: u64, encodings: &[(Hash, Hash)], at: u64, key: u64) -> Call<Test> {
    let attestation = Attestation { holder, commitments: BoundedVec::truncate_from(encodings.to_vec()), at };
    let signature = key_of(key).sign(&signed_message(&genesis(), &attestation)).unwrap();
    Call::attest { attestation, signature }
}

fn attest(holder: u64, commitments: &[Hash]) -> Result<(), String> {
    send(attest_call(holder, commitments, now(), holder))
}

fn events() -> Vec<Event<Test>> {
    System::events()
        .into_iter()
        .filter_map(|r| match r.event {
            RuntimeEvent::Availability(e) => Some(e),
            _ => None,
        })
        .collect()
}

/// An available four-holder artefact: registered, attested by all.
fn available(tag: u8, len: usize, retention: Retention) -> (Hash, Encoded) {
    let (c, data) = artefact(tag, len);
    let e = encode(&data, 4).unwrap();
    register(c, &e, retention);
    for h in &HOLDERS[1..] {
        attest(*h, &[c]).unwrap();
    }
    assert!(Availability::is_available(&c));
    (c, e)
}

/// The answer an honest holder of shard `shard` sends to its challenge
/// (due at `due`).
fn answer_call(c: Hash, e: &Encoded, shard: u16, due: u64, piece: u32) -> Call<Test> {
    let (bytes, piece_proof) = erasure::piece_proof(&e.shards[shard as usize], piece).unwrap();
    Call::answer {
        commitment: c,
        shard,
        due,
        at: now(),
        piece: BoundedVec::truncate_from(bytes.to_vec()),
        piece_proof,
        shard_proof: e.proof(shard).unwrap(),
    }
}

#[test]
fn an_artefact_is_available_once_more_than_two_thirds_of_its_holders_attest() {
    new_test_ext().execute_with(|| {
        let (c, data) = artefact(1, 10_000);
        let e = encode(&data, 4).unwrap();
        assert_eq!((e.commitment.k, e.commitment.n), (2, 4));
        register(c, &e, Retention::TrainingData);
        assert!(!Availability::is_available(&c));
        // The registrar (holder 1) had it whole: that was its attestation.
        assert_eq!(sole(&c).count, 1);
        assert_eq!(refusal(attest_call(1, &[c], now(), 1)), InvalidTransaction::Custom(invalid::NOTHING_NEW).into());
        attest(2, &[c]).unwrap();
        // Two of four is not more than two thirds.
        assert!(!Availability::is_available(&c));
        attest(3, &[c]).unwrap();
        assert!(Availability::is_available(&c));
        assert!(events().contains(&Event::Available { commitment: c, encoding: e.commitment.id() }));
        // The fourth still counts (it owes its shard like the others).
        attest(4, &[c]).unwrap();
        assert_eq!(sole(&c).count, 4);
        assert_eq!(LiveCount::<Test>::get(), 1);
    });
}

#[test]
fn a_holder_counts_once_however_often_it_attests() {
    new_test_ext().execute_with(|| {
        let (c, data) = artefact(2, 100);
        register(c, &encode(&data, 4).unwrap(), Retention::TrainingData);
        attest(2, &[c]).unwrap();
        // Again, and twice in one list: nothing new, so the pool refuses it.
        assert_eq!(refusal(attest_call(2, &[c, c], now(), 2)), InvalidTransaction::Custom(invalid::NOTHING_NEW).into());
        assert_eq!(refusal(attest_call(1, &[c], now(), 1)), InvalidTransaction::Custom(invalid::NOTHING_NEW).into());
        attest(3, &[c, c]).unwrap();
        assert_eq!(sole(&c).count, 3);
        assert!(Availability::is_available(&c));
        attest(4, &[c]).unwrap();
        assert_eq!(sole(&c).count, 4, "one holder, one vote");
    });
}

#[test]
fn an_artefact_short_of_attestations_by_its_deadline_never_becomes_available() {
    new_test_ext().execute_with(|| {
        let (c, data) = artefact(3, 1000);
        let e = encode(&data, 4).unwrap();
        register(c, &e, Retention::ProofData);
        let deadline = sole(&c).deadline;
        assert_eq!(deadline, 1 + ATTEST_WINDOW);
        attest(2, &[c]).unwrap();
        run_to_block(deadline + 1);
        // The third attestation comes too late: refused, and not counted if
        // it lands anyway.
        assert_eq!(refusal(attest_call(3, &[c], now(), 3)), InvalidTransaction::Custom(invalid::NOTHING_NEW).into());
        assert_ok!(Availability::attest(
            frame_system::RawOrigin::Authorized.into(),
            Attestation { holder: 3, commitments: BoundedVec::truncate_from(with_roots(&[c])), at: now() },
            key_of(3).sign(&[0u8]).unwrap(),
        ));
        assert!(!Availability::is_available(&c), "the owing party's clock ran out (C7)");
        // The data may be offered again: a fresh registration, fresh votes.
        register(c, &e, Retention::ProofData);
        assert_eq!(sole(&c).count, 1);
        for h in [2, 3] {
            attest(h, &[c]).unwrap();
        }
        assert!(Availability::is_available(&c));
        // Once available it cannot be registered over.
        let again = send(register_call(c, &e, Retention::ProofData, 2, 2)).unwrap_err();
        assert!(again.contains("refused"), "{again}");
    });
}

#[test]
fn an_attestation_signed_for_an_earlier_registration_is_no_vote_for_a_later_one() {
    new_test_ext().execute_with(|| {
        let (c, data) = artefact(30, 700);
        let e = encode(&data, 4).unwrap();
        register(c, &e, Retention::ProofData);
        let deadline = sole(&c).deadline;
        // Holder 2 attests at the last block of the window; too few do.
        run_to_block(deadline);
        let late = attest_call(2, &[c], now(), 2);
        send(late.clone()).unwrap();
        run_to_block(deadline + 1);
        assert!(!Availability::is_available(&c));
        // Registered again. Holder 2's node dropped its shard with the
        // failed entry; its old attestation, replayed while still recent,
        // is refused, and counts for nothing if it lands anyway.
        register(c, &e, Retention::ProofData);
        assert_eq!(refusal(late.clone()), InvalidTransaction::Custom(invalid::NOTHING_NEW).into());
        let Call::attest { attestation, signature } = late else { unreachable!() };
        assert_ok!(Availability::attest(frame_system::RawOrigin::Authorized.into(), attestation, signature));
        let entry = sole(&c);
        let i = entry.holders.iter().position(|h| *h == 2).unwrap();
        assert!(!entry.has_attested(i), "a vote for a shard it no longer keeps");
        assert_eq!(entry.count, 1, "the registrar's alone");
        // A fresh attestation counts.
        attest(2, &[c]).unwrap();
        assert_eq!(sole(&c).count, 2);
    });
}

#[test]
fn only_a_holder_with_its_own_key_and_a_recent_block_registers_or_attests() {
    new_test_ext().execute_with(|| {
        let (c, data) = artefact(4, 500);
        let e = encode(&data, 4).unwrap();
        let bad_sig: TransactionValidityError = InvalidTransaction::Custom(invalid::BAD_SIGNATURE).into();
        // Signed with another holder's key, or by an outsider.
        assert_eq!(refusal(register_call(c, &e, Retention::ProofData, 1, 2)), bad_sig);
        assert_eq!(
            refusal(register_call(c, &e, Retention::ProofData, OUTSIDER, OUTSIDER)),
            InvalidTransaction::Call.into()
        );
        register(c, &e, Retention::ProofData);
        assert_eq!(refusal(attest_call(2, &[c], now(), 3)), bad_sig);
        assert_eq!(
            refusal(attest_call(OUTSIDER, &[c], now(), OUTSIDER)),
            InvalidTransaction::Custom(invalid::NOTHING_NEW).into()
        );
        // A payload from the future, or older than the window.
        let stale: TransactionValidityError = InvalidTransaction::Custom(invalid::STALE).into();
        assert_eq!(refusal(attest_call(2, &[c], now() + 1, 2)), stale);
        run_to_block(1 + ATTEST_WINDOW);
        let old = attest_call(2, &[c], 1, 2);
        run_to_block(2 + ATTEST_WINDOW);
        assert_eq!(refusal(old), stale);
        // A signed origin is not the authorized one.
        assert_noop!(
            Availability::attest(
                RuntimeOrigin::signed(2),
                Attestation { holder: 2, commitments: BoundedVec::truncate_from(with_roots(&[c])), at: now() },
                key_of(2).sign(&[0u8]).unwrap()
            ),
            DispatchError::BadOrigin
        );
    });
}

#[test]
fn an_attestation_counts_only_for_the_encoding_it_names() {
    new_test_ext().execute_with(|| {
        let (c, data) = artefact(15, 2000);
        let honest = encode(&data, 4).unwrap();
        register(c, &honest, Retention::ProofData);
        attest(3, &[c]).unwrap();
        // Signed for the honest root in the last block it counts in...
        let deadline = sole(&c).deadline;
        run_to_block(deadline);
        let late = attest_call(2, &[c], now(), 2);
        run_to_block(deadline + 1);
        // ... it cannot count for other bytes registered under the same name
        // once the first registration's deadline passed.
        let garbage = encode(&[0u8; 2000], 4).unwrap();
        send(register_call(c, &garbage, Retention::ProofData, 4, 4)).unwrap();
        assert_eq!(refusal(late.clone()), InvalidTransaction::Custom(invalid::NOTHING_NEW).into());
        assert_ok!(RuntimeCall::Availability(late).dispatch(frame_system::RawOrigin::Authorized.into()));
        let other = Artefacts::<Test>::get(c, garbage.commitment.id()).unwrap();
        assert_eq!(other.count, 1, "only the new registrar's own");
        assert_eq!(Artefacts::<Test>::get(c, honest.commitment.id()).unwrap().count, 2);
        assert!(!Availability::is_available(&c));
    });
}

/// The squatter: a validator that registers other bytes under the name of
/// an artefact an honest party is about to make available, first, hoping
/// the honest registration is refused until the owing party's clock has
/// run out (C7). (Again and again changes nothing: each of its encodings
/// is one more entry of its own.)
#[test]
fn a_squatters_encoding_under_an_honest_name_blocks_nobody() {
    new_test_ext().execute_with(|| {
        let squatter = 4;
        let (c, data) = artefact(40, 3000);
        let honest = encode(&data, 4).unwrap();
        let junk = encode(&[0xAAu8; 3000], 4).unwrap();
        let squat = register_call(c, &junk, Retention::TrainingData, squatter, squatter);
        let fair = register_call(c, &honest, Retention::TrainingData, 1, 1);
        // In the pool too: its registration does not push the honest one out.
        let provides =
            |call: &Call<Test>| match RuntimeCall::Availability(call.clone()).authorize(TransactionSource::External) {
                Some(Ok((v, _))) => v.provides,
                other => panic!("refused: {other:?}"),
            };
        assert_ne!(provides(&squat), provides(&fair));
        // Nor does its registration of the honest encoding itself, meant to
        // fail when included (its quota full by then) and take the honest
        // one down with it: one holder's registration never stands for
        // another's.
        let copy = register_call(c, &honest, Retention::TrainingData, squatter, squatter);
        assert_ne!(provides(&copy), provides(&fair));
        send(squat).unwrap();
        send(fair).unwrap();
        assert_eq!(Availability::entries(&c).len(), 2);
        // The honest holders attest the encoding they hold and checked.
        let honest_id = (c, honest.commitment.id());
        for h in [2, 3] {
            send(attest_encodings_call(h, &[honest_id], now(), h)).unwrap();
        }
        assert!(Availability::is_available(&c));
        assert_eq!(Chosen::<Test>::get(c), Some(honest.commitment.id()));
        assert_eq!(Availability::entry(&c).unwrap().erasure, honest.commitment);
        // Once one encoding is available no other can be: nobody attests or
        // registers another.
        let junk_id = (c, junk.commitment.id());
        assert_eq!(
            refusal(attest_encodings_call(squatter, &[junk_id], now(), squatter)),
            InvalidTransaction::Custom(invalid::NOTHING_NEW).into()
        );
        let more_junk = encode(&[0xBBu8; 3000], 4).unwrap();
        assert_eq!(
            refusal(register_call(c, &more_junk, Retention::TrainingData, squatter, squatter)),
            InvalidTransaction::Call.into()
        );
        // Challenges sample the available encoding only.
        PerBlock::set(4);
        run_to_block(now() + 1);
        let drawn: Vec<_> = Challenges::<Test>::iter_prefix(c).map(|(_, ch)| ch.erasure).collect();
        assert!(!drawn.is_empty() && drawn.iter().all(|e| *e == honest.commitment));
    });
}

/// The squatter again, with the honest bytes' root but another length (the
/// padding leaves room): a reader told that length gets other bytes.
#[test]
fn an_encoding_that_shares_the_honest_root_but_not_its_length_is_another() {
    new_test_ext().execute_with(|| {
        let (c, data) = artefact(41, 3001);
        let honest = encode(&data, 4).unwrap();
        let mut forged = encode(&data, 4).unwrap();
        forged.commitment.len += 1;
        assert_eq!(forged.commitment.shard_len(), honest.commitment.shard_len(), "the same shards check under both");
        assert_ne!(forged.commitment.id(), honest.commitment.id());
        send(register_call(c, &forged, Retention::TrainingData, 4, 4)).unwrap();
        register(c, &honest, Retention::TrainingData);
        for h in [2, 3] {
            send(attest_encodings_call(h, &[(c, honest.commitment.id())], now(), h)).unwrap();
        }
        assert_eq!(Availability::entry(&c).unwrap().erasure, honest.commitment);
        assert_eq!(Artefacts::<Test>::get(c, forged.commitment.id()).unwrap().count, 1, "the forger's own only");
    });
}

/// The squatter registers the honest encoding itself, first, as proof data
/// (kept a short while) and never hands out a shard, so its deadline runs
/// out early: the honest registrar renews it, and the longer class stands.
#[test]
fn a_front_run_of_the_honest_encoding_is_renewed_by_the_honest_registrar() {
    new_test_ext().execute_with(|| {
        let squatter = 4;
        let (c, data) = artefact(42, 3000);
        let e = encode(&data, 4).unwrap();
        send(register_call(c, &e, Retention::ProofData, squatter, squatter)).unwrap();
        let first = sole(&c);
        assert_eq!((first.expires, first.deadline), (1 + PROOF_WINDOW, 1 + ATTEST_WINDOW));
        // The honest party's put reaches its node at the squatter's last block,
        // after a session change reordered the set: a renewal cut for the
        // new order is refused (its shards would go to the wrong holders),
        // one cut for the entry's snapshot renews it.
        run_to_block(first.deadline);
        HolderList::set(vec![2, 1, 3, 4]);
        assert_eq!(refusal(register_call(c, &e, Retention::TrainingData, 1, 1)), InvalidTransaction::Call.into());
        HolderList::set(HOLDERS.to_vec());
        // Asking the longer class moves the deposit to the renewal's payer,
        // which must afford it: a key with nothing cannot lock the first
        // payer's deposit for the longer window.
        let poor = 8;
        <Balances as polkadot_sdk::frame_support::traits::fungible::Mutate<u64>>::set_balance(&poor, DEPOSIT_BASE + 1);
        assert_eq!(
            refusal(paid_register_call(c, &e, Retention::TrainingData, 3, 3, poor)),
            InvalidTransaction::Custom(invalid::DEPOSIT).into()
        );
        assert_eq!(sole(&c).retention, Retention::ProofData);
        let cut_for_entry = register_call(c, &e, Retention::TrainingData, 1, 1);
        HolderList::set(vec![2, 1, 3, 4]);
        send(cut_for_entry).unwrap();
        HolderList::set(HOLDERS.to_vec());
        let renewed = sole(&c);
        assert_eq!(renewed.deadline, now() + ATTEST_WINDOW, "a whole window to gather attestations");
        assert_eq!(renewed.expires, 1 + TRAINING_WINDOW, "the longer class, from the first registration");
        assert_eq!(renewed.retention, Retention::TrainingData);
        assert_eq!(renewed.count, 2);
        // The renewal asked the longer class, so its payer pays from now
        // on: the squatter has its deposit and quota place back.
        assert_eq!((renewed.registrar, renewed.payer), (1, 1));
        assert_eq!((Registered::<Test>::get(1), Registered::<Test>::get(squatter)), (1, 0));
        assert_eq!((held(1), held(squatter)), (Availability::deposit_for(3000), 0));
        // Past the squatter's deadline, the honest holders' attestations count.
        run_to_block(first.deadline + 2);
        attest(2, &[c]).unwrap();
        assert!(Availability::is_available(&c));
        // Each holder renews once, and only while it is pending: neither the
        // squatter nor the honest registrar keeps moving it, nor a holder
        // that never attested once it is available.
        for h in [squatter, 1, 3] {
            assert_eq!(refusal(register_call(c, &e, Retention::TrainingData, h, h)), InvalidTransaction::Call.into());
        }
        assert_eq!(Availability::entry(&c).unwrap().expires, 1 + TRAINING_WINDOW);
        // Its old expiry slot is gone: it outlives the proof window.
        run_to_block(1 + PROOF_WINDOW + 2);
        assert!(Availability::is_available(&c));
        assert_eq!(Expiring::<Test>::iter().count(), 1);
    });
}

/// A squatter's entries live out their window and are pruned on their own,
/// and pruning one leaves the honest encoding of the same name alone.
#[test]
fn pruning_a_competing_encoding_leaves_the_available_one() {
    new_test_ext().execute_with(|| {
        // Another artefact first, pruned with the junk: the honest one's
        // live slot moves into its place.
        let (a, _) = available(44, 500, Retention::ProofData);
        let (c, data) = artefact(43, 500);
        let honest = encode(&data, 4).unwrap();
        let junk = encode(&[1u8; 500], 4).unwrap();
        send(register_call(c, &junk, Retention::ProofData, 4, 4)).unwrap();
        register(c, &honest, Retention::TrainingData);
        for h in [2, 3] {
            send(attest_encodings_call(h, &[(c, honest.commitment.id())], now(), h)).unwrap();
        }
        assert_eq!(Registered::<Test>::get(4), 1, "the squatter pays its own quota");
        assert_eq!(Availability::entry(&c).unwrap().status, Status::Available { live: 1 });
        run_to_block(1 + PROOF_WINDOW);
        assert!(!Availability::is_available(&a));
        assert_eq!(Live::<Test>::get(0), Some(c));
        assert_eq!(Availability::entry(&c).unwrap().status, Status::Available { live: 0 });
        assert!(events().contains(&Event::Pruned { commitment: c, encoding: junk.commitment.id() }));
        assert_eq!(Registered::<Test>::get(4), 0);
        assert!(Availability::is_available(&c));
        assert_eq!(Availability::entries(&c).len(), 1);
        assert_eq!(LiveCount::<Test>::get(), 1);
        assert!(Availability::retain(&c, 1 + TRAINING_WINDOW + 5));
        run_to_block(1 + TRAINING_WINDOW + 5);
        assert!(!Availability::is_available(&c) && Availability::entries(&c).is_empty());
        assert_eq!(Chosen::<Test>::iter().count(), 0);
        assert!(!Availability::retain(&c, 1 + TRAINING_WINDOW + 50), "pruned: nothing to keep");
    });
}

#[test]
fn a_registration_tried_again_is_pruned_at_its_own_expiry() {
    new_test_ext().execute_with(|| {
        let (c, data) = artefact(16, 500);
        let e = encode(&data, 4).unwrap();
        register(c, &e, Retention::ProofData);
        let first = sole(&c).expires;
        // Short of attestations: registered again once its deadline passed.
        run_to_block(now() + ATTEST_WINDOW + 1);
        register(c, &e, Retention::ProofData);
        for h in [2, 3] {
            attest(h, &[c]).unwrap();
        }
        let second = sole(&c).expires;
        assert!(second > first);
        run_to_block(first);
        assert!(Availability::is_available(&c), "the first registration's expiry is not the second's");
        run_to_block(second);
        assert!(Availability::entry(&c).is_none());
        assert!(!Expiring::<Test>::iter().any(|_| true));
    });
}

#[test]
fn a_registration_must_fit_the_holder_set_and_the_protocols_threshold() {
    new_test_ext().execute_with(|| {
        let (c, data) = artefact(5, 4000);
        // Encoded for three holders while there are four.
        let three = encode(&data, 3).unwrap();
        assert_eq!(refusal(register_call(c, &three, Retention::ProofData, 1, 1)), InvalidTransaction::Call.into());
        // k = n: one withholder would make it unreadable while the rest attest.
        let mut greedy = encode(&data, 4).unwrap();
        greedy.commitment.k = 4;
        assert_eq!(refusal(register_call(c, &greedy, Retention::ProofData, 1, 1)), InvalidTransaction::Call.into());
        // Longer than any store takes: holders would keep shards of bytes
        // nobody could put.
        let mut long = encode(&data, 4).unwrap();
        long.commitment.len = (16 << 20) + 1;
        assert_eq!(refusal(register_call(c, &long, Retention::ProofData, 1, 1)), InvalidTransaction::Call.into());
        // After a validator set change the old encoding no longer fits.
        let four = encode(&data, 4).unwrap();
        HolderList::set(vec![1, 2, 3, 4, 5]);
        assert_eq!(refusal(register_call(c, &four, Retention::ProofData, 1, 1)), InvalidTransaction::Call.into());
        // Nor after one that keeps the size and changes the order: the
        // registrar cut shard 0 for itself and would now be asked for
        // shard 1, which it does not keep.
        HolderList::set(vec![1, 2, 3, 4]);
        let cut = register_call(c, &four, Retention::ProofData, 1, 1);
        HolderList::set(vec![2, 1, 3, 4]);
        assert_eq!(refusal(cut.clone()), InvalidTransaction::Call.into());
        let Call::register { registration, signature, payer_signature } = cut else { unreachable!() };
        assert_noop!(
            Availability::register(
                frame_system::RawOrigin::Authorized.into(),
                registration,
                signature,
                payer_signature
            ),
            Error::<Test>::WrongShape
        );
        assert!(Availability::entries(&c).is_empty());
        // Cut for the new order, it registers.
        send(register_call(c, &four, Retention::ProofData, 1, 1)).unwrap();
        assert_eq!(sole(&c).holders.to_vec(), vec![2, 1, 3, 4]);
    });
}

#[test]
fn a_one_validator_chain_runs_the_same_code() {
    new_test_ext().execute_with(|| {
        HolderList::set(vec![1]);
        let (c, data) = artefact(6, 3000);
        let e = encode(&data, 1).unwrap();
        assert_eq!((e.commitment.k, e.commitment.n), (1, 1));
        register(c, &e, Retention::TrainingData);
        assert!(Availability::is_available(&c), "the registrar's own attestation is all of them");
    });
}

#[test]
fn a_withholding_holder_is_caught_by_a_challenge_and_slashed() {
    new_test_ext().execute_with(|| {
        PerBlock::set(1);
        // Three pieces per shard, so the piece drawn matters.
        let (c, e) = available(7, 2 * 2 * erasure::PIECE_LEN as usize + 100, Retention::TrainingData);
        assert_eq!(e.commitment.pieces(), 3);
        let withholder = 4;
        let mut answered = 0;
        let mut slashed = 0;
        for _ in 0..40 {
            run_to_block(now() + 1);
            // Every holder but the withholder answers what it is asked.
            for (shard, ch) in Challenges::<Test>::iter_prefix(c).collect::<Vec<_>>() {
                if ch.holder != withholder {
                    send(answer_call(c, &e, shard, ch.due, ch.piece)).unwrap();
                    answered += 1;
                }
            }
            slashed = events()
                .iter()
                .filter(
                    |ev| matches!(ev, Event::Slashed { holder, amount, .. } if *holder == withholder && *amount > 0),
                )
                .count();
            if slashed > 0 && answered > 0 {
                break;
            }
        }
        assert!(answered > 0, "honest holders were challenged and answered");
        assert_eq!(slashed, 1, "the withholder was caught");
        assert_eq!(Bonds::<Test>::get(withholder), BOND - SLASH);
        assert_eq!(Balances::balance_on_hold(&HoldReason::HolderBond.into(), &withholder), BOND - SLASH);
        for h in [1, 2, 3] {
            assert_eq!(Bonds::<Test>::get(h), BOND, "holder {h} answered and kept its bond");
        }
        assert!(!events().iter().any(|ev| matches!(ev, Event::Slashed { holder, .. } if *holder != withholder)));
        // Below its bond its attestations stop counting until it tops up.
        let (d, data) = artefact(8, 100);
        register(d, &encode(&data, 4).unwrap(), Retention::ProofData);
        assert_eq!(
            refusal(attest_call(withholder, &[d], now(), withholder)),
            InvalidTransaction::Custom(invalid::NOTHING_NEW).into()
        );
        assert_ok!(Availability::bond(RuntimeOrigin::signed(withholder)));
        attest(withholder, &[d]).unwrap();
    });
}

#[test]
fn an_honest_holder_answering_late_in_its_window_is_never_slashed() {
    new_test_ext().execute_with(|| {
        PerBlock::set(2);
        // One artefact: its shards are drawn again as soon as answered, so an
        // answered challenge's due block comes while a later one is open.
        let (c, e) = available(14, 3 * erasure::PIECE_LEN as usize, Retention::TrainingData);
        let mut answered = 0;
        for _ in 0..40 {
            run_to_block(now() + 1);
            // Answer only what was drawn before this block: one block late.
            for (shard, ch) in Challenges::<Test>::iter_prefix(c).collect::<Vec<_>>() {
                if ch.due - ANSWER_WINDOW < now() {
                    send(answer_call(c, &e, shard, ch.due, ch.piece)).unwrap();
                    answered += 1;
                }
            }
        }
        assert!(answered > 20, "{answered} answers");
        assert!(!events().iter().any(|ev| matches!(ev, Event::Slashed { .. })), "nobody slashed");
        for h in HOLDERS {
            assert_eq!(Bonds::<Test>::get(h), BOND);
        }
    });
}

#[test]
fn a_wrong_piece_or_proof_does_not_answer_a_challenge() {
    new_test_ext().execute_with(|| {
        PerBlock::set(1);
        let (c, e) = available(9, 3 * 2 * erasure::PIECE_LEN as usize, Retention::TrainingData);
        run_to_block(now() + 1);
        let (shard, ch) = Challenges::<Test>::iter_prefix(c).next().expect("a challenge was drawn");
        let bad = |call: Call<Test>| assert_eq!(refusal(call), InvalidTransaction::BadProof.into());
        let stale = |call: Call<Test>| assert_eq!(refusal(call), InvalidTransaction::Stale.into());
        let due = ch.due;
        let honest = answer_call(c, &e, shard, due, ch.piece);
        let Call::answer { piece, piece_proof, shard_proof, .. } = honest.clone() else { unreachable!() };
        // A tampered piece.
        let mut tampered = piece.clone().into_inner();
        tampered[0] ^= 1;
        bad(Call::answer {
            commitment: c,
            shard,
            due,
            at: now(),
            piece: BoundedVec::truncate_from(tampered),
            piece_proof: piece_proof.clone(),
            shard_proof: shard_proof.clone(),
        });
        // Another piece of the same shard, with its own proof.
        let other = (ch.piece + 1) % e.commitment.pieces();
        let Call::answer { piece: p2, piece_proof: pp2, .. } = answer_call(c, &e, shard, due, other) else {
            unreachable!()
        };
        bad(Call::answer {
            commitment: c,
            shard,
            due,
            at: now(),
            piece: p2,
            piece_proof: pp2,
            shard_proof: shard_proof.clone(),
        });
        // The same piece of another shard (a holder answering with a
        // neighbour's data), with that shard's proofs.
        let next = (shard + 1) % 4;
        let Call::answer { piece: p3, piece_proof: pp3, shard_proof: sp3, .. } =
            answer_call(c, &e, next, due, ch.piece)
        else {
            unreachable!()
        };
        bad(Call::answer { commitment: c, shard, due, at: now(), piece: p3, piece_proof: pp3, shard_proof: sp3 });
        // A wrong shard proof.
        bad(Call::answer {
            commitment: c,
            shard,
            due,
            at: now(),
            piece: piece.clone(),
            piece_proof: piece_proof.clone(),
            shard_proof: e.proof(next).unwrap(),
        });
        // Another challenge's due block: none is open.
        stale(Call::answer {
            commitment: c,
            shard,
            due: due + 1,
            at: now(),
            piece: piece.clone(),
            piece_proof: piece_proof.clone(),
            shard_proof: shard_proof.clone(),
        });
        // An attempt dated ahead of the chain is refused.
        assert_eq!(
            refusal(Call::answer { commitment: c, shard, due, at: now() + 1, piece, piece_proof, shard_proof }),
            InvalidTransaction::Custom(invalid::STALE).into()
        );
        // No challenge, no answer.
        if !Challenges::<Test>::contains_key(c, next) {
            stale(answer_call(c, &e, next, due, 0));
        }
        send(honest.clone()).unwrap();
        assert!(!Challenges::<Test>::contains_key(c, shard));
        // An answer is taken once.
        stale(honest);
    });
}

#[test]
fn entries_are_pruned_after_their_window_unless_the_protocol_retains_them() {
    new_test_ext().execute_with(|| {
        let (a, ae) = available(10, 100, Retention::ProofData);
        let (b, _) = available(11, 100, Retention::ProofData);
        let (t, _) = available(12, 100, Retention::TrainingData);
        assert_eq!(LiveCount::<Test>::get(), 3);
        assert_eq!(sole(&a).expires, 1 + PROOF_WINDOW);
        // A dispute needs `b` for longer.
        assert!(Availability::retain(&b, 15));
        assert_eq!(sole(&b).expires, 15);
        assert!(Availability::retain(&b, 3), "an expiry never moves earlier");
        assert_eq!(sole(&b).expires, 15);
        assert_eq!(Duties::<Test>::get(1), 3);
        run_to_block(1 + PROOF_WINDOW);
        assert!(Availability::entry(&a).is_none() && !Availability::is_available(&a));
        assert!(events().contains(&Event::Pruned { commitment: a, encoding: ae.commitment.id() }));
        assert!(Availability::is_available(&b) && Availability::is_available(&t));
        // The live list stays dense: each entry knows its place.
        assert_eq!(LiveCount::<Test>::get(), 2);
        for i in 0..2 {
            let c = Live::<Test>::get(i).unwrap();
            assert_eq!(sole(&c).status, Status::Available { live: i });
        }
        run_to_block(15);
        assert!(Availability::entry(&b).is_none());
        run_to_block(1 + TRAINING_WINDOW);
        assert!(Availability::entry(&t).is_none());
        assert_eq!(LiveCount::<Test>::get(), 0);
        assert!(!Artefacts::<Test>::iter().any(|_| true) && !Expiring::<Test>::iter().any(|_| true));
        assert_eq!(Duties::<Test>::get(1), 0, "nothing left to answer for");
        assert_eq!(Registered::<Test>::get(1), 0);
        // A holder keeps its bond while it holds; once out, it gets it back.
        assert_noop!(Availability::unbond(RuntimeOrigin::signed(4)), Error::<Test>::StillHolding);
        HolderList::set(vec![1, 2, 3]);
        assert_ok!(Availability::unbond(RuntimeOrigin::signed(4)));
        assert_eq!(Balances::balance_on_hold(&HoldReason::HolderBond.into(), &4), 0);
    });
}

#[test]
fn a_holder_with_artefacts_to_answer_for_keeps_its_bond() {
    new_test_ext().execute_with(|| {
        let (_, _) = available(13, 100, Retention::TrainingData);
        HolderList::set(vec![1, 2, 3]);
        // Out of the set, but it attested an artefact not yet pruned.
        assert_noop!(Availability::unbond(RuntimeOrigin::signed(4)), Error::<Test>::StillHolding);
        run_to_block(1 + TRAINING_WINDOW);
        assert_ok!(Availability::unbond(RuntimeOrigin::signed(4)));
    });
}

#[test]
fn chain_storage_stays_bounded_per_payer_and_per_block() {
    new_test_ext().execute_with(|| {
        // Expiry queues take any number; pruning takes two a block, the
        // rest the blocks after.
        let mut all = Vec::new();
        for tag in 0..MAX_LIVE as u8 {
            let (c, data) = artefact(20 + tag, 64);
            register(c, &encode(&data, 4).unwrap(), Retention::ProofData);
            assert_eq!(sole(&c).expires, 7);
            all.push(c);
        }
        let live = || all.iter().filter(|c| !Availability::entries(c).is_empty()).count();
        // One payer may have only so many entries live.
        let (c, data) = artefact(99, 64);
        let e = encode(&data, 4).unwrap();
        assert_eq!(
            refusal(register_call(c, &e, Retention::ProofData, 1, 1)),
            InvalidTransaction::Custom(invalid::QUOTA).into()
        );
        // That holds nobody else up, through the same holder or another:
        // the quota is the payer's, never the validator's.
        send(paid_register_call(c, &e, Retention::ProofData, 1, 1, PAYER)).unwrap();
        // Pruning frees the first payer's room, two entries a block.
        run_to_block(6);
        assert_eq!(live(), 5);
        run_to_block(7);
        assert_eq!(live(), 3);
        let (d, data) = artefact(98, 64);
        send(register_call(d, &encode(&data, 4).unwrap(), Retention::ProofData, 1, 1)).unwrap();
        run_to_block(9);
        assert_eq!(live(), 0);
        run_to_block(10);
        assert_eq!(ExpiringLen::<Test>::iter().count(), 1, "only the blocks still to come (d's)");
    });
}

/// A flood: validators register as much as their quotas allow, all due at
/// the block a dispute's `retain` asks for, so no queue near it has room.
/// Before, `retain` then kept the old expiry, and the checkpoint the
/// dispute replays from was pruned under it.
#[test]
fn a_flood_of_expiries_cannot_make_retain_prune_early() {
    new_test_ext().execute_with(|| {
        let (c, _) = available(60, 100, Retention::TrainingData);
        let until = 25;
        // Registered at block 25 − PROOF_WINDOW, each holder's whole quota
        // (the one live entry of holder 1 aside) lands at block 25; then
        // a dispute asks to keep `c` until then (past its own expiry, 21).
        run_to_block(until - PROOF_WINDOW);
        let mut flood = Vec::new();
        for h in HOLDERS {
            let room = MAX_LIVE - Registered::<Test>::get(h);
            for i in 0..room {
                let (f, data) = artefact(100 + (h * 10 + u64::from(i)) as u8, 64);
                send(register_call(f, &encode(&data, 4).unwrap(), Retention::ProofData, h, h)).unwrap();
                flood.push(f);
            }
        }
        assert!(flood.len() as u32 > 8 * MAX_EXPIRIES, "more than the old queues near it held");
        assert_eq!(Availability::entry(&c).unwrap().expires, 1 + TRAINING_WINDOW);
        assert!(Availability::retain(&c, until));
        assert_eq!(Availability::entry(&c).unwrap().expires, until);
        // Never early: the checkpoint lives to its block, whatever the backlog.
        run_to_block(until - 1);
        assert!(Availability::is_available(&c));
        // Late under the flood, two a block, but every one goes.
        run_to_block(until + 30);
        assert!(!Availability::is_available(&c));
        assert!(flood.iter().all(|f| Availability::entries(f).is_empty()));
        assert_eq!(Expiring::<Test>::iter().count(), 0);
    });
}

#[test]
fn a_replayed_registration_cannot_bring_a_pruned_entry_back() {
    new_test_ext().execute_with(|| {
        let (c, data) = artefact(30, 64);
        let call = register_call(c, &encode(&data, 4).unwrap(), Retention::ProofData, 1, 1);
        send(call.clone()).unwrap();
        run_to_block(1 + PROOF_WINDOW);
        assert!(Availability::entry(&c).is_none());
        assert_eq!(refusal(call), InvalidTransaction::Custom(invalid::STALE).into());
    });
}

#[test]
fn a_store_key_is_set_only_by_who_holds_it_and_serves_one_holder() {
    new_test_ext().execute_with(|| {
        let proof = |key: u64, who: u64| key_of(key).sign(&key_proof_message(&who)).unwrap();
        // 5 claims holder 1's key: it cannot sign for it as 5.
        assert_noop!(
            Availability::set_key(RuntimeOrigin::signed(5), key_of(1), proof(5, 5)),
            Error::<Test>::BadKeyProof
        );
        // A proof made for another account does not carry over.
        assert_noop!(
            Availability::set_key(RuntimeOrigin::signed(5), key_of(1), proof(1, 1)),
            Error::<Test>::BadKeyProof
        );
        assert_ok!(Availability::set_key(RuntimeOrigin::signed(5), key_of(5), proof(5, 5)));
        assert_eq!(StoreKeys::<Test>::get(5), Some(key_of(5)));
        // A key held by one holder cannot be given to another even with a
        // proof (one key, one holder).
        assert_noop!(Availability::set_key(RuntimeOrigin::signed(5), key_of(1), proof(1, 5)), Error::<Test>::KeyInUse);
    });
}

#[test]
fn genesis_bonds_every_holder() {
    new_test_ext().execute_with(|| {
        for h in HOLDERS {
            assert_eq!(Bonds::<Test>::get(h), BOND);
            assert_eq!(Balances::balance_on_hold(&HoldReason::HolderBond.into(), &h), BOND);
        }
    });
}

#[test]
fn a_sessions_store_keys_are_taken_but_never_one_another_holder_has() {
    use polkadot_sdk::frame_support::traits::OneSessionHandler;
    new_test_ext().execute_with(|| {
        let (five, six) = (5u64, 6u64);
        // 5 joins with a fresh key; 6 comes with holder 1's key.
        let keys = [(&five, key_of(5)), (&six, key_of(1))];
        Availability::on_new_session(true, keys.clone().into_iter(), keys.into_iter());
        assert_eq!(StoreKeys::<Test>::get(5), Some(key_of(5)));
        assert_eq!(KeyOwner::<Test>::get(key_of(1)), Some(1), "a holder's key stays its own");
        assert_eq!(StoreKeys::<Test>::get(6), None);
        // A rotated key replaces the old one, which frees it.
        let rotated = [(&five, key_of(50))];
        Availability::on_new_session(true, rotated.clone().into_iter(), rotated.into_iter());
        assert_eq!(StoreKeys::<Test>::get(5), Some(key_of(50)));
        assert_eq!(KeyOwner::<Test>::get(key_of(5)), None);
    });
}

/// A devnet restarted with the same store keys sees its old chain's
/// registrations and attestations signed for that chain: within their
/// freshness window they would replay, so the signed message names the
/// genesis hash and those signatures do not verify here.
#[test]
fn a_payload_signed_for_another_chain_is_refused() {
    new_test_ext().execute_with(|| {
        let (c, data) = artefact(9, 600);
        let e = encode(&data, 4).unwrap();
        let registration = Registration {
            commitment: c,
            erasure: e.commitment,
            retention: Retention::ProofData,
            holder: HOLDERS[0],
            holders: current(),
            at: now(),
            payer: PAYER,
            paid_at: now(),
        };
        let elsewhere = [0x42u8; 32];
        assert_ne!(genesis().as_ref(), &elsewhere[..]);
        let payment_here = |genesis: &[u8]| {
            TestSignature(
                PAYER,
                payment_message(&genesis, &PAYER, &c, &e.commitment.id(), Retention::ProofData, &now()),
            )
        };
        let signature = key_of(HOLDERS[0]).sign(&signed_message(&elsewhere, &registration)).unwrap();
        let replayed = Call::register {
            registration: registration.clone(),
            signature,
            payer_signature: payment_here(genesis().as_ref()),
        };
        assert_eq!(refusal(replayed), InvalidTransaction::Custom(invalid::BAD_SIGNATURE).into());
        // A payment signed for another chain spends nothing here.
        let signature = key_of(HOLDERS[0]).sign(&signed_message(&genesis(), &registration)).unwrap();
        let paid_elsewhere =
            Call::register { registration: registration.clone(), signature, payer_signature: payment_here(&elsewhere) };
        assert_eq!(refusal(paid_elsewhere), InvalidTransaction::Custom(invalid::BAD_PAYMENT).into());
        let attestation = Attestation {
            holder: HOLDERS[1],
            commitments: BoundedVec::truncate_from(vec![(c, e.commitment.id())]),
            at: now(),
        };
        let signature = key_of(HOLDERS[1]).sign(&signed_message(&elsewhere, &attestation)).unwrap();
        register(c, &e, Retention::ProofData);
        assert_eq!(
            refusal(Call::attest { attestation, signature }),
            InvalidTransaction::Custom(invalid::BAD_SIGNATURE).into()
        );
        // Signed for this chain, the same payloads pass.
        assert_ok!(attest(HOLDERS[1], &[c]));
    });
}

/// Storage is paid for by whoever asks: the entry holds the payer's
/// deposit (base plus per KiB) from its registration until it is pruned,
/// or until it fails short of attestations, and its quota place with it.
#[test]
fn an_entry_holds_its_payers_deposit_until_it_is_pruned_or_fails() {
    new_test_ext().execute_with(|| {
        assert_eq!(Availability::deposit_for(0), DEPOSIT_BASE);
        assert_eq!(Availability::deposit_for(1), DEPOSIT_BASE + DEPOSIT_PER_KIB);
        assert_eq!(Availability::deposit_for(3 * 1024 + 1), DEPOSIT_BASE + 4 * DEPOSIT_PER_KIB);
        let free = Balances::free_balance(PAYER);
        let (c, data) = artefact(70, 3000);
        let e = encode(&data, 4).unwrap();
        send(paid_register_call(c, &e, Retention::ProofData, 1, 1, PAYER)).unwrap();
        let deposit = Availability::deposit_for(3000);
        assert_eq!(held(PAYER), deposit);
        assert_eq!(Balances::free_balance(PAYER), free - deposit);
        assert_eq!((Registered::<Test>::get(PAYER), Registered::<Test>::get(1)), (1, 0), "the payer's quota");
        assert_eq!(held(1), 0, "the validator pays nothing");
        // Nobody else attests: past its deadline it failed, and the payer
        // has its deposit back once it is replaced or pruned.
        run_to_block(1 + ATTEST_WINDOW + 1);
        assert!(!Availability::is_available(&c));
        // Registered again (a fresh payment, by another payer): the first
        // payer's deposit and quota place come back, the second's are held.
        send(paid_register_call(c, &e, Retention::ProofData, 1, 1, OUTSIDER)).unwrap();
        assert_eq!((held(PAYER), Balances::free_balance(PAYER)), (0, free));
        assert_eq!(Registered::<Test>::get(PAYER), 0);
        assert_eq!((held(OUTSIDER), Registered::<Test>::get(OUTSIDER)), (deposit, 1));
        // Available, then pruned after its window: released.
        for h in [2, 3] {
            attest(h, &[c]).unwrap();
        }
        assert!(Availability::is_available(&c));
        let expires = sole(&c).expires;
        run_to_block(expires);
        assert!(Availability::entries(&c).is_empty());
        assert_eq!((held(OUTSIDER), Registered::<Test>::get(OUTSIDER)), (0, 0));
    });
}

/// A payment is the payer's signature of one encoding, one class, one
/// recent block: a holder cannot spend it on junk under the same name, on a
/// shorter class, on an artefact the payer never asked for, or again after
/// the entry it paid for failed; a payer that cannot hold the deposit is
/// refused before anything is stored.
#[test]
fn a_payment_is_spent_only_on_what_its_payer_signed_while_it_is_recent() {
    new_test_ext().execute_with(|| {
        let (c, data) = artefact(71, 2000);
        let honest = encode(&data, 4).unwrap();
        let junk = encode(&[7u8; 2000], 4).unwrap();
        let signed = |e: &Encoded, retention: Retention| {
            TestSignature(PAYER, payment_message(&genesis(), &PAYER, &c, &e.commitment.id(), retention, &now()))
        };
        let bad = InvalidTransaction::Custom(invalid::BAD_PAYMENT).into();
        let with = |e: &Encoded, retention: Retention, sig: TestSignature, paid_at: u64, holder: u64| {
            signed_register_call(c, e, retention, holder, holder, PAYER, paid_at, sig)
        };
        // The honest payment, spent by a liar on junk bytes under the name.
        assert_eq!(
            refusal(with(&junk, Retention::TrainingData, signed(&honest, Retention::TrainingData), now(), 4)),
            bad
        );
        // On a shorter class.
        assert_eq!(
            refusal(with(&honest, Retention::ProofData, signed(&honest, Retention::TrainingData), now(), 4)),
            bad
        );
        // Made up: signed by somebody else in the payer's name.
        let forged = TestSignature(
            OUTSIDER,
            payment_message(&genesis(), &PAYER, &c, &honest.commitment.id(), Retention::TrainingData, &now()),
        );
        assert_eq!(refusal(with(&honest, Retention::TrainingData, forged, now(), 4)), bad);
        // For another artefact of the payer's.
        let (d, _) = artefact(72, 2000);
        let other = TestSignature(
            PAYER,
            payment_message(&genesis(), &PAYER, &d, &honest.commitment.id(), Retention::TrainingData, &now()),
        );
        assert_eq!(refusal(with(&honest, Retention::TrainingData, other, now(), 4)), bad);
        assert_eq!(held(PAYER), 0, "nothing spent");
        // The real one, as signed, pays.
        let paid_at = now();
        let payment = signed(&honest, Retention::ProofData);
        send(with(&honest, Retention::ProofData, payment.clone(), paid_at, 1)).unwrap();
        assert_eq!(held(PAYER), Availability::deposit_for(2000));
        // The entry fails short; the payment cannot pay for it again, even
        // in a registration made afresh: it is stale by then.
        run_to_block(1 + ATTEST_WINDOW + 1);
        assert_eq!(held(PAYER), Availability::deposit_for(2000), "held until replaced or pruned");
        assert_eq!(refusal(with(&honest, Retention::ProofData, payment, paid_at, 1)), bad);
        // A payer short of the deposit is refused (and the holder may tell
        // it why): nothing is held, nothing registered.
        let poor = 8;
        <Balances as polkadot_sdk::frame_support::traits::fungible::Mutate<u64>>::set_balance(&poor, DEPOSIT_BASE + 1);
        let (p, data) = artefact(73, 5000);
        let e = encode(&data, 4).unwrap();
        assert_eq!(
            refusal(paid_register_call(p, &e, Retention::ProofData, 1, 1, poor)),
            InvalidTransaction::Custom(invalid::DEPOSIT).into()
        );
        assert!(Availability::entries(&p).is_empty());
        assert_eq!(
            Availability::register(
                frame_system::RawOrigin::Authorized.into(),
                Registration {
                    commitment: p,
                    erasure: e.commitment,
                    retention: Retention::ProofData,
                    holder: 1,
                    holders: current(),
                    at: now(),
                    payer: poor,
                    paid_at: now(),
                },
                key_of(1).sign(&[]).unwrap(),
                TestSignature(poor, vec![]),
            ),
            Err(Error::<Test>::DepositUnavailable.into())
        );
        assert_eq!(held(poor), 0);
    });
}
