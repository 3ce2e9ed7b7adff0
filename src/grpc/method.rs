//! Tags each call with its RPC method before the interceptor runs, so a call
//! refused there (UNAUTHENTICATED) is still counted under its method.
//!
//! tonic's interceptor sees metadata and extensions but not the path; this
//! wrapper reads the path from the HTTP request and leaves a [`Method`] behind.

use std::task::{Context, Poll};
use tonic::server::NamedService;

/// The RPC method of a call, e.g. "Parse".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Method(pub &'static str);

/// The methods of `newsparse.v1.ArticleService`; anything else is "unknown".
const METHODS: &[&str] = &["Parse", "ParseStream"];

impl Method {
    /// The method named by a gRPC path such as `/newsparse.v1.ArticleService/Parse`.
    pub fn of_path(path: &str) -> Method {
        let name = path.rsplit('/').next().unwrap_or_default();
        Method(
            METHODS
                .iter()
                .find(|m| **m == name)
                .copied()
                .unwrap_or("unknown"),
        )
    }
}

/// A service that inserts [`Method`] into each request's extensions.
#[derive(Debug, Clone)]
pub struct TagMethod<S>(pub S);

impl<S, B> tower_service::Service<http::Request<B>> for TagMethod<S>
where
    S: tower_service::Service<http::Request<B>>,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = S::Future;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.0.poll_ready(cx)
    }

    fn call(&mut self, mut req: http::Request<B>) -> Self::Future {
        let method = Method::of_path(req.uri().path());
        req.extensions_mut().insert(method);
        self.0.call(req)
    }
}

impl<S: NamedService> NamedService for TagMethod<S> {
    const NAME: &'static str = S::NAME;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn methods_come_from_the_path() {
        assert_eq!(
            Method::of_path("/newsparse.v1.ArticleService/Parse"),
            Method("Parse")
        );
        assert_eq!(
            Method::of_path("/newsparse.v1.ArticleService/ParseStream"),
            Method("ParseStream")
        );
        assert_eq!(
            Method::of_path("/newsparse.v1.ArticleService/Nope"),
            Method("unknown")
        );
    }
}
