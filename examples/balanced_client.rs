//! A Rust client that spreads its calls over every replica behind one DNS name
//! (a Kubernetes headless Service, a Swarm service with `endpoint_mode: dnsrr`):
//!
//! ```sh
//! cargo run --release --example balanced_client -- newsparse-headless:50051 article.txt
//! ```
//!
//! tonic has no `dns:///` resolver of its own, so the name is resolved here, every
//! few seconds, and each address is handed to `Channel::balance_channel`, which
//! keeps a connection to each and sends every call to the less busy of two
//! (power of two choices): balancing per call, not per connection.

use newsparse::grpc::pb::{article_service_client::ArticleServiceClient, ParseRequest};
use std::collections::HashSet;
use std::net::SocketAddr;
use std::time::Duration;
use tonic::transport::channel::Change;
use tonic::transport::{Channel, Endpoint};

/// How often the name is resolved again, so replicas that come and go are seen.
const RESOLVE_EVERY: Duration = Duration::from_secs(5);

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let target = args.next().unwrap_or_else(|| "localhost:50051".into());
    let text = std::fs::read_to_string(
        args.next()
            .unwrap_or_else(|| "tests/fixtures/trend-2020-02-07-sadigov-gerasimov.txt".into()),
    )?;
    let (channel, changes) = Channel::balance_channel::<SocketAddr>(16);
    tokio::spawn(follow(target, changes));
    let mut client = ArticleServiceClient::new(channel);
    for i in 0..10 {
        let req = ParseRequest {
            id: i.to_string(),
            text: text.clone(),
            ..Default::default()
        };
        let resp = client.parse(req).await?.into_inner();
        println!("call {}: {} entities", resp.id, resp.entities.len());
    }
    Ok(())
}

/// Keeps the balancer's endpoints equal to what `target` resolves to.
async fn follow(target: String, changes: tokio::sync::mpsc::Sender<Change<SocketAddr, Endpoint>>) {
    let mut known = HashSet::new();
    loop {
        // A failed lookup keeps the endpoints there are.
        if let Ok(addrs) = tokio::net::lookup_host(&target).await {
            let now: HashSet<SocketAddr> = addrs.collect();
            for &addr in now.difference(&known) {
                let Ok(endpoint) = Endpoint::from_shared(format!("http://{addr}")) else {
                    continue;
                };
                let endpoint = endpoint.connect_timeout(Duration::from_secs(1));
                if changes.send(Change::Insert(addr, endpoint)).await.is_err() {
                    return;
                }
            }
            for &addr in known.difference(&now) {
                if changes.send(Change::Remove(addr)).await.is_err() {
                    return;
                }
            }
            known = now;
        }
        tokio::time::sleep(RESOLVE_EVERY).await;
    }
}
