//! The load itself: closed-loop workers, an open-loop schedule, and ParseStream
//! workers, all sharing one request budget and one clock.

use crate::args::RunArgs;
use crate::corpus::Article;
use crate::plan::{Mode, Plan};
use crate::pool::Pool;
use crate::retry;
use crate::server::{self, Spawned};
use crate::stats::{Report, ServerFacts, Tally};
use crate::{open_loop, stream};
use anyhow::Context;
use newsparse::grpc::pb::ParseRequest;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::task::JoinSet;

/// How long requests still in flight at the end of the window may take to finish.
const GRACE: Duration = Duration::from_secs(30);

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
