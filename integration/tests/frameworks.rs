//! `#[ephemeral_fs]` stacked with the attributes of the frameworks it is
//! used with, in both orders: each handler builds, is accepted where the
//! framework wants it, and runs. Every handler stages its body in a temp
//! file through a checked write, so the attribute has something to rewrite.
//! `fail/` holds the same stacks with a persistent write, refused at its
//! argument (`tests/ui.rs`).

use std::io;

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

mod axum_stack {
    use axum::Router;
    use axum::body::{Body, Bytes};
    use axum::http::{Request, StatusCode};
    use axum::routing::post;
    use tower::ServiceExt;

    use super::*;

    #[ephemeral_fs]
    #[axum::debug_handler]
    async fn ours_first(body: Bytes) -> String {
        let staged = NamedTempFile::new().unwrap();
        tokio::fs::write(&staged, &body).await.unwrap();
        let len = tokio::fs::read(staged.path()).await.unwrap().len();
        format!("staged {len}")
    }

    #[axum::debug_handler]
    #[ephemeral_fs]
    async fn debug_handler_first(body: Bytes) -> String {
        let staged = NamedTempFile::new().unwrap();
        tokio::fs::write(&staged, &body).await.unwrap();
        let len = tokio::fs::read(staged.path()).await.unwrap().len();
        format!("staged {len}")
    }

    fn assert_send<F: Future + Send>(future: F) -> F {
        future
    }

    #[tokio::test]
    async fn debug_handler_routes_and_runs_in_both_orders() {
        // The futures are `Send`, as a multi-threaded server needs.
        assert_eq!(assert_send(ours_first(Bytes::from("ab"))).await, "staged 2");
        assert_eq!(
            assert_send(debug_handler_first(Bytes::from("abc"))).await,
            "staged 3"
        );
        let app = Router::new()
            .route("/ours-first", post(ours_first))
            .route("/debug-handler-first", post(debug_handler_first));
        for uri in ["/ours-first", "/debug-handler-first"] {
            let request = Request::post(uri).body(Body::from("hello")).unwrap();
            let response = app.clone().oneshot(request).await.unwrap();
            assert_eq!(response.status(), StatusCode::OK, "{uri}");
            let body = axum::body::to_bytes(response.into_body(), 1024)
                .await
                .unwrap();
            assert_eq!(&body[..], b"staged 5", "{uri}");
        }
    }
}

mod tracing_stack {
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::{Arc, Mutex};

    use tracing::span::{Attributes, Id, Record};
    use tracing::{Event, Metadata};

    use super::*;

    /// Records the names of the spans entered, to prove the instrumentation
    /// survived the rewrite.
    #[derive(Default, Clone)]
    struct Recorder {
        entered: Arc<Mutex<Vec<&'static str>>>,
        names: Arc<Mutex<Vec<&'static str>>>,
        next: Arc<AtomicU64>,
    }

    impl tracing::Subscriber for Recorder {
        fn enabled(&self, _: &Metadata<'_>) -> bool {
            true
        }
        fn new_span(&self, span: &Attributes<'_>) -> Id {
            self.names.lock().unwrap().push(span.metadata().name());
            Id::from_u64(self.next.fetch_add(1, Ordering::SeqCst) + 1)
        }
        fn record(&self, _: &Id, _: &Record<'_>) {}
        fn record_follows_from(&self, _: &Id, _: &Id) {}
        fn event(&self, _: &Event<'_>) {}
        fn enter(&self, id: &Id) {
            let name = self.names.lock().unwrap()[id.into_u64() as usize - 1];
            self.entered.lock().unwrap().push(name);
        }
        fn exit(&self, _: &Id) {}
    }

    #[ephemeral_fs]
    #[tracing::instrument(skip(body))]
    fn ours_first_sync(body: &[u8]) -> io::Result<u64> {
        let staged = NamedTempFile::new()?;
        std::fs::write(&staged, body)?;
        Ok(std::fs::metadata(&staged)?.len())
    }

    #[tracing::instrument(skip(body))]
    #[ephemeral_fs]
    fn instrument_first_sync(body: &[u8]) -> io::Result<u64> {
        let staged = NamedTempFile::new()?;
        std::fs::write(&staged, body)?;
        Ok(std::fs::metadata(&staged)?.len())
    }

    #[ephemeral_fs]
    #[tracing::instrument(skip(body))]
    async fn ours_first_async(body: Vec<u8>) -> io::Result<u64> {
        let staged = NamedTempFile::new()?;
        tokio::fs::write(&staged, body).await?;
        Ok(tokio::fs::metadata(&staged).await?.len())
    }

    #[tracing::instrument(skip(body))]
    #[ephemeral_fs]
    async fn instrument_first_async(body: Vec<u8>) -> io::Result<u64> {
        let staged = NamedTempFile::new()?;
        tokio::fs::write(&staged, body).await?;
        Ok(tokio::fs::metadata(&staged).await?.len())
    }

    #[tokio::test(flavor = "current_thread")]
    async fn instrument_runs_in_both_orders_and_keeps_its_span() {
        let recorder = Recorder::default();
        let _guard = tracing::subscriber::set_default(recorder.clone());
        assert_eq!(ours_first_sync(b"a").unwrap(), 1);
        assert_eq!(instrument_first_sync(b"ab").unwrap(), 2);
        assert_eq!(ours_first_async(b"abc".to_vec()).await.unwrap(), 3);
        assert_eq!(instrument_first_async(b"abcd".to_vec()).await.unwrap(), 4);
        let entered = recorder.entered.lock().unwrap().clone();
        for name in [
            "ours_first_sync",
            "instrument_first_sync",
            "ours_first_async",
            "instrument_first_async",
        ] {
            assert!(entered.contains(&name), "{name} not entered: {entered:?}");
        }
    }
}

mod async_trait_stack {
    use async_trait::async_trait;

    use super::*;

    #[async_trait]
    trait Stage {
        async fn stage(&self, body: &[u8]) -> io::Result<u64>;
    }

    struct OursFirst;
    struct AsyncTraitFirst;

    #[ephemeral_fs]
    #[async_trait]
    impl Stage for OursFirst {
        async fn stage(&self, body: &[u8]) -> io::Result<u64> {
            let staged = NamedTempFile::new()?;
            tokio::fs::write(&staged, body).await?;
            Ok(tokio::fs::metadata(&staged).await?.len())
        }
    }

    #[async_trait]
    #[ephemeral_fs]
    impl Stage for AsyncTraitFirst {
        async fn stage(&self, body: &[u8]) -> io::Result<u64> {
            let staged = NamedTempFile::new()?;
            tokio::fs::write(&staged, body).await?;
            Ok(tokio::fs::metadata(&staged).await?.len())
        }
    }

    #[tokio::test]
    async fn async_trait_impls_run_in_both_orders() {
        let stages: [Box<dyn Stage + Send + Sync>; 2] =
            [Box::new(OursFirst), Box::new(AsyncTraitFirst)];
        for (stage, body) in stages.iter().zip([&b"ab"[..], b"abc"]) {
            assert_eq!(stage.stage(body).await.unwrap(), body.len() as u64);
        }
    }
}

mod actix_stack {
    use actix_web::{App, post, test, web};

    use super::*;

    #[ephemeral_fs]
    #[post("/ours-first")]
    async fn ours_first(body: web::Bytes) -> String {
        let staged = NamedTempFile::new().unwrap();
        std::fs::write(&staged, &body).unwrap();
        format!("staged {}", std::fs::read(staged.path()).unwrap().len())
    }

    #[post("/post-first")]
    #[ephemeral_fs]
    async fn post_first(body: web::Bytes) -> String {
        let staged = NamedTempFile::new().unwrap();
        std::fs::write(&staged, &body).unwrap();
        format!("staged {}", std::fs::read(staged.path()).unwrap().len())
    }

    #[actix_web::test]
    async fn actix_post_routes_and_runs_in_both_orders() {
        let app = test::init_service(App::new().service(ours_first).service(post_first)).await;
        for uri in ["/ours-first", "/post-first"] {
            let request = test::TestRequest::post()
                .uri(uri)
                .set_payload("hello")
                .to_request();
            let body = test::call_and_read_body(&app, request).await;
            assert_eq!(&body[..], b"staged 5", "{uri}");
        }
    }
}

mod tokio_stack {
    use super::*;

    #[ephemeral_fs]
    #[tokio::main(flavor = "current_thread")]
    async fn ours_first() -> io::Result<u64> {
        let staged = NamedTempFile::new()?;
        tokio::fs::write(&staged, b"ab").await?;
        Ok(tokio::fs::metadata(&staged).await?.len())
    }

    #[tokio::main(flavor = "current_thread")]
    #[ephemeral_fs]
    async fn main_first() -> io::Result<u64> {
        let staged = NamedTempFile::new()?;
        tokio::fs::write(&staged, b"abc").await?;
        Ok(tokio::fs::metadata(&staged).await?.len())
    }

    #[test]
    fn tokio_main_runs_in_both_orders() {
        assert_eq!(ours_first().unwrap(), 2);
        assert_eq!(main_first().unwrap(), 3);
    }

    #[ephemeral_fs]
    #[tokio::test]
    async fn tokio_test_ours_first() {
        let staged = NamedTempFile::new().unwrap();
        tokio::fs::write(&staged, b"abcd").await.unwrap();
        assert_eq!(tokio::fs::read(&staged).await.unwrap(), b"abcd");
    }

    #[tokio::test]
    #[ephemeral_fs]
    async fn tokio_test_test_first() {
        let staged = NamedTempFile::new().unwrap();
        tokio::fs::write(&staged, b"abcde").await.unwrap();
        assert_eq!(tokio::fs::read(&staged).await.unwrap(), b"abcde");
    }
}
