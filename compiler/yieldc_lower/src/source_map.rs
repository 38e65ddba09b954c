//! The source map: every byte of the lowered text maps to a byte of the original source.
//!
//! The lowered text is a sequence of segments, each either a copy of an original range (mapped
//! byte for byte) or generated text (mapped to an anchor: the start of the original tokens it
//! replaces), tagged with the desugaring that produced it. Segments cover the lowered text
//! without gaps, in order.

/// What produced a generated (or check-copy) range, like rustc's `DesugaringKind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DesugaringKind {
    /// `gen {}` / `gen move {}`.
    GenBlock,
    /// `async gen {}`.
    AsyncGenBlock,
    /// `gen fn` signature and body wrapper.
    GenFn,
    /// `async gen fn`.
    AsyncGenFn,
    /// `yield` / `e.yield`.
    Yield,
    /// `for await`.
    ForAwait,
    /// `e.await` in an `async gen` body, polled with the caller's waker.
    Await,
    /// `#[coroutine]` closure.
    CoroutineClosure,
    /// `iter!`.
    IterMacro,
    /// A `core`/`std` path rewritten to `::yieldc_rt`.
    LibraryPath,
    /// A `#![feature(..)]` entry removed.
    FeatureGate,
    /// Whitespace or comments replaced inside a check copy (which sits on one line).
    CheckCopyTrivia,
}

/// One segment of the lowered text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapEntry {
    /// The bytes of the lowered text.
    pub lowered: std::ops::Range<usize>,
    /// The original bytes: same length for a copy; for generated text, the replaced range
    /// (possibly empty) whose start is the anchor.
    pub original: std::ops::Range<usize>,
    /// `None` for a verbatim copy of original text, else what generated it.
    pub kind: Option<DesugaringKind>,
    /// Whether the segment belongs to a check copy (the never-executed borrow-check duplicate
    /// of a generator body): the driver maps E0506 there to E0626 and drops everything else.
    pub in_check_copy: bool,
}

/// Lowered byte offset → original byte offset.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceMap {
    entries: Vec<MapEntry>,
}

impl SourceMap {
    /// The segments, in lowered order, covering the lowered text without gaps.
    pub fn entries(&self) -> &[MapEntry] {
        &self.entries
    }

    /// The segment containing lowered byte `lowered` (the last one for the end offset).
    pub fn entry_at(&self, lowered: usize) -> Option<&MapEntry> {
        if self.entries.is_empty() {
            return None;
        }
        let index = self
            .entries
            .partition_point(|entry| entry.lowered.end <= lowered);
        self.entries.get(index).or_else(|| self.entries.last())
    }

    /// The original byte offset of lowered byte `lowered`.
    pub fn to_original(&self, lowered: usize) -> usize {
        match self.entry_at(lowered) {
            None => lowered,
            Some(entry) if entry.kind.is_none() => {
                let within = lowered.saturating_sub(entry.lowered.start);
                entry.original.start + within.min(entry.original.len())
            }
            Some(entry) => entry.original.start,
        }
    }

    /// The map of `PREFIX TEXT`, where this one maps `TEXT` and both sides start with the same
    /// `len` bytes of `PREFIX`, copied.
    pub(crate) fn after_copied_prefix(&self, len: usize) -> SourceMap {
        let shifted = |range: &std::ops::Range<usize>| range.start + len..range.end + len;
        let mut entries = vec![MapEntry {
            lowered: 0..len,
            original: 0..len,
            kind: None,
            in_check_copy: false,
        }];
        for entry in &self.entries {
            let (lowered, original) = (shifted(&entry.lowered), shifted(&entry.original));
            let last = entries.last_mut().filter(|last| {
                last.kind.is_none()
                    && entry.kind.is_none()
                    && !last.in_check_copy
                    && !entry.in_check_copy
                    && last.lowered.end == lowered.start
                    && last.original.end == original.start
            });
            match last {
                Some(last) => {
                    last.lowered.end = lowered.end;
                    last.original.end = original.end;
                }
                None => entries.push(MapEntry {
                    lowered,
                    original,
                    ..entry.clone()
                }),
            }
        }
        SourceMap { entries }
    }

    /// The map of the lowered bytes `lowered` alone, as a map of the original bytes
    /// `original` alone (both ranges then start at 0): segments cut at the two ends, and
    /// original offsets kept within `original`.
    pub(crate) fn slice(
        &self,
        lowered: std::ops::Range<usize>,
        original: std::ops::Range<usize>,
    ) -> SourceMap {
        let clamp = |offset: usize| offset.clamp(original.start, original.end) - original.start;
        let mut entries = Vec::new();
        for entry in &self.entries {
            let start = entry.lowered.start.max(lowered.start);
            let end = entry.lowered.end.min(lowered.end);
            if start >= end {
                continue;
            }
            let original_range = if entry.kind.is_none() {
                // A copy maps byte for byte: cut its original range as its lowered one.
                let from = entry.original.start + (start - entry.lowered.start);
                clamp(from)..clamp(from + (end - start))
            } else {
                clamp(entry.original.start)..clamp(entry.original.end)
            };
            entries.push(MapEntry {
                lowered: start - lowered.start..end - lowered.start,
                original: original_range,
                ..entry.clone()
            });
        }
        SourceMap { entries }
    }

    /// The desugaring that generated lowered byte `lowered` (`None` for original text).
    pub fn kind_at(&self, lowered: usize) -> Option<DesugaringKind> {
        self.entry_at(lowered).and_then(|entry| entry.kind)
    }

    /// Whether lowered byte `lowered` lies in a check copy.
    pub fn is_check_copy(&self, lowered: usize) -> bool {
        self.entry_at(lowered)
            .is_some_and(|entry| entry.in_check_copy)
    }
}

/// Builds the lowered text and its source map together.
#[derive(Default)]
pub(crate) struct Builder {
    pub(crate) text: String,
    entries: Vec<MapEntry>,
    pub(crate) in_check_copy: bool,
}

impl Builder {
    /// A builder for the lowering of `source`: its text is reserved at the source's size plus
    /// a quarter (generated text is mostly small next to the copies), so that copying a large
    /// file does not regrow it many times (a measurable share of the item path's time).
    pub(crate) fn for_source(source: &str) -> Builder {
        Builder {
            text: String::with_capacity(source.len() + source.len() / 4),
            ..Builder::default()
        }
    }

    /// Appends original text `original[start..end]` verbatim.
    pub(crate) fn copy(&mut self, original: &str, start: usize, end: usize) {
        let Some(slice) = original.get(start..end) else {
            return;
        };
        if slice.is_empty() {
            return;
        }
        let lowered_start = self.text.len();
        self.text.push_str(slice);
        self.push_entry(MapEntry {
            lowered: lowered_start..self.text.len(),
            original: start..end,
            kind: None,
            in_check_copy: self.in_check_copy,
        });
    }

    /// Appends generated text standing for original range `replaced`.
    pub(crate) fn generated(
        &mut self,
        text: &str,
        replaced: std::ops::Range<usize>,
        kind: DesugaringKind,
    ) {
        if text.is_empty() {
            return;
        }
        let lowered_start = self.text.len();
        self.text.push_str(text);
        self.push_entry(MapEntry {
            lowered: lowered_start..self.text.len(),
            original: replaced,
            kind: Some(kind),
            in_check_copy: self.in_check_copy,
        });
    }

    fn push_entry(&mut self, entry: MapEntry) {
        if let Some(last) = self.entries.last_mut()
            && last.kind.is_none()
            && entry.kind.is_none()
            && last.in_check_copy == entry.in_check_copy
            && last.lowered.end == entry.lowered.start
            && last.original.end == entry.original.start
        {
            last.lowered.end = entry.lowered.end;
            last.original.end = entry.original.end;
            return;
        }
        self.entries.push(entry);
    }

    pub(crate) fn finish(self) -> (String, SourceMap) {
        (
            self.text,
            SourceMap {
                entries: self.entries,
            },
        )
    }
}
