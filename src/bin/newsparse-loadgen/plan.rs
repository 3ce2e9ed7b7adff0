//! What every driver shares: the RPC to use, the measured window and the request budget.

use crate::retry;
use crate::stats::Tally;
use newsparse::grpc::pb::{ParseRequest, ParseResponse};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

/// Which RPC carries the articles.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Mode {
    /// One `Parse` call per article.
    Unary,
    /// Long-lived `ParseStream` calls, `--stream-window` articles in flight on each.
    Stream,
}

/// The measured window and the shared request budget.
#[derive(Clone)]
pub struct Plan {
    pub start: Instant,
    pub measure_from: Instant,
    pub end: Instant,
    pub next: Arc<AtomicU64>,
    pub max_requests: u64,
    pub requests: Arc<Vec<(ParseRequest, usize)>>,
    pub retry: retry::Policy,
}

impl Plan {
    /// The next request to send, or `None` once the budget is spent.
    pub fn take(&self) -> Option<(ParseRequest, usize)> {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        (n < self.max_requests)
            .then(|| self.requests[(n % self.requests.len() as u64) as usize].clone())
    }

    /// Records the outcome of a request started (or scheduled) at `t0`, if it
    /// belongs to the measured window.
    pub fn record(
        &self,
        tally: &mut Tally,
        t0: Instant,
        outcome: Result<ParseResponse, tonic::Status>,
        words: usize,
    ) {
        if t0 < self.measure_from || t0 >= self.end {
            return;
        }
        tally.sent += 1;
        match outcome {
            Ok(r) if r.paragraphs.is_empty() => tally.error("EmptyResponse"),
            Ok(_) => tally.ok(t0.elapsed(), words),
            Err(status) => tally.error(format!("{:?}", status.code())),
        }
    }

    /// Records a unary call with its retries and the server that answered; an
    /// answer carrying another request's id counts as a failure (`WrongAnswer`).
    pub fn record_call(
        &self,
        tally: &mut Tally,
        t0: Instant,
        call: retry::Outcome,
        req: &ParseRequest,
        words: usize,
    ) {
        if t0 < self.measure_from || t0 >= self.end {
            return;
        }
        for code in &call.retried {
            tally.retry(format!("{code:?}"));
        }
        match call.result {
            Ok(r) if r.id != req.id => {
                tally.sent += 1;
                tally.error("WrongAnswer");
            }
            Ok(r) => {
                let answered = !r.paragraphs.is_empty();
                self.record(tally, t0, Ok(r), words);
                if answered {
                    *tally.by_server.entry(call.server).or_default() += 1;
                }
            }
            Err(s) => self.record(tally, t0, Err(s), words),
        }
    }
}
