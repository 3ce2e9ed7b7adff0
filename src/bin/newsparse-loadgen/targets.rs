//! Which servers a run may load: a target is `IP:port` or `host:port`, resolved to
//! every address it has (a DNS name for a replicated service answers with one
//! address per replica). Loopback is always allowed; private addresses (RFC 1918,
//! IPv6 unique-local) only with `--private-network`, for a client container on the
//! same container network as its servers; anything else is refused.

use anyhow::{bail, Context};
use std::net::{IpAddr, SocketAddr};

/// Where the load may go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// 127.0.0.0/8 and ::1.
    Loopback,
    /// Loopback, plus private addresses of a container network.
    Private,
}

impl Scope {
    /// True when `ip` lies inside this scope.
    pub fn allows(self, ip: IpAddr) -> bool {
        if ip.is_loopback() {
            return true;
        }
        self == Scope::Private
            && match ip {
                IpAddr::V4(v4) => v4.is_private(),
                // fc00::/7, unique local (std's is_unique_local is not stable yet).
                IpAddr::V6(v6) => (v6.segments()[0] & 0xfe00) == 0xfc00,
            }
    }
}

/// Every address `target` resolves to, sorted, each checked against `scope`.
pub async fn resolve(target: &str, scope: Scope) -> anyhow::Result<Vec<SocketAddr>> {
    let mut addrs: Vec<SocketAddr> = tokio::net::lookup_host(target)
        .await
        .with_context(|| format!("cannot resolve {target} (expected IP:port or host:port)"))?
        .collect();
    addrs.sort();
    addrs.dedup();
    if addrs.is_empty() {
        bail!("{target} resolves to no address");
    }
    if let Some(bad) = addrs.iter().find(|a| !scope.allows(a.ip())) {
        let allowed = match scope {
            Scope::Loopback => "loopback addresses (--private-network adds private ones)",
            Scope::Private => "loopback and private addresses",
        };
        bail!("{target} resolves to {bad}; this tool only loads {allowed}");
    }
    Ok(addrs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_admit_only_local_networks() {
        let ip = |s: &str| s.parse::<IpAddr>().expect("ip");
        for s in ["127.0.0.1", "127.3.4.5", "::1"] {
            assert!(Scope::Loopback.allows(ip(s)), "{s}");
        }
        for s in ["10.0.1.7", "172.18.0.2", "192.168.5.5", "fd00::1"] {
            assert!(!Scope::Loopback.allows(ip(s)), "{s}");
            assert!(Scope::Private.allows(ip(s)), "{s}");
        }
        for s in ["8.8.8.8", "172.32.0.1", "2001:db8::1"] {
            assert!(!Scope::Private.allows(ip(s)), "{s}");
        }
    }

    #[tokio::test]
    async fn a_loopback_literal_resolves_to_itself_and_a_public_one_is_refused() {
        let got = resolve("127.0.0.1:7", Scope::Loopback).await.expect("ok");
        assert_eq!(got, vec![SocketAddr::from(([127, 0, 0, 1], 7))]);
        let err = resolve("10.0.0.1:7", Scope::Loopback)
            .await
            .expect_err("refused");
        assert!(err.to_string().contains("--private-network"), "{err}");
        assert!(resolve("1.1.1.1:7", Scope::Private).await.is_err());
    }
}
