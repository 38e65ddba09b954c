//! Workload d: an in-order walk of a balanced binary tree of depth 16 (65 535 nodes), where each
//! level's generator boxes the generator of the level below (`Box<dyn Iterator<Item = u32> + '_>`).

use std::pin::Pin;
use std::sync::OnceLock;

use futures_core::Stream;

use crate::{next_item, sum, sum_stream};

pub const DEPTH: u32 = 16;
pub const NODES: u64 = (1 << DEPTH) - 1;

pub struct Node {
    pub left: Option<Box<Node>>,
    pub value: u32,
    pub right: Option<Box<Node>>,
}

/// A complete tree whose in-order walk yields `lo..lo + 2^depth - 1`.
pub fn build(depth: u32, lo: u32) -> Option<Box<Node>> {
    if depth == 0 {
        return None;
    }
    let half = (1u32 << (depth - 1)) - 1;
    Some(Box::new(Node {
        left: build(depth - 1, lo),
        value: lo + half,
        right: build(depth - 1, lo + half + 1),
    }))
}

/// The tree every run walks, built once.
pub fn tree() -> &'static Node {
    static TREE: OnceLock<Box<Node>> = OnceLock::new();
    TREE.get_or_init(|| build(DEPTH, 0).unwrap())
}

/// The idiomatic hand-written in-order iterator: an explicit stack, no recursion.
pub struct StackWalk<'a> {
    stack: Vec<&'a Node>,
    next: Option<&'a Node>,
}

impl<'a> Iterator for StackWalk<'a> {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        while let Some(node) = self.next {
            self.stack.push(node);
            self.next = node.left.as_deref();
        }
        let node = self.stack.pop()?;
        self.next = node.right.as_deref();
        Some(node.value)
    }
}

#[inline(never)]
pub fn handwritten(t: &Node) -> u64 {
    sum(StackWalk {
        stack: Vec::with_capacity(DEPTH as usize),
        next: Some(t),
    })
}

/// The hand-written iterator with the same shape as the generators: one boxed iterator per
/// level, the walk recursing through them.
pub struct BoxedWalk<'a> {
    node: &'a Node,
    state: u8,
    inner: Option<Box<dyn Iterator<Item = u32> + 'a>>,
}

fn boxed_walk(t: &Node) -> Box<dyn Iterator<Item = u32> + '_> {
    Box::new(BoxedWalk {
        node: t,
        state: 0,
        inner: None,
    })
}

impl<'a> Iterator for BoxedWalk<'a> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        loop {
            if let Some(inner) = &mut self.inner {
                if let Some(x) = inner.next() {
                    return Some(x);
                }
                self.inner = None;
            }
            match self.state {
                0 => {
                    self.state = 1;
                    self.inner = self.node.left.as_deref().map(boxed_walk);
                }
                1 => {
                    self.state = 2;
                    return Some(self.node.value);
                }
                2 => {
                    self.state = 3;
                    self.inner = self.node.right.as_deref().map(boxed_walk);
                }
                _ => return None,
            }
        }
    }
}

#[inline(never)]
pub fn handwritten_boxed(t: &Node) -> u64 {
    sum(boxed_walk(t))
}

fn walk_yieldc_gen(t: &Node) -> Box<dyn Iterator<Item = u32> + '_> {
    Box::new({
        let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
        ::yieldc_rt::Gen::new(__yieldc_key, async move {
            let __yieldc_co = __yieldc_co;
            if let Some(l) = &t.left {
                for x in walk_yieldc_gen(l) {
                    __yieldc_co.yield_(x).await;
                }
            }
            __yieldc_co.yield_(t.value).await;
            if let Some(r) = &t.right {
                for x in walk_yieldc_gen(r) {
                    __yieldc_co.yield_(x).await;
                }
            }
        })
    })
}

#[inline(never)]
pub fn yieldc_gen(t: &Node) -> u64 {
    sum(walk_yieldc_gen(t))
}

fn walk_yieldc_boxed(t: &Node) -> Box<dyn Iterator<Item = u32> + '_> {
    Box::new({
        let (__yieldc_key, __yieldc_co) = ::yieldc_rt::__gen_parts!();
        ::yieldc_rt::BoxedGen::new(__yieldc_key, async move {
            let __yieldc_co = __yieldc_co;
            if let Some(l) = &t.left {
                for x in walk_yieldc_boxed(l) {
                    __yieldc_co.yield_(x).await;
                }
            }
            __yieldc_co.yield_(t.value).await;
            if let Some(r) = &t.right {
                for x in walk_yieldc_boxed(r) {
                    __yieldc_co.yield_(x).await;
                }
            }
        })
    })
}

#[inline(never)]
pub fn yieldc_boxed(t: &Node) -> u64 {
    sum(walk_yieldc_boxed(t))
}

fn walk_genawaiter_rc(t: &Node) -> Box<dyn Iterator<Item = u32> + '_> {
    Box::new(
        genawaiter::rc::Gen::new(move |co| async move {
            if let Some(l) = &t.left {
                for x in walk_genawaiter_rc(l) {
                    co.yield_(x).await;
                }
            }
            co.yield_(t.value).await;
            if let Some(r) = &t.right {
                for x in walk_genawaiter_rc(r) {
                    co.yield_(x).await;
                }
            }
        })
        .into_iter(),
    )
}

#[inline(never)]
pub fn genawaiter_rc(t: &Node) -> u64 {
    sum(walk_genawaiter_rc(t))
}

fn walk_async_stream(t: &Node) -> Pin<Box<dyn Stream<Item = u32> + '_>> {
    Box::pin(async_stream::stream! {
        if let Some(l) = &t.left {
            let mut inner = walk_async_stream(l);
            while let Some(x) = next_item(inner.as_mut()).await {
                yield x;
            }
        }
        yield t.value;
        if let Some(r) = &t.right {
            let mut inner = walk_async_stream(r);
            while let Some(x) = next_item(inner.as_mut()).await {
                yield x;
            }
        }
    })
}

#[inline(never)]
pub fn async_stream(t: &Node) -> u64 {
    sum_stream(walk_async_stream(t))
}
