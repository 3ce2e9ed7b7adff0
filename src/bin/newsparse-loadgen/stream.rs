//! ParseStream workers: one long-lived stream each, a fixed window of requests in flight.

use crate::plan::Plan;
use crate::pool::Client;
use crate::stats::Tally;
use newsparse::grpc::pb::{
    parse_stream_response::Result as Item, ParseResponse, ParseStreamRequest, ParseStreamResponse,
};
use std::sync::Arc;
use std::time::Instant;
use tokio::sync::{mpsc, Semaphore};

/// One ParseStream with up to `window` requests in flight; responses come back in
/// request order, so each is matched with the oldest send time.
pub async fn worker(mut client: Client, plan: Plan, window: usize) -> Tally {
    let mut tally = Tally::default();
    let (tx, rx) = mpsc::channel::<ParseStreamRequest>(window);
    let (sent_tx, mut sent_rx) = mpsc::unbounded_channel::<(Instant, usize)>();
    let permits = Arc::new(Semaphore::new(window));
    let sender = tokio::spawn(send(plan.clone(), Arc::clone(&permits), tx, sent_tx));
    let outbound = tokio_stream::wrappers::ReceiverStream::new(rx);
    let mut inbound = match client.parse_stream(outbound).await {
        Ok(r) => r.into_inner(),
        Err(status) => {
            tally.error(format!("{:?}", status.code()));
            return tally;
        }
    };
    loop {
        let item = inbound.message().await;
        let Some((t0, words)) = (match &item {
            Ok(Some(_)) | Err(_) => sent_rx.recv().await,
            Ok(None) => None,
        }) else {
            break;
        };
        let failed = item.is_err();
        let outcome = item.and_then(|r| answer(r.unwrap_or_default()));
        plan.record(&mut tally, t0, outcome, words);
        permits.add_permits(1);
        if failed {
            break;
        }
    }
    sender.abort();
    tally
}

/// Sends a request whenever a window slot is free, until the end of the run.
async fn send(
    plan: Plan,
    permits: Arc<Semaphore>,
    tx: mpsc::Sender<ParseStreamRequest>,
    sent_tx: mpsc::UnboundedSender<(Instant, usize)>,
) {
    while let Ok(Ok(p)) = tokio::time::timeout_at(plan.end.into(), permits.acquire()).await {
        p.forget();
        let Some((req, words)) = plan.take() else {
            break;
        };
        let req = ParseStreamRequest { request: Some(req) };
        if sent_tx.send((Instant::now(), words)).is_err() || tx.send(req).await.is_err() {
            break;
        }
    }
}

/// A stream answer as the unary call would have given it.
fn answer(r: ParseStreamResponse) -> Result<ParseResponse, tonic::Status> {
    match r.result {
        Some(Item::Response(resp)) => Ok(resp),
        Some(Item::Error(e)) => Err(tonic::Status::new(e.code.into(), e.message)),
        None => Err(tonic::Status::unknown("stream answer without a result")),
    }
}
