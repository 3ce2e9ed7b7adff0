//! Dedicated parse threads fed by one queue. A thread that finishes a parse takes
//! the next job itself, so the hand-off needs no async wake-up and no blocking-pool
//! wake-up; each job answers through a oneshot channel.
//!
//! The queue holds no more than `slots + queue` jobs because every job carries its
//! admission permit: it is bounded by the limiter's admission, not by a second count.

use super::status::ServiceError;
use std::any::Any;
use std::collections::VecDeque;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Instant;
use tokio::sync::oneshot;

/// The parse threads and their queue; closed (threads finish and exit) when dropped.
pub struct Pool {
    shared: Arc<Shared>,
    threads: usize,
}

struct Shared {
    queue: Mutex<Queue>,
    ready: Condvar,
    running: AtomicUsize,
}

#[derive(Default)]
struct Queue {
    jobs: VecDeque<Box<dyn Job>>,
    closed: bool,
}

/// What a thread needs to know of a queued parse, whatever its result type.
trait Job: Send {
    /// Nobody waits for the answer any more: the caller's deadline passed or it went away.
    fn abandoned(&self) -> bool;
    fn deadline(&self) -> Option<Instant>;
    /// Answers without starting the work.
    fn refuse(self: Box<Self>, why: ServiceError);
    /// Runs the work, counted in `running` while it runs, and answers.
    fn start(self: Box<Self>, running: &AtomicUsize);
}

struct Task<T, F, H> {
    work: F,
    answer: oneshot::Sender<Result<T, ServiceError>>,
    deadline: Option<Instant>,
    held: H,
}

impl<T, F, H> Job for Task<T, F, H>
where
    T: Send,
    F: FnOnce() -> T + Send,
    H: Send,
{
    fn abandoned(&self) -> bool {
        self.answer.is_closed()
    }

    fn deadline(&self) -> Option<Instant> {
        self.deadline
    }

    fn refuse(self: Box<Self>, why: ServiceError) {
        let _ = self.answer.send(Err(why));
    }

    fn start(self: Box<Self>, running: &AtomicUsize) {
        let Task {
            work, answer, held, ..
        } = *self;
        running.fetch_add(1, Ordering::SeqCst);
        // The work shares nothing with this thread that a panic could leave half
        // updated: the thread only goes back to the queue.
        let outcome = catch_unwind(AssertUnwindSafe(work));
        running.fetch_sub(1, Ordering::SeqCst);
        // Free the admission before answering, as the blocking pool does, so a
        // caller that has its answer can be admitted again at once.
        drop(held);
        let _ = answer.send(outcome.map_err(|p| ServiceError::Internal(panicked(p.as_ref()))));
    }
}

/// The same words as tokio's `JoinError` for a panicked blocking task.
fn panicked(payload: &(dyn Any + Send)) -> String {
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned());
    match message {
        Some(m) => format!("parse panicked with message {m:?}"),
        None => "parse panicked".to_owned(),
    }
}

impl Pool {
    /// Starts `threads` named threads (`parse-0`, `parse-1`, …).
    pub fn new(threads: usize) -> std::io::Result<Pool> {
        let shared = Arc::new(Shared {
            queue: Mutex::new(Queue::default()),
            ready: Condvar::new(),
            running: AtomicUsize::new(0),
        });
        let pool = Pool {
            shared: Arc::clone(&shared),
            threads,
        };
        for i in 0..threads {
            let shared = Arc::clone(&shared);
            // On an error `pool` is dropped, which stops the threads already started.
            std::thread::Builder::new()
                .name(format!("parse-{i}"))
                .spawn(move || shared.serve())?;
        }
        Ok(pool)
    }

    /// Parses running now.
    pub fn running(&self) -> usize {
        self.shared.running.load(Ordering::SeqCst)
    }

    /// Queues `work`, keeping `held` until it ends; the receiver gets the outcome.
    /// The work is never started once `deadline` has passed, once the receiver is
    /// dropped, or after [`Pool::close`].
    pub fn submit<T, F, H>(
        &self,
        held: H,
        deadline: Option<Instant>,
        work: F,
    ) -> Result<oneshot::Receiver<Result<T, ServiceError>>, ServiceError>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
        H: Send + 'static,
    {
        let (answer, outcome) = oneshot::channel();
        let mut queue = self.shared.lock();
        if queue.closed {
            return Err(ServiceError::ShuttingDown);
        }
        queue.jobs.push_back(Box::new(Task {
            work,
            answer,
            deadline,
            held,
        }));
        drop(queue);
        self.shared.ready.notify_one();
        Ok(outcome)
    }

    /// Refuses new work and answers queued jobs with `ShuttingDown`; parses already
    /// running finish, then the threads exit.
    pub fn close(&self) {
        self.shared.lock().closed = true;
        self.shared.ready.notify_all();
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        self.close();
    }
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pool")
            .field("threads", &self.threads)
            .field("running", &self.running())
            .finish_non_exhaustive()
    }
}

impl Shared {
    /// The queue lock is never held while work runs, so it cannot be poisoned by a
    /// parse; recovering the guard keeps that true without an `unwrap`.
    fn lock(&self) -> MutexGuard<'_, Queue> {
        self.queue.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// One thread's life: take jobs until the pool is closed and the queue empty.
    fn serve(&self) {
        while let Some((job, closed)) = self.next() {
            if closed {
                job.refuse(ServiceError::ShuttingDown);
            } else if job.abandoned() {
                drop(job);
            } else if job.deadline().is_some_and(|d| Instant::now() >= d) {
                job.refuse(ServiceError::DeadlineExceeded);
            } else {
                job.start(&self.running);
            }
        }
    }

    /// The next job and whether the pool was closed; `None` once closed and empty.
    fn next(&self) -> Option<(Box<dyn Job>, bool)> {
        let mut queue = self.lock();
        loop {
            if let Some(job) = queue.jobs.pop_front() {
                return Some((job, queue.closed));
            }
            if queue.closed {
                return None;
            }
            queue = self
                .ready
                .wait(queue)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }
}
