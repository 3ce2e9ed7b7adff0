//! The `newsparse` binary: argument parsing and dispatch only. Everything it runs
//! lives in the library.

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use newsparse::config::RawConfig;
use newsparse::{cli, grpc};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// mimalloc (its v2 line) instead of glibc's malloc. A parse makes thousands of small
/// allocations, and glibc's allocator was 6-7 % of the server's cycles under load. The larger
/// win is that mimalloc asks for transparent huge pages for its heap (where the kernel's THP
/// mode is `madvise` or `always`), so the NER weight tables, read at random on every token,
/// sit on 2 MB pages instead of thousands of 4 KB ones. The price is resident memory: 63 MB
/// → 101-114 MB peak under h2load with the blocking pool capped (see `serve`); without huge
/// pages most of the throughput gain goes. Figures in BENCHMARKS.md section 11.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "newsparse",
    version,
    about = "Parse raw news article text into structure, metadata and entities"
)]
struct Cli {
    /// Log format.
    #[arg(
        long,
        global = true,
        env = "NEWSPARSE_LOG_FORMAT",
        default_value = "text"
    )]
    log_format: LogFormat,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum LogFormat {
    Text,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the gRPC API (newsparse.v1, health, reflection).
    Serve(RawConfig),
    /// Parse one article and print the response as JSON (what grpcurl shows).
    Parse {
        /// Article file, or - for standard input.
        #[arg(default_value = "-")]
        file: String,
        /// Anchor for relative dates (ISO 8601).
        #[arg(long)]
        document_date: Option<String>,
        /// Offset unit: utf8, utf16 or code-point.
        #[arg(long, default_value = "utf8")]
        offset_encoding: String,
        /// Indent the JSON.
        #[arg(long)]
        pretty: bool,
    },
    #[cfg(feature = "train")]
    /// Train the NER model from CoNLL-2003 (max-violation beam training, as the committed
    /// model is trained; `--train-beam 1` trains greedily, for ablations).
    Train {
        /// Directory holding train.conll and dev.conll.
        #[arg(long, default_value = "../shared/data/ner/conll2003")]
        data: PathBuf,
        /// Repository root (cluster table and lexicon are read from models/ner/ there).
        #[arg(long, default_value = ".")]
        repo: PathBuf,
        /// Where to write the model (default: models/ner/model.bin under --repo).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Ablations and settings (defaults are the committed model's).
        #[command(flatten)]
        knobs: cli::TrainKnobs,
    },
    #[cfg(feature = "train")]
    /// Score the served entities on a CoNLL file sent as raw text, the bare NER model beside them.
    Eval {
        /// A CoNLL-2003 file (IOB2), e.g. dev.conll.
        file: PathBuf,
        /// A model file instead of the embedded one.
        #[arg(long)]
        model: Option<PathBuf>,
        /// Also write the report to this file.
        #[arg(long)]
        out: Option<PathBuf>,
        /// The file is tagged with OntoNotes name types (tests/data/ner-fine): score
        /// each of them.
        #[arg(long)]
        fine: bool,
        /// With --fine: write every served error (document, missed or wrong, type,
        /// text) to this file, one per line.
        #[arg(long, requires = "fine")]
        errors: Option<PathBuf>,
    },
    #[cfg(feature = "train")]
    /// Train the quote tagger on PolNeAR's train split (the committed model's settings).
    TrainQuotes {
        /// PolNeAR directory holding train/ (and dev/).
        #[arg(long, default_value = "../shared/data/attribution/polnear")]
        data: PathBuf,
        /// Where to write the model.
        #[arg(long, default_value = "models/quotes/model.bin")]
        out: PathBuf,
        /// Passes over the training data.
        #[arg(long, default_value_t = newsparse::quotes::train::TrainOptions::default().epochs)]
        epochs: usize,
    },
    #[cfg(feature = "train")]
    /// Score the served pipeline's quotes on a PolNeAR split (e.g. .../polnear/dev).
    EvalQuotes {
        /// Split directory holding text/ and attributions/.
        dir: PathBuf,
        /// A quote model file instead of the embedded one.
        #[arg(long)]
        model: Option<PathBuf>,
        /// Also write the report to this file.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Score the time-expression stage on TimeML files, TempEval-3 style.
    EvalTimex {
        /// A directory of .tml files (subdirectories are reported as parts).
        dir: PathBuf,
        /// Also write the report to this file.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Write predictions as JSONL for tools/timexeval.py (--byte-offsets).
        #[arg(long)]
        predictions: Option<PathBuf>,
    },
    /// Exit 0 only if the server at ADDR reports SERVING (a container healthcheck).
    Health {
        /// Server address, IP:port or host:port (resolved through /etc/hosts and DNS);
        /// an unspecified IP (0.0.0.0) means this host.
        #[arg(long, env = "NEWSPARSE_ADDR", default_value = "127.0.0.1:50051")]
        addr: String,
        /// Give up after this many seconds.
        #[arg(long, default_value_t = 3)]
        timeout_secs: u64,
        /// PEM CA certificate: connect over TLS and trust the server's certificate by it.
        #[arg(long, env = "NEWSPARSE_TLS_CA")]
        tls_ca: Option<PathBuf>,
        /// Name the server's certificate is checked against (with --tls-ca).
        #[arg(long, env = "NEWSPARSE_TLS_DOMAIN", default_value = "localhost")]
        tls_domain: String,
    },
}

fn main() -> ExitCode {
    // First, before code built for this CPU level can run into an instruction the CPU lacks.
    if let Err(e) = newsparse::cpu::check() {
        eprintln!("newsparse: {e}");
        return ExitCode::FAILURE;
    }
    let cli = Cli::parse();
    init_tracing(cli.log_format);
    match run(cli.command) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("newsparse: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Serve(args) => serve(args),
        Command::Parse {
            file,
            document_date,
            offset_encoding,
            pretty,
        } => {
            let text = cli::read_input(&file)?;
            let json =
                cli::parse_to_json(&text, document_date.as_deref(), &offset_encoding, pretty)?;
            println!("{json}");
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "train")]
        Command::Train {
            data,
            repo,
            out,
            knobs,
        } => {
            cli::train(&repo, &data, out, &knobs)?;
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "train")]
        Command::Eval {
            file,
            model,
            out,
            fine,
            errors,
        } => {
            if fine {
                cli::eval_ner_fine(&file, model.as_deref(), out.as_deref(), errors.as_deref())?;
            } else {
                cli::eval_ner(&file, model.as_deref(), out.as_deref())?;
            }
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "train")]
        Command::TrainQuotes { data, out, epochs } => {
            let opts = newsparse::quotes::train::TrainOptions {
                epochs,
                ..Default::default()
            };
            cli::train_quotes(&data, &out, opts)?;
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "train")]
        Command::EvalQuotes { dir, model, out } => {
            cli::eval_quotes(&dir, model.as_deref(), out.as_deref())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::EvalTimex {
            dir,
            out,
            predictions,
        } => {
            cli::eval_timex(&dir, out.as_deref(), predictions.as_deref())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Health {
            addr,
            timeout_secs,
            tls_ca,
            tls_domain,
        } => {
            let tls = match tls_ca {
                Some(ca) => Some(cli::HealthTls {
                    ca_pem: std::fs::read(&ca)
                        .with_context(|| format!("reading --tls-ca {}", ca.display()))?,
                    domain: tls_domain,
                }),
                None => None,
            };
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            let timeout = Duration::from_secs(timeout_secs);
            let serving = rt.block_on(cli::health(&addr, timeout, tls));
            Ok(if serving {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
    }
}

/// Validates the settings and loads every resource before binding, so a bad
/// flag or a broken resource exits non-zero with a message naming it.
fn serve(raw: RawConfig) -> anyhow::Result<ExitCode> {
    let addr = raw.addr;
    let config = raw.validate()?;
    // Parses run on the limiter's own threads; the blocking pool is left for anything
    // else that blocks, capped because tokio would otherwise keep up to 512 threads,
    // each with its own allocator heap (BENCHMARKS.md section 11).
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(config.max_concurrent_parses + 1)
        .build()?;
    rt.block_on(async move {
        let listeners = grpc::Listeners {
            grpc: bind(addr).await?,
            metrics: match config.metrics_addr {
                Some(a) => Some(bind(a).await?),
                None => None,
            },
        };
        grpc::run(listeners, config, cli::shutdown_signal()).await?;
        Ok(ExitCode::SUCCESS)
    })
}

async fn bind(addr: SocketAddr) -> anyhow::Result<tokio::net::TcpListener> {
    tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}"))
}

fn init_tracing(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("NEWSPARSE_LOG")
        .or_else(|_| tracing_subscriber::EnvFilter::try_from_default_env())
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Text => builder.init(),
    }
}
