//! Server configuration: raw settings from flags and `NEWSPARSE_*` variables are
//! checked once into a [`Config`], so the server never meets an invalid value.

use crate::error::ConfigError;
use std::net::SocketAddr;
use std::time::Duration;

/// Settings as given, before validation (flags and environment, see `main.rs`).
#[derive(Debug, Clone)]
pub struct RawConfig {
    /// Listen address.
    pub addr: SocketAddr,
    /// Largest accepted `text`, in bytes.
    pub max_text_bytes: usize,
    /// Largest gRPC message the transport decodes, in bytes.
    pub max_message_bytes: usize,
    /// Parses running at once; 0 means one per CPU core.
    pub max_concurrent_parses: usize,
    /// Parses allowed to wait for a free slot before new ones are refused.
    pub max_queued_parses: usize,
    /// How long in-flight requests may take to finish after SIGTERM.
    pub drain_timeout: Duration,
    /// Responses computed ahead of the client in one ParseStream.
    pub stream_window: usize,
}

impl Default for RawConfig {
    fn default() -> Self {
        RawConfig {
            addr: SocketAddr::from(([0, 0, 0, 0], 50051)),
            max_text_bytes: 2 * 1024 * 1024,
            max_message_bytes: 4 * 1024 * 1024,
            max_concurrent_parses: 0,
            max_queued_parses: 64,
            drain_timeout: Duration::from_secs(10),
            stream_window: 8,
        }
    }
}

/// Validated settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Largest accepted `text`, in bytes (at most the message limit).
    pub max_text_bytes: usize,
    /// Largest gRPC message the transport decodes or encodes.
    pub max_message_bytes: usize,
    /// Parses running at once (at least 1).
    pub max_concurrent_parses: usize,
    /// Parses allowed to wait.
    pub max_queued_parses: usize,
    /// Drain time after a shutdown signal.
    pub drain_timeout: Duration,
    /// Responses computed ahead in one ParseStream (at least 1).
    pub stream_window: usize,
}

impl RawConfig {
    /// Checks ranges and resolves defaults that depend on the machine.
    pub fn validate(self) -> Result<Config, ConfigError> {
        if self.max_message_bytes < 1024 {
            return Err(invalid(
                "max_message_bytes",
                self.max_message_bytes,
                "must be at least 1024",
            ));
        }
        if self.max_text_bytes == 0 || self.max_text_bytes > self.max_message_bytes {
            return Err(invalid(
                "max_text_bytes",
                self.max_text_bytes,
                "must be between 1 and max_message_bytes",
            ));
        }
        if self.stream_window == 0 {
            return Err(invalid("stream_window", 0, "must be at least 1"));
        }
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let max_concurrent_parses = match self.max_concurrent_parses {
            0 => cores,
            n => n,
        };
        Ok(Config {
            max_text_bytes: self.max_text_bytes,
            max_message_bytes: self.max_message_bytes,
            max_concurrent_parses,
            max_queued_parses: self.max_queued_parses,
            drain_timeout: self.drain_timeout,
            stream_window: self.stream_window,
        })
    }
}

fn invalid(name: &'static str, value: usize, reason: &'static str) -> ConfigError {
    ConfigError::Invalid {
        name,
        value: value.to_string(),
        reason,
    }
}
