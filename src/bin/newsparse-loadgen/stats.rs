//! Latency samples, outcomes by status code, and the final report.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::time::Duration;

/// What one worker saw during the measured window.
#[derive(Default)]
pub struct Tally {
    /// Latencies of successful requests, in microseconds.
    pub ok_micros: Vec<u64>,
    /// Words in the successful requests.
    pub ok_words: u64,
    /// Failures by gRPC status code name (after retries).
    pub errors: BTreeMap<String, u64>,
    /// Calls sent (each counted once, however often it was retried).
    pub sent: u64,
    /// Retried failures by gRPC status code name.
    pub retries: BTreeMap<String, u64>,
    /// Successful answers by the server address that gave them.
    pub by_server: BTreeMap<SocketAddr, u64>,
}

impl Tally {
    /// Records a success.
    pub fn ok(&mut self, latency: Duration, words: usize) {
        self.ok_micros
            .push(u64::try_from(latency.as_micros()).unwrap_or(u64::MAX));
        self.ok_words += words as u64;
    }

    /// Records a failure under `code`.
    pub fn error(&mut self, code: impl Into<String>) {
        *self.errors.entry(code.into()).or_default() += 1;
    }

    /// Records a failure that was sent again.
    pub fn retry(&mut self, code: impl Into<String>) {
        *self.retries.entry(code.into()).or_default() += 1;
    }

    /// Adds another worker's tally to this one.
    pub fn merge(&mut self, other: Tally) {
        self.ok_micros.extend(other.ok_micros);
        self.ok_words += other.ok_words;
        self.sent += other.sent;
        for (map, more) in [
            (&mut self.errors, other.errors),
            (&mut self.retries, other.retries),
        ] {
            for (code, n) in more {
                *map.entry(code).or_default() += n;
            }
        }
        for (server, n) in other.by_server {
            *self.by_server.entry(server).or_default() += n;
        }
    }

    /// Calls sent that got neither an answer nor a failure (0 unless the run was cut short).
    pub fn missing(&self) -> u64 {
        let failed: u64 = self.errors.values().sum();
        self.sent
            .saturating_sub(self.ok_micros.len() as u64 + failed)
    }
}

/// Facts about a server the load generator started itself.
#[derive(Debug, Default, Clone)]
pub struct ServerFacts {
    /// Spawn to first SERVING health answer.
    pub startup: Duration,
    /// Peak resident set (VmHWM), in KiB, read just before stopping it.
    pub peak_rss_kib: u64,
    /// Server CPU time (user + system) spent in the measured window.
    pub cpu: Duration,
}

/// The outcome of a run.
pub struct Report {
    /// A one-line description of the load.
    pub load: String,
    /// Length of the measured window.
    pub elapsed: Duration,
    /// Everything recorded in it, latencies sorted.
    pub tally: Tally,
    /// Open loop: requests the schedule could not start (too many outstanding).
    pub skipped: u64,
    /// Present with `--spawn`.
    pub server: Option<ServerFacts>,
}

/// The `q`-quantile (0..=1) of sorted samples, nearest rank.
pub fn quantile(sorted: &[u64], q: f64) -> u64 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = (q * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(micros: u64) -> f64 {
    micros as f64 / 1000.0
}

impl Report {
    /// Sorts the samples and wraps them up.
    pub fn new(load: String, elapsed: Duration, mut tally: Tally, skipped: u64) -> Self {
        tally.ok_micros.sort_unstable();
        Report {
            load,
            elapsed,
            tally,
            skipped,
            server: None,
        }
    }

    /// True when every request succeeded (retries allowed), none was skipped
    /// and none is missing.
    pub fn ok(&self) -> bool {
        self.tally.errors.is_empty()
            && self.skipped == 0
            && self.tally.missing() == 0
            && !self.tally.ok_micros.is_empty()
    }

    fn per_sec(&self, n: u64) -> f64 {
        n as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    fn latencies(&self) -> [(&'static str, f64); 4] {
        let s = &self.tally.ok_micros;
        let q = |p| ms(quantile(s, p));
        [
            ("p50", q(0.50)),
            ("p90", q(0.90)),
            ("p99", q(0.99)),
            ("max", ms(s.last().copied().unwrap_or(0))),
        ]
    }

    /// The human-readable report.
    pub fn text(&self) -> String {
        let n = self.tally.ok_micros.len() as u64;
        let mut out = format!("load: {}\n", self.load);
        out += &format!(
            "ok: {n} in {:.2}s = {:.1} articles/s, {:.0} words/s\n",
            self.elapsed.as_secs_f64(),
            self.per_sec(n),
            self.per_sec(self.tally.ok_words)
        );
        let lat: Vec<String> = self
            .latencies()
            .iter()
            .map(|(k, v)| format!("{k} {v:.2}"))
            .collect();
        out += &format!("latency ms: {}\n", lat.join("  "));
        out += &format!("errors: {}\n", counts(&self.tally.errors));
        out += &format!(
            "sent: {} (answered {}, missing {}); retries: {}\n",
            self.tally.sent,
            self.tally.sent - self.tally.missing(),
            self.tally.missing(),
            counts(&self.tally.retries)
        );
        out += &format!("ok by server: {}", counts(&self.tally.by_server));
        if self.skipped > 0 {
            out += &format!(
                "\nskipped (schedule fell behind, too many outstanding): {}",
                self.skipped
            );
        }
        if let Some(s) = &self.server {
            out += &format!(
                "\nserver: start to SERVING {:.1} ms, peak RSS {:.1} MiB, CPU {:.2}s ({:.3} ms/article)",
                s.startup.as_secs_f64() * 1000.0,
                s.peak_rss_kib as f64 / 1024.0,
                s.cpu.as_secs_f64(),
                s.cpu.as_secs_f64() * 1000.0 / n.max(1) as f64
            );
        }
        out
    }

    /// The report as one JSON object.
    pub fn json(&self) -> String {
        let n = self.tally.ok_micros.len() as u64;
        let mut v = serde_json::json!({
            "load": self.load,
            "elapsed_s": self.elapsed.as_secs_f64(),
            "ok": n,
            "articles_per_s": self.per_sec(n),
            "words_per_s": self.per_sec(self.tally.ok_words),
            "errors": self.tally.errors,
            "skipped": self.skipped,
            "sent": self.tally.sent,
            "missing": self.tally.missing(),
            "retries": self.tally.retries,
            "by_server": self.tally.by_server.iter()
                .map(|(k, v)| (k.to_string(), *v))
                .collect::<BTreeMap<String, u64>>(),
        });
        for (k, val) in self.latencies() {
            v[format!("{k}_ms")] = val.into();
        }
        if let Some(s) = &self.server {
            v["startup_ms"] = (s.startup.as_secs_f64() * 1000.0).into();
            v["peak_rss_kib"] = s.peak_rss_kib.into();
            v["server_cpu_s"] = s.cpu.as_secs_f64().into();
        }
        v.to_string()
    }
}

/// `k=v k=v`, or `none`.
fn counts<K: std::fmt::Display>(map: &BTreeMap<K, u64>) -> String {
    if map.is_empty() {
        return "none".into();
    }
    let parts: Vec<String> = map.iter().map(|(k, v)| format!("{k}={v}")).collect();
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::quantile;

    #[test]
    fn nearest_rank_quantiles() {
        let s: Vec<u64> = (1..=100).collect();
        assert_eq!(quantile(&s, 0.5), 50);
        assert_eq!(quantile(&s, 0.99), 99);
        assert_eq!(quantile(&s, 1.0), 100);
        assert_eq!(quantile(&s, 0.0), 1);
        assert_eq!(quantile(&[], 0.5), 0);
    }
}
