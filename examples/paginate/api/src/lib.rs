//! A cursor-paginated API (in memory): `fetch(cursor)` returns one page of items and the next
//! cursor. Every `pending_every`-th fetch is pending once (like a network call), so consumers
//! go through the real `Pending`/wake path.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// One page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub items: Vec<u64>,
    pub next: Option<u64>,
}

/// A failed fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError(pub u64);

/// The API: items `0..total`, `page_size` per page; fetching page `fail_at` fails.
#[derive(Debug, Clone)]
pub struct Api {
    pub total: u64,
    pub page_size: u64,
    pub fail_at: Option<u64>,
    pub pending_every: u64,
}

impl Api {
    pub fn new(total: u64, page_size: u64) -> Api {
        Api { total, page_size, fail_at: None, pending_every: 4 }
    }

    /// The page starting at `cursor`.
    pub async fn fetch(&self, cursor: u64) -> Result<Page, ApiError> {
        let page = cursor / self.page_size;
        if page % self.pending_every == 0 {
            PendingOnce(false).await;
        }
        if self.fail_at == Some(page) {
            return Err(ApiError(cursor));
        }
        let end = (cursor + self.page_size).min(self.total);
        Ok(Page { items: (cursor..end).collect(), next: (end < self.total).then_some(end) })
    }
}

/// Pending once (waking itself), then ready.
struct PendingOnce(bool);

impl Future for PendingOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

/// A minimal executor (no runtime needed for the ports' tests and benchmark).
pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut context = Context::from_waker(std::task::Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
}
