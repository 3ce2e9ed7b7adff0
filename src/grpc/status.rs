//! The one place where errors become gRPC statuses. The README's error table is
//! written from this file.

use super::auth::AuthError;
use crate::error::RequestError;
use tonic::{Code, Status};

/// Why the service could not answer a request.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The request itself is wrong.
    #[error(transparent)]
    Request(#[from] RequestError),
    /// Every parse slot is busy and the wait queue is full.
    #[error(
        "server is at capacity ({running} parses running, {queued} waiting); retry with backoff"
    )]
    Overloaded {
        /// Parse slots.
        running: usize,
        /// Wait-queue length.
        queued: usize,
    },
    /// The client's deadline passed before the answer was ready; the work was dropped.
    #[error("deadline exceeded before the article was parsed; the work was dropped")]
    DeadlineExceeded,
    /// The server is shutting down.
    #[error("server is shutting down")]
    ShuttingDown,
    /// The call carries no valid bearer token.
    #[error(transparent)]
    Unauthenticated(#[from] AuthError),
    /// A parse task failed unexpectedly (a bug: reported, never hidden).
    #[error("internal error while parsing: {0}")]
    Internal(String),
}

impl ServiceError {
    /// The gRPC code for this error.
    pub fn code(&self) -> Code {
        match self {
            ServiceError::Request(RequestError::TextTooLarge { .. }) => Code::ResourceExhausted,
            ServiceError::Request(_) => Code::InvalidArgument,
            ServiceError::Overloaded { .. } => Code::ResourceExhausted,
            ServiceError::DeadlineExceeded => Code::DeadlineExceeded,
            ServiceError::ShuttingDown => Code::Unavailable,
            ServiceError::Unauthenticated(_) => Code::Unauthenticated,
            ServiceError::Internal(_) => Code::Internal,
        }
    }
}

impl From<ServiceError> for Status {
    fn from(e: ServiceError) -> Status {
        Status::new(e.code(), e.to_string())
    }
}
