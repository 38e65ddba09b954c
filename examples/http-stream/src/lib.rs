//! An HTTP/1.1 server (hyper 1.x) whose streamed response bodies are `async gen` blocks.
//!
//! `GET /count?n=N&delay_ms=D` answers `N` chunks `chunk I\n`, one every `D` ms, produced by
//! [`count_body`]: an async generator of `Frame`s, which is a `futures_core::Stream` (the
//! runtime's `stream` feature), handed to `http_body_util::StreamBody` as it is.
//! `GET /` answers a fixed text; anything else is 404.
//!
//! Every generator holds a [`Tracker`] guard for its whole life, so tests can see that a body
//! the client abandoned is dropped (and with it whatever it held).
#![feature(gen_blocks, async_iterator, async_for_loop)]

pub mod io;

use std::convert::Infallible;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::combinators::UnsyncBoxBody;
use http_body_util::{BodyExt, Full, StreamBody};
use hyper::body::{Frame, Incoming};
use hyper::{Request, Response, StatusCode};
use tokio::net::TcpListener;

/// Counts the body generators: started, live (not yet dropped) and run to completion.
#[derive(Debug, Default)]
pub struct Tracker {
    pub started: AtomicUsize,
    pub live: AtomicUsize,
    pub completed: AtomicUsize,
}

/// Held by a body generator; its drop is the generator's.
struct Guard(Arc<Tracker>);

impl Guard {
    fn new(tracker: Arc<Tracker>) -> Guard {
        tracker.started.fetch_add(1, Ordering::SeqCst);
        tracker.live.fetch_add(1, Ordering::SeqCst);
        Guard(tracker)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        self.0.live.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The body type of every response.
pub type Body = UnsyncBoxBody<Bytes, Infallible>;

/// `n` chunks, `delay` apart, as an async generator of body frames.
pub fn count_body(
    n: u64,
    delay: Duration,
    tracker: Arc<Tracker>,
) -> impl futures_core::Stream<Item = Result<Frame<Bytes>, Infallible>> + Send + 'static {
    async gen move {
        let guard = Guard::new(tracker);
        for i in 0..n {
            if i > 0 {
                tokio::time::sleep(delay).await;
            }
            yield Ok(Frame::data(Bytes::from(format!("chunk {i}\n"))));
        }
        guard.0.completed.fetch_add(1, Ordering::SeqCst);
    }
}

fn query(request: &Request<Incoming>, key: &str) -> Option<u64> {
    request.uri().query()?.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == key).then(|| v.parse().ok()).flatten()
    })
}

/// The service: one request, one response.
pub async fn route(
    request: Request<Incoming>,
    tracker: Arc<Tracker>,
) -> Result<Response<Body>, Infallible> {
    let response = match request.uri().path() {
        "/" => Response::new(Full::new(Bytes::from_static(b"hello from yieldc\n")).boxed_unsync()),
        "/count" => {
            let n = query(&request, "n").unwrap_or(10).min(1_000_000);
            let delay = Duration::from_millis(query(&request, "delay_ms").unwrap_or(0).min(1000));
            Response::new(StreamBody::new(count_body(n, delay, tracker)).boxed_unsync())
        }
        _ => {
            let mut response = Response::new(Full::new(Bytes::from_static(b"not found\n")).boxed_unsync());
            *response.status_mut() = StatusCode::NOT_FOUND;
            response
        }
    };
    Ok(response)
}

/// Serves `limit` connections of `listener` (each on its own task) and returns when they are
/// all closed, with the number that ended with an error (a client that hung up mid-body).
pub async fn serve(listener: TcpListener, tracker: Arc<Tracker>, limit: usize) -> usize {
    let mut tasks = Vec::new();
    for _ in 0..limit {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let tracker = tracker.clone();
        tasks.push(tokio::spawn(async move {
            let service = hyper::service::service_fn(move |request| route(request, tracker.clone()));
            hyper::server::conn::http1::Builder::new()
                .serve_connection(io::Io(stream), service)
                .await
        }));
    }
    let mut failed = 0;
    for task in tasks {
        if !matches!(task.await, Ok(Ok(()))) {
            failed += 1;
        }
    }
    failed
}
