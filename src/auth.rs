//! The bearer tokens a server accepts, read from `--auth-token-file`.
//!
//! The configuration reads them and the gRPC edge checks calls against them, so they sit
//! beside both: neither has to import the other to name them.

use crate::error::ConfigError;
use std::path::Path;
use subtle::ConstantTimeEq;

/// The accepted tokens, from `--auth-token-file`.
pub struct Tokens(Vec<Vec<u8>>);

impl std::fmt::Debug for Tokens {
    /// Counts only: tokens never reach a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Tokens({} configured)", self.0.len())
    }
}

impl Tokens {
    /// One token per line; blank lines and `#` comments are skipped.
    pub fn parse(file: &[u8], path: &Path) -> Result<Tokens, ConfigError> {
        let tokens: Vec<Vec<u8>> = String::from_utf8_lossy(file)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.as_bytes().to_vec())
            .collect();
        if tokens.is_empty() {
            return Err(ConfigError::NoTokens {
                path: path.to_path_buf(),
            });
        }
        Ok(Tokens(tokens))
    }

    /// True when `presented` equals a configured token. Every token is compared
    /// in constant time, so timing tells nothing about how much of one matched.
    pub(crate) fn accepts(&self, presented: &[u8]) -> bool {
        let mut ok = subtle::Choice::from(0);
        for t in &self.0 {
            ok |= t.as_slice().ct_eq(presented);
        }
        ok.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_file_is_refused() {
        let e = Tokens::parse(b"# none yet\n\n", Path::new("tokens.txt"));
        assert!(matches!(e, Err(ConfigError::NoTokens { .. })));
    }
}
