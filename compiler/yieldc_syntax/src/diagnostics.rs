//! Diagnostics as data: a code, a primary span, labels and help lines, in rustc's wording
//! (lowercase, code in backticks, no trailing period). Spans are byte offsets into the
//! original source file.

/// A byte range of the original source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// The span of a syntax node or token range.
    pub fn from_range(range: ra_ap_syntax::TextRange) -> Span {
        Span::new(usize::from(range.start()), usize::from(range.end()))
    }
}

/// Severity, as rustc prints it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    /// `error`: compilation fails.
    Error,
    /// `warning`.
    Warning,
}

/// A further span with its message: secondary, or another primary one (rustc underlines each
/// primary span with `^`; "functions cannot be both `const` and `gen`" has two).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What (may be empty).
    pub message: String,
    /// Whether the span is primary too.
    pub primary: bool,
}

/// A suggested edit, which rustc draws under `help: MESSAGE` as the edited line (`+++` under
/// an insertion).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Suggestion {
    /// The `help:` line.
    pub message: String,
    /// The text replaced (empty for an insertion).
    pub span: Span,
    /// What replaces it.
    pub replacement: String,
}

/// One diagnostic.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    /// Severity.
    pub level: Level,
    /// rustc's error code (`E0658`), when rustc has one for the same situation.
    pub code: Option<&'static str>,
    /// The main message.
    pub message: String,
    /// The primary span.
    pub primary: Span,
    /// The label on the primary span (may be empty).
    pub primary_label: String,
    /// Secondary labels.
    pub labels: Vec<Label>,
    /// `= help: ..` lines.
    pub help: Vec<String>,
    /// `= note: ..` lines.
    pub notes: Vec<String>,
    /// Suggested edits, drawn after the notes and help lines.
    pub suggestions: Vec<Suggestion>,
}

impl Diagnostic {
    /// An error with the given code and message at `primary`.
    pub fn error(code: Option<&'static str>, message: impl Into<String>, primary: Span) -> Self {
        Diagnostic {
            level: Level::Error,
            code,
            message: message.into(),
            primary,
            primary_label: String::new(),
            labels: Vec::new(),
            help: Vec::new(),
            notes: Vec::new(),
            suggestions: Vec::new(),
        }
    }

    /// Adds the label of the primary span.
    pub fn with_primary_label(mut self, message: impl Into<String>) -> Self {
        self.primary_label = message.into();
        self
    }

    /// Adds a secondary label.
    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
            primary: false,
        });
        self
    }

    /// Adds another primary span, with its label.
    pub fn with_primary_span(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
            primary: true,
        });
        self
    }

    /// Adds a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help.push(help.into());
        self
    }

    /// Adds a suggested edit: `replacement` for the text at `span`.
    pub fn with_suggestion(
        mut self,
        message: impl Into<String>,
        span: Span,
        replacement: impl Into<String>,
    ) -> Self {
        self.suggestions.push(Suggestion {
            message: message.into(),
            span,
            replacement: replacement.into(),
        });
        self
    }

    /// Adds a note line.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// rustc's "feature is experimental" error (E0658) for `gate`.
    pub fn missing_feature(what: &str, gate: &str, issue: u32, primary: Span) -> Self {
        Diagnostic::error(Some("E0658"), what.to_string(), primary)
            .with_note(format!(
                "see issue #{issue} <https://github.com/rust-lang/rust/issues/{issue}> for more information"
            ))
            .with_help(format!("add `#![feature({gate})]` to the crate attributes to enable"))
    }
}
