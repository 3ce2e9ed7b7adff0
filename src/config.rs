//! Server configuration: raw settings from flags and `NEWSPARSE_*` variables are
//! checked once into a [`Config`], so the server never meets an invalid value.
//! Loading the models and tables is the last check: a `Config` owns the pipeline
//! built from them, so a server cannot be started with settings whose resources
//! were never loaded, or with resources loaded from other settings.
//!
//! The flags are derived on [`RawConfig`] itself, so each default is written once
//! (in its `#[arg]`), and `RawConfig::default()` is what `newsparse serve` with no
//! flags and no environment would run with.

use crate::error::{ConfigError, ResourceError};
use crate::pipeline::Pipeline;
use crate::resources::{ResourcePaths, Resources};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// Settings as given, before validation: the flags of `newsparse serve`.
#[derive(Debug, Clone, PartialEq, Eq, clap::Args)]
pub struct RawConfig {
    /// Listen address.
    #[arg(long, env = "NEWSPARSE_ADDR", default_value = "0.0.0.0:50051")]
    pub addr: SocketAddr,
    /// Largest accepted article text, in bytes.
    #[arg(long, env = "NEWSPARSE_MAX_TEXT_BYTES", default_value_t = 2 * 1024 * 1024)]
    pub max_text_bytes: usize,
    /// Largest gRPC message decoded or encoded, in bytes.
    #[arg(long, env = "NEWSPARSE_MAX_MESSAGE_BYTES", default_value_t = 4 * 1024 * 1024)]
    pub max_message_bytes: usize,
    /// Parses running at once (0: one more than the CPU cores; see `validate`).
    #[arg(long, env = "NEWSPARSE_MAX_CONCURRENT_PARSES", default_value_t = 0)]
    pub max_concurrent_parses: usize,
    /// Parses allowed to wait for a free slot before new ones are refused.
    #[arg(long, env = "NEWSPARSE_MAX_QUEUED_PARSES", default_value_t = 64)]
    pub max_queued_parses: usize,
    /// Seconds in-flight requests may take to finish after SIGTERM.
    #[arg(long, env = "NEWSPARSE_DRAIN_TIMEOUT_SECS", default_value_t = 10)]
    pub drain_timeout_secs: u64,
    /// Responses computed ahead of the client in one ParseStream.
    #[arg(long, env = "NEWSPARSE_STREAM_WINDOW", default_value_t = 8)]
    pub stream_window: usize,
    /// Seconds between HTTP/2 pings on each connection (0: off); a peer that does
    /// not answer within --http2-keepalive-timeout-secs is disconnected.
    #[arg(long, env = "NEWSPARSE_HTTP2_KEEPALIVE_SECS", default_value_t = 30)]
    pub http2_keepalive_secs: u64,
    /// Seconds to wait for the answer to an HTTP/2 keepalive ping.
    #[arg(
        long,
        env = "NEWSPARSE_HTTP2_KEEPALIVE_TIMEOUT_SECS",
        default_value_t = 10
    )]
    pub http2_keepalive_timeout_secs: u64,
    /// Seconds after which a connection is asked to go away (HTTP/2 GOAWAY; calls in
    /// flight finish first), so long-lived clients reconnect and spread over new
    /// replicas (0: connections live as long as the client keeps them).
    #[arg(long, env = "NEWSPARSE_MAX_CONNECTION_AGE_SECS", default_value_t = 0)]
    pub max_connection_age_secs: u64,
    /// Serve Prometheus metrics over HTTP at this address (path /metrics); off when unset.
    #[arg(long, env = "NEWSPARSE_METRICS_ADDR")]
    pub metrics_addr: Option<SocketAddr>,
    /// PEM certificate chain: serve gRPC over TLS (needs --tls-key).
    #[arg(long, env = "NEWSPARSE_TLS_CERT", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,
    /// PEM private key of --tls-cert.
    #[arg(long, env = "NEWSPARSE_TLS_KEY", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
    /// File of bearer tokens, one per line: ArticleService calls must send
    /// `authorization: Bearer <token>` (health and reflection stay open).
    #[arg(long, env = "NEWSPARSE_AUTH_TOKEN_FILE")]
    pub auth_token_file: Option<PathBuf>,
    /// A NER model file (from `newsparse train --out`) to serve instead of the embedded one.
    #[arg(long, env = "NEWSPARSE_NER_MODEL")]
    pub ner_model: Option<PathBuf>,
}

impl Default for RawConfig {
    /// The flags' own defaults, ignoring the environment.
    fn default() -> Self {
        use clap::{Args, FromArgMatches};
        let cmd = RawConfig::augment_args(clap::Command::new("defaults"))
            .mut_args(|a| a.env(None::<&str>));
        let matches = cmd.get_matches_from(["defaults"]);
        RawConfig::from_arg_matches(&matches).expect("every flag has a default or is optional")
    }
}

/// A TLS identity read from PEM files (checked by rustls when the server starts).
#[derive(Clone)]
pub struct TlsIdentity {
    /// The certificate chain, PEM.
    pub cert_pem: Vec<u8>,
    /// The private key, PEM.
    pub key_pem: Vec<u8>,
}

impl std::fmt::Debug for TlsIdentity {
    /// Never prints the key.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TlsIdentity")
            .field("cert_pem_bytes", &self.cert_pem.len())
            .finish_non_exhaustive()
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
    /// HTTP/2 ping interval and how long an answer may take, when pings are on.
    pub http2_keepalive: Option<(Duration, Duration)>,
    /// Age at which a connection is sent GOAWAY, when set.
    pub max_connection_age: Option<Duration>,
    /// Where to serve metrics, if anywhere.
    pub metrics_addr: Option<SocketAddr>,
    /// TLS identity, when gRPC is served over TLS.
    pub tls: Option<TlsIdentity>,
    /// Accepted bearer tokens, when authentication is on.
    pub auth: Option<Arc<crate::auth::Tokens>>,
    /// The loaded models and tables every request is analysed with.
    pub pipeline: Arc<Pipeline>,
}

impl RawConfig {
    /// Checks ranges, reads the TLS and token files, resolves defaults that
    /// depend on the machine, then loads every resource (last, so a bad flag is
    /// reported without waiting for the models).
    pub fn validate(self) -> Result<Config, ConfigError> {
        self.check_limits()?;
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        // One slot more than cores: a parse thread waiting on the network for its next
        // job leaves its core idle unless another thread is ready. Under h2load on two
        // cores, two and three slots measured within noise of each other with the parse
        // threads (BENCHMARKS.md section 18); with the earlier hand-off three gave 17 %
        // more (section 13).
        let max_concurrent_parses = match self.max_concurrent_parses {
            0 => cores + 1,
            n => n,
        };
        let tls = match (&self.tls_cert, &self.tls_key) {
            (Some(cert), Some(key)) => Some(TlsIdentity {
                cert_pem: read("tls_cert", cert)?,
                key_pem: read("tls_key", key)?,
            }),
            (None, None) => None,
            _ => return Err(ConfigError::TlsPair),
        };
        let auth = match &self.auth_token_file {
            Some(path) => Some(Arc::new(crate::auth::Tokens::parse(
                &read("auth_token_file", path)?,
                path,
            )?)),
            None => None,
        };
        let pipeline = load_pipeline(&ResourcePaths {
            ner_model: self.ner_model,
        })?;
        Ok(Config {
            max_text_bytes: self.max_text_bytes,
            max_message_bytes: self.max_message_bytes,
            max_concurrent_parses,
            max_queued_parses: self.max_queued_parses,
            drain_timeout: Duration::from_secs(self.drain_timeout_secs),
            stream_window: self.stream_window,
            http2_keepalive: (self.http2_keepalive_secs > 0).then(|| {
                (
                    Duration::from_secs(self.http2_keepalive_secs),
                    Duration::from_secs(self.http2_keepalive_timeout_secs),
                )
            }),
            max_connection_age: (self.max_connection_age_secs > 0)
                .then(|| Duration::from_secs(self.max_connection_age_secs)),
            metrics_addr: self.metrics_addr,
            tls,
            auth,
            pipeline,
        })
    }

    fn check_limits(&self) -> Result<(), ConfigError> {
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
        if self.http2_keepalive_secs > 0 && self.http2_keepalive_timeout_secs == 0 {
            return Err(invalid(
                "http2_keepalive_timeout_secs",
                0,
                "must be at least 1 while keepalive pings are on",
            ));
        }
        Ok(())
    }
}

/// Loads and validates every resource. The embedded set is the same for every
/// config, so it is loaded once per process and shared (a test binary starting
/// many servers pays for it once).
fn load_pipeline(paths: &ResourcePaths) -> Result<Arc<Pipeline>, ResourceError> {
    if *paths == ResourcePaths::default() {
        return Pipeline::shared();
    }
    Ok(Arc::new(Pipeline::new(Resources::load(paths)?)))
}

fn read(name: &'static str, path: &Path) -> Result<Vec<u8>, ConfigError> {
    std::fs::read(path).map_err(|source| ConfigError::Read {
        name,
        path: path.to_path_buf(),
        source,
    })
}

fn invalid(name: &'static str, value: usize, reason: &'static str) -> ConfigError {
    ConfigError::Invalid {
        name,
        value: value.to_string(),
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_flags_defaults() {
        let raw = RawConfig::default();
        assert_eq!(raw.addr, SocketAddr::from(([0, 0, 0, 0], 50051)));
        assert_eq!(raw.max_text_bytes, 2 * 1024 * 1024);
        assert_eq!(raw.max_queued_parses, 64);
        assert_eq!(raw.drain_timeout_secs, 10);
        assert_eq!(raw.metrics_addr, None);
        let config = raw.validate().expect("defaults are valid");
        assert_eq!(
            config.http2_keepalive,
            Some((Duration::from_secs(30), Duration::from_secs(10)))
        );
        assert_eq!(config.max_connection_age, None);
    }

    #[test]
    fn a_missing_token_file_names_the_setting_and_path() {
        let raw = RawConfig {
            auth_token_file: Some(PathBuf::from("no-such-dir/tokens")),
            ..RawConfig::default()
        };
        let msg = raw.validate().expect_err("refused").to_string();
        assert!(
            msg.contains("auth_token_file") && msg.contains("no-such-dir/tokens"),
            "{msg}"
        );
    }

    #[test]
    fn limits_out_of_range_name_the_setting() {
        let cases = [
            (
                RawConfig {
                    max_text_bytes: 0,
                    ..RawConfig::default()
                },
                "setting `max_text_bytes` = 0: must be between 1 and max_message_bytes",
            ),
            (
                RawConfig {
                    max_message_bytes: 100,
                    ..RawConfig::default()
                },
                "setting `max_message_bytes` = 100: must be at least 1024",
            ),
            (
                RawConfig {
                    http2_keepalive_timeout_secs: 0,
                    ..RawConfig::default()
                },
                "setting `http2_keepalive_timeout_secs` = 0: must be at least 1 while keepalive pings are on",
            ),
            (
                RawConfig {
                    stream_window: 0,
                    ..RawConfig::default()
                },
                "setting `stream_window` = 0: must be at least 1",
            ),
        ];
        for (raw, want) in cases {
            assert_eq!(raw.validate().expect_err("refused").to_string(), want);
        }
    }

    #[test]
    fn a_broken_resource_fails_validation_naming_it() {
        let err = RawConfig {
            ner_model: Some(PathBuf::from("no-such-dir/model.bin")),
            ..RawConfig::default()
        }
        .validate()
        .expect_err("an unreadable model is refused");
        let msg = err.to_string();
        assert!(matches!(err, ConfigError::Resource(_)), "{msg}");
        assert!(msg.starts_with("resource `NER model`: cannot read no-such-dir/model.bin"));
    }

    #[test]
    fn tls_needs_both_files() {
        let raw = RawConfig {
            tls_cert: Some(PathBuf::from("cert.pem")),
            ..RawConfig::default()
        };
        assert!(matches!(raw.validate(), Err(ConfigError::TlsPair)));
    }
}
