//! Reading the client's deadline from the `grpc-timeout` header.
//!
//! tonic's transport also enforces that header, but answers CANCELLED when it
//! fires. We stop a little earlier ourselves so the client gets the status the
//! gRPC spec asks for, DEADLINE_EXCEEDED, and so queued work is never started
//! once nobody waits for it.

use std::time::Duration;
use tokio::time::Instant;

/// The instant by which the answer must be sent, if the client set a deadline.
pub fn from_metadata(meta: &tonic::metadata::MetadataMap, received: Instant) -> Option<Instant> {
    let raw = meta.get("grpc-timeout")?.to_str().ok()?;
    let timeout = parse_timeout(raw)?;
    // Finish before tonic's own timer so our status wins the race.
    let margin = (timeout / 10).min(Duration::from_millis(20));
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
