//! `newsparse.v1.ArticleService`: validation, admission, CPU work off the async
//! runtime, ordered bounded streaming.

use super::convert::{response, stream_response, ParseInput};
use super::deadline;
use super::limiter::Limiter;
use super::metrics::Metrics;
use super::pb::{self, article_service_server::ArticleService};
use super::status::ServiceError;
use crate::config::Config;
use crate::error::RequestError;
use crate::pipeline::Pipeline;
use std::sync::Arc;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio::time::Instant;
use tokio_stream::wrappers::ReceiverStream;
use tokio_stream::StreamExt;
use tonic::{Request, Response, Status, Streaming};

/// The service: shares one loaded [`Pipeline`] across all requests.
#[derive(Debug, Clone)]
pub struct ArticleSvc {
    pipeline: Arc<Pipeline>,
    limiter: Limiter,
    max_text_bytes: usize,
    window: usize,
    metrics: Arc<Metrics>,
}

impl ArticleSvc {
    /// Serves the configured pipeline within the configured limits, reporting to
    /// `metrics`; fails only when the parse threads cannot be started.
    pub fn new(config: &Config, metrics: Arc<Metrics>) -> std::io::Result<Self> {
        let limiter = Limiter::new(config.max_concurrent_parses, config.max_queued_parses)?;
        Ok(ArticleSvc {
            pipeline: Arc::clone(&config.pipeline),
            limiter,
            max_text_bytes: config.max_text_bytes,
            window: config.stream_window,
            metrics,
        })
    }

    /// The admission limiter, whose load the metrics report.
    pub fn limiter(&self) -> &Limiter {
        &self.limiter
    }

    /// Validates and parses one article off the async runtime.
    async fn parse_one(
        &self,
        req: pb::ParseRequest,
        admission: tokio::sync::OwnedSemaphorePermit,
        deadline: Option<Instant>,
    ) -> Result<pb::ParseResponse, ServiceError> {
        let input = ParseInput::from_request(req, self.max_text_bytes)?;
        let pipeline = Arc::clone(&self.pipeline);
        let started = std::time::Instant::now();
        let until = deadline.map(Instant::into_std);
        let (input, analysis) = self
            .limiter
            .run(admission, deadline, move || {
                let analysis = pipeline.analyze_before(&input.text, &input.options, until);
                (input, analysis)
            })
            .await?;
        let analysis = analysis.map_err(|_| ServiceError::DeadlineExceeded)?;
        tracing::debug!(
            id = %input.id,
            bytes = input.text.len(),
            entities = analysis.entities.len(),
            micros = started.elapsed().as_micros() as u64,
            "parsed"
        );
        self.metrics.parsed(&input.text, &analysis.stage_times);
        Ok(response(&input, &analysis))
    }

    /// One stream item: waits for room (backpressure), never fails the stream.
    async fn stream_item(
        self,
        item: pb::ParseStreamRequest,
        deadline: Option<Instant>,
    ) -> pb::ParseStreamResponse {
        let Some(req) = item.request else {
            let e = ServiceError::from(RequestError::MissingStreamRequest);
            return stream_response(String::new(), Err(e.into()));
        };
        let id = req.id.clone();
        let started = std::time::Instant::now();
        let result = match self.limiter.admit().await {
            Ok(permit) => self.parse_one(req, permit, deadline).await,
            Err(e) => Err(e),
        };
        let result = result.map_err(|e| {
            tracing::info!(%id, code = ?e.code(), error = %e, "stream article failed");
            Status::from(e)
        });
        let code = result
            .as_ref()
            .map_or_else(Status::code, |_| tonic::Code::Ok);
        self.metrics
            .answered("ParseStream", code, started.elapsed());
        stream_response(id, result)
    }
}

#[tonic::async_trait]
impl ArticleService for ArticleSvc {
    async fn parse(
        &self,
        request: Request<pb::ParseRequest>,
    ) -> Result<Response<pb::ParseResponse>, Status> {
        let started = std::time::Instant::now();
        let deadline = deadline::of(&request);
        let resp = match self.limiter.try_admit() {
            Ok(admission) => {
                self.parse_one(request.into_inner(), admission, deadline)
                    .await
            }
            Err(e) => {
                // Debug, not warn: under overload this fires thousands of times a
                // second, and the client already gets RESOURCE_EXHAUSTED.
                tracing::debug!(error = %e, "refused: overloaded");
                self.metrics.refused("overloaded");
                Err(e)
            }
        };
        let code = resp
            .as_ref()
            .map_or_else(ServiceError::code, |_| tonic::Code::Ok);
        self.metrics.answered("Parse", code, started.elapsed());
        resp.map(Response::new).map_err(|e| {
            tracing::info!(code = ?e.code(), error = %e, "parse failed");
            Status::from(e)
        })
    }

    type ParseStreamStream = ReceiverStream<Result<pb::ParseStreamResponse, Status>>;

    async fn parse_stream(
        &self,
        request: Request<Streaming<pb::ParseStreamRequest>>,
    ) -> Result<Response<Self::ParseStreamStream>, Status> {
        let deadline = deadline::of(&request);
        let mut inbound = request.into_inner();
        // Both channels are bounded by the window: a slow reader stops us from
        // reading (and parsing) further requests.
        let (jobs_tx, mut jobs_rx) =
            mpsc::channel::<JoinHandle<pb::ParseStreamResponse>>(self.window);
        let (out_tx, out_rx) = mpsc::channel(self.window);
        let svc = self.clone();
        let reader_out = out_tx.clone();
        tokio::spawn(async move {
            while let Some(item) = inbound.next().await {
                match item {
                    Ok(req) => {
                        let job = tokio::spawn(svc.clone().stream_item(req, deadline));
                        if jobs_tx.send(job).await.is_err() {
                            break;
                        }
                    }
                    Err(status) => {
                        tracing::info!(%status, "ParseStream inbound error");
                        let _ = reader_out.send(Err(status)).await;
                        break;
                    }
                }
            }
        });
        tokio::spawn(async move {
            while let Some(job) = jobs_rx.recv().await {
                let item = job.await.map_err(|e| Status::internal(e.to_string()));
                if out_tx.send(item).await.is_err() {
                    break;
                }
            }
        });
        Ok(Response::new(ReceiverStream::new(out_rx)))
    }
}
