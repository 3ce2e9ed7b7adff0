//! Each behaviour of the limiter and its parse threads.

use super::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;
use tokio::sync::oneshot;

fn limiter(slots: usize, queue: usize) -> Limiter {
    Limiter::new(slots, queue).expect("parse threads start")
}

/// Work that says when it has started, then holds its slot until released.
struct Held {
    started: oneshot::Receiver<()>,
    release: mpsc::Sender<()>,
}

fn held_work() -> (Held, impl FnOnce() -> &'static str + Send + 'static) {
    let (started_tx, started) = oneshot::channel();
    let (release, release_rx) = mpsc::channel::<()>();
    let work = move || {
        let _ = started_tx.send(());
        let _ = release_rx.recv();
        "held"
    };
    (Held { started, release }, work)
}

/// Occupies one slot with held work; returns the call's task and its handle.
async fn occupy(
    limiter: &Limiter,
    deadline: Option<Instant>,
) -> (
    tokio::task::JoinHandle<Result<&'static str, ServiceError>>,
    mpsc::Sender<()>,
) {
    let (held, work) = held_work();
    let admission = limiter.try_admit().expect("room for the held parse");
    let l = limiter.clone();
    let call = tokio::spawn(async move { l.run(admission, deadline, work).await });
    held.started.await.expect("held work starts");
    (call, held.release)
}

/// Runs `work` to completion as a fresh admitted call.
async fn run_now<T: Send + 'static>(
    limiter: &Limiter,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, ServiceError> {
    let admission = limiter.try_admit()?;
    limiter.run(admission, None, work).await
}

#[tokio::test]
async fn a_full_queue_refuses_at_once_and_load_counts_both() {
    let l = limiter(1, 1);
    let (running, release) = occupy(&l, None).await;
    assert_eq!(l.load(), (1, 0));
    let waiting = l.try_admit().expect("room in the queue");
    let l2 = l.clone();
    let queued = tokio::spawn(async move { l2.run(waiting, None, || "queued").await });
    assert_eq!(l.load(), (1, 1));
    let refused = l.try_admit().expect_err("slot and queue are full");
    assert!(
        matches!(
            refused,
            ServiceError::Overloaded {
                running: 1,
                queued: 1
            }
        ),
        "{refused:?}"
    );
    assert_eq!(refused.code(), tonic::Code::ResourceExhausted);
    release.send(()).expect("held work waits");
    assert_eq!(running.await.expect("task").expect("ran"), "held");
    assert_eq!(queued.await.expect("task").expect("ran"), "queued");
    assert_eq!(l.load(), (0, 0));
    assert!(l.try_admit().is_ok(), "room again");
}

#[tokio::test]
async fn a_deadline_passed_before_the_start_never_runs_the_work() {
    let l = limiter(1, 2);
    // Already passed with a free slot: refused before starting.
    let ran = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&ran);
    let admission = l.try_admit().expect("room");
    let now = Some(Instant::now());
    let res = l.run(admission, now, move || flag.store(true, Ordering::SeqCst));
    assert!(matches!(res.await, Err(ServiceError::DeadlineExceeded)));

    // Passing while queued behind a running parse.
    let (running, release) = occupy(&l, None).await;
    let flag = Arc::clone(&ran);
    let admission = l.try_admit().expect("room in the queue");
    let soon = Some(Instant::now() + Duration::from_millis(30));
    let res = l.run(admission, soon, move || flag.store(true, Ordering::SeqCst));
    let res = res.await;
    assert!(matches!(res, Err(ServiceError::DeadlineExceeded)));
    release.send(()).expect("held work waits");
    running.await.expect("task").expect("ran");
    // One slot, first in first out: once this has run, the expired job was taken.
    assert_eq!(run_now(&l, || 1).await.expect("serves"), 1);
    assert!(!ran.load(Ordering::SeqCst), "expired work ran");
    assert_eq!(l.load(), (0, 0));
}

#[tokio::test]
async fn a_deadline_passing_while_running_discards_the_result() {
    let l = limiter(1, 0);
    // Long enough for the work to start on a busy machine.
    let soon = Some(Instant::now() + Duration::from_millis(300));
    let (call, release) = occupy(&l, soon).await;
    let res = call.await.expect("task");
    assert!(matches!(res, Err(ServiceError::DeadlineExceeded)));
    // The abandoned parse still holds its slot until it ends.
    assert_eq!(l.load(), (1, 0));
    assert!(l.try_admit().is_err());
    release.send(()).expect("held work waits");
    assert_eq!(run_now_when_free(&l).await, 2);
}

/// Waits for the abandoned parse to give its slot back, then runs one more.
async fn run_now_when_free(l: &Limiter) -> u32 {
    let admission = l.admit().await.expect("admitted once the slot is free");
    l.run(admission, None, || 2).await.expect("serves")
}

#[tokio::test]
async fn a_panicking_parse_is_internal_and_the_threads_keep_serving() {
    let l = limiter(1, 0);
    let res = run_now(&l, || -> u32 { panic!("boom") }).await;
    let Err(e) = res else {
        panic!("a panic must not answer Ok");
    };
    assert_eq!(e.code(), tonic::Code::Internal);
    let msg = e.to_string();
    assert!(
        msg.starts_with("internal error while parsing:")
            && msg.ends_with("panicked with message \"boom\""),
        "{msg}"
    );
    assert_eq!(l.load(), (0, 0));
    for _ in 0..3 {
        let name = run_now(&l, || std::thread::current().name().map(str::to_owned))
            .await
            .expect("still serving");
        assert_eq!(
            name.as_deref(),
            Some("parse-0"),
            "the same thread serves on"
        );
    }
}

#[tokio::test]
async fn close_refuses_new_and_queued_work_and_lets_running_work_finish() {
    let l = limiter(1, 2);
    let (running, release) = occupy(&l, None).await;
    let (queued, late) = (l.try_admit().expect("room"), l.try_admit().expect("room"));
    let l2 = l.clone();
    let queued = tokio::spawn(async move { l2.run(queued, None, || "queued").await });
    tokio::task::yield_now().await;
    l.close();
    assert!(matches!(l.try_admit(), Err(ServiceError::ShuttingDown)));
    assert!(matches!(l.admit().await, Err(ServiceError::ShuttingDown)));
    let res = l.run(late, None, || "late").await;
    assert!(matches!(res, Err(ServiceError::ShuttingDown)));
    release.send(()).expect("held work waits");
    assert_eq!(running.await.expect("task").expect("finishes"), "held");
    let res = queued.await.expect("task");
    assert!(matches!(res, Err(ServiceError::ShuttingDown)), "{res:?}");
    assert_eq!(ServiceError::ShuttingDown.code(), tonic::Code::Unavailable);
}
