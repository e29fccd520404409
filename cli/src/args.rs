//! The command line, as clap types. Each subcommand's arguments live here;
//! its behaviour lives in `cmd/<name>.rs`.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// The longest wait any `--timeout` takes: a week. Longer ones would
/// overflow the clock's deadline arithmetic; none is useful.
pub const MAX_WAIT_SECS: u64 = 7 * 24 * 3600;

/// A wait in whole seconds, 1 to [`MAX_WAIT_SECS`].
fn secs() -> clap::builder::RangedU64ValueParser<u64> {
    clap::value_parser!(u64).range(1..=MAX_WAIT_SECS)
}

/// gensyn: run the Gensyn ML-compute protocol end to end on one machine.
#[derive(Debug, Parser)]
#[command(name = "gensyn", version, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command takes. Each has an environment-variable twin.
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Print one JSON document on stdout instead of human text.
    #[arg(long, global = true, env = "GENSYN_JSON", value_parser = clap::builder::BoolishValueParser::new(), action = clap::ArgAction::SetTrue)]
    pub json: bool,

    /// Node RPC endpoint [default: the running devnet's, else ws://127.0.0.1:9944].
    #[arg(long, global = true, env = "GENSYN_RPC", value_name = "URL")]
    pub rpc: Option<String>,

    /// Devnet directory (chain database, log, state file)
    /// [default: $XDG_DATA_HOME/gensyn/devnet].
    #[arg(long, global = true, env = "GENSYN_BASE_PATH", value_name = "DIR")]
    pub base_path: Option<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run and inspect the local devnet node.
    #[command(subcommand)]
    Devnet(DevnetCmd),
    /// Show balances, holds and stakes of an account (all dev accounts if none given).
    Account(AccountArgs),
    /// Bond tokens for a protocol role.
    Stake(StakeArgs),
    /// Start unbonding part of a role's stake.
    Unstake(StakeArgs),
    /// Withdraw unbonded stake whose unbonding period has passed.
    Withdraw(WithdrawArgs),
    /// Manage the keystore: sr25519 accounts that `--as` can name.
    #[command(subcommand)]
    Key(KeyCmd),
    /// Send tokens to an account (to fund a new key).
    Transfer(TransferArgs),
    /// Post a training task: every commitment computed from its spec, the fee escrowed.
    Submit(SubmitArgs),
    /// List and inspect tasks.
    #[command(subcommand)]
    Task(TaskCmd),
    /// Inspect disputes.
    #[command(subcommand)]
    Dispute(DisputeCmd),
    /// A live dashboard of the chain: tasks, disputes as they are played, accounts, events.
    Tui(TuiArgs),
    /// The node's artefact store: specs, datasets, checkpoints by commitment.
    #[command(subcommand)]
    Blob(BlobCmd),
    /// Run a solver: enter draws, train the tasks won, commit, open what the audit asks, defend its games.
    Solve(AgentArgs),
    /// Run a verifier: enter verifier draws, replay the audited runs blind, post the verdict, play its game.
    Verify(AgentArgs),
    /// Run a whistleblower: re-check audited tasks blind, reveal, play its games, settle its checks.
    Whistle(AgentArgs),
    /// The protocol end to end on the devnet: agents, a task, its games, and a balance table that adds up.
    Demo(DemoArgs),
    /// Check that the chain's money adds up: issuance against every balance, each protocol hold against the records.
    Funds,
    /// Request arbitration of a dispute that reached it, with a witness from this machine's replay (anyone may).
    Arbitrate(ArbitrateArgs),
    /// Train a task spec reproducibly, writing checkpoints and their hashes.
    Train(TrainArgs),
    /// Re-execute one segment of a run and compare its end hash with the committed one.
    Replay(ReplayArgs),
    /// Simulate the protocol's incentives: many tasks through the real pallet, offline.
    Sim(SimArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
}

/// `gensyn train`
#[derive(Debug, Args)]
pub struct TrainArgs {
    /// The task spec (TOML).
    #[arg(value_name = "TASK.toml")]
    pub spec: PathBuf,
    /// Output folder (task.toml, checkpoints/, manifest.json) [default: runs/<spec name>].
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub compute: ComputeArgs,
}

/// Where a run's kernels run: `train`, `replay` and the agents take it.
#[derive(Debug, Args, Clone, Copy)]
pub struct ComputeArgs {
    /// CPU threads (results are identical for any count) [default: all cores].
    #[arg(long, value_name = "N", env = "GENSYN_THREADS", value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub threads: Option<u32>,
    /// Where the kernels run: cpu, or cuda for GPU 0 (results are identical).
    #[arg(long, value_enum, default_value_t = Device::Cpu, env = "GENSYN_DEVICE")]
    pub device: Device,
}

/// `gensyn replay`
#[derive(Debug, Args)]
pub struct ReplayArgs {
    /// A folder written by `gensyn train`.
    #[arg(value_name = "DIR")]
    pub run: PathBuf,
    /// The segment: from checkpoint N to checkpoint N+1.
    #[arg(long, value_name = "N")]
    pub segment: usize,
    #[command(flatten)]
    pub compute: ComputeArgs,
}

/// `gensyn sim`. Each flag overrides the `--config` file, which overrides
/// the defaults (the runtime's protocol parameters, scaled to the mock).
#[derive(Debug, Args)]
pub struct SimArgs {
    /// A TOML file with any of these settings and the protocol's [params].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Tasks to run [default: 1000].
    #[arg(long, value_name = "N")]
    pub tasks: Option<u32>,
    /// Seed of every random choice [default: 1].
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Training steps per task [default: 64].
    #[arg(long, value_name = "N")]
    pub steps: Option<u32>,
    /// Checkpoint interval k, steps per segment [default: 1].
    #[arg(long, value_name = "K")]
    pub checkpoint_every: Option<u32>,
    /// Segments audited per task [default: the runtime's, 2].
    #[arg(long, value_name = "N")]
    pub audit_segments: Option<u32>,
    /// The fee each task offers, in mock tokens [default: 1000].
    #[arg(long, value_name = "AMOUNT")]
    pub fee: Option<u64>,
    /// What computing one step (training or replaying) costs a party [default: 10].
    #[arg(long, value_name = "AMOUNT")]
    pub step_price: Option<u64>,
    /// Chance that a whistleblower checks a task, 0 to 1 [default: 0.2].
    #[arg(long, value_name = "P")]
    pub check_rate: Option<f64>,
    /// Forced-error rounds per million audits [default: the runtime's, 50000].
    #[arg(long, value_name = "PPM")]
    pub forced_error_ppm: Option<u32>,
    /// Solvers by strategy: honest, lazy, cheat (a wrong state), wrong-after,
    /// wrong-batch, silent, collude
    /// [default: honest=6,lazy=1,cheat=1,wrong-after=1,wrong-batch=1,silent=1,collude=1].
    #[arg(long, value_name = "MIX")]
    pub solvers: Option<String>,
    /// Verifiers by strategy: honest, lazy, cheat, silent, collude
    /// [default: honest=4,lazy=1,cheat=1,silent=1,collude=1].
    #[arg(long, value_name = "MIX")]
    pub verifiers: Option<String>,
    /// Whistleblowers by strategy: honest, lazy, false-whistle, silent, collude
    /// [default: honest=3,lazy=1,false-whistle=1,silent=1,collude=1].
    #[arg(long, value_name = "MIX")]
    pub whistleblowers: Option<String>,
    /// Also run each of these audit_segments values for a detection-versus-cost curve.
    #[arg(long, value_name = "N,N,…", value_delimiter = ',')]
    pub curve: Option<Vec<u32>>,
}

/// A compute device for `train` and `replay`: `cpu` (the CPU kernels on
/// `--threads` threads) or `cuda` (the CUDA kernels on GPU 0; needs libcuda
/// and libnvrtc at run time). Plain comments on the variants keep clap's
/// compact help layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Device {
    // The CPU.
    Cpu,
    // GPU 0.
    Cuda,
}

/// `gensyn devnet …`
#[derive(Debug, Subcommand)]
pub enum DevnetCmd {
    /// Start the devnet node in the background; return once it serves RPC and has a block.
    Up(UpArgs),
    /// Show the running node's height, hashes, endpoint, base path and pid.
    Status,
    /// Print the node's log.
    Logs(LogsArgs),
    /// Stop the devnet node (a no-op if it is not running).
    Down(DownArgs),
    /// Seal blocks now (e.g. to pass an unbonding period).
    Mine(MineArgs),
    /// Stop one validator of the PoS devnet (a fault drill); the others go on.
    StopValidator(ValidatorArgs),
    /// Restart a stopped validator of the PoS devnet on its database; it catches up and votes again.
    StartValidator(ValidatorArgs),
    /// Print the PoS devnet's chain spec (raw JSON), for a node on another machine to join it.
    Spec,
    /// Make a running node a validator of the PoS devnet: its new session keys registered, the account added by sudo.
    AddValidator(AddValidatorArgs),
    /// Remove an account from the PoS devnet's validator set (by sudo).
    RemoveValidator(RemoveValidatorArgs),
}

/// `gensyn devnet add-validator`
#[derive(Debug, Args)]
pub struct AddValidatorArgs {
    /// RPC endpoint of the node to validate with (started with `--validator`); it makes the session keys.
    #[arg(long, value_name = "URL")]
    pub node: String,
    /// The validator's account: registers the keys, and is the validator.
    #[arg(long = "as", value_name = "NAME")]
    pub signer: String,
    /// The sudo account that changes the set.
    #[arg(long, value_name = "NAME", default_value = "alice")]
    pub sudo: String,
    /// Seconds to wait for each transaction's finality.
    #[arg(long, value_name = "SECS", default_value_t = 60, value_parser = secs())]
    pub timeout: u64,
}

/// `gensyn devnet remove-validator`
#[derive(Debug, Args)]
pub struct RemoveValidatorArgs {
    /// The validator's account (a dev account name, a keystore name or an address).
    pub account: String,
    /// The sudo account that changes the set.
    #[arg(long, value_name = "NAME", default_value = "alice")]
    pub sudo: String,
    /// Seconds to wait for the transaction's finality.
    #[arg(long, value_name = "SECS", default_value_t = 60, value_parser = secs())]
    pub timeout: u64,
}

/// `gensyn devnet stop-validator|start-validator`
#[derive(Debug, Args)]
pub struct ValidatorArgs {
    /// The validator: its dev account's name (alice, bob, …).
    pub name: String,
    /// Seconds to wait for it to stop, or to serve RPC with peers.
    #[arg(long, value_name = "SECS", default_value_t = 60, value_parser = secs())]
    pub timeout: u64,
}

/// `gensyn devnet up`
#[derive(Debug, Args)]
pub struct UpArgs {
    /// Seal a block every MS milliseconds and only then (default: one block per transaction).
    #[arg(long, value_name = "MS", value_parser = clap::value_parser!(u64).range(1..), conflicts_with = "validators")]
    pub block_time: Option<u64>,
    /// Run a proof-of-stake network instead: N validators on loopback (BABE blocks, GRANDPA finality); N defaults to 4, which survives one fault.
    #[arg(long, value_name = "N", num_args = 0..=1, default_missing_value = "4", value_parser = clap::value_parser!(u8).range(1..=6))]
    pub validators: Option<u8>,
    /// With --validators: the IP the validators' libp2p ports listen on and are announced at (a LAN address lets nodes on other machines join).
    #[arg(long, value_name = "IP", default_value = "127.0.0.1", requires = "validators")]
    pub p2p_ip: std::net::IpAddr,
    /// RPC port on 127.0.0.1; 0 picks a free one.
    #[arg(long, value_name = "N", default_value_t = 9944)]
    pub rpc_port: u16,
    /// Wipe the chain database first (refused while the node runs).
    #[arg(long)]
    pub fresh: bool,
    /// Seconds to wait for the node to become ready.
    #[arg(long, value_name = "SECS", default_value_t = 60, value_parser = secs())]
    pub timeout: u64,
}

/// `gensyn devnet logs`
#[derive(Debug, Args)]
pub struct LogsArgs {
    /// Keep printing new lines until the node stops or Ctrl-C.
    #[arg(short, long)]
    pub follow: bool,
    /// Print only the last N lines.
    #[arg(short = 'n', long, value_name = "N")]
    pub lines: Option<usize>,
    /// The PoS devnet validator whose log to print (default: the first).
    #[arg(long, value_name = "NAME")]
    pub validator: Option<String>,
}

/// `gensyn devnet down`
#[derive(Debug, Args)]
pub struct DownArgs {
    /// Seconds to wait for a clean stop before killing the node.
    #[arg(long, value_name = "SECS", default_value_t = 30, value_parser = secs())]
    pub timeout: u64,
}

/// `gensyn devnet mine`
#[derive(Debug, Args)]
pub struct MineArgs {
    /// How many blocks.
    #[arg(default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub blocks: u32,
}

/// `gensyn account`
#[derive(Debug, Args)]
pub struct AccountArgs {
    /// A dev account name (alice … ferdie), a keystore name or an SS58 address.
    #[arg(value_name = "NAME|ADDRESS")]
    pub account: Option<String>,
}

/// A protocol role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoleArg {
    /// Trains models.
    Solver,
    /// Audits training.
    Verifier,
    /// Audits verifiers.
    Whistleblower,
}

impl From<RoleArg> for pallet_gensyn::Role {
    fn from(r: RoleArg) -> Self {
        match r {
            RoleArg::Solver => pallet_gensyn::Role::Solver,
            RoleArg::Verifier => pallet_gensyn::Role::Verifier,
            RoleArg::Whistleblower => pallet_gensyn::Role::Whistleblower,
        }
    }
}

/// How a transaction command waits.
#[derive(Debug, Clone, Args)]
pub struct TxArgs {
    /// The signer: a dev account (alice … ferdie) or a keystore name.
    #[arg(long = "as", value_name = "NAME", env = "GENSYN_ACCOUNT")]
    pub signer: String,
    /// Return once the node accepted the transaction, without waiting for its block.
    #[arg(long = "async", conflicts_with = "wait")]
    pub no_wait: bool,
    /// Wait until the transaction is `included` in a block of the best chain, or until that block is `finalized`.
    #[arg(long, value_name = "UNTIL", value_enum, default_value = "finalized")]
    pub wait: crate::chain::Wait,
    /// Seconds to wait for inclusion and finality.
    #[arg(long, value_name = "SECS", default_value_t = 60, value_parser = secs())]
    pub timeout: u64,
}

/// Who an agent signs as, and how long it waits for each transaction. An
/// agent waits for inclusion in the best chain, never for finality (a
/// finality stall must not make it miss a window), so it takes no `--wait`.
#[derive(Debug, Clone, Args)]
pub struct SignerArgs {
    /// The signer: a dev account (alice … ferdie) or a keystore name.
    #[arg(long = "as", value_name = "NAME", env = "GENSYN_ACCOUNT")]
    pub signer: String,
    /// Seconds to wait for each transaction's inclusion.
    #[arg(long, value_name = "SECS", default_value_t = 60, value_parser = secs())]
    pub timeout: u64,
}

impl TxArgs {
    /// How long the transaction is waited for.
    pub fn wait(&self) -> crate::chain::Wait {
        if self.no_wait {
            crate::chain::Wait::Accepted
        } else {
            self.wait
        }
    }
}

/// `gensyn stake` / `gensyn unstake`
#[derive(Debug, Args)]
pub struct StakeArgs {
    /// The role.
    #[arg(long, value_enum)]
    pub role: RoleArg,
    /// Amount in GSN (up to 12 decimals, e.g. 1000 or 0.5).
    #[arg(long, allow_hyphen_values = true)]
    pub amount: String,
    #[command(flatten)]
    pub tx: TxArgs,
}

/// `gensyn withdraw`
#[derive(Debug, Args)]
pub struct WithdrawArgs {
    /// The role.
    #[arg(long, value_enum)]
    pub role: RoleArg,
    #[command(flatten)]
    pub tx: TxArgs,
}

/// `gensyn key …`
#[derive(Debug, Subcommand)]
pub enum KeyCmd {
    /// Generate a new key and store it under NAME; prints its secret phrase once.
    New(KeyNameArgs),
    /// Store a key from its secret phrase (or secret URI), read from stdin.
    Import(KeyNameArgs),
    /// List the stored keys.
    List,
}

/// A key's name.
#[derive(Debug, Args)]
pub struct KeyNameArgs {
    /// 1 to 32 of a-z, 0-9, '-' and '_' (not a dev account's name).
    #[arg(value_name = "NAME")]
    pub name: String,
}

/// `gensyn transfer`
#[derive(Debug, Args)]
pub struct TransferArgs {
    /// The receiver: a dev account, a keystore name or an SS58 address.
    #[arg(long, value_name = "NAME|ADDRESS")]
    pub to: String,
    /// Amount in GSN (up to 12 decimals).
    #[arg(long, allow_hyphen_values = true)]
    pub amount: String,
    #[command(flatten)]
    pub tx: TxArgs,
}

/// `gensyn submit`
#[derive(Debug, Args)]
pub struct SubmitArgs {
    /// The task spec (TOML).
    #[arg(value_name = "TASK.toml")]
    pub spec: PathBuf,
    /// The fee in GSN, escrowed until the task ends.
    #[arg(long, allow_hyphen_values = true)]
    pub fee: String,
    /// Blocks from now by which the task must be done.
    #[arg(long, value_name = "BLOCKS", value_parser = clap::value_parser!(u32).range(1..))]
    pub deadline: u32,
    /// Follow the task to its end and print the outcome.
    #[arg(long)]
    pub follow: bool,
    /// Seconds `--follow` follows the task before giving up.
    #[arg(long, value_name = "SECS", default_value_t = 3600, value_parser = secs())]
    pub follow_timeout: u64,
    #[command(flatten)]
    pub tx: TxArgs,
}

/// `gensyn task …`
#[derive(Debug, Subcommand)]
pub enum TaskCmd {
    /// Every task: id, phase, fee, steps, deadline.
    List(ListArgs),
    /// One task: phase, parties, deadlines, commitments, audit, whistles, disputes.
    Show(IdArgs),
}

/// `gensyn task list`
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Keep watching: print the list again whenever it changes (with
    /// `--json`, one JSON document per line), until interrupted.
    #[arg(long)]
    pub watch: bool,
}

/// `gensyn tui`
#[derive(Debug, Args)]
pub struct TuiArgs {
    /// Most frames drawn per second.
    #[arg(long, value_name = "N", default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=120))]
    pub fps: u32,
    /// How often (ms) to read what the head subscriptions do not push (peers, the clock shown).
    #[arg(long, value_name = "MS", default_value_t = 1000, value_parser = clap::value_parser!(u64).range(50..=60_000))]
    pub refresh: u64,
}

/// `gensyn dispute …`
#[derive(Debug, Subcommand)]
pub enum DisputeCmd {
    /// One dispute: stage, round, each side, deadline.
    Show(IdArgs),
}

/// What every agent takes.
#[derive(Debug, Args)]
pub struct AgentArgs {
    /// Handle one task to its end, then exit.
    #[arg(long)]
    pub once: bool,
    /// Working folder (fetched specs, runs) [default: $XDG_DATA_HOME/gensyn/agents/ROLE-ADDRESS].
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Play an adversary (demos, tests): solver wrong-state@STEP, wrong-after@STEP,
    /// wrong-batch@STEP, wrong-data, skip@STEP, withhold, silent; verifier lazy, silent;
    /// whistleblower false, silent.
    #[arg(long, value_name = "KIND[@STEP]")]
    pub cheat: Option<String>,
    /// Where training and replays run (a game's moves run on the CPU's canonical program).
    #[command(flatten)]
    pub compute: ComputeArgs,
    #[command(flatten)]
    pub tx: SignerArgs,
}

/// `gensyn demo`
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// What to show.
    #[arg(long, value_enum, default_value = "all")]
    pub scenario: Scenario,
    /// Block time of the devnet the demo starts, if none runs (ms).
    #[arg(long, value_name = "MS", default_value_t = 200)]
    pub block_time: u64,
}

/// A demo scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Scenario {
    /// Every party honest: the task is paid.
    Honest,
    /// The solver commits a wrong state; an honest whistleblower convicts it by arbitration.
    CheatingSolver,
    /// The verifier copies instead of replaying, and loses the game its verdict opens.
    LazyVerifier,
    /// The three, one after another.
    All,
}

/// `gensyn arbitrate`
#[derive(Debug, Args)]
pub struct ArbitrateArgs {
    /// The dispute.
    #[arg(value_name = "DISPUTE")]
    pub id: u64,
    /// Working folder (the task's fetched spec) [default: $XDG_DATA_HOME/gensyn/agents/arbiter-ADDRESS].
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    #[command(flatten)]
    pub tx: SignerArgs,
}

/// `gensyn blob …`
#[derive(Debug, Subcommand)]
pub enum BlobCmd {
    /// Store a task spec (.toml, with its dataset) or a checkpoint (.safetensors); prints the ids.
    Put(BlobPutArgs),
    /// Fetch an artefact by id, check it against the id, and write it to a file.
    Get(BlobGetArgs),
    /// Where an artefact stands in the availability layer: its erasure root, which validators attested, its expiry.
    Status(BlobStatusArgs),
}

/// `gensyn blob status`
#[derive(Debug, Args)]
pub struct BlobStatusArgs {
    /// The artefact's id (0x…): the commitment the chain knows.
    #[arg(value_name = "ID")]
    pub id: String,
}

/// `gensyn blob put`
#[derive(Debug, Args)]
pub struct BlobPutArgs {
    /// The file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Who pays the storage deposit (held until the chain prunes it): a dev
    /// account (alice … ferdie) or a keystore name.
    #[arg(long = "as", value_name = "NAME", env = "GENSYN_ACCOUNT")]
    pub payer: String,
    /// Seconds to wait for the validators to attest it available.
    #[arg(long, default_value_t = 60, value_name = "SECS", value_parser = secs())]
    pub timeout: u64,
}

/// `gensyn blob get`
#[derive(Debug, Args)]
pub struct BlobGetArgs {
    /// The artefact's id (0x…): the commitment the chain knows.
    #[arg(value_name = "ID")]
    pub id: String,
    /// Where to write it.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

/// A task or dispute id.
#[derive(Debug, Args)]
pub struct IdArgs {
    /// The id.
    #[arg(value_name = "ID")]
    pub id: u64,
}

/// `gensyn completions`
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}
