//! Reading the client's deadline from the `grpc-timeout` header.
//!
//! tonic's transport also enforces that header, but answers CANCELLED when it
//! fires. We stop a little earlier ourselves so the client gets the status the
//! gRPC spec asks for, DEADLINE_EXCEEDED, and so queued work is never started
//! once nobody waits for it.

use std::time::Duration;
use tokio::time::Instant;

/// When a request's headers arrived, stamped by [`stamp_arrival`] before its
/// body is read, so a deadline counts from when the client's clock started
/// rather than from when a large body finished decoding.
#[derive(Debug, Clone, Copy)]
pub struct Arrived(pub Instant);

/// Interceptor that records [`Arrived`] on every request.
pub fn stamp_arrival(mut req: tonic::Request<()>) -> Result<tonic::Request<()>, tonic::Status> {
    req.extensions_mut().insert(Arrived(Instant::now()));
    Ok(req)
}

/// The instant by which the answer must be sent, if the client set a deadline.
pub fn of<T>(req: &tonic::Request<T>) -> Option<Instant> {
    let received = req
        .extensions()
        .get::<Arrived>()
        .map_or_else(Instant::now, |a| a.0);
    from_metadata(req.metadata(), received)
}

fn from_metadata(meta: &tonic::metadata::MetadataMap, received: Instant) -> Option<Instant> {
    let raw = meta.get("grpc-timeout")?.to_str().ok()?;
    let timeout = parse_timeout(raw)?;
    // Finish before tonic's own timer so our status wins the race.
    let margin = (timeout / 4).min(Duration::from_millis(100));
    Some(received + (timeout - margin))
}

/// Parses `grpc-timeout` values: up to 8 digits and a unit (H M S m u n).
fn parse_timeout(raw: &str) -> Option<Duration> {
    if raw.len() < 2 || raw.len() > 9 {
        return None;
    }
    let (digits, unit) = raw.split_at(raw.len() - 1);
    let n: u64 = digits.parse().ok()?;
    Some(match unit {
        "H" => Duration::from_secs(n.saturating_mul(3600)),
        "M" => Duration::from_secs(n.saturating_mul(60)),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_unit() {
        assert_eq!(parse_timeout("5S"), Some(Duration::from_secs(5)));
        assert_eq!(parse_timeout("250m"), Some(Duration::from_millis(250)));
        assert_eq!(parse_timeout("2H"), Some(Duration::from_secs(7200)));
        assert_eq!(parse_timeout("12x"), None);
        assert_eq!(parse_timeout("123456789S"), None);
    }
}
