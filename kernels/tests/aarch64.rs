//! The NEON path on an x86 machine: this crate's bitwise tests
//! cross-compiled for `aarch64-unknown-linux-gnu` and run under qemu-user,
//! so the ARM kernels are checked against the reference bit for bit on
//! every machine that has the tools (CI installs them: `.ci/run`).
//!
//! Needs `qemu-aarch64`, `aarch64-linux-gnu-gcc` (Debian's `qemu-user` and
//! `gcc-aarch64-linux-gnu`) and rustup's `aarch64-unknown-linux-gnu`
//! target; without them the test says what is missing and passes, unless
//! `GENSYN_REQUIRE_AARCH64=1` (as in CI) makes that a failure.

use std::{path::PathBuf, process::Command};

const TARGET: &str = "aarch64-unknown-linux-gnu";

/// How a test binary of that target runs here.
const QEMU: &str = "qemu-aarch64 -L /usr/aarch64-linux-gnu";

/// What is missing to cross-test, if anything.
fn missing() -> Vec<String> {
    let runs = |cmd: &str, arg: &str| Command::new(cmd).arg(arg).output().is_ok_and(|o| o.status.success());
    let mut gaps = Vec::new();
    if !runs("qemu-aarch64", "--version") {
        gaps.push("qemu-aarch64 (Debian: qemu-user)".to_string());
    }
    if !runs("aarch64-linux-gnu-gcc", "--version") {
        gaps.push("aarch64-linux-gnu-gcc (Debian: gcc-aarch64-linux-gnu)".to_string());
    }
    let std_lib = Command::new("rustc")
        .args(["--print", "target-libdir", "--target", TARGET])
        .output()
        .ok()
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()))
        .is_some_and(|dir| dir.read_dir().is_ok_and(|mut d| d.any(|e| e.is_ok())));
    if !std_lib {
        gaps.push(format!("the {TARGET} standard library (rustup target add {TARGET})"));
    }
    gaps
}

/// A build folder beside this test's own (its own lock, so the outer
/// `cargo test` never waits on it): `<target dir>/cross`.
fn cross_target_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary");
    // <target dir>/release/deps/aarch64-<hash>
    exe.ancestors().nth(3).expect("a cargo target folder").join("cross")
}

#[test]
fn the_neon_path_matches_the_reference_under_qemu() {
    let gaps = missing();
    if !gaps.is_empty() {
        let why = format!("cannot cross-test {TARGET}: missing {}", gaps.join(", "));
        assert!(std::env::var_os("GENSYN_REQUIRE_AARCH64").is_none(), "{why}");
        return eprintln!("skipped: {why}");
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let env_target = TARGET.to_uppercase().replace('-', "_");
    let out = Command::new(cargo)
        // Where cargo runs this test from, not where it was compiled: a
        // build cache shared with another checkout must not send us there.
        .current_dir(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into()))
        .args(["test", "--release", "--target", TARGET, "--no-default-features", "--features", "std"])
        // The library's unit tests and the bitwise comparisons (which rerun
        // themselves per SIMD path: neon and generic there).
        .args(["--lib", "--test", "cpu_matches_reference", "--test", "gradients", "--", "--nocapture"])
        .env("CARGO_TARGET_DIR", cross_target_dir())
        .env(format!("CARGO_TARGET_{env_target}_LINKER"), "aarch64-linux-gnu-gcc")
        .env(format!("CARGO_TARGET_{env_target}_RUNNER"), QEMU)
        // The per-path rerun inside the bitwise tests starts its child through qemu too.
        .env("GENSYN_TEST_RUNNER", QEMU)
        .env_remove("GENSYN_SIMD")
        .output()
        .expect("cargo runs");
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "the {TARGET} tests failed:\n{stdout}\n{stderr}");
    // Every path the emulated CPU has ran: neon and generic.
    for path in ["neon", "generic"] {
        assert!(stderr.contains(&format!("path {path}: test result: ok.")), "path {path} did not run:\n{stderr}");
    }
    let results: Vec<&str> = stdout.lines().filter(|l| l.starts_with("test result:")).collect();
    assert!(results.len() >= 3 && results.iter().all(|l| l.contains(" 0 failed")), "{stdout}");
    eprintln!("{TARGET} under qemu: {}", results.join("; "));
}
