//! `gensyn sim`: the incentive simulator (`gensyn-sim`). Needs no node: it
//! runs the real pallet in its mock runtime, in this process.

use crate::{args::SimArgs, error::CliError, output::Output};
use gensyn_sim::{simulate, Mix, SimConfig};
use indicatif::{ProgressBar, ProgressStyle};

/// The configuration the flags and `--config` describe.
pub fn config(args: &SimArgs) -> Result<SimConfig, CliError> {
    let mut c = match &args.config {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| CliError::Usage(format!("cannot read {}: {e}", path.display())))?;
            SimConfig::from_toml(&text).map_err(|e| CliError::Usage(format!("{}: {e}", path.display())))?
        }
        None => SimConfig::default(),
    };
    let mix = |flag: &str, text: &str| Mix::parse(text).map_err(|e| CliError::Usage(format!("--{flag}: {e}")));
    if let Some(v) = args.tasks {
        c.tasks = v;
    }
    if let Some(v) = args.seed {
        c.seed = v;
    }
    if let Some(v) = args.steps {
        c.steps = v;
    }
    if let Some(v) = args.checkpoint_every {
        c.checkpoint_every = v;
    }
    if let Some(v) = args.audit_segments {
        c.params.audit_segments = v;
    }
    if let Some(v) = args.fee {
        c.fee = v;
    }
    if let Some(v) = args.step_price {
        c.step_price = v;
    }
    if let Some(v) = args.check_rate {
        c.check_rate = v;
    }
    if let Some(v) = args.forced_error_ppm {
        c.params.forced_error_ppm = v;
    }
    if let Some(v) = &args.solvers {
        c.solvers = mix("solvers", v)?;
    }
    if let Some(v) = &args.verifiers {
        c.verifiers = mix("verifiers", v)?;
    }
    if let Some(v) = &args.whistleblowers {
        c.whistleblowers = mix("whistleblowers", v)?;
    }
    if let Some(v) = &args.curve {
        c.curve = v.clone();
    }
    c.validate().map_err(CliError::Usage)?;
    Ok(c)
}

/// `gensyn sim`
pub fn run(args: SimArgs, out: &Output) -> Result<(), CliError> {
    let config = config(&args)?;
    let total = u64::from(config.tasks) * (1 + config.curve.len() as u64);
    let bar = out.interactive().then(|| {
        let pb = ProgressBar::new(total);
        pb.set_style(
            ProgressStyle::with_template("{bar:30} task {pos}/{len}  {per_sec}  eta {eta}").expect("a valid template"),
        );
        pb
    });
    let tick = || {
        if let Some(pb) = &bar {
            pb.inc(1);
        }
    };
    let report = simulate(&config, &tick).map_err(CliError::Other);
    if let Some(pb) = &bar {
        pb.finish_and_clear();
    }
    let report = report?;
    let doc = serde_json::to_value(&report).map_err(|e| CliError::other(e.to_string()))?;
    out.emit(doc, || report.table().trim_end().to_string());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use gensyn_sim::Protocol;

    /// The simulator keeps its own copy of the runtime's defaults (so it
    /// builds without the runtime); they must stay the runtime's.
    #[test]
    fn the_sims_defaults_are_the_runtimes_scaled() {
        assert_eq!(Protocol::default(), Protocol::from_runtime(&gensyn_runtime::protocol::default_params()));
    }

    #[test]
    fn flags_override_the_defaults_and_bad_ones_are_usage_errors() {
        use clap::Parser;
        let parse = |extra: &[&str]| {
            let mut argv = vec!["gensyn", "sim"];
            argv.extend_from_slice(extra);
            match crate::args::Cli::parse_from(argv).command {
                crate::args::Command::Sim(a) => config(&a),
                _ => unreachable!(),
            }
        };
        let c = parse(&["--tasks", "7", "--solvers", "honest=2,cheat=1", "--curve", "1,3"]).unwrap();
        assert_eq!((c.tasks, c.solvers.to_string(), c.curve.clone()), (7, "honest=2,cheat=1".into(), vec![1, 3]));
        let err = parse(&["--whistleblowers", "cheat=1"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("whistleblower cannot play cheat"), "{err}");
        assert!(parse(&["--solvers", "greedy"]).unwrap_err().to_string().starts_with("--solvers: unknown strategy"));
    }
}
