//! Node execution: tiles agree with whole outputs, and arbitrary inputs
//! never panic (arbitration runs on whatever a party submits).

use gensyn_commitment::{
    exec::{execute, Ctx, ExecError},
    shape::output_dims,
    tensor::{tile_count, Layout, Tensor, TILE},
    tile::{execute_tile, reads, reads_of, worst_case, Partial},
    trace::{Node, Op, Schedule, Source},
};
use proptest::prelude::*;
use rand::{rngs::SmallRng, Rng, SeedableRng};

fn rand_tensor(rng: &mut SmallRng, dims: &[u32]) -> Tensor {
    let n: u32 = dims.iter().product();
    Tensor::new(dims.to_vec(), (0..n).map(|_| rng.gen_range(-2.0f32..2.0)).collect()).unwrap()
}

fn bits(v: f32) -> u32 {
    v.to_bits()
}

/// A shape-correct input set for every operator, rows × n.
fn cases(rng: &mut SmallRng, rows: u32, n: u32) -> Vec<(Op, Vec<Tensor>)> {
    let x = rand_tensor(rng, &[rows, n]);
    let y = rand_tensor(rng, &[rows, n]);
    let v = rand_tensor(rng, &[n]);
    let targets = Tensor::new(vec![rows], (0..rows).map(|i| (i % n) as f32).collect()).unwrap();
    let sched = Schedule::WarmupLinear { lr: bits(0.1), warmup: 3, total: 10 };
    let stats = execute(&Op::LayerNorm { eps: bits(1e-5) }, &Ctx::default(), &[&x, &v, &v]).unwrap()[1].clone();
    let logp = execute(&Op::LogSoftmax, &Ctx::default(), &[&x]).unwrap()[0].clone();
    let ids = Tensor::new(vec![rows], (0..rows).map(|i| (i % 5) as f32).collect()).unwrap();
    let table = rand_tensor(rng, &[5, n]);
    let qkv = rand_tensor(rng, &[rows, 3 * n]);
    let dout = rand_tensor(rng, &[rows, n]);
    // Two sequences of two heads, where the shape allows.
    let (batch, heads) = (if rows % 2 == 0 { 2 } else { 1 }, if n % 2 == 0 { 2 } else { 1 });
    let seq = rows / batch;
    let m = execute(&Op::RowMax, &Ctx::default(), &[&x]).unwrap()[0].clone();
    let sums = execute(&Op::RowSumExp, &Ctx::default(), &[&x, &m]).unwrap()[0].clone();
    // The three nodes of a log-softmax give its bits.
    let from = execute(&Op::LogSoftmaxFrom, &Ctx::default(), &[&x, &m, &sums]).unwrap()[0].clone();
    let whole = execute(&Op::LogSoftmax, &Ctx::default(), &[&x]).unwrap()[0].clone();
    assert_eq!(
        from.values.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
        whole.values.iter().map(|v| v.to_bits()).collect::<Vec<_>>()
    );
    // Attention's gradient as its two halves gives its bits.
    let astats =
        execute(&Op::AttentionStats { batch, seq, heads }, &Ctx::default(), &[&qkv, &dout]).unwrap()[0].clone();
    let from = execute(&Op::AttentionGradFrom { batch, seq, heads }, &Ctx::default(), &[&qkv, &dout, &astats]).unwrap();
    let fused = execute(&Op::AttentionGrad { batch, seq, heads }, &Ctx::default(), &[&qkv, &dout]).unwrap();
    let bits_of = |t: &Tensor| t.values.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits_of(&from[0]), bits_of(&fused[0]), "attention gradient from its statistics");
    vec![
        (Op::AttentionStats { batch, seq, heads }, vec![qkv.clone(), dout.clone()]),
        (Op::AttentionGradFrom { batch, seq, heads }, vec![qkv.clone(), dout.clone(), astats]),
        (Op::RowMax, vec![x.clone()]),
        (Op::RowSumExp, vec![x.clone(), m.clone()]),
        (Op::LogSoftmaxFrom, vec![x.clone(), m, sums]),
        (Op::Attention { batch, seq, heads }, vec![qkv.clone()]),
        (Op::AttentionGrad { batch, seq, heads }, vec![qkv.clone(), dout.clone()]),
        (Op::MatMul { m: rows, k: n, n: 3 * n, ta: false, tb: false }, vec![x.clone(), rand_tensor(rng, &[n, 3 * n])]),
        (Op::MatMul { m: n, k: rows, n: 3 * n, ta: true, tb: false }, vec![x.clone(), qkv.clone()]),
        (Op::MatMul { m: rows, k: 3 * n, n: rows, ta: false, tb: true }, vec![qkv.clone(), qkv.clone()]),
        (Op::MatMul { m: rows, k: n, n: rows, ta: false, tb: true }, vec![x.clone(), y.clone()]),
        (Op::MatMul { m: n, k: rows, n, ta: true, tb: false }, vec![x.clone(), y.clone()]),
        (Op::Add, vec![x.clone(), y.clone()]),
        (Op::Mul, vec![x.clone(), y.clone()]),
        (Op::BiasAdd, vec![x.clone(), v.clone()]),
        (Op::BiasGrad, vec![x.clone()]),
        (Op::Relu, vec![x.clone()]),
        (Op::ReluGrad, vec![x.clone(), y.clone()]),
        (Op::Gelu, vec![x.clone()]),
        (Op::GeluGrad, vec![x.clone(), y.clone()]),
        (Op::Softmax, vec![x.clone()]),
        (Op::SoftmaxGrad, vec![x.clone(), y.clone()]),
        (Op::LogSoftmax, vec![x.clone()]),
        (Op::CrossEntropy, vec![x.clone(), targets.clone()]),
        (Op::CrossEntropyGrad, vec![logp, targets.clone(), Tensor::scalar(1.0)]),
        (Op::Sum, vec![x.clone()]),
        (Op::Mean, vec![x.clone()]),
        (Op::LayerNorm { eps: bits(1e-5) }, vec![x.clone(), v.clone(), v.clone()]),
        (Op::LayerNormGrad, vec![x.clone(), v.clone(), stats, y.clone()]),
        (Op::Embedding, vec![ids.clone(), table.clone()]),
        (Op::EmbeddingGrad { vocab: 5 }, vec![ids, x.clone()]),
        (Op::Attention { batch: 1, seq: rows, heads: 1 }, vec![qkv.clone()]),
        (Op::AttentionGrad { batch: 1, seq: rows, heads: 1 }, vec![qkv, dout]),
        (Op::Accumulate, vec![x.clone(), y.clone()]),
        (Op::Sgd { lr: sched, momentum: bits(0.9), weight_decay: bits(1e-4) }, vec![x.clone(), y.clone(), x.clone()]),
        (
            Op::AdamW { lr: sched, beta1: bits(0.9), beta2: bits(0.999), eps: bits(1e-8), weight_decay: bits(0.01) },
            vec![x.clone(), y.clone(), x.clone(), y.clone()],
        ),
    ]
}

/// The tiles `reads_of` names, opened from the whole inputs.
fn opened(op: &Op, inputs: &[Tensor], output: u8, tile: u32) -> Result<Vec<Partial>, ExecError> {
    let refs: Vec<&Tensor> = inputs.iter().collect();
    let want = reads_of(op, &refs, output, tile)?;
    Ok(inputs.iter().zip(&want).map(|(t, w)| Partial::some(t, w)).collect())
}

#[test]
fn every_tile_from_its_reads_equals_the_whole_output() {
    let mut rng = SmallRng::seed_from_u64(7);
    for (rows, n) in [(3, 4), (40, 70), (33, 65), (64, 96), (1, 1100)] {
        for (op, inputs) in cases(&mut rng, rows, n) {
            let refs: Vec<&Tensor> = inputs.iter().collect();
            let dims: Vec<&[u32]> = inputs.iter().map(|t| t.dims.as_slice()).collect();
            let ctx = Ctx::at(4);
            let outs = execute(&op, &ctx, &refs).unwrap_or_else(|e| panic!("{op:?}: {e:?}"));
            assert_eq!(outs.len(), op.outputs(), "{op:?}");
            let inferred = output_dims(&op, &dims).unwrap();
            for (o, out) in outs.iter().enumerate() {
                assert_eq!(inferred[o], out.dims, "{op:?} output {o} shape");
                let l = Layout::of(&out.dims).unwrap();
                let bound = worst_case(&op, &dims, o as u8).unwrap();
                for t in 0..l.tiles() {
                    let parts = opened(&op, &inputs, o as u8, t).unwrap();
                    let prefs: Vec<&Partial> = parts.iter().collect();
                    let got =
                        execute_tile(&op, &ctx, &prefs, o as u8, t).unwrap_or_else(|e| panic!("{op:?} {o} {t}: {e:?}"));
                    let a: Vec<u32> = got.iter().map(|v| v.to_bits()).collect();
                    let b: Vec<u32> = l.gather(&out.values, t).iter().map(|v| v.to_bits()).collect();
                    assert_eq!(a, b, "{op:?} output {o} tile {t} ({rows}×{n})");
                    // Within the bound the chain checks programs against.
                    let opened_tiles: u64 = parts.iter().map(|p| p.known().count() as u64).sum();
                    assert!(opened_tiles <= bound.tiles, "{op:?} output {o} tile {t}: {opened_tiles} > {bound:?}");
                    // Without any one of the tiles it reads, it cannot be computed.
                    for (i, p) in parts.iter().enumerate() {
                        if let Some(drop) = p.known().next() {
                            let mut fewer = parts.clone();
                            fewer[i] = Partial::some(&inputs[i], &p.known().filter(|&k| k != drop).collect::<Vec<_>>());
                            let frefs: Vec<&Partial> = fewer.iter().collect();
                            assert_eq!(
                                execute_tile(&op, &ctx, &frefs, o as u8, t),
                                Err(ExecError::Missing),
                                "{op:?} {i}"
                            );
                        }
                    }
                }
                let whole: Vec<Partial> = inputs.iter().map(Partial::whole).collect();
                let wrefs: Vec<&Partial> = whole.iter().collect();
                assert_eq!(execute_tile(&op, &ctx, &wrefs, o as u8, l.tiles()), Err(ExecError::NoSuchOutput));
            }
            let whole: Vec<Partial> = inputs.iter().map(Partial::whole).collect();
            let wrefs: Vec<&Partial> = whole.iter().collect();
            assert!(execute_tile(&op, &ctx, &wrefs, op.outputs() as u8, 0).is_err());
            // Every node built from the op is well formed with earlier inputs only.
            let srcs: Vec<Source> = (0..op.arity() as u32).map(Source::Node).collect();
            let node = Node::new(op, 0, srcs).unwrap();
            assert!(node.well_formed(op.arity() as u32));
            assert!(!node.well_formed(0));
        }
    }
}

/// The partial of tile `t` over `range` of its axis from `acc`, computed
/// from exactly the tiles `leaf_reads` names.
fn leaf_of(op: &Op, inputs: &[Tensor], o: u8, t: u32, range: std::ops::Range<u32>, acc: &[f32]) -> (Vec<f32>, u64) {
    use gensyn_commitment::reduction::{leaf, leaf_reads};
    let dims: Vec<&[u32]> = inputs.iter().map(|t| t.dims.as_slice()).collect();
    let parts: Vec<Partial> = (0..inputs.len())
        .map(|i| Partial::some(&inputs[i], &leaf_reads(op, &dims, o, t, range.clone(), i).unwrap()))
        .collect();
    let opened = parts.iter().map(|p| p.known().count() as u64).sum();
    let refs: Vec<&Partial> = parts.iter().collect();
    (leaf(op, &refs, o, t, range, acc).unwrap_or_else(|e| panic!("{op:?} {o} {t}: {e:?}")), opened)
}

#[test]
fn a_reduction_tile_is_its_leaves_folded_or_summed_up_its_tree() {
    use gensyn_commitment::reduction::{combine, left_len, reduction, worst_leaf, Mode, CHUNK};
    let mut rng = SmallRng::seed_from_u64(5);
    let mut seen = std::collections::BTreeSet::new();
    for (rows, n) in [(40, 70), (64, 96), (33, 65)] {
        for (op, inputs) in cases(&mut rng, rows, n) {
            let refs: Vec<&Tensor> = inputs.iter().collect();
            let dims: Vec<&[u32]> = inputs.iter().map(|t| t.dims.as_slice()).collect();
            let outs = execute(&op, &Ctx::at(4), &refs).unwrap();
            for (o, out) in outs.iter().enumerate() {
                let Some(red) = reduction(&op, &dims, o as u8).unwrap() else { continue };
                seen.insert(format!("{op:?}").split([' ', '{']).next().unwrap().to_string() + &o.to_string());
                let bound = worst_leaf(&op, &dims, o as u8).unwrap();
                let l = Layout::of(&out.dims).unwrap();
                for t in 0..l.tiles() {
                    let want: Vec<u32> = l.gather(&out.values, t).iter().map(|v| v.to_bits()).collect();
                    let zeros = vec![gensyn_commitment::reduction::start(&op); l.tile_len(t)];
                    let got = match red.mode {
                        // The accumulator over uneven runs, each continued from the last.
                        Mode::Fold => {
                            let mut acc = zeros.clone();
                            let mut lo = 0;
                            while lo < red.len {
                                let hi = (lo + rng.gen_range(1..=CHUNK)).min(red.len);
                                let (next, opened) = leaf_of(&op, &inputs, o as u8, t, lo..hi, &acc);
                                assert!(opened <= bound.tiles, "{op:?}: {opened} > {bound:?}");
                                acc = next;
                                lo = hi;
                            }
                            acc
                        }
                        // The root from the canonical tree's nodes, leaves at CHUNK.
                        Mode::Tree => {
                            fn node(f: &dyn Fn(u32, u32) -> Vec<f32>, lo: u32, len: u32) -> Vec<f32> {
                                if len <= CHUNK {
                                    return f(lo, len);
                                }
                                let l = left_len(len);
                                combine(&node(f, lo, l), &node(f, lo + l, len - l)).unwrap()
                            }
                            let f = |lo: u32, len: u32| {
                                let (v, opened) = leaf_of(&op, &inputs, o as u8, t, lo..lo + len, &zeros);
                                assert!(len > CHUNK || opened <= bound.tiles, "{op:?}: {opened} > {bound:?}");
                                v
                            };
                            // A leaf over a whole node is that node, too.
                            let whole = f(0, red.len);
                            let tree = node(&f, 0, red.len);
                            assert_eq!(whole, tree);
                            tree
                        }
                    };
                    let got: Vec<u32> = got.iter().map(|v| v.to_bits()).collect();
                    assert_eq!(got, want, "{op:?} output {o} tile {t} ({rows}×{n})");
                }
            }
        }
    }
    let all = ["BiasGrad0", "EmbeddingGrad0", "LayerNormGrad1", "LayerNormGrad2", "MatMul0", "RowMax0", "RowSumExp0"];
    assert_eq!(seen.into_iter().collect::<Vec<_>>(), all);
}

#[test]
fn a_reduction_has_a_game_only_where_its_leaves_can_be_read() {
    use gensyn_commitment::reduction::{leaf_reads, reduction, worst_leaf};
    // A dot product whose second operand is stored flat (a vector, not
    // k × 1): its strips cannot be cut, so it has no game (and a program
    // with it is arbitrable only if its whole tile fits).
    let op = Op::MatMul { m: 1, k: 5000, n: 1, ta: false, tb: false };
    assert_eq!(reduction(&op, &[&[1, 5000], &[5000]], 0), Ok(None));
    assert!(reduction(&op, &[&[1, 5000], &[5000, 1]], 0).unwrap().is_some());
    // Wherever there is a game, every leaf of every tile can be read.
    let mut rng = SmallRng::seed_from_u64(13);
    for (rows, n) in [(40, 70), (64, 96)] {
        for (op, inputs) in cases(&mut rng, rows, n) {
            let dims: Vec<&[u32]> = inputs.iter().map(|t| t.dims.as_slice()).collect();
            for o in 0..op.outputs() as u8 {
                if let Some(red) = reduction(&op, &dims, o).unwrap() {
                    assert!(worst_leaf(&op, &dims, o).is_ok());
                    let out = &gensyn_commitment::shape::output_dims(&op, &dims).unwrap()[o as usize];
                    for t in 0..tile_count(out) {
                        for i in 0..dims.len() {
                            assert!(leaf_reads(&op, &dims, o, t, red.len - 1..red.len, i).is_ok(), "{op:?}");
                        }
                    }
                }
            }
        }
    }
    // An embedding gradient over a large table is not one whole tile: the
    // bound prices the table it would build.
    let eg = Op::EmbeddingGrad { vocab: 50_257 };
    let whole = worst_case(&eg, &[&[512], &[512, 768]], 0).unwrap();
    assert!(whole.work > 50_257 * 768 * 16, "{whole:?}");
}

#[test]
fn a_tile_reads_a_strip_not_the_whole_input() {
    // The point of the layout: a matmul tile of a 768-wide product reads a
    // 32-row strip and a 32-column strip, elementwise tiles read one tile.
    let dims_a: &[u32] = &[8192, 768];
    let dims_w: &[u32] = &[768, 2304];
    let mm = Op::MatMul { m: 8192, k: 768, n: 2304, ta: false, tb: false };
    let b = worst_case(&mm, &[dims_a, dims_w], 0).unwrap();
    assert_eq!(b.tiles, 48);
    let adam = Op::AdamW { lr: Schedule::Constant { lr: 0 }, beta1: 0, beta2: 0, eps: 0, weight_decay: 0 };
    let table: &[u32] = &[50_257, 768];
    assert_eq!(worst_case(&adam, &[table; 4], 1).unwrap().tiles, 4);
    assert!(tile_count(table) as usize > 37_000 && TILE == 1024);
}
#[test]
fn thread_count_never_changes_a_bit() {
    // Large enough that matmul and the elementwise and row operators take
    // their multi-threaded paths. (Attention splits by sequence, and these
    // cases have one; gensyn-kernels' tests cover its threads.)
    let mut rng = SmallRng::seed_from_u64(11);
    for (rows, n) in [(256, 160), (67, 131)] {
        for (op, inputs) in cases(&mut rng, rows, n) {
            let refs: Vec<&Tensor> = inputs.iter().collect();
            let one = execute(&op, &Ctx::at(4), &refs).unwrap();
            for threads in [2, 3] {
                let many = execute(&op, &Ctx { step: 4, threads }, &refs).unwrap();
                for (a, b) in one.iter().zip(&many) {
                    let bits = |t: &Tensor| t.values.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
                    assert!(a.dims == b.dims && bits(a) == bits(b), "{op:?} on {threads} threads");
                }
            }
        }
    }
}

#[test]
fn bad_indices_and_shapes_are_errors() {
    let x = Tensor::new(vec![2, 3], vec![0.0; 6]).unwrap();
    let t = |v: Vec<f32>| Tensor::new(vec![v.len() as u32], v).unwrap();
    assert_eq!(execute(&Op::CrossEntropy, &Ctx::default(), &[&x, &t(vec![0.0, 3.0])]), Err(ExecError::Index));
    assert_eq!(execute(&Op::CrossEntropy, &Ctx::default(), &[&x, &t(vec![0.0, 1.5])]), Err(ExecError::Index));
    assert_eq!(execute(&Op::CrossEntropy, &Ctx::default(), &[&x, &t(vec![-1.0, 1.0])]), Err(ExecError::Index));
    assert_eq!(execute(&Op::CrossEntropy, &Ctx::default(), &[&x, &t(vec![0.0])]), Err(ExecError::Shape));
    assert_eq!(execute(&Op::Add, &Ctx::default(), &[&x]), Err(ExecError::Arity));
    assert_eq!(execute(&Op::Add, &Ctx::default(), &[&x, &t(vec![1.0; 6])]), Err(ExecError::Shape));
    let mm = Op::MatMul { m: 2, k: 3, n: u32::MAX, ta: false, tb: false };
    assert_eq!(execute(&mm, &Ctx::default(), &[&x, &x]), Err(ExecError::Shape));
}

fn arb_tensor() -> impl Strategy<Value = Tensor> {
    prop::collection::vec(0u32..5, 0..3).prop_flat_map(|dims| {
        let n: usize = dims.iter().map(|d| *d as usize).product();
        prop::collection::vec(
            prop_oneof![Just(0.0f32), Just(1.0), Just(4.0), Just(-1.0), Just(f32::NAN), any::<f32>()],
            n,
        )
        .prop_map(move |v| Tensor::new(dims.clone(), v).unwrap())
    })
}

fn arb_op() -> impl Strategy<Value = Op> {
    let s = Schedule::Constant { lr: 0.1f32.to_bits() };
    prop_oneof![
        (0u32..6, 0u32..6, 0u32..6, any::<bool>(), any::<bool>()).prop_map(|(m, k, n, ta, tb)| Op::MatMul {
            m,
            k,
            n,
            ta,
            tb
        }),
        any::<u32>().prop_map(|value| Op::Const { value }),
        Just(Op::Add),
        Just(Op::Mul),
        Just(Op::BiasAdd),
        Just(Op::BiasGrad),
        Just(Op::Relu),
        Just(Op::ReluGrad),
        Just(Op::Gelu),
        Just(Op::GeluGrad),
        Just(Op::Softmax),
        Just(Op::SoftmaxGrad),
        Just(Op::LogSoftmax),
        Just(Op::CrossEntropy),
        Just(Op::CrossEntropyGrad),
        Just(Op::Sum),
        Just(Op::Mean),
        Just(Op::LayerNorm { eps: 1e-5f32.to_bits() }),
        Just(Op::LayerNormGrad),
        Just(Op::Embedding),
        (0u32..4, 0u32..4, 0u32..4).prop_map(|(batch, seq, heads)| Op::Attention { batch, seq, heads }),
        (0u32..4, 0u32..4, 0u32..4).prop_map(|(batch, seq, heads)| Op::AttentionGrad { batch, seq, heads }),
        Just(Op::Accumulate),
        (0u32..6).prop_map(|vocab| Op::EmbeddingGrad { vocab }),
        Just(Op::Sgd { lr: s, momentum: 0, weight_decay: 0 }),
        Just(Op::AdamW { lr: s, beta1: 0, beta2: 0, eps: 0, weight_decay: 0 }),
        Just(Op::RowMax),
        Just(Op::RowSumExp),
        Just(Op::LogSoftmaxFrom),
        (0u32..4, 0u32..4, 0u32..4).prop_map(|(batch, seq, heads)| Op::AttentionStats { batch, seq, heads }),
        (0u32..4, 0u32..4, 0u32..4).prop_map(|(batch, seq, heads)| Op::AttentionGradFrom { batch, seq, heads }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]
    /// Whatever a party submits, execution returns (Ok or Err) and never panics.
    #[test]
    fn arbitrary_inputs_never_panic(op in arb_op(), inputs in prop::collection::vec(arb_tensor(), 0..5), out in 0u8..4, tile in 0u32..3) {
        let refs: Vec<&Tensor> = inputs.iter().collect();
        let dims: Vec<&[u32]> = inputs.iter().map(|t| t.dims.as_slice()).collect();
        // Shape inference is exact: the shapes execution produces.
        if let Ok(outs) = execute(&op, &Ctx::at(3), &refs) {
            let inferred = output_dims(&op, &dims).unwrap();
            prop_assert_eq!(inferred, outs.iter().map(|o| o.dims.clone()).collect::<Vec<_>>());
        }
        let _ = worst_case(&op, &dims, out);
        let whole: Vec<Partial> = inputs.iter().map(Partial::whole).collect();
        let some: Vec<Partial> = inputs.iter().map(|t| Partial::some(t, &[tile, tile + 1])).collect();
        for parts in [whole, some] {
            let prefs: Vec<&Partial> = parts.iter().collect();
            for i in 0..prefs.len() {
                let _ = reads(&op, &prefs, out, tile, i);
            }
            let _ = execute_tile(&op, &Ctx::at(3), &prefs, out, tile);
        }
    }
}

/// Native time of the largest matmul arbitration allows (10^8 multiply-adds):
/// `cargo test --release -p gensyn-commitment --test exec -- --ignored --nocapture`
#[test]
#[ignore]
fn measure_max_arbitration() {
    let n = 464u32; // 464³ ≈ 10^8
    let mut rng = SmallRng::seed_from_u64(1);
    let a = rand_tensor(&mut rng, &[n, n]);
    let b = rand_tensor(&mut rng, &[n, n]);
    let op = Op::MatMul { m: n, k: n, n, ta: false, tb: false };
    let t = std::time::Instant::now();
    let out = execute(&op, &Ctx::default(), &[&a, &b]).unwrap();
    let whole = t.elapsed();
    let t = std::time::Instant::now();
    let h = out[0].hash();
    let hash = t.elapsed();
    let t = std::time::Instant::now();
    let (pa, pb) = (Partial::whole(&a), Partial::whole(&b));
    let tile = execute_tile(&op, &Ctx::default(), &[&pa, &pb], 0, 7).unwrap();
    let one_tile = t.elapsed();
    println!(
        "matmul {n}³ ({:.1e} mul-adds): {:.1} ms whole, {:.2} ms one tile, hash {:.2} ms ({})",
        (n as f64).powi(3),
        whole.as_secs_f64() * 1e3,
        one_tile.as_secs_f64() * 1e3,
        hash.as_secs_f64() * 1e3,
        tile.len() + h.len()
    );
}

#[test]
fn output_len_is_exact_and_work_bounds_outputs() {
    let mut rng = SmallRng::seed_from_u64(9);
    for (rows, n) in [(3, 4), (40, 70)] {
        for (op, inputs) in cases(&mut rng, rows, n) {
            let refs: Vec<&Tensor> = inputs.iter().collect();
            let dims: Vec<&[u32]> = inputs.iter().map(|t| t.dims.as_slice()).collect();
            let outs = execute(&op, &Ctx::default(), &refs).unwrap();
            let biggest = outs.iter().map(|o| o.values.len() as u64).max().unwrap();
            assert!(gensyn_commitment::exec::output_len(&op, &dims, false) >= biggest, "{op:?}");
        }
    }
    // An outer product with tiny inputs and a huge output is priced by its output.
    let op = Op::MatMul { m: 100_000, k: 1, n: 100_000, ta: false, tb: false };
    assert!(gensyn_commitment::exec::work(&op, &[&[100_000, 1], &[1, 100_000]], false) > 100_000_000_000);
    let op = Op::EmbeddingGrad { vocab: u32::MAX };
    assert!(gensyn_commitment::exec::work(&op, &[&[1], &[1, 1000]], false) > 1_000_000_000_000);
}
