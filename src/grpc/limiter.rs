//! Bounding CPU work: a fixed number of parses run at once on the blocking pool,
//! a bounded number wait, and the rest are refused at once (RESOURCE_EXHAUSTED)
//! instead of piling up in an unbounded queue.

use super::status::ServiceError;
use std::sync::Arc;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

/// Admission control and CPU slots for parses.
#[derive(Debug, Clone)]
pub struct Limiter {
    running: Arc<Semaphore>,
    admitted: Arc<Semaphore>,
    slots: usize,
    queue: usize,
}

impl Limiter {
    /// `slots` parses run at once; `queue` more may wait.
    pub fn new(slots: usize, queue: usize) -> Self {
        Limiter {
            running: Arc::new(Semaphore::new(slots)),
            admitted: Arc::new(Semaphore::new(slots + queue)),
            slots,
            queue,
        }
    }

    /// Parses running now, and admitted parses waiting for a slot (for metrics).
    pub fn load(&self) -> (usize, usize) {
        let running = self.slots.saturating_sub(self.running.available_permits());
        let admitted = (self.slots + self.queue).saturating_sub(self.admitted.available_permits());
        (running, admitted.saturating_sub(running))
    }

    /// Admits a unary request or refuses it at once when the queue is full.
    pub fn try_admit(&self) -> Result<OwnedSemaphorePermit, ServiceError> {
        self.admitted
            .clone()
            .try_acquire_owned()
            .map_err(|_| ServiceError::Overloaded {
                running: self.slots,
                queued: self.queue,
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

    /// Runs `work` on the blocking pool once a slot is free, unless the deadline
    /// passes first: then the work is never started (or its result discarded).
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
        let slot = within(deadline, self.running.clone().acquire_owned())
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
