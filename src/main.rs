//! The `newsparse` binary: argument parsing and dispatch only. Everything it runs
//! lives in the library.

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use newsparse::config::RawConfig;
use newsparse::{cli, grpc, pipeline::Pipeline};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

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
    Serve(ServeArgs),
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
    /// Train the NER model from CoNLL-2003 (the committed model's exact settings).
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
    /// Score the NER model on a CoNLL file fed as raw text (conlleval-style table).
    Eval {
        /// A CoNLL-2003 file (IOB2), e.g. dev.conll.
        file: PathBuf,
        /// A model file instead of the embedded one.
        #[arg(long)]
        model: Option<PathBuf>,
        /// Also write the report to this file.
        #[arg(long)]
        out: Option<PathBuf>,
    },
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
        /// Server address; an unspecified IP (0.0.0.0) means this host.
        #[arg(long, env = "NEWSPARSE_ADDR", default_value = "127.0.0.1:50051")]
        addr: SocketAddr,
        /// Give up after this many seconds.
        #[arg(long, default_value_t = 3)]
        timeout_secs: u64,
    },
}

#[derive(clap::Args)]
struct ServeArgs {
    /// Listen address.
    #[arg(long, env = "NEWSPARSE_ADDR", default_value = "0.0.0.0:50051")]
    addr: SocketAddr,
    /// Largest accepted article text, in bytes.
    #[arg(long, env = "NEWSPARSE_MAX_TEXT_BYTES", default_value_t = 2 * 1024 * 1024)]
    max_text_bytes: usize,
    /// Largest gRPC message, in bytes.
    #[arg(long, env = "NEWSPARSE_MAX_MESSAGE_BYTES", default_value_t = 4 * 1024 * 1024)]
    max_message_bytes: usize,
    /// Parses running at once (0: one per CPU core).
    #[arg(long, env = "NEWSPARSE_MAX_CONCURRENT_PARSES", default_value_t = 0)]
    max_concurrent_parses: usize,
    /// Parses allowed to wait before new requests are refused.
    #[arg(long, env = "NEWSPARSE_MAX_QUEUED_PARSES", default_value_t = 64)]
    max_queued_parses: usize,
    /// Seconds in-flight requests may take to finish after SIGTERM.
    #[arg(long, env = "NEWSPARSE_DRAIN_TIMEOUT_SECS", default_value_t = 10)]
    drain_timeout_secs: u64,
    /// Responses computed ahead of the client in one ParseStream.
    #[arg(long, env = "NEWSPARSE_STREAM_WINDOW", default_value_t = 8)]
    stream_window: usize,
}

fn main() -> ExitCode {
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
        Command::Train {
            data,
            repo,
            out,
            knobs,
        } => {
            cli::train(&repo, &data, out, &knobs)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval { file, model, out } => {
            cli::eval_ner(&file, model.as_deref(), out.as_deref())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::TrainQuotes { data, out, epochs } => {
            let opts = newsparse::quotes::train::TrainOptions {
                epochs,
                ..Default::default()
            };
            cli::train_quotes(&data, &out, opts)?;
            Ok(ExitCode::SUCCESS)
        }
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
        Command::Health { addr, timeout_secs } => {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            let serving = rt.block_on(cli::health(addr, Duration::from_secs(timeout_secs)));
            Ok(if serving {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
    }
}

fn serve(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let config = RawConfig {
        addr: args.addr,
        max_text_bytes: args.max_text_bytes,
        max_message_bytes: args.max_message_bytes,
        max_concurrent_parses: args.max_concurrent_parses,
        max_queued_parses: args.max_queued_parses,
        drain_timeout: Duration::from_secs(args.drain_timeout_secs),
        stream_window: args.stream_window,
    };
    let addr = config.addr;
    let config = config.validate()?;
    let rt = tokio::runtime::Runtime::new()?;
    rt.block_on(async move {
        let pipeline = Arc::new(Pipeline::new());
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen on {addr}"))?;
        grpc::run(listener, config, pipeline, cli::shutdown_signal()).await?;
        Ok(ExitCode::SUCCESS)
    })
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
