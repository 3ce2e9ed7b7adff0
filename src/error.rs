//! Typed errors of the library core.
//!
//! The core never knows about gRPC; `crate::grpc::status` is the one place that
//! maps these to `tonic::Status` codes, so the error table in the README has a
//! single source.

use thiserror::Error;

/// Why a request could not be parsed. Each variant names the offending field so
/// that a client can fix its request without reading server logs.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum RequestError {
    /// `text` is empty or white space only.
    #[error("field `text` is empty or only white space; send the article's raw text")]
    EmptyText,
    /// `text` is longer than the configured limit.
    #[error("field `text` is {len} bytes; this server accepts at most {limit} bytes per article")]
    TextTooLarge {
        /// Bytes received.
        len: usize,
        /// The configured limit.
        limit: usize,
    },
    /// `document_date` is not ISO 8601.
    #[error("field `document_date` {value:?} is not an ISO 8601 date or date-time (e.g. 2020-02-07 or 1998-06-26T07:07:00): {reason}")]
    BadDocumentDate {
        /// What the client sent.
        value: String,
        /// What is wrong with it.
        reason: String,
    },
    /// An enum field holds a number the schema does not define.
    #[error("field `{field}` has unknown value {value}")]
    UnknownEnumValue {
        /// The field's name.
        field: &'static str,
        /// The number received.
        value: i32,
    },
    /// `language_hint` is not a two-letter ISO 639-1 code.
    #[error("field `language_hint` {0:?} is not an ISO 639-1 code such as \"en\"")]
    BadLanguageHint(String),
    /// A ParseStream message without its `request`.
    #[error(
        "field `request` of ParseStreamRequest is not set; wrap each article's ParseRequest in it"
    )]
    MissingStreamRequest,
}

/// Why loading the configuration or a model failed at start-up.
#[derive(Debug, Error)]
pub enum ConfigError {
    /// A setting has a value outside its range.
    #[error("setting `{name}` = {value}: {reason}")]
    Invalid {
        /// Flag or variable name.
        name: &'static str,
        /// The value given.
        value: String,
        /// The allowed range.
        reason: &'static str,
    },
    /// A file named by a setting could not be read.
    #[error("setting `{name}`: cannot read {}", path.display())]
    Read {
        /// Flag or variable name.
        name: &'static str,
        /// The path given.
        path: std::path::PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// Only one of the TLS certificate and key was given.
    #[error("settings `tls_cert` and `tls_key` go together: give both PEM files or neither")]
    TlsPair,
    /// The bearer token file holds no usable token.
    #[error("setting `auth_token_file`: {} holds no token (one token per line; blank lines and # comments are skipped)", path.display())]
    NoTokens {
        /// The file.
        path: std::path::PathBuf,
    },
    /// A resource could not be loaded.
    #[error(transparent)]
    Resource(#[from] ResourceError),
}

/// A model or table could not be loaded at start-up. The message names the
/// resource and where it came from, so an operator knows what to fix.
#[derive(Debug, Error)]
pub enum ResourceError {
    /// The resource's bytes are malformed.
    #[error("resource `{name}` ({origin}) is invalid")]
    Invalid {
        /// Which resource ("gazetteer", "NER model" ...).
        name: &'static str,
        /// Where it came from: a data file compiled in, or a path.
        origin: String,
        /// The loader's own error (file, line, column where it has them).
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// An override file could not be read.
    #[error("resource `{name}`: cannot read {path}")]
    Read {
        /// Which resource.
        name: &'static str,
        /// The path given.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
}
