//! `--auth-token-file`: ArticleService needs `authorization: Bearer <token>`;
//! health and reflection stay open.

use crate::harness::{request, temp_file, TestServer};
use crate::ops_metrics::{http_get, value};
use newsparse::config::RawConfig;
use newsparse::grpc::pb;
use tonic::Code;
use tonic_health::pb::{health_client::HealthClient, HealthCheckRequest};

const TOKENS: &str = "# tokens of the test\ntoken-alpha-0123456789\ntoken-beta-9876543210\n";

async fn server() -> TestServer {
    let path = temp_file("tokens.txt", TOKENS.as_bytes());
    TestServer::with_metrics(RawConfig {
        auth_token_file: Some(path),
        ..RawConfig::default()
    })
    .await
}

fn with_auth(value: Option<&str>) -> tonic::Request<pb::ParseRequest> {
    let mut req = tonic::Request::new(request("Moscow is a city."));
    if let Some(v) = value {
        req.metadata_mut()
            .insert("authorization", v.parse().expect("ascii header"));
    }
    req
}

#[tokio::test]
async fn calls_without_a_valid_bearer_token_are_unauthenticated() {
    let server = server().await;
    let mut client = server.client().await;
    for (header, message) in [
        (
            None,
            "this server requires a bearer token: send metadata `authorization: Bearer <token>`",
        ),
        (
            Some("Bearer token-alpha-012345678"),
            "the bearer token in `authorization` is not valid for this server",
        ),
        (
            Some("token-alpha-0123456789"),
            "metadata `authorization` must be `Bearer <token>`",
        ),
    ] {
        let st = client.parse(with_auth(header)).await.expect_err("refused");
        assert_eq!(st.code(), Code::Unauthenticated, "{header:?}");
        assert_eq!(st.message(), message);
    }
    let stream = [pb::ParseStreamRequest {
        request: Some(request("Baku.")),
    }];
    let st = client
        .parse_stream(tokio_stream::iter(stream))
        .await
        .expect_err("stream refused without a token");
    assert_eq!(st.code(), Code::Unauthenticated);
    let (_, body) = http_get(server.metrics_addr.expect("metrics"), "/metrics").await;
    let refused = value(
        &body,
        "newsparse_refusals_total",
        &["reason=\"unauthenticated\""],
    );
    assert_eq!(refused, 4.0, "{body}");
    let code = "code=\"UNAUTHENTICATED\"";
    let parse = value(
        &body,
        "newsparse_requests_total",
        &[code, "method=\"Parse\""],
    );
    let stream = value(
        &body,
        "newsparse_requests_total",
        &[code, "method=\"ParseStream\""],
    );
    assert_eq!((parse, stream), (3.0, 1.0), "{body}");
    server.stop().await;
}

#[tokio::test]
async fn each_listed_token_is_accepted() {
    let server = server().await;
    let mut client = server.client().await;
    for token in ["token-alpha-0123456789", "token-beta-9876543210"] {
        let resp = client
            .parse(with_auth(Some(&format!("Bearer {token}"))))
            .await
            .expect("authenticated call");
        assert!(!resp.into_inner().entities.is_empty());
    }
    let mut req = tonic::Request::new(tokio_stream::iter([pb::ParseStreamRequest {
        request: Some(request("Baku is a city.")),
    }]));
    req.metadata_mut().insert(
        "authorization",
        "Bearer token-beta-9876543210".parse().expect("ascii"),
    );
    let mut out = client.parse_stream(req).await.expect("stream").into_inner();
    let item = out.message().await.expect("item").expect("one answer");
    assert!(matches!(
        item.result,
        Some(pb::parse_stream_response::Result::Response(_))
    ));
    server.stop().await;
}

#[tokio::test]
async fn health_and_reflection_need_no_token() {
    use tonic_reflection::pb::v1;
    let server = server().await;
    let mut health = HealthClient::new(server.channel().await);
    let resp = health
        .check(HealthCheckRequest {
            service: "newsparse.v1.ArticleService".into(),
        })
        .await
        .expect("health is open");
    assert_eq!(resp.into_inner().status, 1, "SERVING");
    let mut refl =
        v1::server_reflection_client::ServerReflectionClient::new(server.channel().await);
    let req = v1::ServerReflectionRequest {
        host: String::new(),
        message_request: Some(v1::server_reflection_request::MessageRequest::ListServices(
            String::new(),
        )),
    };
    let mut out = refl
        .server_reflection_info(tokio_stream::iter([req]))
        .await
        .expect("reflection is open")
        .into_inner();
    assert!(out.message().await.expect("answer").is_some());
    server.stop().await;
}
