//! The flags of `run`, shared by `main` (which parses them) and the drivers.

use crate::plan::Mode;
use crate::{retry, targets};
use std::path::PathBuf;
use std::time::Duration;

/// Flags of `run`.
#[derive(clap::Args)]
pub struct RunArgs {
    /// Server address, IP:port or host:port; a name is resolved to all its
    /// addresses and calls are spread over them. Ignored with --spawn.
    #[arg(long, default_value = "127.0.0.1:50051")]
    pub addr: String,
    /// Also accept private addresses (RFC 1918, IPv6 unique-local): for a client
    /// container on the servers' container network. Public addresses are refused.
    #[arg(long)]
    pub private_network: bool,
    /// Seconds between re-resolutions of --addr (also after any failed call); 0: never.
    #[arg(long, default_value_t = 1.0)]
    pub resolve_every: f64,
    /// Retries of a unary call the server never answered (UNAVAILABLE, a broken
    /// connection), each on another server when there is one; 0: none.
    #[arg(long, default_value_t = 0)]
    pub retries: u32,
    /// Milliseconds before the first retry, doubled for each next one (at most 1 s).
    #[arg(long, default_value_t = 50)]
    pub retry_backoff_ms: u64,
    /// Start this server binary on a free loopback port, measure it, stop it at the end.
    #[arg(long)]
    pub spawn: Option<PathBuf>,
    /// Measured seconds.
    #[arg(long, default_value_t = 10.0)]
    pub duration: f64,
    /// Unmeasured seconds of load before the measured part.
    #[arg(long, default_value_t = 2.0)]
    pub warmup: f64,
    /// Closed loop: requests kept in flight (one per task, or per stream).
    #[arg(long, default_value_t = 4, conflicts_with = "rate")]
    pub concurrency: usize,
    /// Open loop: requests started per second on a fixed schedule.
    #[arg(long)]
    pub rate: Option<f64>,
    /// unary (Parse) or stream (ParseStream).
    #[arg(long, value_enum, default_value_t = Mode::Unary)]
    pub mode: Mode,
    /// Requests in flight on each ParseStream (stream mode).
    #[arg(long, default_value_t = 8)]
    pub stream_window: usize,
    /// HTTP/2 connections to each server address, shared round-robin by the workers.
    #[arg(long, default_value_t = 2)]
    pub connections: usize,
    /// Client runtime worker threads (the server shares the same cores).
    #[arg(long, default_value_t = 1)]
    pub client_threads: usize,
    /// Stop after this many requests even if time remains.
    #[arg(long, default_value_t = 2_000_000)]
    pub max_requests: u64,
    /// Open loop: give up on the schedule when this many requests are outstanding.
    #[arg(long, default_value_t = 10_000)]
    pub max_outstanding: usize,
    /// Ask for gzip both ways.
    #[arg(long)]
    pub gzip: bool,
    /// Article files or directories of .txt files (default: the fixture, and the
    /// Wikinews corpus when present).
    #[arg(long = "corpus")]
    pub corpus: Vec<PathBuf>,
    /// Use only articles with at least this many words.
    #[arg(long, default_value_t = 0)]
    pub min_words: usize,
    /// Use only articles with at most this many words.
    #[arg(long, default_value_t = usize::MAX)]
    pub max_words: usize,
    /// Also print the report as one JSON line.
    #[arg(long)]
    pub json: bool,
}

impl RunArgs {
    pub fn scope(&self) -> targets::Scope {
        if self.private_network {
            targets::Scope::Private
        } else {
            targets::Scope::Loopback
        }
    }

    pub fn retry_policy(&self) -> retry::Policy {
        retry::Policy {
            max_retries: self.retries.min(10),
            backoff: Duration::from_millis(self.retry_backoff_ms),
        }
    }
}
