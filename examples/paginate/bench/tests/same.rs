//! The two ports agree: same items, same error, same laziness.
#![feature(gen_blocks, async_iterator, async_for_loop)]

use paginate_api::{Api, ApiError, block_on};

#[test]
fn both_ports_sum_the_same_and_stop_at_the_same_error() {
    for (total, page) in [(0, 10), (1, 10), (95, 10), (1000, 7)] {
        let api = Api::new(total, page);
        let expected = (0..total).sum::<u64>();
        assert_eq!(block_on(paginate_async_stream::sum(&api)), Ok(expected));
        assert_eq!(block_on(paginate_yieldc::sum(&api)), Ok(expected));
    }
    let mut api = Api::new(100, 10);
    api.fail_at = Some(3);
    assert_eq!(block_on(paginate_async_stream::sum(&api)), Err(ApiError(30)));
    assert_eq!(block_on(paginate_yieldc::sum(&api)), Err(ApiError(30)));
}

#[test]
fn for_await_takes_the_async_stream_port_too() {
    // `paginate_async_stream::items` is a plain `futures_core::Stream`: `for await` takes it
    // without a wrapper.
    let api = Api::new(25, 10);
    let items = block_on(async {
        let mut out = Vec::new();
        for await item in paginate_async_stream::items(&api) {
            out.push(item.unwrap());
        }
        out
    });
    assert_eq!(items, (0..25).collect::<Vec<_>>());
}
