//! A line protocol over TCP. Each connection is an `async gen fn` ([`session`]) that turns the
//! request lines into replies; the connection task consumes it with `for await` and writes the
//! replies back. Accepting is an `async gen fn` too ([`incoming`]).
//!
//! Protocol (one request per line, one reply line each):
//! `PING` → `PONG`, `ECHO text` → `text`, `UPPER text` → `TEXT`, `SUM 1 2 3` → `6`,
//! `COUNT` → the number of requests so far on this connection, `QUIT` → `BYE` and the server
//! closes the connection. Anything else → `ERR …`.
#![feature(gen_blocks, async_iterator, async_for_loop)]

use std::io;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// Longest request line accepted, in bytes; a longer one ends the session.
pub const MAX_LINE: usize = 4096;

/// How long a connection may stay silent before the server closes it.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(5);

/// The lines of `reader`, without their line ends. Ends at end of input; an IO error, an idle
/// timeout or an over-long line is yielded as an error and ends the lines.
pub async gen fn read_lines<R: AsyncRead + Unpin>(reader: R) -> io::Result<String> {
    let mut reader = BufReader::new(reader);
    let mut line = String::new();
    loop {
        line.clear();
        let read = tokio::time::timeout(IDLE_TIMEOUT, reader.read_line(&mut line)).await;
        match read {
            Ok(Ok(0)) => return,
            Ok(Ok(n)) if n > MAX_LINE => {
                yield Err(io::Error::new(io::ErrorKind::InvalidData, "line too long"));
                return;
            }
            Ok(Ok(_)) => yield Ok(line.trim_end_matches(['\r', '\n']).to_string()),
            Ok(Err(error)) => {
                yield Err(error);
                return;
            }
            Err(_elapsed) => {
                yield Err(io::Error::new(io::ErrorKind::TimedOut, "idle"));
                return;
            }
        }
    }
}

/// The replies of one connection, one per request line of `reader`.
pub async gen fn session<R: AsyncRead + Unpin>(reader: R) -> String {
    let mut count = 0u64;
    for await line in read_lines(reader) {
        let line = match line {
            Ok(line) => line,
            Err(error) => {
                yield format!("ERR {error}");
                return;
            }
        };
        count += 1;
        // A borrow of `line` held across the `yield`s below: fine in an async generator.
        let (command, rest) = line.split_once(' ').unwrap_or((&line, ""));
        match command {
            "PING" => yield "PONG".to_string(),
            "ECHO" => yield rest.to_string(),
            "UPPER" => yield rest.to_uppercase(),
            "SUM" => {
                let sum: Result<i64, _> = rest.split_whitespace().map(str::parse::<i64>).sum();
                yield match sum {
                    Ok(sum) => sum.to_string(),
                    Err(error) => format!("ERR {error}"),
                };
            }
            "COUNT" => yield count.to_string(),
            "QUIT" => {
                yield "BYE".to_string();
                return;
            }
            _ => yield format!("ERR unknown command {command:?}"),
        }
    }
}

/// Serves one connection: `for await` over its [`session`], each reply written back.
pub async fn handle(stream: TcpStream) -> io::Result<()> {
    let (reader, mut writer) = stream.into_split();
    for await reply in session(reader) {
        writer.write_all(reply.as_bytes()).await?;
        writer.write_all(b"\n").await?;
    }
    writer.shutdown().await
}

/// The next `limit` connections of `listener` (accept errors are yielded, and count).
pub async gen fn incoming(listener: &TcpListener, limit: usize) -> io::Result<TcpStream> {
    for _ in 0..limit {
        yield listener.accept().await.map(|(stream, _peer)| stream);
    }
}

/// Accepts `limit` connections, each served on its own task; returns when all are done, with
/// the number that ended with an error.
pub async fn serve(listener: TcpListener, limit: usize) -> usize {
    let mut tasks = Vec::new();
    for await stream in incoming(&listener, limit) {
        match stream {
            Ok(stream) => tasks.push(tokio::spawn(handle(stream))),
            Err(_) => tasks.push(tokio::spawn(async { Err(io::Error::other("accept")) })),
        }
    }
    let mut failed = 0;
    for task in tasks {
        if !matches!(task.await, Ok(Ok(()))) {
            failed += 1;
        }
    }
    failed
}
