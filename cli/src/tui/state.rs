//! What the dashboard shows: the chain's data as the feed last read it, and
//! where the operator is (view, selection, filter, sort). Nothing here
//! talks to the node or draws.

use crate::query::{self, TaskView};
use gensyn_runtime::{AccountId, Balance, Runtime};
use pallet_gensyn::{DisputeId, DisputeOf, Role, TaskId};
use std::{
    collections::{BTreeMap, VecDeque},
    time::Instant,
};

/// Events kept in the log.
pub const EVENT_LOG: usize = 500;

/// The four views, in tab order (`1`–`4`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The task table (and one task, opened).
    Tasks,
    /// Every dispute, the selected one drawn.
    Disputes,
    /// Dev and keystore accounts.
    Accounts,
    /// The event log.
    Events,
}

impl View {
    /// In tab order.
    pub const ALL: [View; 4] = [View::Tasks, View::Disputes, View::Accounts, View::Events];

    /// Its tab title.
    pub fn title(self) -> &'static str {
        match self {
            View::Tasks => "Tasks",
            View::Disputes => "Disputes",
            View::Accounts => "Accounts",
            View::Events => "Events",
        }
    }

    /// Its position in [`View::ALL`].
    pub fn index(self) -> usize {
        View::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }
}

/// The column the task table is sorted by (`s` cycles, `S` reverses).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// Task id.
    Id,
    /// Phase name.
    Phase,
    /// Fee.
    Fee,
    /// Blocks left on the current deadline.
    Deadline,
}

impl SortKey {
    /// The next key.
    pub fn next(self) -> Self {
        match self {
            SortKey::Id => SortKey::Phase,
            SortKey::Phase => SortKey::Fee,
            SortKey::Fee => SortKey::Deadline,
            SortKey::Deadline => SortKey::Id,
        }
    }

    /// Its name in the table's title.
    pub fn name(self) -> &'static str {
        match self {
            SortKey::Id => "id",
            SortKey::Phase => "phase",
            SortKey::Fee => "fee",
            SortKey::Deadline => "deadline",
        }
    }
}

/// How blocks are made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The one-node devnet: a block per transaction (or on a timer).
    InstantSeal,
    /// BABE slots and GRANDPA finality over validators.
    ProofOfStake,
}

/// What the feed learns once per connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainInfo {
    /// The chain's name.
    pub chain: String,
    /// How blocks are made.
    pub mode: Mode,
}

/// The connection to the node.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Link {
    /// Not yet connected.
    Connecting,
    /// Connected, data flowing.
    Live,
    /// The node went away; the feed tries again.
    Down {
        /// Why, in one line.
        reason: String,
        /// When it tries next, in ms.
        retry_in_ms: u64,
    },
}

/// One account's balances and stakes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountRow {
    /// Its name (dev account or keystore entry).
    pub name: String,
    /// Its SS58 address.
    pub address: String,
    /// Spendable.
    pub free: Balance,
    /// Held (stakes, bonds, escrows).
    pub held: Balance,
    /// Per role with a ledger: active and unbonding stake.
    pub stakes: Vec<(Role, Balance, Balance)>,
}

/// One decoded event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventLine {
    /// The block that deposited it.
    pub block: u32,
    /// Its pallet.
    pub pallet: String,
    /// Its name.
    pub name: String,
    /// Its fields, in one line.
    pub detail: String,
}

/// The chain as one read of it (one best block) found it.
#[derive(Default)]
pub struct Snapshot {
    /// Best block.
    pub best: u32,
    /// Finalized block.
    pub finalized: u32,
    /// Connected peers.
    pub peers: u32,
    /// Validators of the current session (PoS), by name or address.
    pub validators: Vec<String>,
    /// Every task, by id.
    pub tasks: Vec<TaskView>,
    /// Dev and keystore accounts.
    pub accounts: Vec<AccountRow>,
    /// Their names, by account.
    pub names: BTreeMap<AccountId, String>,
    /// Operator names of each disputed task's program, by node (fetched
    /// from the artefact store once per task).
    pub ops: BTreeMap<TaskId, Vec<String>>,
}

/// The whole dashboard state.
pub struct App {
    /// The endpoint.
    pub endpoint: String,
    /// What the feed learnt at connection.
    pub info: Option<ChainInfo>,
    /// The connection.
    pub link: Link,
    /// The chain, last read.
    pub snap: Snapshot,
    /// When the best block last changed.
    pub last_block: Option<Instant>,
    /// Decoded events, newest first.
    pub events: VecDeque<EventLine>,
    /// The view shown.
    pub view: View,
    /// The selected row of each view.
    pub cursor: [usize; 4],
    /// The filter (`/`): rows of the task, dispute and event views must
    /// contain it.
    pub filter: String,
    /// Whether keys go into the filter.
    pub editing: bool,
    /// The task table's order.
    pub sort: SortKey,
    /// Reversed.
    pub descending: bool,
    /// The task opened with Enter.
    pub open: Option<TaskId>,
    /// The help overlay (`?`).
    pub help: bool,
    /// `q` or Ctrl-C.
    pub quit: bool,
    /// Why the dashboard must end with an error, if it must.
    pub fatal: Option<String>,
    /// Something changed since the last frame.
    pub dirty: bool,
}

impl App {
    /// Nothing read yet.
    pub fn new(endpoint: &str) -> Self {
        Self {
            endpoint: endpoint.to_string(),
            info: None,
            link: Link::Connecting,
            snap: Snapshot::default(),
            last_block: None,
            events: VecDeque::new(),
            view: View::Tasks,
            cursor: [0; 4],
            filter: String::new(),
            editing: false,
            sort: SortKey::Id,
            descending: false,
            open: None,
            help: false,
            quit: false,
            fatal: None,
            dirty: true,
        }
    }

    /// Blocks from the best block to `deadline` (0 once passed).
    pub fn blocks_left(&self, deadline: u32) -> u32 {
        deadline.saturating_sub(self.snap.best)
    }

    fn matches(&self, text: &str) -> bool {
        self.filter.is_empty() || text.to_lowercase().contains(&self.filter.to_lowercase())
    }

    /// The task table's rows: filtered (id, phase, parties) and sorted.
    pub fn tasks(&self) -> Vec<&TaskView> {
        let mut rows: Vec<&TaskView> = self
            .snap
            .tasks
            .iter()
            .filter(|v| {
                let t = &v.task;
                let who = [Some(&t.submitter), t.solver.as_ref(), t.verifier.as_ref()]
                    .into_iter()
                    .flatten()
                    .map(|a| self.who(a))
                    .collect::<Vec<_>>()
                    .join(" ");
                self.matches(&format!("{} {} {who}", v.id, query::phase_name(&t.phase)))
            })
            .collect();
        let left = |v: &TaskView| v.task.phase.deadline().map(|d| self.blocks_left(d)).unwrap_or(u32::MAX);
        match self.sort {
            SortKey::Id => rows.sort_by_key(|v| v.id),
            SortKey::Phase => rows.sort_by_key(|v| (query::phase_name(&v.task.phase), v.id)),
            SortKey::Fee => rows.sort_by_key(|v| (v.task.fee, v.id)),
            SortKey::Deadline => rows.sort_by_key(|v| (left(v), v.id)),
        }
        if self.descending {
            rows.reverse();
        }
        rows
    }

    /// Every dispute of every task, oldest first, filtered (id, task, stage, parties).
    pub fn disputes(&self) -> Vec<(&TaskView, DisputeId, &DisputeOf<Runtime>)> {
        let mut all: Vec<_> = self
            .snap
            .tasks
            .iter()
            .flat_map(|v| v.disputes.iter().map(move |(id, d)| (v, *id, d)))
            .filter(|(_, id, d)| {
                self.matches(&format!(
                    "{id} task {} {} {} {}",
                    d.task,
                    query::stage_name(&d.stage),
                    self.who(&d.defender),
                    self.who(&d.challenger)
                ))
            })
            .collect();
        all.sort_by_key(|(_, id, _)| *id);
        all
    }

    /// The event log, filtered.
    pub fn events(&self) -> Vec<&EventLine> {
        self.events.iter().filter(|e| self.shows(e)).collect()
    }

    /// Whether the filter lets `e` into the event view.
    pub fn shows(&self, e: &EventLine) -> bool {
        self.matches(&format!("#{} {}.{} {}", e.block, e.pallet, e.name, e.detail))
    }

    /// Rows in the current view (what the cursor moves over).
    pub fn rows(&self) -> usize {
        match self.view {
            View::Tasks if self.open.is_some() => 0,
            view => self.list_len(view),
        }
    }

    /// The rows of `view`'s list, whether or not a task is opened.
    fn list_len(&self, view: View) -> usize {
        match view {
            View::Tasks => self.tasks().len(),
            View::Disputes => self.disputes().len(),
            View::Accounts => self.snap.accounts.len(),
            View::Events => self.events().len(),
        }
    }

    /// The selected row of the current view, kept inside its rows.
    pub fn selected(&self) -> usize {
        self.cursor[self.view.index()].min(self.rows().saturating_sub(1))
    }

    /// The selected row of `view`'s list (an opened task keeps the table's).
    pub fn cursor_of(&self, view: View) -> usize {
        self.cursor[view.index()].min(self.list_len(view).saturating_sub(1))
    }

    /// The opened task, if it is still on chain.
    pub fn opened(&self) -> Option<&TaskView> {
        let id = self.open?;
        self.snap.tasks.iter().find(|v| v.id == id)
    }

    /// A dev or keystore account's name, else its address's first characters.
    pub fn who(&self, id: &AccountId) -> String {
        match self.snap.names.get(id) {
            Some(name) => name.clone(),
            None => {
                let ss58 = crate::accounts::ss58(id);
                format!("{}…", &ss58[..8])
            }
        }
    }

    /// The name of operator `node` of `task`'s program, if its program was read.
    pub fn op_name(&self, task: TaskId, node: u32) -> Option<&str> {
        self.snap.ops.get(&task)?.get(node as usize).map(String::as_str)
    }
}
