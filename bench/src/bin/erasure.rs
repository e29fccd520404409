//! What the availability layer's erasure coding costs, against a copy of
//! the same bytes measured in the same run.
//!
//! `cargo run --release --manifest-path bench/Cargo.toml --bin erasure -- [MIB] [N...]`
//!
//! For an artefact of MIB MiB (default 64) and each validator count N
//! (default 1 4 7 16): encoding into N shards with its erasure root
//! (`gensyn_availability::encode`: Reed–Solomon with the fastest engine the
//! CPU has, then a blake2b piece tree per shard), the same with the
//! portable `NoSimd` engine, and reconstruction from the k parity-heaviest
//! shards (the last k: the most decoding work) with the re-encoding check.
//! Throughput is artefact bytes per second; the baseline is `memcpy` of the
//! artefact (`Vec::clone`) and a blake2b of it. n/k is the storage overhead.

use gensyn_availability::{encode, encode_with, reconstruct};
use reed_solomon_simd::engine::NoSimd;
use std::collections::BTreeMap;

#[path = "../timing.rs"]
mod timing;
use timing::best;

fn main() {
    let mut args = std::env::args().skip(1);
    let mib: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(64);
    let counts: Vec<u16> = {
        let given: Vec<u16> = args.filter_map(|a| a.parse().ok()).collect();
        if given.is_empty() {
            vec![1, 4, 7, 16]
        } else {
            given
        }
    };
    let data: Vec<u8> = (0..mib << 20).map(|i| (i as u32).wrapping_mul(2_654_435_761).to_le_bytes()[3]).collect();
    let gb = data.len() as f64 / 1e9;
    let copy = best(5, || {
        std::hint::black_box(data.clone());
    });
    let hash = best(5, || {
        std::hint::black_box(gensyn_commitment::hash::blake2_256(&data));
    });
    println!("artefact: {mib} MiB; one thread");
    println!("  copy (baseline)      {:>7.2} GB/s", gb / copy);
    println!("  blake2b (baseline)   {:>7.2} GB/s  {:>6.1}× the copy's time", gb / hash, hash / copy);
    for n in counts {
        let e = encode(&data, n).unwrap();
        let k = e.commitment.k;
        let enc = best(3, || {
            std::hint::black_box(encode(&data, n).unwrap());
        });
        let portable = best(2, || {
            std::hint::black_box(encode_with(NoSimd::new(), &data, n).unwrap());
        });
        // The last k shards: all parity where n ≥ 2k.
        let subset: BTreeMap<u16, Vec<u8>> = (n - k..n).map(|i| (i, e.shards[i as usize].clone())).collect();
        let dec = best(3, || {
            std::hint::black_box(reconstruct(&e.commitment, &subset).unwrap());
        });
        println!(
            "  n = {n:>2}, k = {k:>2} (stored {:.2}× the artefact, shard {:.2} MiB)",
            f64::from(n) / f64::from(k),
            f64::from(e.commitment.shard_len()) / 1048576.0
        );
        println!("    encode + root        {:>7.2} GB/s  {:>6.1}× the copy's time", gb / enc, enc / copy);
        println!("    encode, NoSimd       {:>7.2} GB/s  {:>6.1}× the copy's time", gb / portable, portable / copy);
        println!("    reconstruct (last k) {:>7.2} GB/s  {:>6.1}× the copy's time", gb / dec, dec / copy);
    }
}
