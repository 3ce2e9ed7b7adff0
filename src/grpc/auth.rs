//! Optional bearer-token authentication of `newsparse.v1.ArticleService` calls.
//!
//! Checked in the interceptor, before the request body is decoded, so an
//! unauthenticated client cannot make the server read a large message. Health
//! and reflection are separate services and stay open (probes, grpcurl).

use crate::auth::Tokens;
use tonic::metadata::MetadataMap;

/// Why a call was not authenticated (each is UNAUTHENTICATED).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
    /// No `authorization` metadata.
    #[error("this server requires a bearer token: send metadata `authorization: Bearer <token>`")]
    Missing,
    /// `authorization` is not `Bearer <token>`.
    #[error("metadata `authorization` must be `Bearer <token>`")]
    Malformed,
    /// The token is not one of the server's.
    #[error("the bearer token in `authorization` is not valid for this server")]
    Rejected,
}

impl Tokens {
    /// Checks a call's `authorization` metadata.
    pub fn check(&self, meta: &MetadataMap) -> Result<(), AuthError> {
        let value = meta.get("authorization").ok_or(AuthError::Missing)?;
        let value = value.to_str().map_err(|_| AuthError::Malformed)?;
        let (scheme, token) = value.split_once(' ').ok_or(AuthError::Malformed)?;
        if !scheme.eq_ignore_ascii_case("bearer") || token.trim().is_empty() {
            return Err(AuthError::Malformed);
        }
        if self.accepts(token.trim().as_bytes()) {
            Ok(())
        } else {
            Err(AuthError::Rejected)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn tokens() -> Tokens {
        Tokens::parse(b"# ops\nalpha-123\n\n  beta-456  \n", Path::new("t")).expect("parses")
    }

    fn meta(value: &str) -> MetadataMap {
        let mut m = MetadataMap::new();
        m.insert("authorization", value.parse().expect("ascii"));
        m
    }

    #[test]
    fn accepts_each_listed_token_and_nothing_else() {
        let t = tokens();
        assert_eq!(t.check(&meta("Bearer alpha-123")), Ok(()));
        assert_eq!(t.check(&meta("bearer beta-456")), Ok(()));
        assert_eq!(t.check(&meta("Bearer alpha-12")), Err(AuthError::Rejected));
        assert_eq!(t.check(&meta("Bearer # ops")), Err(AuthError::Rejected));
        assert_eq!(t.check(&meta("Basic alpha-123")), Err(AuthError::Malformed));
        assert_eq!(t.check(&meta("alpha-123")), Err(AuthError::Malformed));
        assert_eq!(t.check(&MetadataMap::new()), Err(AuthError::Missing));
    }
}
