//! The connections a run spreads its calls over: `--connections` HTTP/2
//! connections to every address the target resolves to, picked round-robin per
//! call. gRPC keeps one long-lived connection per channel, so balancing per call
//! has to happen here, in the client (an L4 balancer would pin each connection to
//! one replica). The name is resolved again every `--resolve-every` seconds and at
//! once after a failed call, so replicas that appear get calls and replicas that
//! went stop getting them.

use crate::targets::{self, Scope};
use anyhow::Context;
use newsparse::grpc::pb::article_service_client::ArticleServiceClient;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};
use tokio::sync::Notify;
use tonic::codec::CompressionEncoding::Gzip;
use tonic::transport::{Channel, Endpoint};

/// The generated client over one HTTP/2 connection.
pub type Client = ArticleServiceClient<Channel>;

/// A dead replica's address may swallow SYNs instead of refusing them; a call
/// must not wait longer than this to find out.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(1);

/// One connection to one server address.
#[derive(Clone)]
pub struct Member {
    /// The server address it dials.
    pub addr: SocketAddr,
    /// The generated client over that connection.
    pub client: Client,
}

/// Every connection of the run, and how to find new ones.
pub struct Pool {
    target: String,
    scope: Scope,
    per_addr: usize,
    gzip: bool,
    members: RwLock<Arc<Vec<Member>>>,
    next: AtomicUsize,
    stale: Notify,
}

impl Pool {
    /// Resolves `target` and connects `per_addr` times to each address (failing
    /// when one refuses, so a wrong address is reported before the run starts).
    pub async fn connect(
        target: &str,
        scope: Scope,
        per_addr: usize,
        gzip: bool,
    ) -> anyhow::Result<Arc<Pool>> {
        let pool = Pool {
            target: target.to_owned(),
            scope,
            per_addr: per_addr.max(1),
            gzip,
            members: RwLock::new(Arc::new(Vec::new())),
            next: AtomicUsize::new(0),
            stale: Notify::new(),
        };
        let addrs = targets::resolve(target, scope).await?;
        let mut members = Vec::new();
        for _ in 0..pool.per_addr {
            for &addr in &addrs {
                let channel = endpoint(addr)?
                    .connect()
                    .await
                    .with_context(|| format!("cannot connect to {addr} ({target})"))?;
                members.push(pool.member(addr, channel));
            }
        }
        *pool.members.write().expect("pool lock") = Arc::new(members);
        Ok(Arc::new(pool))
    }

    fn member(&self, addr: SocketAddr, channel: tonic::transport::Channel) -> Member {
        let mut client = Client::new(channel).max_decoding_message_size(64 << 20);
        if self.gzip {
            client = client.send_compressed(Gzip).accept_compressed(Gzip);
        }
        Member { addr, client }
    }

    /// The server addresses in use now.
    pub fn addrs(&self) -> Vec<SocketAddr> {
        let mut a: Vec<SocketAddr> = self.snapshot().iter().map(|m| m.addr).collect();
        a.sort();
        a.dedup();
        a
    }

    fn snapshot(&self) -> Arc<Vec<Member>> {
        Arc::clone(&self.members.read().expect("pool lock"))
    }

    /// The next connection in round-robin order, skipping `avoid` (the server a
    /// call just failed on) while another server is there to take the call.
    pub fn pick(&self, avoid: Option<SocketAddr>) -> Member {
        let members = self.snapshot();
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        let nth = |i: usize| &members[(start + i) % members.len()];
        (0..members.len())
            .map(nth)
            .find(|m| Some(m.addr) != avoid)
            .unwrap_or_else(|| nth(0))
            .clone()
    }

    /// Asks the refresher to resolve the name again now (a call failed).
    pub fn mark_stale(&self) {
        self.stale.notify_one();
    }

    /// Resolves the name again: keeps the connections of addresses still listed,
    /// opens (lazily) connections to new ones, drops the rest. An answer with no
    /// address, or a failed lookup, keeps what there is: a run never has no server.
    pub async fn refresh(&self) -> anyhow::Result<()> {
        let addrs = targets::resolve(&self.target, self.scope).await?;
        let old = self.snapshot();
        let mut members: Vec<Member> = old
            .iter()
            .filter(|m| addrs.contains(&m.addr))
            .cloned()
            .collect();
        for &addr in addrs.iter().filter(|a| !old.iter().any(|m| m.addr == **a)) {
            for _ in 0..self.per_addr {
                members.push(self.member(addr, endpoint(addr)?.connect_lazy()));
            }
        }
        // Interleave by address so consecutive picks go to different servers.
        members.sort_by_key(|m| m.addr);
        let members = interleave(members, self.per_addr);
        *self.members.write().expect("pool lock") = Arc::new(members);
        Ok(())
    }

    /// Re-resolves every `every` and whenever a call failed, until `until`.
    pub fn spawn_refresher(self: &Arc<Self>, every: Duration, until: Instant) {
        let pool = Arc::clone(self);
        tokio::spawn(async move {
            while Instant::now() < until {
                tokio::select! {
                    () = tokio::time::sleep(every) => {}
                    () = pool.stale.notified() => {}
                }
                if let Err(e) = pool.refresh().await {
                    eprintln!("newsparse-loadgen: re-resolving kept the old servers: {e:#}");
                }
            }
        });
    }
}

/// `[a1, a2, b1, b2]` with `per = 2` becomes `[a1, b1, a2, b2]`.
fn interleave(sorted: Vec<Member>, per: usize) -> Vec<Member> {
    let per = per.max(1);
    let mut rounds: Vec<Vec<Member>> = vec![Vec::new(); per];
    let mut last = None;
    let mut i = 0;
    for m in sorted {
        i = if last == Some(m.addr) { i + 1 } else { 0 };
        last = Some(m.addr);
        rounds[i % per].push(m);
    }
    rounds.into_iter().flatten().collect()
}

fn endpoint(addr: SocketAddr) -> anyhow::Result<Endpoint> {
    Ok(Endpoint::from_shared(format!("http://{addr}"))?
        .connect_timeout(CONNECT_TIMEOUT)
        .tcp_nodelay(true))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pool over `addrs` with `per` lazy connections each (none is ever dialled).
    fn pool(addrs: &[SocketAddr], per: usize) -> Pool {
        let p = Pool {
            target: "test".into(),
            scope: Scope::Loopback,
            per_addr: per,
            gzip: false,
            members: RwLock::new(Arc::new(Vec::new())),
            next: AtomicUsize::new(0),
            stale: Notify::new(),
        };
        let mut members = Vec::new();
        for &a in addrs {
            for _ in 0..per {
                let channel = endpoint(a).expect("endpoint").connect_lazy();
                members.push(p.member(a, channel));
            }
        }
        *p.members.write().expect("lock") = Arc::new(interleave(members, per));
        p
    }

    fn addr(port: u16) -> SocketAddr {
        SocketAddr::from(([127, 0, 0, 1], port))
    }

    #[tokio::test]
    async fn consecutive_picks_visit_every_server_in_turn() {
        let p = pool(&[addr(1), addr(2), addr(3)], 2);
        let picked: Vec<u16> = (0..6).map(|_| p.pick(None).addr.port()).collect();
        assert_eq!(picked, [1, 2, 3, 1, 2, 3]);
    }

    #[tokio::test]
    async fn a_retry_avoids_the_server_that_failed_while_another_exists() {
        let p = pool(&[addr(1), addr(2)], 2);
        for _ in 0..8 {
            assert_eq!(p.pick(Some(addr(1))).addr, addr(2));
        }
        let alone = pool(&[addr(1)], 1);
        assert_eq!(alone.pick(Some(addr(1))).addr, addr(1));
    }
}
