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

mod args;
mod corpus;
mod drive;
mod open_loop;
mod plan;
mod pool;
mod retry;
mod scrape;
mod server;
mod stats;
mod stream;
mod targets;

use anyhow::{bail, Context};
use args::RunArgs;
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
