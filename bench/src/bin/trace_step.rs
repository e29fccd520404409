//! What tracing costs: `gensyn train` runs every step as the canonical
//! program (on the CPU the program is the step: no candle graph beside it)
//! and hashes every node output into the step's trace, by tiles.
//!
//! `cargo run --release --manifest-path bench/Cargo.toml --bin trace_step -- THREADS`
//!
//! Prints, in one run: ms per step of the same transformer untraced (the
//! baseline: what `lm_step` measures) and traced (what `gensyn train`
//! does), with traced / untraced; then the tensor hash's throughput against
//! a baseline computing the same hash with the RustCrypto `blake2` crate,
//! one tile after another.

use blake2::{digest::consts::U32, Blake2b, Digest};
use gensyn_commitment::tensor;
use gensyn_trainer::{backend::Backend, spec::TaskSpec, train::Trainer};
use std::time::Instant;

#[path = "../step_bench.rs"]
#[allow(dead_code)] // the timing loop and PyTorch columns are the other benches'
mod step_bench;

#[path = "../lm_shapes.rs"]
mod lm_shapes;

use lm_shapes::{spec, SHAPES};

/// Milliseconds per step of a whole run of `spec`, traced or not.
fn run_ms(spec: &TaskSpec, threads: usize, traced: bool) -> f64 {
    let mut tr = Trainer::new(spec, Backend::cpu(threads)).unwrap();
    if traced {
        tr = tr.with_trace();
    }
    let t = Instant::now();
    tr.run(None, |_| {}).unwrap();
    t.elapsed().as_secs_f64() * 1e3 / spec.train.steps as f64
}

/// The tensor hash with the `blake2` crate, tile by tile (the scheme's
/// leaf and node encodings, written out).
fn blake2_crate_hash(dims: &[u32], values: &[f32]) -> [u8; 32] {
    let leaf = |domain: &[u8], body: &dyn Fn(&mut Blake2b<U32>)| -> [u8; 32] {
        let mut h = Blake2b::<U32>::new();
        h.update([0u8]);
        h.update((domain.len() as u32).to_le_bytes());
        h.update(domain);
        body(&mut h);
        h.finalize().into()
    };
    let layout = tensor::Layout::of(dims).expect("a shape");
    let mut level: Vec<[u8; 32]> = (0..layout.tiles())
        .map(|i| layout.gather(values, i))
        .map(|t| {
            leaf(b"tile", &|h| {
                let bytes: Vec<u8> = t.iter().flat_map(|v| v.to_le_bytes()).collect();
                h.update(&bytes);
            })
        })
        .collect();
    let tiles = level.len() as u32;
    while level.len() > 1 {
        level = level
            .chunks(2)
            .map(|p| match p {
                [l, r] => {
                    let mut h = Blake2b::<U32>::new();
                    h.update([1u8]);
                    h.update(l);
                    h.update(r);
                    h.finalize().into()
                }
                [l] => *l,
                _ => unreachable!(),
            })
            .collect();
    }
    let root = level.first().copied().unwrap_or([0; 32]);
    leaf(b"tensor", &|h| {
        h.update((dims.len() as u32).to_le_bytes());
        for d in dims {
            h.update(d.to_le_bytes());
        }
        h.update(tiles.to_le_bytes());
        h.update(root);
    })
}

fn main() {
    let threads = step_bench::threads_from_args();
    println!(
        "{:>36} {:>16} {:>16} {:>8}",
        "d/heads/layers/seq/vocab (batch)", "untraced ms/step", "traced ms/step", "ratio"
    );
    for shape in SHAPES {
        let steps = if shape.dim >= 256 { 6 } else { 12 };
        let s = spec(shape, steps);
        // One untimed run of each warms the allocator and the caches.
        run_ms(&spec(shape, 1), threads, true);
        let (plain, traced) = (run_ms(&s, threads, false), run_ms(&s, threads, true));
        let lm_shapes::Shape { dim, heads, layers, seq, vocab, batch } = shape;
        println!(
            "{:>36} {:>16.2} {:>16.2} {:>8.2}",
            format!("{dim}/{heads}/{layers}/{seq}/{vocab} ({batch})"),
            plain,
            traced,
            traced / plain
        );
    }

    // A vector (runs of 1024 values) and a 2048 × 2048 matrix (32 × 32
    // tiles, each gathered from 32 rows): the same 16 MiB.
    let values: Vec<f32> = (0..(4usize << 20)).map(|i| (i as f32).sin()).collect();
    let mb = values.len() as f64 * 4.0 / 1e6;
    let time = |f: &dyn Fn() -> [u8; 32]| {
        let t = Instant::now();
        let h = f();
        (mb / 1e3 / t.elapsed().as_secs_f64(), h)
    };
    println!();
    for dims in [vec![values.len() as u32], vec![2048u32, 2048]] {
        let (base, want) = time(&|| blake2_crate_hash(&dims, &values));
        let (ours1, h1) = time(&|| tensor::hash_parallel(&dims, &values, 1));
        let (ours, h) = time(&|| tensor::hash_parallel(&dims, &values, threads));
        assert!(h1 == want && h == want, "the same hash");
        println!("tensor hash, 16 MiB as {dims:?}: blake2 crate {base:.2} GB/s; ours {ours1:.2} GB/s on 1 thread ({:.2}x), {ours:.2} GB/s on {threads} ({:.2}x)", ours1 / base, ours / base);
    }
}
