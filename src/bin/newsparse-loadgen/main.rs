//! `newsparse-loadgen`: drives a real newsparse server over loopback and reports
//! throughput, latency percentiles and errors by status code.
//!
//! * `run`: closed loop (`--concurrency N` requests always in flight) or open loop
//!   (`--rate R` requests per second on a fixed schedule, latency counted from the
//!   scheduled time so a stalled server cannot hide its queue), unary `Parse` or
//!   `ParseStream`, for a fixed duration. With `--spawn PATH` it starts the server
//!   itself and also reports start-to-SERVING time, server CPU and peak RSS.
//! * `startup`: spawns the server repeatedly and reports start-to-SERVING times.
//!
//! The target is `IP:port` or `host:port`; a name with several addresses (one per
//! replica) gets `--connections` connections to each and calls round-robin over
//! them, re-resolved as replicas come and go, with bounded retries of calls a
//! server never answered (`--retries`). Only loopback addresses are accepted, or
//! private ones of a container network with `--private-network`, and every run is
//! bounded in time and count.
//! * `scrape`: reads one Prometheus counter from every address of a name.

mod corpus;
mod drive;
mod open_loop;
mod pool;
mod retry;
mod scrape;
mod server;
mod stats;
mod stream;
mod targets;

use anyhow::{bail, Context};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// Longest run accepted, so a typo cannot leave a load running for hours.
const MAX_DURATION: Duration = Duration::from_secs(600);

#[derive(Parser)]
#[command(
    name = "newsparse-loadgen",
    version,
    about = "Load generator for the newsparse gRPC server (loopback, or a container network)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Send load for a fixed duration and print a report.
    Run(RunArgs),
    /// Spawn the server RUNS times and report start-to-SERVING times and idle RSS.
    Startup {
        /// The server binary (e.g. target/release/newsparse).
        #[arg(long)]
        server: PathBuf,
        /// How many times to start it.
        #[arg(long, default_value_t = 10)]
        runs: usize,
    },
    /// Print one counter from the Prometheus metrics of every address of a name.
    Scrape(scrape::ScrapeArgs),
}

/// Flags of `run`.
#[derive(clap::Args)]
pub struct RunArgs {
    /// Server address, IP:port or host:port; a name is resolved to all its
    /// addresses and calls are spread over them. Ignored with --spawn.
    #[arg(long, default_value = "127.0.0.1:50051")]
    addr: String,
    /// Also accept private addresses (RFC 1918, IPv6 unique-local): for a client
    /// container on the servers' container network. Public addresses are refused.
    #[arg(long)]
    private_network: bool,
    /// Seconds between re-resolutions of --addr (also after any failed call); 0: never.
    #[arg(long, default_value_t = 1.0)]
    resolve_every: f64,
    /// Retries of a unary call the server never answered (UNAVAILABLE, a broken
    /// connection), each on another server when there is one; 0: none.
    #[arg(long, default_value_t = 0)]
    retries: u32,
    /// Milliseconds before the first retry, doubled for each next one (at most 1 s).
    #[arg(long, default_value_t = 50)]
    retry_backoff_ms: u64,
    /// Start this server binary on a free loopback port, measure it, stop it at the end.
    #[arg(long)]
    spawn: Option<PathBuf>,
    /// Measured seconds.
    #[arg(long, default_value_t = 10.0)]
    duration: f64,
    /// Unmeasured seconds of load before the measured part.
    #[arg(long, default_value_t = 2.0)]
    warmup: f64,
    /// Closed loop: requests kept in flight (one per task, or per stream).
    #[arg(long, default_value_t = 4, conflicts_with = "rate")]
    concurrency: usize,
    /// Open loop: requests started per second on a fixed schedule.
    #[arg(long)]
    rate: Option<f64>,
    /// unary (Parse) or stream (ParseStream).
    #[arg(long, value_enum, default_value_t = drive::Mode::Unary)]
    mode: drive::Mode,
    /// Requests in flight on each ParseStream (stream mode).
    #[arg(long, default_value_t = 8)]
    stream_window: usize,
    /// HTTP/2 connections to each server address, shared round-robin by the workers.
    #[arg(long, default_value_t = 2)]
    connections: usize,
    /// Client runtime worker threads (the server shares the same cores).
    #[arg(long, default_value_t = 1)]
    client_threads: usize,
    /// Stop after this many requests even if time remains.
    #[arg(long, default_value_t = 2_000_000)]
    max_requests: u64,
    /// Open loop: give up on the schedule when this many requests are outstanding.
    #[arg(long, default_value_t = 10_000)]
    max_outstanding: usize,
    /// Ask for gzip both ways.
    #[arg(long)]
    gzip: bool,
    /// Article files or directories of .txt files (default: the fixture, and the
    /// Wikinews corpus when present).
    #[arg(long = "corpus")]
    corpus: Vec<PathBuf>,
    /// Use only articles with at least this many words.
    #[arg(long, default_value_t = 0)]
    min_words: usize,
    /// Use only articles with at most this many words.
    #[arg(long, default_value_t = usize::MAX)]
    max_words: usize,
    /// Also print the report as one JSON line.
    #[arg(long)]
    json: bool,
}

impl RunArgs {
    fn scope(&self) -> targets::Scope {
        if self.private_network {
            targets::Scope::Private
        } else {
            targets::Scope::Loopback
        }
    }

    fn retry_policy(&self) -> retry::Policy {
        retry::Policy {
            max_retries: self.retries.min(10),
            backoff: Duration::from_millis(self.retry_backoff_ms),
        }
    }
}

fn main() -> ExitCode {
    match real_main() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("newsparse-loadgen: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn real_main() -> anyhow::Result<ExitCode> {
    match Cli::parse().command {
        Command::Run(args) => run(args),
        Command::Startup { server, runs } => {
            runtime(1)?.block_on(server::startup_report(&server, runs.clamp(1, 100)))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Scrape(args) => runtime(1)?.block_on(scrape::run(&args)),
    }
}

fn runtime(threads: usize) -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads.max(1))
        .enable_all()
        .build()
        .context("cannot start the client runtime")
}

fn run(args: RunArgs) -> anyhow::Result<ExitCode> {
    let total = Duration::from_secs_f64(args.duration + args.warmup);
    if args.duration <= 0.0 || args.warmup < 0.0 || total > MAX_DURATION {
        bail!("--duration must be > 0 and warmup + duration at most {MAX_DURATION:?}");
    }
    let articles = corpus::load(&args.corpus, args.min_words, args.max_words)?;
    let rt = runtime(args.client_threads)?;
    let report = rt.block_on(drive::run(&args, &articles))?;
    println!("{}", report.text());
    if args.json {
        println!("{}", report.json());
    }
    Ok(if report.ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}
