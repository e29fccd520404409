//! Dataset files: each reader feeds a task that learns, a run folder
//! replays from its own copy of the spec, and broken files name the problem.

mod common;

use common::fixtures;
use gensyn_trainer::{backend::Backend, readers, run, spec::TaskSpec, train::Trainer};
use std::path::PathBuf;

#[test]
fn every_reader_feeds_a_task_that_learns() {
    for (name, dim, classes, n) in
        [("rings-csv.toml", 2, 3, 600), ("bars-idx.toml", 64, 4, 800), ("waves-safetensors.toml", 5, 4, 512)]
    {
        let spec = TaskSpec::from_file(&fixtures().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut trainer = Trainer::new(&spec, Backend::cpu(2)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let d = trainer.data();
        assert_eq!((d.dim, d.classes, d.len()), (dim, classes, n), "{name}");
        let report = trainer.run(None, |_| {}).unwrap();
        let avg = |v: &[f32]| v.iter().sum::<f32>() / v.len() as f32;
        let (first, last) = (avg(&report.losses[..10]), avg(&report.losses[report.losses.len() - 10..]));
        assert!(last < 0.6 * first, "{name}: loss {first} → {last}");
    }
}

#[test]
fn a_run_folder_replays_with_its_data() {
    let tmp = std::env::temp_dir().join(format!("gensyn-readers-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let out = tmp.join("run");
    let manifest = run::train(&fixtures().join("bars-idx.toml"), &out, Backend::cpu(2), |_| {}).unwrap();
    assert!(manifest.dataset_root.starts_with("0x") && manifest.data_dir.is_some());
    for seg in 0..3 {
        assert!(run::replay(&out, seg, Backend::cpu(1)).unwrap().ok(), "segment {seg}");
    }
    let _ = std::fs::remove_dir_all(&tmp);
}

fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn broken_files_name_the_problem() {
    let dir = std::env::temp_dir().join(format!("gensyn-bad-data-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let csv = |text: &str| readers::csv(&write(&dir, "x.csv", text.as_bytes()), false, None).err().unwrap().to_string();
    assert!(csv("1,2,0\n3,x,1\n").contains("line 2, column 2: `x` is not a number"));
    assert!(csv("1,2,0\n3,1\n").contains("line 2: 2 fields, the first row has 3"));
    assert!(csv("1,2,0.5\n").contains("label `0.5` is not a class index"));
    assert!(csv("").contains("no rows"));
    assert!(readers::csv(&dir.join("missing.csv"), false, None).err().unwrap().to_string().contains("missing.csv"));

    let images = std::fs::read(fixtures().join("data/bars-images.idx")).unwrap();
    let labels = std::fs::read(fixtures().join("data/bars-labels.idx")).unwrap();
    let idx = |i: &[u8], l: &[u8]| {
        readers::idx(&write(&dir, "i.idx", i), &write(&dir, "l.idx", l)).err().unwrap().to_string()
    };
    assert!(idx(&[1, 2, 3, 4], &labels).contains("bad magic"));
    assert!(idx(&images[..images.len() - 1], &labels).contains("data bytes"));
    assert!(idx(&images, &labels[..labels.len() - 1]).contains("labels for 800 images"));

    let st = readers::safetensors(&fixtures().join("data/waves.safetensors"), "x", "labels").err().unwrap();
    assert!(st.to_string().contains("no tensor `x`"));

    // A spec whose file has a single class is refused with the file named.
    write(&dir, "one.csv", b"1,2,0\n3,4,0\n");
    let spec_path = write(
        &dir,
        "task.toml",
        b"name = \"t\"\nseed = 1\n[model]\nkind = \"mlp\"\nhidden = [4]\n[dataset]\nkind = \"csv\"\npath = \"one.csv\"\n[train]\nsteps = 2\nbatch_size = 1\ncheckpoint_every = 1\n[train.optimizer]\nkind = \"sgd\"\nlr = 0.1\n",
    );
    let err = Trainer::new(&TaskSpec::from_file(&spec_path).unwrap(), Backend::cpu(1)).err().unwrap().to_string();
    assert!(err.contains("one.csv") && err.contains("1 classes"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
