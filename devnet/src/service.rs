//! Assembles the node: client, transaction pool, network, RPC and the
//! manual-seal authorship task.

use futures::{FutureExt, StreamExt};
use gensyn_runtime::{opaque::Block, RuntimeApi};
use polkadot_sdk::{
    sc_basic_authorship,
    sc_client_api::Backend,
    sc_consensus, sc_consensus_manual_seal,
    sc_consensus_manual_seal::EngineCommand,
    sc_executor::WasmExecutor,
    sc_network, sc_offchain, sc_service,
    sc_service::{error::Error as ServiceError, Configuration, TaskManager},
    sc_telemetry::{Telemetry, TelemetryWorker},
    sc_transaction_pool,
    sc_transaction_pool_api::{OffchainTransactionPoolFactory, TransactionPool},
    sp_io,
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

/// Builds and starts a full node; returns its task manager.
pub fn new_full<Network: sc_network::NetworkBackend<Block, <Block as BlockT>::Hash>>(
    config: Configuration,
    block_time_ms: Option<u64>,
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

    let executor = sc_service::new_wasm_executor::<HostFunctions>(&config.executor);
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
    let import_queue = sc_consensus_manual_seal::import_queue(
        Box::new(client.clone()),
        &task_manager.spawn_essential_handle(),
        config.prometheus_registry(),
    );

    let net_config = sc_network::config::FullNetworkConfiguration::<Block, <Block as BlockT>::Hash, Network>::new(
        &config.network,
        config.prometheus_config.as_ref().map(|cfg| cfg.registry.clone()),
    );
    let metrics = Network::register_notification_metrics(config.prometheus_config.as_ref().map(|cfg| &cfg.registry));
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
    let rpc_builder = {
        let store = store.clone();
        let client = client.clone();
        let pool = transaction_pool.clone();
        // On a timer no client may seal: the protocol's windows count blocks,
        // and a party that could make blocks would run its rivals' clocks.
        let seal = block_time_ms.is_none().then(|| seal_sink.clone());
        Box::new(move |_| {
            let deps = crate::rpc::FullDeps {
                client: client.clone(),
                pool: pool.clone(),
                seal: seal.clone(),
                store: store.clone(),
            };
            crate::rpc::create_full(deps).map_err(Into::into)
        })
    };

    let prometheus_registry = config.prometheus_registry().cloned();
    sc_service::spawn_tasks(sc_service::SpawnTasksParams {
        network,
        client: client.clone(),
        keystore: keystore_container.keystore(),
        task_manager: &mut task_manager,
        transaction_pool: transaction_pool.clone(),
        rpc_builder,
        backend,
        system_rpc_tx,
        tx_handler_controller,
        sync_service,
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

/// A timer that needs no runtime of its own: the node runs on tokio.
async fn futures_timer_delay(d: Duration) {
    tokio::time::sleep(d).await
}
