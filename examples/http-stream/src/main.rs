//! Starts the HTTP server on a loopback port, fetches one streamed body from it with a raw
//! HTTP/1.1 request, prints it, and stops.
#![feature(gen_blocks, async_iterator, async_for_loop)]

use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    println!("http server on http://{address}/count (serving one connection)");
    let server = tokio::spawn(http_stream::serve(listener, Arc::default(), 1));
    let mut stream = TcpStream::connect(address).await?;
    stream
        .write_all(b"GET /count?n=3&delay_ms=50 HTTP/1.1\r\nhost: demo\r\nconnection: close\r\n\r\n")
        .await?;
    let mut response = String::new();
    tokio::time::timeout(Duration::from_secs(5), stream.read_to_string(&mut response)).await??;
    println!("{response}");
    tokio::time::timeout(Duration::from_secs(5), server).await??;
    Ok(())
}
