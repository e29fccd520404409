//! Replay: every honest segment re-executes to its committed hash, and a
//! checkpoint with one flipped bit is caught at the segment that ends there.

mod common;

use gensyn_trainer::{
    backend::Backend,
    checkpoint::{self, hex},
    run::{self, Manifest},
    train::{checkpoint_path, load_checkpoint, write_checkpoint},
};
use std::path::Path;

fn short_spec(dir: &Path) -> std::path::PathBuf {
    let text = std::fs::read_to_string(common::fixtures().join("blobs-mlp-sgd.toml"))
        .unwrap()
        .replace("steps = 200", "steps = 40")
        .replace("checkpoint_every = 20", "checkpoint_every = 10");
    let path = dir.join("task.toml");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn honest_segments_replay_and_a_flipped_bit_is_found() {
    let tmp = std::env::temp_dir().join(format!("gensyn-replay-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).unwrap();
    let spec = short_spec(&tmp);
    let out = tmp.join("run");
    let manifest = run::train(&spec, &out, Backend::cpu(2), |_| {}).unwrap();
    assert_eq!(manifest.checkpoints.iter().map(|c| c.step).collect::<Vec<_>>(), [0, 10, 20, 30, 40]);

    for seg in 0..4 {
        let r = run::replay(&out, seg, Backend::cpu(1)).unwrap();
        assert!(r.ok(), "segment {seg}: {r:?}");
    }

    // Every checkpoint opens under the committed root, as the chain checks it.
    let unhex = |s: &str| -> [u8; 32] {
        let b: Vec<u8> = (2..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect();
        b.try_into().unwrap()
    };
    let root = unhex(&manifest.checkpoint_root);
    let n = manifest.checkpoints.len() as u32;
    for (i, c) in manifest.checkpoints.iter().enumerate() {
        let proof = gensyn_commitment::merkle::Proof { siblings: c.proof.iter().map(|s| unhex(s)).collect() };
        let leaf = gensyn_commitment::state::checkpoint_leaf(i as u32, &unhex(&c.hash));
        assert!(gensyn_commitment::merkle::verify(&root, n, i as u32, &leaf, &proof), "checkpoint {i}");
        let other = gensyn_commitment::state::checkpoint_leaf(i as u32, &[0; 32]);
        assert!(!gensyn_commitment::merkle::verify(&root, n, i as u32, &other, &proof));
    }
    assert!(run::replay(&out, 4, Backend::cpu(1)).is_err(), "there are only 4 segments");

    // A solver commits a state at step 30 with one bit flipped.
    let ckpt = checkpoint_path(&out.join("checkpoints"), 30);
    let mut state = load_checkpoint(&ckpt).unwrap();
    let w = &mut state.get_mut("layers.1.weight").unwrap().values[17];
    // (A bit well above the last: an ulp can be absorbed by the next update.)
    *w = f32::from_bits(w.to_bits() ^ (1 << 16));
    write_checkpoint(&ckpt, &state).unwrap();
    let mpath = out.join("manifest.json");
    let mut m: Manifest = serde_json::from_slice(&std::fs::read(&mpath).unwrap()).unwrap();
    m.checkpoints[3].hash = hex(&checkpoint::hash(30, &state));
    std::fs::write(&mpath, serde_json::to_vec(&m).unwrap()).unwrap();

    let verdicts: Vec<bool> = (0..4).map(|s| run::replay(&out, s, Backend::cpu(1)).unwrap().ok()).collect();
    assert_eq!(verdicts, [true, true, false, false], "found at segment 2 (steps 20→30)");
    let r = run::replay(&out, 2, Backend::cpu(1)).unwrap();
    assert!(r.start_matches && r.expected != r.got);
    std::fs::remove_dir_all(&tmp).unwrap();
}
