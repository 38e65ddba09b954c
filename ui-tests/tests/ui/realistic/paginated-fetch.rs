//@run
// An `async gen fn` that fetches pages from a fake service and yields their items.
#![feature(gen_blocks, async_iterator, async_for_loop)]

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Waker};

async fn fetch_page(page: usize) -> Option<Vec<String>> {
    let all = ["a", "b", "c", "d", "e"];
    let start = page * 2;
    (start < all.len()).then(|| all[start..(start + 2).min(all.len())].iter().map(|s| s.to_string()).collect())
}

async gen fn all_items() -> String {
    let mut page = 0;
    while let Some(items) = fetch_page(page).await {
        for item in items {
            yield item;
        }
        page += 1;
    }
}

fn main() {
    let mut future = pin!(async {
        for await item in all_items() {
            print!("{item} ");
        }
        println!();
    });
    let mut cx = Context::from_waker(Waker::noop());
    while future.as_mut().poll(&mut cx).is_pending() {}
}
