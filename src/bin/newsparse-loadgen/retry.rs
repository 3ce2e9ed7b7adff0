//! Bounded retries of a unary Parse on another server. Parse has no side effects,
//! so a call the server never answered can be sent again; retries are counted
//! apart from failures, which are what is left once the retries are spent.

use crate::pool::Pool;
use newsparse::grpc::pb::{ParseRequest, ParseResponse};
use std::net::SocketAddr;
use std::time::Duration;
use tonic::{Code, Status};

/// The longest wait between two tries.
const MAX_BACKOFF: Duration = Duration::from_secs(1);

/// How often, and how patiently, a failed call is sent again.
#[derive(Clone, Copy, Debug)]
pub struct Policy {
    /// Tries after the first (0: none).
    pub max_retries: u32,
    /// Wait before the first retry; doubled for each next one, at most a second.
    pub backoff: Duration,
}

impl Policy {
    /// The wait before retry `n` (1-based): exponential, plus up to one `backoff`
    /// of jitter so that calls which failed together do not come back together.
    fn delay(&self, n: u32) -> Duration {
        let exp = self
            .backoff
            .saturating_mul(1 << n.saturating_sub(1).min(16));
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| u64::from(d.subsec_nanos()));
        let jitter_cap = u64::try_from(self.backoff.as_nanos())
            .unwrap_or(u64::MAX)
            .max(1);
        exp.min(MAX_BACKOFF) + Duration::from_nanos(nanos % jitter_cap)
    }
}

/// True for failures where the server never answered the call: UNAVAILABLE (a
/// server shutting down, a refused or lost connection), and any status tonic
/// made from a transport error (a connection reset mid-call carries its cause as
/// the source; a status the server sent has none).
pub fn retryable(status: &Status) -> bool {
    status.code() == Code::Unavailable || std::error::Error::source(status).is_some()
}

/// What became of one call.
pub struct Outcome {
    /// The answer, or the last failure.
    pub result: Result<ParseResponse, Status>,
    /// The server that gave it.
    pub server: SocketAddr,
    /// The code of each failure that was retried, in order.
    pub retried: Vec<Code>,
}

/// Sends `req` over the pool, retrying a retryable failure on another server
/// (when there is one) up to `policy.max_retries` times.
pub async fn parse(pool: &Pool, req: &ParseRequest, policy: Policy) -> Outcome {
    let mut retried = Vec::new();
    let mut avoid = None;
    loop {
        let mut member = pool.pick(avoid);
        let result = member
            .client
            .parse(req.clone())
            .await
            .map(tonic::Response::into_inner);
        match result {
            Err(s) if retryable(&s) && retried.len() < policy.max_retries as usize => {
                retried.push(s.code());
                pool.mark_stale();
                avoid = Some(member.addr);
                tokio::time::sleep(policy.delay(retried.len() as u32)).await;
            }
            result => {
                return Outcome {
                    result,
                    server: member.addr,
                    retried,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_unanswered_calls_are_retried() {
        assert!(retryable(&Status::unavailable("server going away")));
        let reset = std::io::Error::from(std::io::ErrorKind::ConnectionReset);
        assert!(retryable(&Status::from_error(Box::new(reset))));
        assert!(!retryable(&Status::invalid_argument("text is empty")));
        assert!(!retryable(&Status::resource_exhausted("at capacity")));
    }

    #[test]
    fn backoff_doubles_up_to_a_second_plus_jitter() {
        let p = Policy {
            max_retries: 8,
            backoff: Duration::from_millis(50),
        };
        let jitter = Duration::from_millis(50);
        for (n, base) in [(1, 50), (2, 100), (3, 200), (6, 1000), (8, 1000)] {
            let d = p.delay(n);
            let base = Duration::from_millis(base);
            assert!(d >= base && d < base + jitter, "retry {n}: {d:?}");
        }
    }
}
