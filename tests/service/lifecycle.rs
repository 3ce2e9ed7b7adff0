//! Health, reflection, compression and graceful shutdown.

use crate::harness::{fixture, request, TestServer, TREND};
use newsparse::config::RawConfig;
use newsparse::grpc::pb;
use tokio_stream::StreamExt;
use tonic::codec::CompressionEncoding::Gzip;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;
use tonic_health::pb::HealthCheckRequest;

fn check(service: &str) -> HealthCheckRequest {
    HealthCheckRequest {
        service: service.into(),
    }
}

#[tokio::test]
async fn health_is_serving_for_the_server_and_the_article_service() {
    let server = TestServer::start().await;
    let mut health = HealthClient::new(server.channel().await);
    for svc in ["", "newsparse.v1.ArticleService"] {
        let st = health
            .check(check(svc))
            .await
            .expect("health answers")
            .into_inner()
            .status;
        assert_eq!(st, ServingStatus::Serving as i32, "{svc:?}");
    }
    server.stop().await;
}

/// SIGTERM semantics: NOT_SERVING is announced at once, and a request accepted
/// before the signal still completes successfully.
#[tokio::test]
async fn shutdown_reports_not_serving_and_finishes_in_flight_requests() {
    let raw = RawConfig {
        max_text_bytes: 16 << 20,
        max_message_bytes: 32 << 20,
        ..RawConfig::default()
    };
    let mut server = TestServer::with(raw).await;
    let mut health = HealthClient::new(server.channel().await);
    let mut watch = health.watch(check("")).await.expect("watch").into_inner();
    let first = watch
        .next()
        .await
        .expect("first status")
        .expect("ok")
        .status;
    assert_eq!(first, ServingStatus::Serving as i32);

    // A ParseStream whose response headers have arrived is accepted by the
    // server: shut down only then, and the article must still come back.
    let mut client = server.client().await;
    let big = fixture(TREND).repeat(200);
    let mut accepted = client
        .parse_stream(tokio_stream::iter([pb::ParseStreamRequest {
            request: Some(request(&big)),
        }]))
        .await
        .expect("stream accepted")
        .into_inner();

    server.begin_shutdown();
    let next = watch
        .next()
        .await
        .expect("status change")
        .expect("ok")
        .status;
    assert_eq!(next, ServingStatus::NotServing as i32);
    let resp = accepted
        .next()
        .await
        .expect("an answer")
        .expect("in-flight article completes");
    match resp.result {
        Some(pb::parse_stream_response::Result::Response(r)) => assert!(!r.paragraphs.is_empty()),
        other => panic!("in-flight article failed: {other:?}"),
    }
    assert!(accepted.next().await.is_none());
    server.stop().await;
}

#[tokio::test]
async fn reflection_v1_and_v1alpha_list_every_service() {
    use tonic_reflection::pb::{v1, v1alpha};
    let server = TestServer::start().await;
    let mut c1 = v1::server_reflection_client::ServerReflectionClient::new(server.channel().await);
    let req = v1::ServerReflectionRequest {
        host: String::new(),
        message_request: Some(v1::server_reflection_request::MessageRequest::ListServices(
            String::new(),
        )),
    };
    let mut out = c1
        .server_reflection_info(tokio_stream::iter([req]))
        .await
        .expect("v1")
        .into_inner();
    let names = match out
        .next()
        .await
        .expect("answer")
        .expect("ok")
        .message_response
    {
        Some(v1::server_reflection_response::MessageResponse::ListServicesResponse(l)) => {
            l.service.into_iter().map(|s| s.name).collect::<Vec<_>>()
        }
        other => panic!("unexpected {other:?}"),
    };
    for want in [
        "newsparse.v1.ArticleService",
        "grpc.health.v1.Health",
        "grpc.reflection.v1alpha.ServerReflection",
    ] {
        assert!(
            names.iter().any(|n| n == want),
            "{want} missing from {names:?}"
        );
    }
    let mut c0 =
        v1alpha::server_reflection_client::ServerReflectionClient::new(server.channel().await);
    let req = v1alpha::ServerReflectionRequest {
        host: String::new(),
        message_request: Some(
            v1alpha::server_reflection_request::MessageRequest::FileContainingSymbol(
                "newsparse.v1.ArticleService".into(),
            ),
        ),
    };
    let mut out = c0
        .server_reflection_info(tokio_stream::iter([req]))
        .await
        .expect("v1alpha")
        .into_inner();
    match out
        .next()
        .await
        .expect("answer")
        .expect("ok")
        .message_response
    {
        Some(v1alpha::server_reflection_response::MessageResponse::FileDescriptorResponse(f)) => {
            assert!(!f.file_descriptor_proto.is_empty());
        }
        other => panic!("unexpected {other:?}"),
    }
    server.stop().await;
}

#[tokio::test]
async fn gzip_is_accepted_and_offered_on_articles_and_health() {
    let server = TestServer::start().await;
    let mut client = server
        .client()
        .await
        .send_compressed(Gzip)
        .accept_compressed(Gzip);
    let resp = client
        .parse(request(&fixture(TREND)))
        .await
        .expect("gzip parse");
    assert_eq!(
        resp.metadata()
            .get("grpc-encoding")
            .and_then(|v| v.to_str().ok()),
        Some("gzip")
    );
    let mut health = HealthClient::new(server.channel().await)
        .send_compressed(Gzip)
        .accept_compressed(Gzip);
    health.check(check("")).await.expect("gzip health");
    server.stop().await;
}

/// Reflection serves every file a client needs to decode ParseStream answers:
/// the newsparse file, google/rpc/status.proto and google/protobuf/any.proto.
#[tokio::test]
async fn reflection_serves_the_imported_status_and_any_files() {
    use prost::Message;
    use tonic_reflection::pb::v1::{
        server_reflection_client::ServerReflectionClient,
        server_reflection_request::MessageRequest, server_reflection_response::MessageResponse,
        ServerReflectionRequest,
    };
    let server = TestServer::start().await;
    let mut client = ServerReflectionClient::new(server.channel().await);
    let ask = [
        MessageRequest::FileContainingSymbol("newsparse.v1.ParseStreamResponse".into()),
        MessageRequest::FileByFilename("google/rpc/status.proto".into()),
        MessageRequest::FileByFilename("google/protobuf/any.proto".into()),
    ];
    for req in ask {
        let wanted = format!("{req:?}");
        let msg = ServerReflectionRequest {
            host: String::new(),
            message_request: Some(req),
        };
        let mut out = client
            .server_reflection_info(tokio_stream::iter([msg]))
            .await
            .expect("reflection")
            .into_inner();
        let answer = out
            .next()
            .await
            .expect("answer")
            .expect("ok")
            .message_response;
        let Some(MessageResponse::FileDescriptorResponse(f)) = answer else {
            panic!("{wanted}: unexpected {answer:?}");
        };
        let files: Vec<prost_types::FileDescriptorProto> = f
            .file_descriptor_proto
            .iter()
            .map(|b| prost_types::FileDescriptorProto::decode(b.as_slice()).expect("descriptor"))
            .collect();
        let file = files.first().unwrap_or_else(|| panic!("{wanted}: no file"));
        match wanted.as_str() {
            w if w.contains("ParseStreamResponse") => {
                assert_eq!(file.name(), "newsparse/v1/article.proto");
                assert!(file
                    .dependency
                    .iter()
                    .any(|d| d == "google/rpc/status.proto"));
            }
            w if w.contains("status.proto") => {
                assert_eq!(file.name(), "google/rpc/status.proto");
                assert!(file.message_type.iter().any(|m| m.name() == "Status"));
            }
            _ => assert_eq!(file.name(), "google/protobuf/any.proto"),
        }
    }
    server.stop().await;
}
