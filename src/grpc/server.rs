//! Serving: the article service, grpc.health.v1 and reflection (v1 and v1alpha)
//! on one listener, gzip both ways, optional TLS and bearer tokens, metrics on a
//! second listener, graceful shutdown with a bounded drain.

use super::deadline;
use super::method::{Method, TagMethod};
use super::metrics::{self, Metrics};
use super::pb::{self, article_service_server::ArticleServiceServer};
use super::service::ArticleSvc;
use super::status::ServiceError;
use crate::config::Config;
use std::future::Future;
use std::sync::Arc;
use tokio::net::TcpListener;
use tonic::codec::CompressionEncoding::Gzip;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::server::TcpIncoming;
use tonic::transport::{Identity, ServerTlsConfig};
use tonic_health::ServingStatus;

/// Why the server stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The transport failed.
    #[error("gRPC transport error: {0}")]
    Transport(#[from] tonic::transport::Error),
    /// The reflection service could not be built from the descriptors.
    #[error("reflection setup failed: {0}")]
    Reflection(#[from] tonic_reflection::server::Error),
    /// rustls refused the certificate or key.
    #[error("TLS certificate or key (--tls-cert, --tls-key) is not usable: {0}")]
    Tls(tonic::transport::Error),
    /// The operating system refused to start the parse threads.
    #[error("cannot start the parse threads: {0}")]
    ParseThreads(#[source] std::io::Error),
    /// The metrics registry could not be set up (a bug).
    #[error("metrics setup failed: {0}")]
    Metrics(#[from] prometheus::Error),
}

/// The sockets the server answers on, bound by the caller (port 0 in tests).
#[derive(Debug)]
pub struct Listeners {
    /// gRPC (plain or TLS).
    pub grpc: TcpListener,
    /// Prometheus metrics over HTTP, when enabled.
    pub metrics: Option<TcpListener>,
}

impl From<TcpListener> for Listeners {
    fn from(grpc: TcpListener) -> Self {
        Listeners {
            grpc,
            metrics: None,
        }
    }
}

/// Accepted connections with Nagle's algorithm off: without it a small unary
/// answer waits ~40 ms for the client's delayed ACK (measured: 22 articles/s
/// at one request in flight, 700+ with it off).
fn incoming(listener: TcpListener) -> TcpIncoming {
    TcpIncoming::from(listener).with_nodelay(Some(true))
}

fn reflection() -> tonic_reflection::server::Builder<'static> {
    // Both reflection versions are listed by either endpoint, so `grpcurl list`
    // (v1alpha) and newer clients (v1) see the same catalogue.
    tonic_reflection::server::Builder::configure()
        .include_reflection_service(false)
        .register_encoded_file_descriptor_set(tonic_reflection::pb::v1::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_reflection::pb::v1alpha::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(pb::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
}

/// Serves until `shutdown` resolves, then reports NOT_SERVING, stops accepting
/// connections and lets in-flight requests finish for up to `drain_timeout`.
pub async fn run(
    listeners: impl Into<Listeners>,
    config: Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    let Listeners {
        grpc: listener,
        metrics: metrics_listener,
    } = listeners.into();
    let metrics = Arc::new(Metrics::new()?);
    let svc = ArticleSvc::new(&config, Arc::clone(&metrics)).map_err(ServerError::ParseThreads)?;
    let limiter = svc.limiter().clone();
    // Dropping the sender (when `run` returns) stops the metrics listener.
    let _stop_metrics = metrics_listener.map(|l| spawn_metrics(l, &metrics, &svc));
    let max = config.max_message_bytes;
    let articles = ArticleServiceServer::new(svc)
        .accept_compressed(Gzip)
        .send_compressed(Gzip)
        .max_decoding_message_size(max)
        .max_encoding_message_size(max);
    let articles = TagMethod(InterceptedService::new(
        articles,
        intercept(&config, metrics),
    ));
    let (health, health_svc) = tonic_health::server::health_reporter();
    set_serving(&health, ServingStatus::Serving).await;
    let (drain_tx, drain_rx) = tokio::sync::oneshot::channel::<()>();
    let signal = async move {
        shutdown.await;
        set_serving(&health, ServingStatus::NotServing).await;
        tracing::info!("shutdown requested: NOT_SERVING, draining in-flight requests");
        let _ = drain_tx.send(());
    };
    tracing::info!(
        addr = ?listener.local_addr().ok(),
        tls = config.tls.is_some(),
        auth = config.auth.is_some(),
        "serving"
    );
    let server = builder(&config)?
        .add_service(health_svc.accept_compressed(Gzip).send_compressed(Gzip))
        .add_service(
            reflection()
                .build_v1()?
                .accept_compressed(Gzip)
                .send_compressed(Gzip),
        )
        .add_service(
            reflection()
                .build_v1alpha()?
                .accept_compressed(Gzip)
                .send_compressed(Gzip),
        )
        .add_service(articles)
        .serve_with_incoming_shutdown(incoming(listener), signal);
    let drain = config.drain_timeout;
    tokio::select! {
        res = server => res?,
        () = async move {
            if drain_rx.await.is_ok() {
                tokio::time::sleep(drain).await;
            } else {
                std::future::pending::<()>().await;
            }
        } => tracing::warn!(?drain, "drain timeout reached; closing remaining connections"),
    }
    // Calls still open past the drain get UNAVAILABLE instead of waiting for a slot,
    // and the parse threads exit once their current parse is done.
    limiter.close();
    tracing::info!("server stopped");
    Ok(())
}

/// The same status for the whole server (`""`) and the article service.
async fn set_serving(health: &tonic_health::server::HealthReporter, status: ServingStatus) {
    health
        .set_service_status(
            <ArticleServiceServer<ArticleSvc> as tonic::server::NamedService>::NAME,
            status,
        )
        .await;
    health.set_service_status("", status).await;
}

/// Serves metrics on `listener` until the returned sender is dropped.
fn spawn_metrics(
    listener: TcpListener,
    metrics: &Arc<Metrics>,
    svc: &ArticleSvc,
) -> tokio::sync::oneshot::Sender<()> {
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let stopped = async move {
        let _ = stopped.await;
    };
    let limiter = svc.limiter().clone();
    tokio::spawn(metrics::serve(
        listener,
        Arc::clone(metrics),
        limiter,
        stopped,
    ));
    stop
}

/// The transport: keepalive pings and connection age as configured, with TLS
/// when configured (rustls checks the PEM files here, so a bad certificate stops
/// start-up).
fn builder(config: &Config) -> Result<tonic::transport::Server, ServerError> {
    let mut builder = tonic::transport::Server::builder()
        .http2_keepalive_interval(config.http2_keepalive.map(|(every, _)| every))
        .http2_keepalive_timeout(config.http2_keepalive.map(|(_, wait)| wait));
    if let Some(age) = config.max_connection_age {
        // tonic sends GOAWAY at this age and closes the connection once its calls are
        // done. Not `max_connection_age_grace`: in tonic 0.14.9 setting it replaces the
        // GOAWAY with an abrupt close at age + grace, failing the calls in flight.
        builder = builder.max_connection_age(age);
    }
    let Some(tls) = &config.tls else {
        return Ok(builder);
    };
    let identity = Identity::from_pem(&tls.cert_pem, &tls.key_pem);
    builder
        .tls_config(ServerTlsConfig::new().identity(identity))
        .map_err(ServerError::Tls)
}

/// Runs before the body is decoded: checks the bearer token (when required),
/// then stamps the arrival time for deadlines.
fn intercept(config: &Config, metrics: Arc<Metrics>) -> impl tonic::service::Interceptor + Clone {
    let tokens = config.auth.clone();
    move |req: tonic::Request<()>| {
        if let Some(tokens) = &tokens {
            if let Err(e) = tokens.check(req.metadata()) {
                let method = req.extensions().get::<Method>().map_or("unknown", |m| m.0);
                metrics.turned_away(method, tonic::Code::Unauthenticated, "unauthenticated");
                tracing::debug!(error = %e, "refused: unauthenticated");
                return Err(ServiceError::from(e).into());
            }
        }
        deadline::stamp_arrival(req)
    }
}
