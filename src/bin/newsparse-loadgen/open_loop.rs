//! The open loop: requests start on a fixed schedule whatever the server does, so a
//! slow server shows up as latency (counted from the scheduled start) instead of
//! silently lowering the offered load.

use crate::plan::{Mode, Plan};
use crate::pool::Pool;
use crate::retry;
use crate::stats::Tally;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::task::JoinSet;

/// Starts requests on a fixed schedule of `rate` per second, whatever the server
/// does; latency counts from the scheduled start.
pub async fn run(
    pool: &Arc<Pool>,
    plan: &Plan,
    rate: f64,
    max_outstanding: usize,
    mode: Mode,
) -> (Tally, u64) {
    if matches!(mode, Mode::Stream) {
        eprintln!("note: --rate sends unary Parse calls; --mode stream is ignored");
    }
    let tally = Arc::new(Mutex::new(Tally::default()));
    let outstanding = Arc::new(AtomicUsize::new(0));
    let mut set = JoinSet::new();
    let mut skipped = 0;
    for n in 0u64.. {
        let due = plan.start + Duration::from_secs_f64(n as f64 / rate.max(1e-3));
        if due >= plan.end {
            break;
        }
        tokio::time::sleep_until(due.into()).await;
        let Some((req, words)) = plan.take() else {
            break;
        };
        if outstanding.load(Ordering::Relaxed) >= max_outstanding {
            skipped += u64::from(due >= plan.measure_from);
            continue;
        }
        outstanding.fetch_add(1, Ordering::Relaxed);
        let (pool, plan, tally, outstanding) = (
            Arc::clone(pool),
            plan.clone(),
            Arc::clone(&tally),
            Arc::clone(&outstanding),
        );
        set.spawn(async move {
            let call = retry::parse(&pool, &req, plan.retry).await;
            plan.record_call(
                &mut tally.lock().expect("tally lock"),
                due,
                call,
                &req,
                words,
            );
            outstanding.fetch_sub(1, Ordering::Relaxed);
        });
        while set.try_join_next().is_some() {}
    }
    while set.join_next().await.is_some() {}
    let tally = std::mem::take(&mut *tally.lock().expect("tally lock"));
    (tally, skipped)
}
