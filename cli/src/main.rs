//! The `gensyn` binary.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    // `gensyn devnet node …` is the node process itself (spawned by
    // `gensyn devnet up`). Its arguments belong to sc-cli, so they bypass our
    // parser, and the node builds its own async runtime.
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("devnet") && args.get(2).map(String::as_str) == Some("node") {
        return match gensyn_devnet::run(args[3..].iter().cloned()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("Error: {e}");
                ExitCode::FAILURE
            }
        };
    }

    keep_freed_memory();
    let cli = gensyn_cli::args::Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let code = runtime.block_on(gensyn_cli::run(cli));
    ExitCode::from(code)
}

/// Keeps freed buffers in the heap for reuse. A training step allocates and
/// frees the same multi-megabyte tensors every step; by default glibc serves
/// those with fresh mmaps and trims the heap, so each step page-faults and
/// zeroes them again. Measured on `gensyn train` of a 4-layer GPT (20 steps,
/// 2 threads): 21 s → 17 s, system time 6 s → 1.5 s.
fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes allocator parameters; called before any
    // other thread exists.
    unsafe {
        // 32 MiB is the largest mmap threshold glibc accepts on 64-bit.
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, i32::MAX);
    }
}
