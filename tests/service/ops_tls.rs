//! `--tls-cert`/`--tls-key`: gRPC over rustls, with a certificate authority and a
//! server certificate made in the test; a real TLS tonic client and
//! `newsparse health --tls-ca`.

use crate::harness::{request, temp_file, TestServer};
use newsparse::config::RawConfig;
use newsparse::grpc::pb::article_service_client::ArticleServiceClient;
use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair};
use std::path::PathBuf;
use std::process::Command;
use tonic::transport::{Certificate, ClientTlsConfig, Endpoint};

/// A CA certificate (PEM) and a server certificate for "localhost" it signed.
struct Pki {
    ca_pem: String,
    cert: PathBuf,
    key: PathBuf,
}

fn ca() -> (CertificateParams, KeyPair) {
    let mut params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    (params, KeyPair::generate().expect("CA key"))
}

fn pki(tag: &str) -> Pki {
    let (ca_params, ca_key) = ca();
    let ca_pem = ca_params.self_signed(&ca_key).expect("CA cert").pem();
    let issuer = Issuer::new(ca_params, ca_key);
    let leaf_key = KeyPair::generate().expect("server key");
    let leaf = CertificateParams::new(vec!["localhost".to_owned()])
        .expect("server params")
        .signed_by(&leaf_key, &issuer)
        .expect("server cert");
    Pki {
        ca_pem,
        cert: temp_file(&format!("{tag}-cert.pem"), leaf.pem().as_bytes()),
        key: temp_file(
            &format!("{tag}-key.pem"),
            leaf_key.serialize_pem().as_bytes(),
        ),
    }
}

async fn tls_server(p: &Pki) -> TestServer {
    TestServer::with(RawConfig {
        tls_cert: Some(p.cert.clone()),
        tls_key: Some(p.key.clone()),
        ..RawConfig::default()
    })
    .await
}

fn endpoint(server: &TestServer, ca_pem: &str) -> Endpoint {
    let tls = ClientTlsConfig::new()
        .ca_certificate(Certificate::from_pem(ca_pem))
        .domain_name("localhost");
    Endpoint::new(format!("https://{}", server.addr))
        .expect("endpoint")
        .tls_config(tls)
        .expect("client TLS config")
}

#[tokio::test]
async fn parse_over_tls_with_a_certificate_made_in_the_test() {
    let p = pki("ok");
    let server = tls_server(&p).await;
    let channel = endpoint(&server, &p.ca_pem)
        .connect()
        .await
        .expect("TLS handshake");
    let resp = ArticleServiceClient::new(channel)
        .parse(request("Moscow is a city."))
        .await
        .expect("parse over TLS");
    assert!(!resp.into_inner().entities.is_empty());
    server.stop().await;
}

#[tokio::test]
async fn plaintext_and_untrusted_clients_get_nothing() {
    let p = pki("deny");
    let server = tls_server(&p).await;
    // Refused at connect or at the first call, depending on when h2 notices.
    if let Ok(plain) = Endpoint::new(server.url())
        .expect("endpoint")
        .connect()
        .await
    {
        let st = ArticleServiceClient::new(plain)
            .parse(request("Moscow is a city."))
            .await
            .expect_err("a plaintext client cannot talk to a TLS server");
        assert_ne!(st.code(), tonic::Code::Ok);
    }
    let other = pki("other");
    let untrusted = endpoint(&server, &other.ca_pem).connect().await;
    assert!(
        untrusted.is_err(),
        "a certificate from another CA is refused"
    );
    server.stop().await;
}

#[tokio::test]
async fn cli_health_speaks_tls_with_tls_ca() {
    let p = pki("health");
    let server = tls_server(&p).await;
    let ca = temp_file("health-ca.pem", p.ca_pem.as_bytes());
    let addr = server.addr.to_string();
    let run = move |args: Vec<String>| {
        Command::new(env!("CARGO_BIN_EXE_newsparse"))
            .args(["health", "--addr", &addr])
            .args(args)
            .env_remove("NEWSPARSE_TLS_CA")
            .status()
            .expect("run newsparse health")
    };
    let with_ca = vec!["--tls-ca".to_owned(), ca.display().to_string()];
    let plain = vec!["--timeout-secs".to_owned(), "2".to_owned()];
    let (ok, plain) = tokio::task::spawn_blocking(move || (run(with_ca), run(plain)))
        .await
        .expect("health runs");
    assert!(ok.success(), "health over TLS");
    assert!(
        !plain.success(),
        "plaintext health against a TLS server fails"
    );
    server.stop().await;
}
