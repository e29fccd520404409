//! Assembles the node: client, transaction pool, network, RPC, and the
//! consensus the chain's genesis asks for:
//! - **instant seal** (a genesis without slots): manual seal, each block
//!   final at once;
//! - **BABE + GRANDPA** (a genesis with a BABE slot): the GRANDPA block
//!   import wrapped by BABE's, BABE's import queue with GRANDPA's
//!   justification import, the GRANDPA notification protocol, and, on a
//!   validator, the BABE slot worker and the GRANDPA voter.
//!
//! The mode is read from the runtime (`BabeApi::configuration`), not from
//! the chain spec's name: an exported and edited spec still runs the
//! consensus its genesis state was built for.

use futures::{FutureExt, StreamExt};
use gensyn_runtime::{opaque::Block, RuntimeApi};
use polkadot_sdk::{
    sc_basic_authorship,
    sc_client_api::Backend,
    sc_consensus, sc_consensus_babe, sc_consensus_grandpa, sc_consensus_manual_seal,
    sc_consensus_manual_seal::EngineCommand,
    sc_executor::WasmExecutor,
    sc_network, sc_offchain, sc_service,
    sc_service::{error::Error as ServiceError, Configuration, TaskManager},
    sc_telemetry::{Telemetry, TelemetryWorker},
    sc_transaction_pool,
    sc_transaction_pool_api::{OffchainTransactionPoolFactory, TransactionPool},
    sp_consensus_babe, sp_io,
    sp_runtime::traits::Block as BlockT,
    sp_timestamp,
};
use std::{sync::Arc, time::Duration};

/// The standard host functions plus the ECVRF verifier the runtime calls
/// (its OpenSSL-based implementation cannot run inside wasm).
type HostFunctions = (sp_io::SubstrateHostFunctions, gensyn_vrf::HostFunctions);
type FullClient = sc_service::TFullClient<Block, RuntimeApi, WasmExecutor<HostFunctions>>;
type FullBackend = sc_service::TFullBackend<Block>;
type FullSelectChain = sc_consensus::LongestChain<FullBackend, Block>;

/// Blocks between GRANDPA justifications kept for light sync (every block
/// is finalized; this is only how often a proof of it is stored).
const GRANDPA_JUSTIFICATION_PERIOD: u32 = 512;

/// What the PoS mode carries from import-queue setup to authorship.
struct Pos<BI> {
    block_import: BI,
    babe_link: sc_consensus_babe::BabeLink<Block>,
    grandpa_link: sc_consensus_grandpa::LinkHalf<Block, FullClient, FullSelectChain>,
}

/// Builds and starts a full node; returns its task manager. `store_peers`:
/// see [`crate::NodeCli::store_peers`].
pub fn new_full<Network: sc_network::NetworkBackend<Block, <Block as BlockT>::Hash>>(
    config: Configuration,
    block_time_ms: Option<u64>,
    store_peers: Option<std::path::PathBuf>,
) -> Result<TaskManager, ServiceError> {
    let telemetry = config
        .telemetry_endpoints
        .clone()
        .filter(|x| !x.is_empty())
        .map(|endpoints| -> Result<_, polkadot_sdk::sc_telemetry::Error> {
            let worker = TelemetryWorker::new(16)?;
            let telemetry = worker.handle().new_telemetry(endpoints);
            Ok((worker, telemetry))
        })
        .transpose()?;

    let executor = wasm_executor(&config.executor);
    let (client, backend, keystore_container, mut task_manager) = sc_service::new_full_parts::<Block, RuntimeApi, _>(
        &config,
        telemetry.as_ref().map(|(_, telemetry)| telemetry.handle()),
        executor,
        Vec::new(),
    )?;
    let client: Arc<FullClient> = Arc::new(client);
    let mut telemetry: Option<Telemetry> = telemetry.map(|(worker, telemetry)| {
        task_manager.spawn_handle().spawn("telemetry", None, worker.run());
        telemetry
    });

    let select_chain: FullSelectChain = sc_consensus::LongestChain::new(backend.clone());
    let transaction_pool = Arc::from(
        sc_transaction_pool::Builder::new(
            task_manager.spawn_essential_handle(),
            client.clone(),
            config.role.is_authority().into(),
        )
        .with_options(config.transaction_pool.clone())
        .with_prometheus(config.prometheus_registry())
        .build(),
    );
    // The genesis decides the consensus: a BABE slot means proof of stake.
    let babe_config = sc_consensus_babe::configuration(&*client)?;
    let slots = babe_config.slot_duration > 0;
    if slots && block_time_ms.is_some() {
        return Err(ServiceError::Other(
            "--block-time is for the instant-seal devnet; this chain's blocks come from BABE slots".into(),
        ));
    }

    let mut net_config = sc_network::config::FullNetworkConfiguration::<Block, <Block as BlockT>::Hash, Network>::new(
        &config.network,
        config.prometheus_config.as_ref().map(|cfg| cfg.registry.clone()),
    );
    let metrics = Network::register_notification_metrics(config.prometheus_config.as_ref().map(|cfg| &cfg.registry));

    let (import_queue, pos, grandpa_notifications) = if slots {
        let (grandpa_block_import, grandpa_link) = sc_consensus_grandpa::block_import(
            client.clone(),
            GRANDPA_JUSTIFICATION_PERIOD,
            &client,
            select_chain.clone(),
            telemetry.as_ref().map(|x| x.handle()),
        )?;
        let justification_import = grandpa_block_import.clone();
        let slot_duration = babe_config.slot_duration();
        let (block_import, babe_link) = sc_consensus_babe::block_import(
            babe_config,
            grandpa_block_import,
            client.clone(),
            Arc::new(move |_, _| async move {
                let timestamp = sp_timestamp::InherentDataProvider::from_system_time();
                let slot = sp_consensus_babe::inherents::InherentDataProvider::from_timestamp_and_slot_duration(
                    *timestamp,
                    slot_duration,
                );
                Ok((slot, timestamp))
            }) as sp_consensus_babe::inherents::BabeCreateInherentDataProviders<Block>,
            select_chain.clone(),
            OffchainTransactionPoolFactory::new(transaction_pool.clone()),
        )?;
        let (import_queue, babe_worker) = sc_consensus_babe::import_queue(sc_consensus_babe::ImportQueueParams {
            link: babe_link.clone(),
            block_import: block_import.clone(),
            justification_import: Some(Box::new(justification_import)),
            client: client.clone(),
            slot_duration,
            spawner: &task_manager.spawn_essential_handle(),
            registry: config.prometheus_registry(),
            telemetry: telemetry.as_ref().map(|x| x.handle()),
        })?;
        // The BABE worker (epoch data for the import queue) stops when its
        // last handle goes; the node holds one for its whole life.
        task_manager.spawn_handle().spawn("babe-worker-handle", None, async move {
            let _keep = babe_worker;
            futures::future::pending::<()>().await
        });
        let genesis = client.chain_info().genesis_hash;
        let protocol = sc_consensus_grandpa::protocol_standard_name(&genesis, &config.chain_spec);
        let (protocol_config, notifications) = sc_consensus_grandpa::grandpa_peers_set_config::<_, Network>(
            protocol.clone(),
            metrics.clone(),
            net_config.peer_store_handle(),
        );
        net_config.add_notification_protocol(protocol_config);
        (import_queue, Some(Pos { block_import, babe_link, grandpa_link }), Some((protocol, notifications)))
    } else {
        let import_queue = sc_consensus_manual_seal::import_queue(
            Box::new(client.clone()),
            &task_manager.spawn_essential_handle(),
            config.prometheus_registry(),
        );
        (import_queue, None, None)
    };
    let (network, system_rpc_tx, tx_handler_controller, sync_service, _bitswap) =
        sc_service::build_network(sc_service::BuildNetworkParams {
            config: &config,
            net_config,
            client: client.clone(),
            transaction_pool: transaction_pool.clone(),
            spawn_handle: task_manager.spawn_handle(),
            spawn_essential_handle: task_manager.spawn_essential_handle(),
            import_queue,
            block_announce_validator_builder: None,
            warp_sync_config: None,
            block_relay: None,
            metrics,
            gap_sync_body_policy: None,
        })?;

    if config.offchain_worker.enabled {
        let offchain_workers = sc_offchain::OffchainWorkers::new(sc_offchain::OffchainWorkerOptions {
            runtime_api_provider: client.clone(),
            is_validator: config.role.is_authority(),
            keystore: Some(keystore_container.keystore()),
            offchain_db: backend.offchain_storage(),
            transaction_pool: Some(OffchainTransactionPoolFactory::new(transaction_pool.clone())),
            network_provider: Arc::new(network.clone()),
            enable_http_requests: false,
            custom_extensions: |_| vec![],
        })?;
        task_manager.spawn_handle().spawn(
            "offchain-workers-runner",
            "offchain-worker",
            offchain_workers.run(client.clone(), task_manager.spawn_handle()).boxed(),
        );
    }

    // All sealing requests funnel into one channel: the RPC's (instant seal
    // only), the timer's or the transaction pool's.
    let (seal_sink, seal_commands) = futures::channel::mpsc::channel(1024);

    // The artefact store lives beside the chain database.
    let store = Arc::new(
        gensyn_store::DiskStore::open(
            config.base_path.path().join("store"),
            crate::store_rpc::MAX_ARTEFACT,
            crate::store_rpc::MAX_TOTAL,
        )
        .map_err(|e| ServiceError::Other(format!("artefact store: {e}")))?,
    );
    let holder = Arc::new(crate::availability::Holder::new(
        store,
        crate::availability::ShardDir::open(config.base_path.path().join("store").join("shards"))
            .map_err(|e| ServiceError::Other(format!("shard store: {e}")))?,
        store_peers,
        client.clone(),
        transaction_pool.clone(),
        keystore_container.keystore(),
    ));
    // The holder's duties, at every new best block: attest, answer
    // challenges, drop what the chain pruned.
    {
        use polkadot_sdk::sc_client_api::BlockchainEvents;
        let holder = holder.clone();
        let mut blocks = client.import_notification_stream();
        task_manager.spawn_handle().spawn("gensyn-availability", None, async move {
            while let Some(block) = blocks.next().await {
                if block.is_new_best {
                    holder.duties().await;
                }
            }
        });
    }
    let rpc_builder = {
        let holder = holder.clone();
        let client = client.clone();
        let pool = transaction_pool.clone();
        // On a timer or on slots no client may seal: the protocol's windows
        // count blocks, and a party that could make blocks would run its
        // rivals' clocks.
        let seal = (block_time_ms.is_none() && !slots).then(|| seal_sink.clone());
        Box::new(move |_| {
            let deps = crate::rpc::FullDeps {
                client: client.clone(),
                pool: pool.clone(),
                seal: seal.clone(),
                holder: holder.clone(),
            };
            crate::rpc::create_full(deps).map_err(Into::into)
        })
    };

    let prometheus_registry = config.prometheus_registry().cloned();
    let role = config.role;
    let force_authoring = config.force_authoring;
    let name = config.network.node_name.clone();
    sc_service::spawn_tasks(sc_service::SpawnTasksParams {
        network: network.clone(),
        client: client.clone(),
        keystore: keystore_container.keystore(),
        task_manager: &mut task_manager,
        transaction_pool: transaction_pool.clone(),
        rpc_builder,
        backend,
        system_rpc_tx,
        tx_handler_controller,
        sync_service: sync_service.clone(),
        config,
        telemetry: telemetry.as_mut(),
        tracing_execute_block: None,
    })?;

    let proposer = sc_basic_authorship::ProposerFactory::new(
        task_manager.spawn_handle(),
        client.clone(),
        transaction_pool.clone(),
        prometheus_registry.as_ref(),
        telemetry.as_ref().map(|x| x.handle()),
    );

    if let (Some(pos), Some((protocol_name, notification_service))) = (pos, grandpa_notifications) {
        let Pos { block_import, babe_link, grandpa_link } = pos;
        if role.is_authority() {
            let slot_duration = babe_link.config().slot_duration();
            let babe = sc_consensus_babe::start_babe(sc_consensus_babe::BabeParams {
                keystore: keystore_container.keystore(),
                client: client.clone(),
                select_chain,
                block_import,
                env: proposer,
                sync_oracle: sync_service.clone(),
                justification_sync_link: sync_service.clone(),
                create_inherent_data_providers: move |_, ()| async move {
                    let timestamp = sp_timestamp::InherentDataProvider::from_system_time();
                    let slot = sp_consensus_babe::inherents::InherentDataProvider::from_timestamp_and_slot_duration(
                        *timestamp,
                        slot_duration,
                    );
                    Ok((slot, timestamp))
                },
                force_authoring,
                backoff_authoring_blocks: Option::<()>::None,
                babe_link,
                block_proposal_slot_portion: sc_consensus_babe::SlotProportion::new(2f32 / 3f32),
                max_block_proposal_slot_portion: None,
                telemetry: telemetry.as_ref().map(|x| x.handle()),
            })?;
            task_manager.spawn_essential_handle().spawn_blocking("babe", Some("block-authoring"), babe);
        }
        // Every full node runs the voter (a non-authority only observes and
        // relays votes), as Polkadot's nodes do.
        let grandpa = sc_consensus_grandpa::run_grandpa_voter(sc_consensus_grandpa::GrandpaParams {
            config: sc_consensus_grandpa::Config {
                // Loopback gossip is fast; a short round keeps the finality
                // lag near one or two slots.
                gossip_duration: Duration::from_millis(333),
                justification_generation_period: GRANDPA_JUSTIFICATION_PERIOD,
                name: Some(name),
                observer_enabled: false,
                keystore: role.is_authority().then(|| keystore_container.keystore()),
                local_role: role,
                telemetry: telemetry.as_ref().map(|x| x.handle()),
                protocol_name,
            },
            link: grandpa_link,
            network,
            sync: sync_service,
            notification_service,
            voting_rule: sc_consensus_grandpa::VotingRulesBuilder::default().build(),
            prometheus_registry,
            shared_voter_state: sc_consensus_grandpa::SharedVoterState::empty(),
            telemetry: telemetry.as_ref().map(|x| x.handle()),
            offchain_tx_pool_factory: OffchainTransactionPoolFactory::new(transaction_pool),
        })?;
        task_manager.spawn_essential_handle().spawn_blocking("grandpa-voter", None, grandpa);
        drop(seal_sink);
        return Ok(task_manager);
    }

    let seal =
        |create_empty| EngineCommand::SealNewBlock { create_empty, finalize: true, parent_hash: None, sender: None };
    // One block at start-up: `devnet up` waits for it as its readiness signal,
    // and it gives the fork-aware pool its first view.
    let startup = futures::stream::once(futures::future::ready(seal(true)));
    // Instant seal: one block per transaction that becomes ready. On a
    // timer, blocks come from the timer alone (fair clocks: no party's
    // transactions advance the others' windows).
    let (on_transaction, timer) = match block_time_ms {
        None => (
            transaction_pool.import_notification_stream().map(move |_| seal(false)).boxed(),
            futures::stream::pending().boxed(),
        ),
        Some(ms) => (
            futures::stream::pending().boxed(),
            futures::stream::unfold((), move |()| async move {
                futures_timer_delay(Duration::from_millis(ms)).await;
                Some((seal(true), ()))
            })
            .boxed(),
        ),
    };
    let commands =
        futures::stream::select(startup.chain(futures::stream::select(on_transaction, timer)), seal_commands);

    let authorship = sc_consensus_manual_seal::run_manual_seal(sc_consensus_manual_seal::ManualSealParams {
        block_import: client.clone(),
        env: proposer,
        client,
        pool: transaction_pool,
        select_chain,
        commands_stream: Box::pin(commands),
        consensus_data_provider: None,
        create_inherent_data_providers: move |_, ()| async move {
            Ok(sp_timestamp::InherentDataProvider::from_system_time())
        },
    });
    task_manager.spawn_essential_handle().spawn_blocking("manual-seal", None, authorship);
    drop(seal_sink);
    Ok(task_manager)
}

/// The executor `sc_service::new_wasm_executor` builds, plus wasmtime's
/// on-disk cache of compiled runtimes: compiling the runtime is most of a
/// node's start-up (about 3 s of Cranelift on two cores), and the cache is
/// keyed by the module's hash and the engine's settings, so one cache
/// serves every devnet on the machine.
fn wasm_executor(config: &sc_service::config::ExecutorConfiguration) -> WasmExecutor<HostFunctions> {
    use polkadot_sdk::sc_executor::{HeapAllocStrategy, DEFAULT_HEAP_ALLOC_STRATEGY};
    let strategy = config
        .default_heap_pages
        .map_or(DEFAULT_HEAP_ALLOC_STRATEGY, |p| HeapAllocStrategy::Static { extra_pages: p as _ });
    let mut builder = WasmExecutor::<HostFunctions>::builder()
        .with_execution_method(config.wasm_method)
        .with_onchain_heap_alloc_strategy(strategy)
        .with_offchain_heap_alloc_strategy(strategy)
        .with_max_runtime_instances(config.max_runtime_instances)
        .with_runtime_cache_size(config.runtime_cache_size);
    if let Some(dir) = crate::cache_dir("wasm") {
        builder = builder.with_cache_path(dir);
    }
    builder.build()
}

/// A timer that needs no runtime of its own: the node runs on tokio.
async fn futures_timer_delay(d: Duration) {
    tokio::time::sleep(d).await
}
