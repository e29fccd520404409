//! The interpreter: runs are deterministic, faults propagate to the state,
//! and every commitment opens with a proof.

use gensyn_commitment::{
    data::{Batch, DataKind, Order},
    interp::{run, run_step, run_step_lean, run_step_on, NamedState, Program},
    merkle,
    state::checkpoint_leaf,
    tensor::Tensor,
    trace::{node_leaf, trace_leaf, Node, Op, Schedule, Source},
};

fn program() -> Program {
    let sgd = Op::Sgd {
        lr: Schedule::StepDecay { lr: 0.5f32.to_bits(), gamma: 0.5f32.to_bits(), every: 2 },
        momentum: 0.9f32.to_bits(),
        weight_decay: 0,
    };
    let n = |op, out, i: Vec<Source>| Node::new(op, out, i).unwrap();
    Program {
        nodes: vec![
            n(Op::MatMul { m: 3, k: 2, n: 2, ta: false, tb: false }, 0, vec![Source::Batch(0), Source::State(1)]),
            n(Op::CrossEntropy, 1, vec![Source::Node(0), Source::Batch(1)]),
            n(Op::Const { value: 1.0f32.to_bits() }, 0, vec![]),
            n(Op::CrossEntropyGrad, 0, vec![Source::Node(1), Source::Batch(1), Source::Node(2)]),
            n(Op::MatMul { m: 2, k: 3, n: 2, ta: true, tb: false }, 0, vec![Source::Batch(0), Source::Node(3)]),
            n(sgd, 1, vec![Source::State(1), Source::Node(4), Source::State(0)]),
            n(sgd, 0, vec![Source::State(1), Source::Node(4), Source::State(0)]),
        ],
    }
}

fn init() -> NamedState {
    NamedState {
        step: 0,
        entries: vec![
            (b"v".to_vec(), Tensor::new(vec![2, 2], vec![0.0; 4]).unwrap()),
            (b"w".to_vec(), Tensor::new(vec![2, 2], vec![0.1, -0.2, 0.3, 0.05]).unwrap()),
        ],
    }
}

/// Step `s`'s batch: three of ten examples, in the order `Order` gives.
fn batch(s: u32) -> Batch {
    let order = Order { seed: 3, samples: 10, batch: 3 };
    let data: Vec<(u32, Vec<f32>)> =
        (0..10u32).map(|i| (i % 2, vec![(i % 5) as f32 - 2.0, ((i * 3) % 5) as f32 - 2.0])).collect();
    let examples: Vec<(u32, &[f32])> =
        order.batch_indices(s).iter().map(|&i| (data[i as usize].0, data[i as usize].1.as_slice())).collect();
    Batch::new(DataKind::Classification, &order, s, &examples).unwrap()
}

#[test]
fn runs_commit_and_open() {
    let p = program();
    let a = run(&p, init(), 6, 4, &batch, &mut |_, _, _| {}).unwrap();
    let b = run(&p, init(), 6, 4, &batch, &mut |_, _, _| {}).unwrap();
    assert_eq!(a.steps.root(), b.steps.root(), "deterministic");
    assert_eq!(a.checkpoints.len(), 3, "checkpoints at 0, 4, 6");
    // Loss goes down on this separable toy problem.
    let loss = |s: usize| {
        let st = &a.states[s];
        let r = run_step(&p, st, &batch(s as u32), None).unwrap();
        gensyn_commitment::exec::execute(
            &Op::CrossEntropy,
            &Default::default(),
            &[&r.outputs[0], &batch(s as u32).tensors[1]],
        )
        .unwrap()[0]
            .values[0]
    };
    assert!(loss(5) < loss(0) || loss(4) < loss(0));
    for (i, r) in a.records.iter().enumerate() {
        assert_eq!(r.before, a.states[i].commit().hash);
        assert_eq!(r.after, a.states[i + 1].commit().hash);
        assert!(merkle::verify(&a.steps.root(), 6, i as u32, &r.leaf(), &a.steps.proof(i as u32).unwrap()));
        let run = run_step(&p, &a.states[i], &batch(i as u32), None).unwrap();
        assert_eq!(run.record, *r);
        // Threads and a known state-before hash change nothing.
        let fast = run_step_on(&p, &a.states[i], Some(r.before), &batch(i as u32), None, 3).unwrap();
        assert_eq!((fast.record, fast.outputs), (run.record, run.outputs.clone()));
        // The trace's last leaf is the state after.
        assert_eq!(run.trace.node(0, p.len()), Some(trace_leaf(p.len(), &r.after)));
        // The trainer's lean step: the same record and state after, and
        // the outputs before the state tail.
        let lean = run_step_lean(&p, &a.states[i], None, &batch(i as u32), 2).unwrap();
        assert_eq!((lean.record, &lean.after), (run.record, &run.after));
        assert_eq!(lean.outputs[..], run.outputs[..run.outputs.len() - run.after.entries.len()]);
    }
    for i in 0..3u32 {
        let leaf = checkpoint_leaf(i, &a.checkpoint_state(i, 4));
        assert!(merkle::verify(&a.checkpoints.root(), 3, i, &leaf, &a.checkpoints.proof(i).unwrap()));
    }
    let tree = p.tree();
    for (i, n) in p.nodes.iter().enumerate() {
        assert!(merkle::verify(
            &tree.root(),
            p.len(),
            i as u32,
            &node_leaf(i as u32, n),
            &tree.proof(i as u32).unwrap()
        ));
    }
    // One flipped bit at step 2 changes every later state, none before.
    let c = run(&p, init(), 6, 4, &batch, &mut |s, n, t| {
        if s == 2 && n == 4 {
            t.values[0] = f32::from_bits(t.values[0].to_bits() ^ 1 << 20);
        }
    })
    .unwrap();
    assert_eq!(c.states[2].commit().hash, a.states[2].commit().hash);
    assert_ne!(c.states[3].commit().hash, a.states[3].commit().hash);
}

/// Every node's output is its own operator's on its inputs, although the
/// interpreter runs a multi-output operator once for consecutive nodes on
/// the same sources (the two SGD nodes here); a tamper of the first of
/// them does not reach the second.
#[test]
fn shared_multi_output_runs_give_each_node_its_own_output() {
    let p = program();
    let (st, b) = (init(), batch(0));
    let honest = run_step(&p, &st, &b, None).unwrap();
    for (i, node) in p.nodes.iter().enumerate() {
        let inputs: Vec<&Tensor> = node
            .inputs
            .as_slice()
            .iter()
            .map(|s| match *s {
                Source::Node(j) => &honest.outputs[j as usize],
                Source::State(e) => &st.entries[e as usize].1,
                Source::Batch(k) => &b.tensors[k as usize],
            })
            .collect();
        let ctx = gensyn_commitment::exec::Ctx { step: 0, threads: 1 };
        let alone = gensyn_commitment::exec::execute(&node.op, &ctx, &inputs).unwrap();
        assert_eq!(honest.outputs[i], alone[node.output as usize], "node {i}");
    }
    let mut flip = |n: u32, t: &mut Tensor| {
        if n == 5 {
            t.values[0] = f32::from_bits(t.values[0].to_bits() ^ 1);
        }
    };
    let tampered = run_step(&p, &st, &b, Some(&mut flip)).unwrap();
    assert_ne!(tampered.outputs[5], honest.outputs[5]);
    assert_eq!(tampered.outputs[6], honest.outputs[6]);
}
