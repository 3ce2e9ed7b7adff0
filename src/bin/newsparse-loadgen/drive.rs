//! The load itself: closed-loop workers, an open-loop schedule, and ParseStream
//! workers, all sharing one request budget and one clock.

use crate::corpus::Article;
use crate::pool::Pool;
use crate::retry;
use crate::server::{self, Spawned};
use crate::stats::{Report, ServerFacts, Tally};
use crate::RunArgs;
use crate::{open_loop, stream};
use anyhow::Context;
use newsparse::grpc::pb::article_service_client::ArticleServiceClient;
use newsparse::grpc::pb::{ParseRequest, ParseResponse};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::task::JoinSet;
use tonic::transport::Channel;

/// How long requests still in flight at the end of the window may take to finish.
const GRACE: Duration = Duration::from_secs(30);

/// The generated client over one HTTP/2 connection.
pub type Client = ArticleServiceClient<Channel>;

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

/// Runs the load described by `args` and reports on the measured window.
pub async fn run(args: &RunArgs, articles: &[crate::corpus::Article]) -> anyhow::Result<Report> {
    let spawned = match &args.spawn {
        Some(bin) => Some(Spawned::start(bin).await?),
        None => None,
    };
    let target = spawned
        .as_ref()
        .map_or_else(|| args.addr.clone(), |s| s.addr.to_string());
    let pool = Pool::connect(&target, args.scope(), args.connections.max(1), args.gzip).await?;
    let start = Instant::now();
    let measure_from = start + Duration::from_secs_f64(args.warmup);
    let plan = Plan {
        start,
        measure_from,
        end: measure_from + Duration::from_secs_f64(args.duration),
        next: Arc::new(AtomicU64::new(0)),
        max_requests: args.max_requests,
        requests: Arc::new(requests(articles)),
        retry: args.retry_policy(),
    };
    spawn_stop_on_signal(&plan);
    if args.resolve_every > 0.0 {
        pool.spawn_refresher(Duration::from_secs_f64(args.resolve_every), plan.end);
    }
    let pid = spawned.as_ref().map(Spawned::pid);
    let cpu_at_start = tokio::spawn(async move {
        tokio::time::sleep_until(measure_from.into()).await;
        pid.map(server::cpu_of)
    });
    let work = drive(args, &pool, &plan);
    let (tally, skipped) = tokio::time::timeout_at((plan.end + GRACE).into(), work)
        .await
        .context("requests still unfinished 30 s after the end of the run")?;
    let elapsed = plan.end.min(Instant::now()) - plan.measure_from;
    let load = format!(
        "{}, servers at the end {:?}",
        describe(args, articles),
        pool.addrs()
    );
    let mut report = Report::new(load, elapsed, tally, skipped);
    if let Some(s) = &spawned {
        let before = cpu_at_start.await?.unwrap_or_default();
        let cpu = server::cpu_of(s.pid()).saturating_sub(before);
        report.server = Some(ServerFacts {
            startup: s.startup,
            peak_rss_kib: s.peak_rss_kib(),
            cpu,
        });
    }
    Ok(report)
}

/// SIGTERM or Ctrl-C spends the request budget: workers finish the call they
/// are in (retries included), send no more, and the report covers the run so
/// far. A test can so keep load on for exactly as long as an operation takes.
fn spawn_stop_on_signal(plan: &Plan) {
    let (next, budget) = (Arc::clone(&plan.next), plan.max_requests);
    tokio::spawn(async move {
        let ctrl_c = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        let term = async {
            use tokio::signal::unix::{signal, SignalKind};
            match signal(SignalKind::terminate()) {
                Ok(mut s) => {
                    s.recv().await;
                }
                Err(_) => std::future::pending::<()>().await,
            }
        };
        tokio::select! { () = ctrl_c => {}, () = term => {} }
        eprintln!("newsparse-loadgen: stopping on signal; finishing the calls in flight");
        next.store(budget, Ordering::Relaxed);
    });
}

async fn drive(args: &RunArgs, pool: &Arc<Pool>, plan: &Plan) -> (Tally, u64) {
    match (args.rate, args.mode) {
        (Some(rate), mode) => open_loop::run(pool, plan, rate, args.max_outstanding, mode).await,
        (None, Mode::Unary) => (
            closed_loop(pool, plan, args.concurrency, unary_worker).await,
            0,
        ),
        (None, Mode::Stream) => {
            let window = args.stream_window.max(1);
            // A stream stays on the connection it opened on: no per-call spreading or retries.
            let worker =
                move |p: Arc<Pool>, plan| stream::worker(p.pick(None).client, plan, window);
            (closed_loop(pool, plan, args.concurrency, worker).await, 0)
        }
    }
}

fn requests(articles: &[Article]) -> Vec<(ParseRequest, usize)> {
    articles
        .iter()
        .map(|a| {
            (
                ParseRequest {
                    text: a.text.clone(),
                    id: a.name.clone(),
                    ..Default::default()
                },
                a.words,
            )
        })
        .collect()
}

fn describe(args: &RunArgs, articles: &[Article]) -> String {
    let words: usize = articles.iter().map(|a| a.words).sum();
    let load = match (args.rate, args.mode) {
        (Some(r), _) => format!("open loop {r}/s"),
        (None, Mode::Unary) => format!("closed loop, {} in flight", args.concurrency),
        (None, Mode::Stream) => format!(
            "closed loop, {} streams x {} in flight",
            args.concurrency, args.stream_window
        ),
    };
    format!(
        "{load}, {:?}, {} connection(s), {} client thread(s), {} articles (mean {} words), warmup {}s, gzip {}",
        args.mode,
        args.connections,
        args.client_threads,
        articles.len(),
        words / articles.len().max(1),
        args.warmup,
        args.gzip
    )
}

/// `n` workers, each keeping one request (or one stream) busy until the end.
async fn closed_loop<F, Fut>(pool: &Arc<Pool>, plan: &Plan, n: usize, worker: F) -> Tally
where
    F: Fn(Arc<Pool>, Plan) -> Fut,
    Fut: std::future::Future<Output = Tally> + Send + 'static,
{
    let mut set = JoinSet::new();
    for _ in 0..n.max(1) {
        set.spawn(worker(Arc::clone(pool), plan.clone()));
    }
    let mut total = Tally::default();
    while let Some(t) = set.join_next().await {
        total.merge(t.unwrap_or_default());
    }
    total
}

async fn unary_worker(pool: Arc<Pool>, plan: Plan) -> Tally {
    let mut tally = Tally::default();
    while Instant::now() < plan.end {
        let Some((req, words)) = plan.take() else {
            break;
        };
        let t0 = Instant::now();
        let call = retry::parse(&pool, &req, plan.retry).await;
        plan.record_call(&mut tally, t0, call, &req, words);
    }
    tally
}
