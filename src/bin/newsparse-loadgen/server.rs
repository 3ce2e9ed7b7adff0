//! A server the load generator starts itself: spawn on a free loopback port, poll
//! health until SERVING, read its CPU time and peak RSS from /proc, stop it.

use anyhow::{bail, Context};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tonic::transport::Endpoint;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;
use tonic_health::pb::HealthCheckRequest;

const STARTUP_LIMIT: Duration = Duration::from_secs(20);

/// A running server process that is killed when dropped.
pub struct Spawned {
    child: Child,
    /// Where it listens.
    pub addr: SocketAddr,
    /// Spawn to first SERVING answer.
    pub startup: Duration,
    log: PathBuf,
}

impl Drop for Spawned {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.log);
    }
}

impl Spawned {
    /// Starts `binary serve --addr 127.0.0.1:PORT` and waits until it is SERVING.
    pub async fn start(binary: &Path) -> anyhow::Result<Self> {
        let addr = free_port()?;
        // The server's log goes to a file: under overload it logs every refusal.
        let log_path = std::env::temp_dir().join(format!("newsparse-loadgen-{}.log", addr.port()));
        let log = std::fs::File::create(&log_path)
            .with_context(|| format!("cannot create {}", log_path.display()))?;
        let begin = Instant::now();
        let child = Command::new(binary)
            .args(["serve", "--addr", &addr.to_string()])
            .stderr(log)
            .env(
                "NEWSPARSE_LOG",
                std::env::var("NEWSPARSE_LOG").unwrap_or_else(|_| "warn".into()),
            )
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .spawn()
            .with_context(|| format!("cannot start {}", binary.display()))?;
        let mut server = Spawned {
            child,
            addr,
            startup: Duration::ZERO,
            log: log_path.clone(),
        };
        while !serving(addr).await {
            if let Some(status) = server.child.try_wait()? {
                let log = std::fs::read_to_string(&log_path).unwrap_or_default();
                bail!("server exited during startup: {status}\n{log}");
            }
            if begin.elapsed() > STARTUP_LIMIT {
                bail!("server not SERVING after {STARTUP_LIMIT:?}");
            }
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        server.startup = begin.elapsed();
        Ok(server)
    }

    /// Peak resident set size so far (VmHWM), in KiB.
    pub fn peak_rss_kib(&self) -> u64 {
        proc_status_kib(self.child.id(), "VmHWM:")
    }

    /// Current resident set size (VmRSS), in KiB.
    pub fn rss_kib(&self) -> u64 {
        proc_status_kib(self.child.id(), "VmRSS:")
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

/// User + system CPU time process `pid` has used so far.
pub fn cpu_of(pid: u32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the parenthesised command name; utime and stime are 14 and 15.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let field = |i: usize| f.get(i).and_then(|x| x.parse::<u64>().ok()).unwrap_or(0);
    Duration::from_secs_f64((field(11) + field(12)) as f64 / clock_ticks())
}

fn free_port() -> anyhow::Result<SocketAddr> {
    let l = std::net::TcpListener::bind("127.0.0.1:0").context("no free loopback port")?;
    Ok(l.local_addr()?)
}

/// True when the server answers the overall health check with SERVING.
pub async fn serving(addr: SocketAddr) -> bool {
    let Ok(ep) = Endpoint::from_shared(format!("http://{addr}")) else {
        return false;
    };
    let Ok(channel) = ep
        .connect_timeout(Duration::from_millis(200))
        .connect()
        .await
    else {
        return false;
    };
    let req = HealthCheckRequest {
        service: String::new(),
    };
    match HealthClient::new(channel).check(req).await {
        Ok(r) => r.into_inner().status == ServingStatus::Serving as i32,
        Err(_) => false,
    }
}

fn proc_status_kib(pid: u32, key: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn clock_ticks() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok()?.trim().parse().ok())
        .unwrap_or(100.0)
}

/// Starts the server `runs` times and prints start-to-SERVING times and idle RSS.
pub async fn startup_report(binary: &Path, runs: usize) -> anyhow::Result<()> {
    let mut times = Vec::new();
    let mut rss = Vec::new();
    for _ in 0..runs {
        let s = Spawned::start(binary).await?;
        times.push(s.startup.as_secs_f64() * 1000.0);
        rss.push(s.rss_kib() as f64 / 1024.0);
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    let list: Vec<String> = times.iter().map(|t| format!("{t:.1}")).collect();
    println!(
        "start to SERVING over {runs} runs, ms: min {:.1}  median {median:.1}  max {:.1}",
        times[0],
        times[runs - 1]
    );
    println!("all (sorted): {}", list.join(" "));
    println!(
        "idle RSS right after SERVING, MiB: max {:.1}",
        rss.iter().copied().fold(0.0, f64::max)
    );
    Ok(())
}
