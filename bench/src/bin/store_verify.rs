//! What the artefact store costs: every put and every read of a checkpoint
//! recomputes its state hash from the bytes (the commitment the chain
//! knows), not a hash of the file.
//!
//! `cargo run --release --manifest-path bench/Cargo.toml --bin store_verify -- [MIB]`
//!
//! Prints, in one run, for a checkpoint of MIB MiB of f32 values (default
//! 64, in 16 entries): the blob's encoding, decoding and state-hash
//! verification (`gensyn_store::open`, what a reader does) and a put into
//! a `DiskStore` (verify, then write), each against the baseline of the
//! same bytes hashed once with blake2b (`blake2b_256`, what a store
//! addressed by file hash would do) and written with `std::fs::write`.

use codec::Encode;
use gensyn_commitment::{interp::NamedState, tensor::Tensor};
use gensyn_store::{ArtefactStore, CheckpointBlob, DiskStore, Kind};

#[path = "../timing.rs"]
mod timing;
use timing::best;

fn main() {
    let mib: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(64);
    let entries = 16usize;
    let per = mib * (1 << 20) / 4 / entries;
    let side = (per as f64).sqrt() as u32;
    let state = NamedState {
        step: 10,
        entries: (0..entries)
            .map(|i| {
                let n = (side * side) as usize;
                let values = (0..n).map(|j| ((i * 31 + j) % 977) as f32 * 1e-3 - 0.4).collect();
                (format!("w{i:02}").into_bytes(), Tensor::new(vec![side, side], values).unwrap())
            })
            .collect(),
    };
    let blob = CheckpointBlob::of(&state);
    let bytes = blob.encode();
    let gb = bytes.len() as f64 / 1e9;
    let id = state.commit().hash;
    println!("checkpoint: {} entries of {side}×{side} f32, {:.1} MiB encoded", entries, bytes.len() as f64 / 1048576.0);

    let baseline = best(5, || {
        std::hint::black_box(gensyn_store::blake2b_256(&bytes));
    });
    let encode = best(5, || {
        std::hint::black_box(CheckpointBlob::of(&state).encode());
    });
    let verify = best(5, || gensyn_store::open(Kind::Checkpoint, &id, &bytes).unwrap());
    println!("  blake2b of the bytes (baseline) {:>8.2} GB/s", gb / baseline);
    println!("  encode the blob                 {:>8.2} GB/s  {:.2}× the baseline's time", gb / encode, encode / baseline);
    println!("  verify (decode + state hash)    {:>8.2} GB/s  {:.2}× the baseline's time", gb / verify, verify / baseline);

    let dir = std::env::temp_dir().join(format!("gensyn-store-bench-{}", std::process::id()));
    let store = DiskStore::open(&dir, bytes.len() + 1024, 1 << 40).unwrap();
    let plain = dir.join("plain.bin");
    let write = best(3, || std::fs::write(&plain, &bytes).unwrap());
    let held = dir.join(id.iter().map(|b| format!("{b:02x}")).collect::<String>());
    let put = best(3, || {
        // What is held already is not written again: remove it to time the write too.
        let _ = std::fs::remove_file(&held);
        store.put(Kind::Checkpoint, &bytes).unwrap();
    });
    println!("  fs::write (baseline)            {:>8.2} GB/s", gb / write);
    println!("  DiskStore::put (verify + write) {:>8.2} GB/s  {:.2}× the baseline's time", gb / put, put / write);
    let _ = std::fs::remove_dir_all(&dir);
}
