//! The `async-stream` pattern of `paginate-async-stream`, ported to an `async gen fn`
//! consumed with `for await`.
#![feature(gen_blocks, async_iterator, async_for_loop)]

use paginate_api::{Api, ApiError};

/// Every item of `api`, page after page.
pub async gen fn items(api: &Api) -> Result<u64, ApiError> {
    let mut cursor = Some(0);
    while let Some(at) = cursor {
        let page = match api.fetch(at).await {
            Ok(page) => page,
            Err(error) => {
                yield Err(error);
                return;
            }
        };
        for item in page.items {
            yield Ok(item);
        }
        cursor = page.next;
    }
}

/// Sums the items (stops at the first error).
pub async fn sum(api: &Api) -> Result<u64, ApiError> {
    let mut total = 0;
    for await item in items(api) {
        total += item?;
    }
    Ok(total)
}
