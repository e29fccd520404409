//! Golden roots: every fixture's commitments, pinned. Reproducibility is
//! otherwise only tested on one machine (runs, thread counts); pinning the
//! roots makes every machine that runs the suite — AVX2, AVX-512, ARM, a
//! user's, CI's — check that it computes the same bits as the one that
//! recorded them. A change that moves a root must say why in its commit
//! (and update the table: `GENSYN_GOLDEN_PRINT=1` prints it).
//!
//! Recorded on an AMD EPYC (Zen 3: AVX2, no AVX-512), on the AVX2 path.

mod common;

use common::fixtures;
use gensyn_trainer::{backend::Backend, run};

/// (fixture, spec hash, dataset root, program root, checkpoint root, step root).
const GOLDEN: &[(&str, &str, &str, &str, &str, &str)] = &[
    (
        "blobs-tiny.toml",
        "0x419ecfd1d14e976e25870da2f8fad61769f843f87bcac653e2cf3cdc0efff56a",
        "0xd30c5a83a57529159cf14eb289c79b8eed39509bbd62bdf0c2034961d191a05d",
        "0x1f71ed40d6d760957fee2209e1f13d1ae89aa402bf7778e2cad702011d1e8838",
        "0x573e0957a793567a9b9b8a895de88accd90787c7daaf71c5a9f81d8f8ef64a04",
        "0x55159632a2365a2168e60e10d569d760aeb2fc93b3bf79a92898866d36e0c4d2",
    ),
    (
        "blobs-mlp-sgd.toml",
        "0xe1dfbcc0284c4be8330bd6befbe1976b3c6cbeeb3a2ccf17d0fff9c1bcb5aa09",
        "0xc50d673f5a83d97bba35fe7b21ef7d1331727f5607e193d3da5bf4d2c0c0443e",
        "0xab1d5d67739361cf36675019f614e2a7f576f8d6c101440e8a1dd5d88837bdfa",
        "0x5a14571a6d6854fb4d0845f6d5882d26b957d22a3e1a2717b2b25c8e5daeaa5b",
        "0xe501ce03dcb0a952cd4bd2f03ce2279bd21cf1cefa9d3b46c6f8689c6443e82a",
    ),
    (
        "blobs-mlp-adamw.toml",
        "0x12409105f9900e19027d1775a458fa6a3c5d86bdfaef09641168adc8efda4f9f",
        "0x38b3f06a3daf180cf8a5ad94634041ee59a690322df750e0a9379e19328215a1",
        "0x7a1a717645afe6a9fde021dccd15b821d3eb7d2382ed7c8095bef7a2cf15cbc8",
        "0x51272340438af0b0d6be731b88579a9b38279311cb7b083c44f46d3ff84e4195",
        "0x35ec0cc6533fe3cd7fddbd3070cd758c2c6fd3de02191942c845a688950759f4",
    ),
    (
        "rings-csv.toml",
        "0x68ab81aa91aed4f2c875a18ae7d08135bf4532c5c004bbd0c34a2d13acfdf0c6",
        "0x644121b40586f548bf3e54ba95e2ffe1b217e4bea53b187c86b26229dea63fde",
        "0xc4fc4d24037f8c381545fd4af671d5a8ab9b7b2f3d95679cb595d1ab8db1fe88",
        "0x83a332cc6fd8c8f1352b37054020b5920591abea8ec5dc86fb219cfbdc419694",
        "0xaf404ec02da2f2262e4d89f72ac36cb982c2d7a7b6a7720ffb3c14258ffdbce5",
    ),
    (
        "bars-idx.toml",
        "0x8aab5e4c203fa79892190b5ed2cfe5e7741bbd798e4c00ae219e08a6848a6241",
        "0x789871e745fa852e5515023e0227e045e9737a9f10c15df9b7645f715179def1",
        "0xe41a8f881d750c9510276286c5adb643a933ecdbd0462bdb288777f52c9d31ca",
        "0x32bc48e8d7ed9ab86608be05c20691bc2f7c5e6abefd26b1efa861c987db9884",
        "0xd899e12e416c90f7a80ca40f264648b1daae063546585b6cb5f8da2d96f1c2ca",
    ),
    (
        "waves-safetensors.toml",
        "0x642d4c46e1ad0a2c9fa90a53155be40a7104cc141be16d1bbf9fd23bc8356d36",
        "0x0e7abde36f7abded74c1f0730b13b21c2530c848302f6d8921c47d9f03ff65dd",
        "0x7c20e364b496489952f5ea65a07952a4184d18c138d2c2d4d1f0cac5578cd947",
        "0x18796171d5de54f2b60ee8a159a3ae3b6bcba77a83ec6a0126cd8018c401b7b0",
        "0x0eb88333d8219b0f53e65a064dfad5c61eea69356039a2801865ef09ea2b7a0c",
    ),
    (
        "markov-transformer.toml",
        "0x396549a0eba269c49492dd69415a47808af9e7d9706f3094ad8d88e92e0a4160",
        "0x78b7c9d8c1b56e4f3b2dfbce7a91908ea28c23f04a6201525337436abaecc3ff",
        "0x017e138e634b979ecb7e353d7c8d8393f4a551b59884e17caca73fbb40f15565",
        "0xd4f9da00d3de9892a2aca6ec00a176c4897a807ccf4eb4a6df32c496c89eb830",
        "0xbd055548d04c9a1aa2b50a03cbe7e3f522044220a078daa76f5f9071ded29b06",
    ),
];

#[test]
fn every_fixture_reproduces_its_pinned_roots() {
    let names = [
        "blobs-tiny.toml",
        "blobs-mlp-sgd.toml",
        "blobs-mlp-adamw.toml",
        "rings-csv.toml",
        "bars-idx.toml",
        "waves-safetensors.toml",
        "markov-transformer.toml",
    ];
    let print = std::env::var_os("GENSYN_GOLDEN_PRINT").is_some();
    let mut table = String::new();
    for name in names {
        let out = tempfile::tempdir().unwrap();
        let m = run::train(&fixtures().join(name), out.path(), Backend::cpu(2), |_| {}).unwrap();
        let got = (m.spec_hash, m.dataset_root, m.program_root, m.checkpoint_root, m.step_root);
        table.push_str(&format!(
            "    (\n        {name:?},\n        {:?},\n        {:?},\n        {:?},\n        {:?},\n        {:?},\n    ),\n",
            got.0, got.1, got.2, got.3, got.4
        ));
        if print {
            continue;
        }
        let pinned = GOLDEN.iter().find(|g| g.0 == name).unwrap_or_else(|| panic!("{name} has no golden roots"));
        let want = (pinned.1, pinned.2, pinned.3, pinned.4, pinned.5);
        assert_eq!(got.0, want.0, "{name}: the spec file changed");
        assert_eq!(got.1, want.1, "{name}: the dataset (reader, generator or file) changed");
        assert_eq!(got.2, want.2, "{name}: the program (operator graph) changed");
        assert_eq!(got.3, want.3, "{name}: the checkpoints differ: training is not bit for bit the recorded run");
        assert_eq!(got.4, want.4, "{name}: the step records (traces) differ");
    }
    if print {
        println!("const GOLDEN: &[(&str, &str, &str, &str, &str, &str)] = &[\n{table}];");
    }
}
