//! The server on loopback with a real HTTP client (hyper's), and a client that hangs up in the
//! middle of a streamed body: the body's generator must be dropped, its guard released.
#![feature(gen_blocks, async_iterator, async_for_loop)]

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Empty};
use http_stream::{Tracker, io::Io};
use hyper::Request;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::timeout;

const LIMIT: Duration = Duration::from_secs(10);

async fn start(limit: usize) -> (std::net::SocketAddr, Arc<Tracker>, tokio::task::JoinHandle<usize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let tracker = Arc::new(Tracker::default());
    let server = tokio::spawn(http_stream::serve(listener, tracker.clone(), limit));
    (address, tracker, server)
}

/// Waits (polling, bounded) until `condition` holds.
async fn eventually(what: &str, condition: impl Fn() -> bool) {
    let deadline = tokio::time::Instant::now() + LIMIT;
    while !condition() {
        assert!(tokio::time::Instant::now() < deadline, "timed out waiting until {what}");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hyper_client_receives_the_streamed_body_frame_by_frame() {
    let (address, tracker, server) = start(1).await;
    let stream = TcpStream::connect(address).await.unwrap();
    let (mut sender, connection) = hyper::client::conn::http1::handshake(Io(stream)).await.unwrap();
    let connection = tokio::spawn(connection);

    for (path, expected) in [("/", "hello from yieldc\n".to_string()), ("/count?n=5&delay_ms=20", (0..5).map(|i| format!("chunk {i}\n")).collect())] {
        let request = Request::get(path)
            .header("host", address.to_string())
            .body(Empty::<Bytes>::new())
            .unwrap();
        let response = {
        // Wait until the connection can take the next request (else `send_request` fails).
        timeout(LIMIT, sender.ready()).await.unwrap().unwrap();
        timeout(LIMIT, sender.send_request(request)).await.unwrap().unwrap()
    };
        assert_eq!(response.status(), 200);
        let streamed = path.starts_with("/count");
        if streamed {
            assert_eq!(response.headers()["transfer-encoding"], "chunked");
        }
        let mut body = response.into_body();
        let mut text = String::new();
        let mut frames = 0;
        while let Some(frame) = timeout(LIMIT, body.frame()).await.unwrap() {
            let data = frame.unwrap().into_data().unwrap();
            text.push_str(std::str::from_utf8(&data).unwrap());
            frames += 1;
        }
        assert_eq!(text, expected);
        if streamed {
            // 20 ms apart: each chunk is its own frame on the wire.
            assert_eq!(frames, 5);
        }
    }
    let request = Request::get("/nowhere").header("host", "x").body(Empty::<Bytes>::new()).unwrap();
    let response = {
        // Wait until the connection can take the next request (else `send_request` fails).
        timeout(LIMIT, sender.ready()).await.unwrap().unwrap();
        timeout(LIMIT, sender.send_request(request)).await.unwrap().unwrap()
    };
    assert_eq!(response.status(), 404);
    drop(sender);
    timeout(LIMIT, connection).await.unwrap().unwrap().unwrap();
    assert_eq!(timeout(LIMIT, server).await.unwrap().unwrap(), 0);
    assert_eq!(tracker.started.load(Ordering::SeqCst), 1);
    assert_eq!(tracker.completed.load(Ordering::SeqCst), 1);
    assert_eq!(tracker.live.load(Ordering::SeqCst), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn client_hanging_up_mid_stream_drops_the_generator() {
    let (address, tracker, server) = start(1).await;
    let mut stream = TcpStream::connect(address).await.unwrap();
    // A long body: 100 000 chunks, 2 ms apart (minutes if it ran to the end).
    stream
        .write_all(b"GET /count?n=100000&delay_ms=2 HTTP/1.1\r\nhost: test\r\n\r\n")
        .await
        .unwrap();
    let mut received = Vec::new();
    let mut buffer = [0u8; 1024];
    while !String::from_utf8_lossy(&received).contains("chunk 3\n") {
        let n = timeout(LIMIT, stream.read(&mut buffer)).await.unwrap().unwrap();
        assert!(n > 0, "the server closed early");
        received.extend_from_slice(&buffer[..n]);
    }
    let head = String::from_utf8_lossy(&received).into_owned();
    assert!(head.starts_with("HTTP/1.1 200 OK\r\n"), "{head}");
    assert_eq!(tracker.live.load(Ordering::SeqCst), 1, "the generator is running");
    drop(stream); // hang up in the middle of the body

    eventually("the body generator is dropped", || tracker.live.load(Ordering::SeqCst) == 0).await;
    assert_eq!(tracker.started.load(Ordering::SeqCst), 1);
    assert_eq!(tracker.completed.load(Ordering::SeqCst), 0, "it was dropped, not finished");
    // The connection ended with an error (the write to the closed socket), and the server
    // returned: nothing is left running.
    assert_eq!(timeout(LIMIT, server).await.unwrap().unwrap(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_clients_hanging_up_leave_nothing_live() {
    const CLIENTS: usize = 6;
    let (address, tracker, server) = start(CLIENTS).await;
    let mut clients = Vec::new();
    for i in 0..CLIENTS {
        clients.push(tokio::spawn(async move {
            let mut stream = TcpStream::connect(address).await.unwrap();
            stream
                .write_all(b"GET /count?n=100000&delay_ms=1 HTTP/1.1\r\nhost: test\r\n\r\n")
                .await
                .unwrap();
            let mut buffer = [0u8; 256];
            let mut total = 0;
            while total < 200 + i * 50 {
                let n = timeout(LIMIT, stream.read(&mut buffer)).await.unwrap().unwrap();
                assert!(n > 0);
                total += n;
            }
        }));
    }
    for client in clients {
        timeout(LIMIT, client).await.unwrap().unwrap();
    }
    eventually("every body generator is dropped", || tracker.live.load(Ordering::SeqCst) == 0).await;
    assert_eq!(tracker.started.load(Ordering::SeqCst), CLIENTS);
    assert_eq!(tracker.completed.load(Ordering::SeqCst), 0);
    assert_eq!(timeout(LIMIT, server).await.unwrap().unwrap(), CLIENTS);
}
