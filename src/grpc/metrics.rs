//! Prometheus metrics (the `prometheus` crate's registry and text encoder),
//! served over plain HTTP/1 at `GET /metrics` when `--metrics-addr` is set.

use super::limiter::Limiter;
use crate::pipeline::MODEL_VERSION;
use bytes::Bytes;
use http_body_util::Full;
use hyper::{Request, Response, StatusCode};
use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, IntGaugeVec, Opts,
    Registry, TextEncoder,
};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tonic::Code;

/// Latency buckets in seconds: 1 ms to 10 s (an article parses in about 1–5 ms).
const LATENCY_BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];
/// Stage buckets in seconds: 10 µs to 1 s.
const STAGE_BUCKETS: &[f64] = &[
    0.00001, 0.00005, 0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.25, 1.0,
];

/// Every series the server exports.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    in_flight: IntGauge,
    queued: IntGauge,
    refusals: IntCounterVec,
    stages: HistogramVec,
    articles: IntCounter,
    words: IntCounter,
}

impl Metrics {
    /// Registers every series; fails only on a name clash (a bug).
    pub fn new() -> Result<Metrics, prometheus::Error> {
        let registry = Registry::new_custom(Some("newsparse".into()), None)?;
        let requests = IntCounterVec::new(
            Opts::new(
                "requests_total",
                "Calls (ParseStream: articles) by method and gRPC code",
            ),
            &["method", "code"],
        )?;
        let latency = HistogramVec::new(
            HistogramOpts::new("request_duration_seconds", "Time to answer, by method")
                .buckets(LATENCY_BUCKETS.to_vec()),
            &["method"],
        )?;
        let in_flight = IntGauge::new("parses_in_flight", "Parses running on the CPU pool")?;
        let queued = IntGauge::new("parses_queued", "Admitted parses waiting for a CPU slot")?;
        let refusals = IntCounterVec::new(
            Opts::new("refusals_total", "Calls refused before any work, by reason"),
            &["reason"],
        )?;
        let stages = HistogramVec::new(
            HistogramOpts::new("stage_duration_seconds", "Time per pipeline stage")
                .buckets(STAGE_BUCKETS.to_vec()),
            &["stage"],
        )?;
        let articles = IntCounter::new("articles_parsed_total", "Articles parsed")?;
        let words = IntCounter::new("words_parsed_total", "Whitespace-separated words parsed")?;
        let build = IntGaugeVec::new(
            Opts::new("build_info", "Always 1; labels name the build and model"),
            &["version", "model_version"],
        )?;
        build
            .with_label_values(&[env!("CARGO_PKG_VERSION"), MODEL_VERSION])
            .set(1);
        registry.register(Box::new(requests.clone()))?;
        registry.register(Box::new(latency.clone()))?;
        registry.register(Box::new(in_flight.clone()))?;
        registry.register(Box::new(queued.clone()))?;
        registry.register(Box::new(refusals.clone()))?;
        registry.register(Box::new(stages.clone()))?;
        registry.register(Box::new(articles.clone()))?;
        registry.register(Box::new(words.clone()))?;
        registry.register(Box::new(build))?;
        Ok(Metrics {
            registry,
            requests,
            latency,
            in_flight,
            queued,
            refusals,
            stages,
            articles,
            words,
        })
    }

    /// One answered call (or ParseStream article).
    pub fn answered(&self, method: &str, code: Code, elapsed: Duration) {
        self.requests
            .with_label_values(&[method, code_name(code)])
            .inc();
        self.latency
            .with_label_values(&[method])
            .observe(elapsed.as_secs_f64());
    }

    /// A call refused before any work ("overloaded", "unauthenticated").
    pub fn refused(&self, reason: &str) {
        self.refusals.with_label_values(&[reason]).inc();
    }

    /// A call turned away by the interceptor, before the method ran: counted
    /// under its method and code, and as a refusal, but kept out of the latency
    /// histogram (no work was timed).
    pub fn turned_away(&self, method: &str, code: Code, reason: &str) {
        self.requests
            .with_label_values(&[method, code_name(code)])
            .inc();
        self.refused(reason);
    }

    /// One parsed article: its words and the time of each stage.
    pub fn parsed(&self, text: &str, stage_times: &[(&'static str, Duration)]) {
        self.articles.inc();
        self.words.inc_by(text.split_whitespace().count() as u64);
        for (stage, t) in stage_times {
            self.stages
                .with_label_values(&[stage])
                .observe(t.as_secs_f64());
        }
    }

    /// The text exposition, with the parse gauges read from the limiter now.
    pub fn render(&self, limiter: &Limiter) -> Vec<u8> {
        let (running, queued) = limiter.load();
        self.in_flight.set(running as i64);
        self.queued.set(queued as i64);
        let mut out = Vec::new();
        // Encoding into a Vec cannot fail on I/O; a series error would be a bug.
        if let Err(e) = TextEncoder::new().encode(&self.registry.gather(), &mut out) {
            tracing::error!(error = %e, "encoding metrics");
        }
        out
    }
}

/// The canonical upper-case name of a gRPC code, as in the gRPC spec.
fn code_name(code: Code) -> &'static str {
    match code {
        Code::Ok => "OK",
        Code::Cancelled => "CANCELLED",
        Code::Unknown => "UNKNOWN",
        Code::InvalidArgument => "INVALID_ARGUMENT",
        Code::DeadlineExceeded => "DEADLINE_EXCEEDED",
        Code::NotFound => "NOT_FOUND",
        Code::AlreadyExists => "ALREADY_EXISTS",
        Code::PermissionDenied => "PERMISSION_DENIED",
        Code::ResourceExhausted => "RESOURCE_EXHAUSTED",
        Code::FailedPrecondition => "FAILED_PRECONDITION",
        Code::Aborted => "ABORTED",
        Code::OutOfRange => "OUT_OF_RANGE",
        Code::Unimplemented => "UNIMPLEMENTED",
        Code::Internal => "INTERNAL",
        Code::Unavailable => "UNAVAILABLE",
        Code::DataLoss => "DATA_LOSS",
        Code::Unauthenticated => "UNAUTHENTICATED",
    }
}

/// Serves `GET /metrics` on `listener` until `shutdown` resolves.
pub async fn serve(
    listener: TcpListener,
    metrics: Arc<Metrics>,
    limiter: Limiter,
    shutdown: impl Future<Output = ()>,
) {
    tracing::info!(addr = ?listener.local_addr().ok(), "serving metrics");
    tokio::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    tracing::warn!(error = %e, "metrics: accept failed");
                    continue;
                }
            },
            () = &mut shutdown => return,
        };
        let (metrics, limiter) = (Arc::clone(&metrics), limiter.clone());
        let service = hyper::service::service_fn(move |req: Request<hyper::body::Incoming>| {
            let body = respond(&req, &metrics, &limiter);
            async move { Ok::<_, std::convert::Infallible>(body) }
        });
        tokio::spawn(async move {
            let io = hyper_util::rt::TokioIo::new(stream);
            if let Err(e) = hyper::server::conn::http1::Builder::new()
                .serve_connection(io, service)
                .await
            {
                tracing::debug!(error = %e, "metrics connection ended");
            }
        });
    }
}

fn respond<B>(req: &Request<B>, metrics: &Metrics, limiter: &Limiter) -> Response<Full<Bytes>> {
    let (status, kind, body) = if req.uri().path() == "/metrics" {
        let body = metrics.render(limiter);
        (StatusCode::OK, prometheus::TEXT_FORMAT, body)
    } else {
        let body = b"not found; metrics are at /metrics\n".to_vec();
        (StatusCode::NOT_FOUND, "text/plain; charset=utf-8", body)
    };
    let mut resp = Response::new(Full::new(Bytes::from(body)));
    *resp.status_mut() = status;
    if let Ok(v) = kind.parse() {
        resp.headers_mut().insert(hyper::header::CONTENT_TYPE, v);
    }
    resp
}
