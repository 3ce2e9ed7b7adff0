//! Starts a real server on an OS-chosen loopback port. The listener is bound
//! before the server task is spawned, so clients can connect at once: no sleeps.

use newsparse::config::RawConfig;
use newsparse::grpc::pb::article_service_client::ArticleServiceClient;
use newsparse::grpc::{self, pb};
use std::net::SocketAddr;
use tokio::sync::oneshot;
use tonic::transport::Channel;

/// A running server; dropping it without `stop` just aborts the task.
pub struct TestServer {
    pub addr: SocketAddr,
    /// Where metrics are served, when started with [`TestServer::with_metrics`].
    pub metrics_addr: Option<SocketAddr>,
    shutdown: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<Result<(), grpc::ServerError>>,
}

impl TestServer {
    /// Starts with default limits.
    pub async fn start() -> TestServer {
        Self::with(RawConfig::default()).await
    }

    /// Starts with the given settings (the address is ignored: 127.0.0.1:0).
    pub async fn with(raw: RawConfig) -> TestServer {
        Self::launch(raw, false).await
    }

    /// Starts with the given settings and a metrics listener on 127.0.0.1:0.
    pub async fn with_metrics(raw: RawConfig) -> TestServer {
        Self::launch(raw, true).await
    }

    async fn launch(raw: RawConfig, metrics: bool) -> TestServer {
        let config = raw.validate().expect("test config is valid");
        let listener = loopback().await;
        let addr = listener.local_addr().expect("local addr");
        let metrics = match metrics {
            true => Some(loopback().await),
            false => None,
        };
        let metrics_addr = metrics
            .as_ref()
            .map(|l| l.local_addr().expect("local addr"));
        let listeners = grpc::Listeners {
            grpc: listener,
            metrics,
        };
        let (tx, rx) = oneshot::channel::<()>();
        let shutdown = async move {
            let _ = rx.await;
        };
        let task = tokio::spawn(grpc::run(listeners, config, shutdown));
        TestServer {
            addr,
            metrics_addr,
            shutdown: Some(tx),
            task,
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub async fn channel(&self) -> Channel {
        tonic::transport::Endpoint::new(self.url())
            .expect("endpoint")
            .connect()
            .await
            .expect("connect to test server")
    }

    pub async fn client(&self) -> ArticleServiceClient<Channel> {
        ArticleServiceClient::new(self.channel().await)
            .max_decoding_message_size(64 << 20)
            .max_encoding_message_size(64 << 20)
    }

    /// Sends the shutdown signal (as SIGTERM would) without waiting.
    pub fn begin_shutdown(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }

    /// Shuts down and waits for the server to finish draining.
    pub async fn stop(mut self) {
        self.begin_shutdown();
        self.task
            .await
            .expect("server task")
            .expect("server exits cleanly");
    }
}

async fn loopback() -> tokio::net::TcpListener {
    tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback")
}

/// The committed fixture articles, by file stem.
pub fn fixtures() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("tests/fixtures exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let stem = p
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_owned();
            (stem, std::fs::read_to_string(&p).expect("fixture is UTF-8"))
        })
        .collect();
    out.sort();
    out
}

pub fn fixture(stem: &str) -> String {
    fixtures()
        .into_iter()
        .find(|(s, _)| s == stem)
        .map(|(_, t)| t)
        .unwrap_or_else(|| panic!("fixture {stem} missing"))
}

pub const TREND: &str = "trend-2020-02-07-sadigov-gerasimov";

pub fn request(text: &str) -> pb::ParseRequest {
    pb::ParseRequest {
        text: text.to_owned(),
        ..Default::default()
    }
}

/// Writes `contents` to a file of this test process under the system temp dir.
pub fn temp_file(name: &str, contents: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("newsparse-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create temp dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write temp file");
    path
}

/// One parse slot and no wait queue, with room for big articles: the setting
/// in which parallel calls must be refused.
pub fn one_slot_no_queue() -> RawConfig {
    RawConfig {
        max_text_bytes: 16 << 20,
        max_message_bytes: 32 << 20,
        max_concurrent_parses: 1,
        max_queued_parses: 0,
        ..RawConfig::default()
    }
}

/// Sends `n` Parse calls of `text` at once, each on its own connection.
pub async fn parallel_parses(
    server: &TestServer,
    text: &str,
    n: usize,
) -> Vec<Result<(), tonic::Status>> {
    let mut calls = Vec::new();
    for _ in 0..n {
        let mut client = server.client().await;
        let req = request(text);
        calls.push(tokio::spawn(
            async move { client.parse(req).await.map(|_| ()) },
        ));
    }
    let mut out = Vec::new();
    for c in calls {
        out.push(c.await.expect("call task"));
    }
    out
}
