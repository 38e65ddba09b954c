// An `Rc` held across an `.await` of an `async gen`: nightly calls the `.await` a yield.
#![feature(gen_blocks, async_iterator)]
use std::rc::Rc;
async fn tick() {}
struct NotSend(Rc<u8>);
impl std::future::Future for NotSend {
    type Output = u8;
    fn poll(self: std::pin::Pin<&mut Self>, _: &mut std::task::Context<'_>) -> std::task::Poll<u8> { std::task::Poll::Ready(*self.0) }
}
async gen fn g() -> u8 {
    let v = NotSend(Rc::new(1)).await;
    let r = Rc::new(2);
    tick().await;
    yield v + *r;
}
fn need_send<T: Send>(_: T) {}
fn main() {
    need_send(g());
    //~^ ERROR: coroutine cannot be sent between threads safely
}
