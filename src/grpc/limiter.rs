//! Bounding CPU work: a fixed number of parses run at once off the async runtime,
//! a bounded number wait, and the rest are refused at once (RESOURCE_EXHAUSTED)
//! instead of piling up in an unbounded queue.
//!
//! Admission is the same for both hand-offs ([`ParseThreads`]); only [`Limiter::run`]
//! differs, in one `match`.

use super::pool::Pool;
use super::status::ServiceError;
use crate::config::ParseThreads;
use std::sync::Arc;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, TryAcquireError};
use tokio::time::Instant;

/// Admission control and CPU slots for parses.
#[derive(Debug, Clone)]
pub struct Limiter {
    admitted: Arc<Semaphore>,
    cpu: Cpu,
    slots: usize,
    queue: usize,
}

/// Where an admitted parse runs.
#[derive(Debug, Clone)]
enum Cpu {
    /// A slot of this semaphore, then `spawn_blocking`.
    Blocking(Arc<Semaphore>),
    /// One of the pool's `slots` threads, through its queue.
    Pool(Arc<Pool>),
}

impl Limiter {
    /// `slots` parses run at once; `queue` more may wait. Fails only when the
    /// parse threads cannot be started.
    pub fn new(slots: usize, queue: usize, threads: ParseThreads) -> std::io::Result<Self> {
        let cpu = match threads {
            ParseThreads::Blocking => Cpu::Blocking(Arc::new(Semaphore::new(slots))),
            ParseThreads::Pool => Cpu::Pool(Arc::new(Pool::new(slots)?)),
        };
        Ok(Limiter {
            admitted: Arc::new(Semaphore::new(slots + queue)),
            cpu,
            slots,
            queue,
        })
    }

    /// Parses running now, and admitted parses waiting for a slot (for metrics).
    pub fn load(&self) -> (usize, usize) {
        let running = match &self.cpu {
            Cpu::Blocking(free) => self.slots.saturating_sub(free.available_permits()),
            Cpu::Pool(pool) => pool.running(),
        };
        let admitted = (self.slots + self.queue).saturating_sub(self.admitted.available_permits());
        (running, admitted.saturating_sub(running))
    }

    /// Admits a unary request or refuses it at once when the queue is full.
    pub fn try_admit(&self) -> Result<OwnedSemaphorePermit, ServiceError> {
        self.admitted
            .clone()
            .try_acquire_owned()
            .map_err(|e| match e {
                TryAcquireError::NoPermits => ServiceError::Overloaded {
                    running: self.slots,
                    queued: self.queue,
                },
                TryAcquireError::Closed => ServiceError::ShuttingDown,
            })
    }

    /// Admits a stream item, waiting for room: a stream is already bounded by its
    /// window, so waiting here is backpressure, not an unbounded queue.
    pub async fn admit(&self) -> Result<OwnedSemaphorePermit, ServiceError> {
        self.admitted
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| ServiceError::ShuttingDown)
    }

    /// Runs `work` off the async runtime once a slot is free, unless the deadline
    /// passes first: then the work is never started (or its result discarded).
    /// A panic in `work` is answered as `Internal`.
    pub async fn run<T, F>(
        &self,
        admission: OwnedSemaphorePermit,
        deadline: Option<Instant>,
        work: F,
    ) -> Result<T, ServiceError>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        match &self.cpu {
            Cpu::Blocking(free) => on_blocking_pool(free, admission, deadline, work).await,
            Cpu::Pool(pool) => {
                let answer = pool.submit(admission, deadline.map(Instant::into_std), work)?;
                within(deadline, answer).await?.map_err(|_| {
                    ServiceError::Internal("a parse thread dropped the job unanswered".into())
                })?
            }
        }
    }

    /// After the server stopped: admission and queued work are refused with
    /// `ShuttingDown`; running parses finish (nobody waits for them any more).
    pub fn close(&self) {
        self.admitted.close();
        match &self.cpu {
            Cpu::Blocking(free) => free.close(),
            Cpu::Pool(pool) => pool.close(),
        }
    }
}

async fn on_blocking_pool<T, F>(
    free: &Arc<Semaphore>,
    admission: OwnedSemaphorePermit,
    deadline: Option<Instant>,
    work: F,
) -> Result<T, ServiceError>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let slot = within(deadline, Arc::clone(free).acquire_owned())
        .await?
        .map_err(|_| ServiceError::ShuttingDown)?;
    if deadline.is_some_and(|d| Instant::now() >= d) {
        return Err(ServiceError::DeadlineExceeded);
    }
    let task = tokio::task::spawn_blocking(move || {
        let _held = (admission, slot);
        work()
    });
    within(deadline, task)
        .await?
        .map_err(|e| ServiceError::Internal(e.to_string()))
}

async fn within<F: std::future::Future>(
    deadline: Option<Instant>,
    fut: F,
) -> Result<F::Output, ServiceError> {
    match deadline {
        Some(d) => tokio::time::timeout_at(d, fut)
            .await
            .map_err(|_| ServiceError::DeadlineExceeded),
        None => Ok(fut.await),
    }
}

#[cfg(test)]
#[path = "limiter_tests.rs"]
mod tests;
