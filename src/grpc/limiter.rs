//! Bounding CPU work: a fixed number of parses run at once on the parse threads,
//! a bounded number wait, and the rest are refused at once (RESOURCE_EXHAUSTED)
//! instead of piling up in an unbounded queue.
//!
//! The parse threads take jobs from one queue: a finished parse picks up the next
//! job itself. A semaphore slot plus `spawn_blocking` left a core idle through two
//! wake-ups per hand-off (BENCHMARKS.md section 18).

use super::pool::Pool;
use super::status::ServiceError;
use std::sync::Arc;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, TryAcquireError};
use tokio::time::Instant;

/// Admission control and CPU slots for parses.
#[derive(Debug, Clone)]
pub struct Limiter {
    admitted: Arc<Semaphore>,
    /// `slots` threads, fed through one queue.
    pool: Arc<Pool>,
    slots: usize,
    queue: usize,
}

impl Limiter {
    /// `slots` parses run at once; `queue` more may wait. Fails only when the
    /// parse threads cannot be started.
    pub fn new(slots: usize, queue: usize) -> std::io::Result<Self> {
        Ok(Limiter {
            admitted: Arc::new(Semaphore::new(slots + queue)),
            pool: Arc::new(Pool::new(slots)?),
            slots,
            queue,
        })
    }

    /// Parses running now, and admitted parses waiting for a slot (for metrics).
    pub fn load(&self) -> (usize, usize) {
        let running = self.pool.running();
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
        let answer = self
            .pool
            .submit(admission, deadline.map(Instant::into_std), work)?;
        within(deadline, answer).await?.map_err(|_| {
            ServiceError::Internal("a parse thread dropped the job unanswered".into())
        })?
    }

    /// After the server stopped: admission and queued work are refused with
    /// `ShuttingDown`; running parses finish (nobody waits for them any more).
    pub fn close(&self) {
        self.admitted.close();
        self.pool.close();
    }
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
