//! Starts the line server on a loopback port, talks to it once as a client, and stops.
#![feature(gen_blocks, async_iterator, async_for_loop)]

use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    println!("line server on {address} (serving one connection)");
    let server = tokio::spawn(line_server::serve(listener, 1));
    let stream = TcpStream::connect(address).await?;
    let (reader, mut writer) = stream.into_split();
    let mut replies = BufReader::new(reader).lines();
    for request in ["PING", "ECHO hello", "SUM 1 2 3", "COUNT", "QUIT"] {
        writer.write_all(format!("{request}\n").as_bytes()).await?;
        let reply = tokio::time::timeout(Duration::from_secs(5), replies.next_line()).await??;
        println!("> {request}\n< {}", reply.unwrap_or_default());
    }
    let failed = tokio::time::timeout(Duration::from_secs(5), server).await??;
    println!("done ({failed} failed connections)");
    Ok(())
}
