//! `scrape`: one counter from the Prometheus text of every address a name
//! resolves to, so a test can see how many calls each replica itself counted
//! (the client's own tally says where it sent them; this says who did the work).

use crate::targets::{self, Scope};
use anyhow::{bail, Context};
use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// How long one replica may take to answer.
const TIMEOUT: Duration = Duration::from_secs(3);

/// Flags of `scrape`.
#[derive(clap::Args)]
pub struct ScrapeArgs {
    /// Metrics address, IP:port or host:port (every address of the name is read).
    #[arg(long)]
    addr: String,
    /// The series to sum per address (all its label sets).
    #[arg(long, default_value = "newsparse_articles_parsed_total")]
    metric: String,
    /// Also accept private addresses (a container network), as `run` does.
    #[arg(long)]
    private_network: bool,
}

/// Prints `ADDRESS VALUE` per address, then the total; fails if one does not answer.
pub async fn run(args: &ScrapeArgs) -> anyhow::Result<ExitCode> {
    let scope = if args.private_network {
        Scope::Private
    } else {
        Scope::Loopback
    };
    let mut total = 0.0;
    for addr in targets::resolve(&args.addr, scope).await? {
        let body = tokio::time::timeout(TIMEOUT, get_metrics(addr))
            .await
            .with_context(|| format!("{addr}: no answer within {TIMEOUT:?}"))??;
        let value = sum_series(&body, &args.metric);
        println!("{addr} {value}");
        total += value;
    }
    println!("total {total}");
    Ok(ExitCode::SUCCESS)
}

async fn get_metrics(addr: SocketAddr) -> anyhow::Result<String> {
    let mut conn = tokio::net::TcpStream::connect(addr)
        .await
        .with_context(|| format!("cannot connect to {addr}"))?;
    conn.write_all(b"GET /metrics HTTP/1.1\r\nHost: newsparse\r\nConnection: close\r\n\r\n")
        .await?;
    let mut raw = Vec::new();
    conn.read_to_end(&mut raw).await?;
    let text = String::from_utf8_lossy(&raw);
    let Some((head, body)) = text.split_once("\r\n\r\n") else {
        bail!("{addr}: not an HTTP answer");
    };
    if !head.starts_with("HTTP/1.1 200") {
        bail!("{addr}: {}", head.lines().next().unwrap_or_default());
    }
    Ok(body.to_owned())
}

/// The sum of every sample of `metric` (any labels) in Prometheus text.
fn sum_series(text: &str, metric: &str) -> f64 {
    text.lines()
        .filter(|l| {
            l.strip_prefix(metric)
                .is_some_and(|rest| rest.starts_with('{') || rest.starts_with(' '))
        })
        .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::sum_series;

    #[test]
    fn sums_every_label_set_of_one_series_only() {
        let text = "# HELP x\n\
                    newsparse_articles_parsed_total 7\n\
                    newsparse_articles_parsed_total_extra 100\n\
                    newsparse_requests_total{code=\"OK\"} 3\n\
                    newsparse_requests_total{code=\"UNAVAILABLE\"} 2\n";
        assert_eq!(sum_series(text, "newsparse_articles_parsed_total"), 7.0);
        assert_eq!(sum_series(text, "newsparse_requests_total"), 5.0);
        assert_eq!(sum_series(text, "absent"), 0.0);
    }
}
