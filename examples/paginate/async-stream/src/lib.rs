//! The pattern as it is usually written with `async-stream`: walk a cursor-paginated API and
//! yield every item; the first error ends the stream. (Port: `paginate-yieldc`.)

use async_stream::try_stream;
use futures_core::Stream;
use paginate_api::{Api, ApiError};

/// Every item of `api`, page after page.
pub fn items(api: &Api) -> impl Stream<Item = Result<u64, ApiError>> + '_ {
    try_stream! {
        let mut cursor = Some(0);
        while let Some(at) = cursor {
            let page = api.fetch(at).await?;
            for item in page.items {
                yield item;
            }
            cursor = page.next;
        }
    }
}

/// Sums the items (stops at the first error).
pub async fn sum(api: &Api) -> Result<u64, ApiError> {
    let mut stream = std::pin::pin!(items(api));
    let mut total = 0;
    while let Some(item) = std::future::poll_fn(|cx| stream.as_mut().poll_next(cx)).await {
        total += item?;
    }
    Ok(total)
}
