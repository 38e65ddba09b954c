//! The server on loopback with real clients: bounded requests, every wait under a timeout.
#![feature(gen_blocks, async_iterator, async_for_loop)]

use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::timeout;

const LIMIT: Duration = Duration::from_secs(10);

/// Sends `requests` on one connection, returns the replies (one line each) and whether the
/// server closed the connection afterwards.
async fn client(address: std::net::SocketAddr, requests: &[String]) -> (Vec<String>, bool) {
    let stream = TcpStream::connect(address).await.unwrap();
    let (reader, mut writer) = stream.into_split();
    let mut lines = BufReader::new(reader).lines();
    let mut replies = Vec::new();
    for request in requests {
        writer
            .write_all(format!("{request}\n").as_bytes())
            .await
            .unwrap();
        let reply = timeout(LIMIT, lines.next_line()).await.unwrap().unwrap();
        replies.push(reply.expect("a reply"));
    }
    let closed = matches!(timeout(LIMIT, lines.next_line()).await, Ok(Ok(None)));
    (replies, closed)
}

#[tokio::test]
async fn one_client_gets_every_reply_and_quit_closes() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let server = tokio::spawn(line_server::serve(listener, 1));
    let requests: Vec<String> = [
        "PING",
        "ECHO hello world",
        "UPPER yieldc",
        "SUM 1 2 39",
        "SUM 1 x",
        "FROB",
        "COUNT",
        "QUIT",
    ]
    .map(String::from)
    .into();
    let (replies, closed) = timeout(LIMIT, client(address, &requests)).await.unwrap();
    assert_eq!(
        replies,
        [
            "PONG",
            "hello world",
            "YIELDC",
            "42",
            "ERR invalid digit found in string",
            "ERR unknown command \"FROB\"",
            "7",
            "BYE"
        ]
    );
    assert!(closed, "QUIT did not close the connection");
    assert_eq!(timeout(LIMIT, server).await.unwrap().unwrap(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_clients_each_have_their_own_session() {
    const CLIENTS: usize = 8;
    const REQUESTS: usize = 50;
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let server = tokio::spawn(line_server::serve(listener, CLIENTS));
    let mut clients = Vec::new();
    for id in 0..CLIENTS {
        let mut requests: Vec<String> = (0..REQUESTS).map(|i| format!("ECHO {id}-{i}")).collect();
        requests.push("COUNT".into());
        requests.push("QUIT".into());
        clients.push(tokio::spawn(async move {
            (id, client(address, &requests).await)
        }));
    }
    for handle in clients {
        let (id, (replies, closed)) = timeout(LIMIT, handle).await.unwrap().unwrap();
        assert_eq!(replies.len(), REQUESTS + 2);
        for (i, reply) in replies[..REQUESTS].iter().enumerate() {
            assert_eq!(reply, &format!("{id}-{i}"));
        }
        assert_eq!(replies[REQUESTS], (REQUESTS + 1).to_string());
        assert!(closed);
    }
    assert_eq!(timeout(LIMIT, server).await.unwrap().unwrap(), 0);
}

#[tokio::test]
async fn end_of_input_ends_the_session_and_long_lines_are_refused() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let server = tokio::spawn(line_server::serve(listener, 2));

    // Half-close after one request: the session ends at end of input.
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream.write_all(b"PING\n").await.unwrap();
    stream.shutdown().await.unwrap();
    let mut text = String::new();
    timeout(LIMIT, tokio::io::AsyncReadExt::read_to_string(&mut stream, &mut text))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(text, "PONG\n");

    // An over-long line: an error reply, then the server closes.
    let mut stream = TcpStream::connect(address).await.unwrap();
    let long = "x".repeat(line_server::MAX_LINE + 10) + "\n";
    stream.write_all(long.as_bytes()).await.unwrap();
    let mut text = String::new();
    timeout(LIMIT, tokio::io::AsyncReadExt::read_to_string(&mut stream, &mut text))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(text, "ERR line too long\n");
    assert_eq!(timeout(LIMIT, server).await.unwrap().unwrap(), 0);
}

/// The session generator on its own, over an in-memory reader, consumed with `for await`.
#[tokio::test]
async fn session_over_an_in_memory_reader() {
    let input: &[u8] = b"PING\r\nCOUNT\nQUIT\nPING\n";
    let mut replies = Vec::new();
    for await reply in line_server::session(input) {
        replies.push(reply);
    }
    assert_eq!(replies, ["PONG", "2", "BYE"]);
}
