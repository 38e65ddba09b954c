//! rustc's JSON diagnostics, brought back to the original source.
//!
//! Every span in a lowered file is remapped through the source map (file, bytes, lines,
//! columns, `text`) and the `rendered` text is redrawn from the original source with
//! annotate-snippets (rustc's renderer). Diagnostics from a check copy are dropped, except
//! E0506, which becomes nightly's E0626 at the `yield`. Warnings whose primary span lies in
//! generated text are lints about the lowering, not about the user's code: dropped too.
//! Invariant: nothing that leaves this module names a shadow path or shows lowered text.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use annotate_snippets::{
    AnnotationKind, Element, Group, Level, Origin, Padding, Patch, Renderer, Snippet,
};
use serde_json::{json, Value};

use crate::lowering::{GeneratedKind, LoweredFile, Segment};
use crate::shadow::LoweredFiles;
use crate::source_text;

/// How the caller wants diagnostics.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputMode {
    /// JSON lines, as cargo asks.
    Json,
    /// rustc's human output.
    Human,
    /// `--error-format=short`.
    Short,
}

/// Rewrites rustc's diagnostics for one compilation.
pub struct Remapper<'a> {
    /// The lowered files, by original absolute path.
    pub lowered_files: &'a LoweredFiles,
    /// rustc's working directory (relative file names are relative to it).
    pub cwd: PathBuf,
    /// The shadow directory and the text it stands for (as the caller wrote the package path).
    pub shadow_prefix: Option<(String, String)>,
    /// Directories of the package as rustc names them (the caller's spelling, `../dir/`, or
    /// what a `--remap-path-prefix` shows) and as the keys of `lowered_files` hold them
    /// (absolute, without `..`); a later pair takes precedence, as rustc's later mappings do.
    pub package_dirs: Vec<(PathBuf, PathBuf)>,
    /// Whether rendered text is colored.
    pub color: bool,
    /// Output mode.
    pub mode: OutputMode,
    /// Whether rendered text is rustc's one-line form (`--error-format=short`, or
    /// `--json=diagnostic-short` with JSON).
    pub short: bool,
    /// Errors emitted so far.
    pub error_count: usize,
    /// Warnings emitted so far.
    pub warning_count: usize,
    /// Error codes emitted so far.
    pub codes: BTreeSet<String>,
    /// Whether any diagnostic was dropped or rewritten (the summary is then redrawn).
    pub changed_anything: bool,
    /// The stable compiler's E0554 (`#![feature]` on stable), held until it is known whether an
    /// unknown gate (E0635) follows (see [`Self::release_held`]).
    held_feature_error: Option<Value>,
    /// E0635 (unknown feature) diagnostics seen.
    unknown_features: usize,
    /// A `yield` of a reference to the generator's own data, reworded from stable's E0521
    /// (see [`Self::reword_escaping_yield`]), held until the next diagnostic: nightly's borrow
    /// checker sorts its errors by span, and the E0626 of the same borrow (from the check copy)
    /// comes after it from stable.
    held_escaping_yield: Option<Value>,
    /// Whether emitted diagnostics are counted (not while one is held).
    counting: bool,
    /// The rendered text of every remapped diagnostic emitted so far.
    remapped_renders: std::collections::HashSet<String>,
    /// Errors of check copies that were dropped (see [`Self::internal_failure`]).
    dropped_copy_errors: Vec<Value>,
    /// The lowered root's imports that stand for unused gates (see the driver's
    /// `add_unused_feature_markers`).
    pub feature_markers: Vec<FeatureMarker>,
    /// Nightly's `unused_features` diagnostics, held until rustc ends (see
    /// [`Self::release_unused_features`]).
    held_unused_features: Vec<Value>,
    /// rustc's lint-level notes that a feature marker took from the diagnostics nightly
    /// shows them on (see [`Self::restore_lint_level_notes`]).
    taken_notes: Vec<TakenNote>,
    /// `--diagnostic-width` (rustc's default: 140).
    pub diagnostic_width: usize,
    /// Redraw every diagnostic with a span in a lowered file, even one whose lines the lowering
    /// left alone (see [`crate::driver::TEST_FORCE_REDRAW_VARIABLE`]).
    pub force_redraw: bool,
    /// The gates of the crate root's `#![feature]`.
    pub crate_features: Vec<String>,
    /// The lines of every original and lowered text, indexed while the remapper lives (see
    /// [`source_text::index_lines`]).
    _line_index: source_text::LineIndexGuard<'a>,
}

/// A note rustc shows once per session and put on a feature marker's `unused_imports`
/// warning, which comes early (name resolution), where nightly's `unused_features` comes last:
/// the next diagnostic that would have shown it gets it back.
#[derive(Clone, Debug)]
struct TakenNote {
    /// The note (a child diagnostic, as rustc gave it).
    note: Value,
    /// `Some("#[deny(warnings)]")`: "the lint level is defined here", for a diagnostic with a
    /// note "implied by `#[deny(warnings)]`". `None`: "`#[warn(unused_imports)]` (part of
    /// `#[warn(unused)]`) on by default", for the next `unused_imports` warning.
    implied_by: Option<String>,
    /// Whether a later diagnostic got it back.
    returned: bool,
}

/// An import at the end of the lowered crate root whose `unused_imports` warning is nightly's
/// "feature `GATE` is declared but not used".
#[derive(Clone, Debug)]
pub struct FeatureMarker {
    /// The import's bytes in the lowered root.
    pub lowered: Range<usize>,
    /// The gate.
    pub gate: String,
    /// The bytes of the gate's name in the root's `#![feature(..)]`.
    pub original: Range<usize>,
    /// The bytes of `unused_imports` in the generated `#[warn(..)]` around the markers, when
    /// the crate sets a level for `unused_imports` alone: rustc's note that the level is defined
    /// there is not nightly's.
    pub level_attribute: Option<Range<usize>>,
}

impl<'a> Remapper<'a> {
    /// A remapper for the files in `lowered_files`.
    pub fn new(lowered_files: &'a LoweredFiles, mode: OutputMode, color: bool) -> Self {
        Remapper {
            lowered_files,
            cwd: std::env::current_dir().unwrap_or_default(),
            shadow_prefix: None,
            package_dirs: Vec::new(),
            color,
            mode,
            short: mode == OutputMode::Short,
            error_count: 0,
            warning_count: 0,
            codes: BTreeSet::new(),
            changed_anything: false,
            held_feature_error: None,
            unknown_features: 0,
            held_escaping_yield: None,
            counting: true,
            remapped_renders: std::collections::HashSet::new(),
            dropped_copy_errors: Vec::new(),
            feature_markers: Vec::new(),
            held_unused_features: Vec::new(),
            crate_features: Vec::new(),
            taken_notes: Vec::new(),
            diagnostic_width: 140,
            force_redraw: false,
            _line_index: source_text::index_lines(
                lowered_files
                    .values()
                    .flat_map(|(original, lowered)| [original.as_str(), lowered.text.as_str()]),
            ),
        }
    }

    /// Rewrites one diagnostic into what to emit now (nothing when it is dropped or held).
    ///
    /// Gates yieldc does not implement stay in `#![feature]`, where the stable compiler adds
    /// E0554 to its E0635 for each unknown gate. Nightly reports only the E0635s, so E0554 is
    /// held until the next other diagnostic (stable emits the E0635s right after it) and
    /// dropped when there was one: the crate is rejected either way, as on nightly, and the
    /// E0554 of a known gate yieldc lacks shows once the unknown ones are gone.
    pub fn rewrite(&mut self, diagnostic: Value) -> Vec<Value> {
        let emitted = self.rewrite_in_stable_order(diagnostic);
        self.in_borrowck_order(emitted)
    }

    /// The held E0515 of a `yield` (see [`Self::held_escaping_yield`]), at the end of the
    /// diagnostics.
    pub fn release_held_escaping_yield(&mut self) -> Option<Value> {
        self.held_escaping_yield.take()
    }

    /// `emitted` with a reworded E0515 of a `yield` held back until the next diagnostic, and
    /// put after it when that is an E0626 in the same file at an earlier span (nightly's
    /// borrow checker emits its errors sorted by span).
    fn in_borrowck_order(&mut self, emitted: Vec<Value>) -> Vec<Value> {
        let is_escaping_yield = |diagnostic: &Value| {
            diagnostic["code"]["code"] == "E0515"
                && diagnostic["message"]
                    .as_str()
                    .is_some_and(|message| message.starts_with("cannot yield value referencing"))
        };
        let mut ordered = Vec::new();
        for diagnostic in emitted {
            if let Some(held) = self.held_escaping_yield.take() {
                let position = |value: &Value| {
                    primary_span(value).map(|span| {
                        (
                            span["file_name"].as_str().unwrap_or_default().to_owned(),
                            as_usize(&span["byte_start"]),
                        )
                    })
                };
                let goes_first = diagnostic["code"]["code"] == "E0626"
                    && matches!(
                        (position(&diagnostic), position(&held)),
                        (Some((file, at)), Some((held_file, held_at)))
                            if file == held_file && at < held_at
                    );
                if goes_first {
                    ordered.push(diagnostic);
                    ordered.push(held);
                    continue;
                }
                ordered.push(held);
            }
            if is_escaping_yield(&diagnostic) {
                self.held_escaping_yield = Some(diagnostic);
            } else {
                ordered.push(diagnostic);
            }
        }
        ordered
    }

    fn rewrite_in_stable_order(&mut self, diagnostic: Value) -> Vec<Value> {
        let code = diagnostic["code"]["code"].as_str().map(str::to_owned);
        let mut emitted = Vec::new();
        if diagnostic["message"].as_str() == Some("cannot find macro `__ym` in this scope") {
            // A `yield` written in a `macro_rules!` body (lowered to `__ym!`) expanded outside
            // any generator: nightly's two errors at that `yield`.
            emitted.extend(self.release_held());
            self.changed_anything = true;
            for yield_outside in yield_outside_coroutine(&diagnostic) {
                emitted.extend(self.rewrite_one(yield_outside));
            }
            return emitted;
        }
        match code.as_deref() {
            Some("E0554") if self.held_feature_error.is_none() => {
                self.counting = false;
                self.held_feature_error = self.rewrite_one(diagnostic);
                self.counting = true;
                return emitted;
            }
            Some("E0635") => self.unknown_features += 1,
            _ => emitted.extend(self.release_held()),
        }
        emitted.extend(self.rewrite_one(diagnostic));
        emitted
    }

    /// The held E0554, unless an unknown gate was reported after it.
    pub fn release_held(&mut self) -> Option<Value> {
        let held = self.held_feature_error.take()?;
        if self.unknown_features > 0 {
            self.changed_anything = true;
            return None;
        }
        Some(self.count(held))
    }

    /// Rewrites one diagnostic; `None` drops it.
    fn rewrite_one(&mut self, mut diagnostic: Value) -> Option<Value> {
        // Read before any label naming the lowering's internals is dropped.
        let borrow_passed_to_handle = borrow_passed_to_handle(&diagnostic);
        mark_hidden_suggestions(&mut diagnostic);
        self.changed_anything |= unqualify_runtime_types(&mut diagnostic);
        self.changed_anything |= expand_long_types(&mut diagnostic);
        self.changed_anything |= attach_e0727(&mut diagnostic);
        self.replace_shadow_paths(&mut diagnostic);
        if is_summary(&diagnostic) {
            return Some(diagnostic);
        }
        if let Some(unused_feature) = self.unused_feature(&diagnostic) {
            self.changed_anything = true;
            self.take_lint_level_notes(&diagnostic);
            self.held_unused_features.push(unused_feature);
            return None;
        }
        let restored_note = self.restore_lint_level_notes(&mut diagnostic);
        // An error inside a runtime macro's expansion belongs where that macro was invoked: in
        // a check copy, it is about the copy (a nested generator's closure there). Read before
        // the runtime's spans are stripped.
        let in_copy_by_invocation = primary_span(&diagnostic)
            .and_then(|span| self.invocation_in_lowered_file(span))
            .is_some_and(|site| {
                self.lowered_file_of(&site)
                    .is_some_and(|(_, (_, lowered))| {
                        lowered.is_check_copy(as_usize(&site["byte_start"]))
                    })
            });
        // Types are renamed first: a message naming `Gen<T, {gen block@..}, {closure@..}>` then
        // names the block, and is kept rather than dropped as citing the runtime.
        let reworded = self.reword_auto_trait_error(&mut diagnostic)
            | reword_awaited_error(&mut diagnostic)
            | self.reword_for_await_pattern(&mut diagnostic)
            | self.label_for_await_iterable(&mut diagnostic)
            | self.for_await_runtime_spans_at_iterable(&mut diagnostic)
            | self.reword_loop_keyword_in_generator(&mut diagnostic)
            | self.drop_gen_fn_capture_hint(&mut diagnostic)
            | self.drop_coroutine_return_type_note(&mut diagnostic);
        if mismatched_generator_keys(&diagnostic)
            || self.parens_around_yield_operand(&diagnostic)
            || self.gated_coroutine_attribute(&diagnostic)
        {
            self.changed_anything = true;
            return None;
        }
        let unreachable_yield = self.unreachable_yield_statement(&mut diagnostic);
        let renamed = self.rename_types(&mut diagnostic);
        let described = self.describe_generator_values(&mut diagnostic)
            | self.label_assigned_variable(&mut diagnostic);
        let cited_runtime = reworded
            | renamed
            | described
            | strip_runtime_spans(&mut diagnostic)
            | drop_clone_suggestion(&mut diagnostic)
            | reword_within_itself(&mut diagnostic)
            | place_trait_explanation(&mut diagnostic, self.diagnostic_width)
            | note_cyclic_coroutine(&mut diagnostic);
        self.changed_anything |= cited_runtime;
        let primary = primary_span(&diagnostic).cloned();
        let mut remapped_any = false;
        let mut in_check_copy = in_copy_by_invocation;
        let mut in_generated = false;
        if let Some(primary) = &primary {
            if let Some((_, (_, lowered))) = self.lowered_file_of(primary) {
                let start = as_usize(&primary["byte_start"]);
                in_check_copy = lowered.is_check_copy(start);
                let end = as_usize(&primary["byte_end"]).max(start + 1);
                in_generated = lowered
                    .segment_at(start)
                    .is_some_and(|segment| segment.generated.is_some());
                // `(a + b).yield` lowers to `yield_((a + b))`, and `(a + b).await` in an
                // `async gen` to `__awaited((a + b))`: the parentheses the user needs look
                // redundant to `unused_parens`.
                // (clippy's `double_parens` is the same finding.)
                let is_unused_parens = diagnostic["code"]["code"] == "unused_parens"
                    || diagnostic["code"]["code"] == "clippy::double_parens";
                in_generated |= is_unused_parens
                    && start > 0
                    && lowered.segment_at(start - 1).is_some_and(|segment| {
                        matches!(
                            segment.generated,
                            Some(GeneratedKind::Yield | GeneratedKind::Await)
                        )
                    });
                // A clippy lint whose span covers generated code is about the lowering.
                let is_clippy_lint = diagnostic["code"]["code"]
                    .as_str()
                    .is_some_and(|code| code.starts_with("clippy::"));
                in_generated |= is_clippy_lint
                    && lowered.segments.iter().any(|segment| {
                        segment.generated.is_some()
                            && segment.lowered.start < end
                            && start < segment.lowered.end
                    });
                // `gen { .. }.map(f);` lowers to `::yieldc_rt::__gen!(..).map(f);`: an unused
                // value that ends in the user's text is the user's expression.
                let is_unused_must_use = diagnostic["code"]["code"] == "unused_must_use";
                in_generated &= !(is_unused_must_use
                    && lowered
                        .segment_at(end - 1)
                        .is_some_and(|segment| segment.generated.is_none()));
            }
        }
        if let Some(value) = self.recursion_error(&diagnostic) {
            self.changed_anything = true;
            return Some(self.count(value));
        }
        if unreachable_yield {
            // The statement is the user's `yield`, lowered to `__y!(..)`.
            in_generated = false;
            self.changed_anything = true;
        }
        if reword_unused_generator(&mut diagnostic) {
            // The statement is the user's generator, which the runtime's type stands for.
            in_generated = false;
            self.changed_anything = true;
        }
        if in_generated && self.reword_unused_library_import(&mut diagnostic) {
            // An unused `use std::async_iter::AsyncIterator;` is the user's import.
            in_generated = false;
            self.changed_anything = true;
        }
        if in_check_copy {
            self.changed_anything = true;
            let code = diagnostic["code"]["code"].as_str().unwrap_or_default();
            if code == "E0716" {
                // A header's temporary borrowed across the construct (see the lowering's
                // `emit_with_header_in_own_statement`).
                return self
                    .check_copy_temporary_error(&diagnostic)
                    .and_then(|value| self.emit_once(value));
            }
            if code != "E0506" {
                if diagnostic["level"] == "error" {
                    self.dropped_copy_errors.push(diagnostic);
                }
                return None;
            }
            return self
                .check_copy_borrow_error(&diagnostic)
                .and_then(|value| self.emit_once(value));
        }
        if in_generated && diagnostic["level"] == "warning" {
            self.changed_anything = true;
            return None;
        }
        let coroutine_head = self.implicit_coroutine_head(&diagnostic);
        remapped_any |= self.moved_by_await(&mut diagnostic);
        remapped_any |= self.place_capture_uses(&mut diagnostic);
        // (Reads lowered spans.)
        if self.reword_fn_once_iter_closure(&mut diagnostic) {
            remapped_any = true;
            self.changed_anything = true;
        }
        let moved_into_iter_closure = self.moved_into_iter_closure(&mut diagnostic);
        self.remap_spans_in(&mut diagnostic, &mut remapped_any);
        if moved_into_iter_closure {
            remapped_any |= self.label_iter_closure_move(&mut diagnostic);
        }
        remapped_any |= self.reword_escaping_yield(&mut diagnostic);
        if borrow_passed_to_handle {
            remapped_any |= self.reword_yielded_local_borrow(&mut diagnostic);
        }
        remapped_any |= self.label_gen_fn_return_type(&mut diagnostic);
        remapped_any |= self.reword_for_await_trait_errors(&mut diagnostic);
        remapped_any |= self.blame_method_of_generator_receiver(&mut diagnostic);
        remapped_any |= name_receiver_with_unsatisfied_bounds(&mut diagnostic);
        remapped_any |= self.reword_closure_parameter_type_help(&mut diagnostic);
        remapped_any |= self.coroutine_resume_mismatch(&mut diagnostic);
        if let Some((file_name, head)) = coroutine_head {
            remapped_any |= self.suggest_coroutine_attribute(&mut diagnostic, &file_name, head);
        }
        remapped_any |= self.force_redraw
            && primary
                .as_ref()
                .is_some_and(|primary| self.lowered_file_of(primary).is_some());
        if remapped_any || cited_runtime || restored_note {
            let rendered = self.render(&diagnostic);
            // Two places of the lowering that are one place of the user's text (a generator's
            // head, twice) read the same once remapped: rustc, like nightly, reports a
            // diagnostic once.
            if !self.remapped_renders.insert(rendered.clone()) {
                self.changed_anything = true;
                return None;
            }
            diagnostic["rendered"] = Value::String(rendered);
        }
        Some(self.count(diagnostic))
    }

    /// Nightly's `unused_features` diagnostic for the `unused_imports` one of a feature marker:
    /// at the gate's name, with rustc's notes on the lint level (`unused_imports` read as
    /// `unused_features`), without the suggestion to remove the import.
    fn unused_feature(&self, diagnostic: &Value) -> Option<Value> {
        if self.feature_markers.is_empty() || diagnostic["code"]["code"] != "unused_imports" {
            return None;
        }
        let primary = primary_span(diagnostic)?;
        let (_, (original_text, _)) = self.lowered_file_of(primary)?;
        let start = as_usize(&primary["byte_start"]);
        let marker = self
            .feature_markers
            .iter()
            .find(|marker| marker.lowered.contains(&start))?;
        if original_text.get(marker.original.clone()) != Some(marker.gate.as_str()) {
            return None;
        }
        let file_name = primary["file_name"].as_str()?;
        let span = self.span_json(file_name, original_text, marker.original.clone(), true, "");
        let mut children = Vec::new();
        for child in diagnostic["children"].as_array().into_iter().flatten() {
            let message = child["message"].as_str().unwrap_or_default();
            if message.starts_with("remove the unused import")
                || message.starts_with("remove the whole")
            {
                continue;
            }
            let at_level_attribute = marker.level_attribute.as_ref().is_some_and(|attribute| {
                child["spans"].as_array().into_iter().flatten().any(|span| {
                    span["file_name"] == primary["file_name"]
                        && attribute.contains(&as_usize(&span["byte_start"]))
                })
            });
            if at_level_attribute {
                continue;
            }
            let mut child = child.clone();
            child["message"] = Value::String(
                message
                    .replace("unused_imports", "unused_features")
                    .replace("unused-imports", "unused-features"),
            );
            if let Some(spans) = child.get_mut("spans").and_then(Value::as_array_mut) {
                for span in spans {
                    self.remap_span(span, &mut false);
                }
            }
            children.push(child);
        }
        let mut value = json!({
            "$message_type": "diagnostic",
            "message": format!("feature `{}` is declared but not used", marker.gate),
            "code": {"code": "unused_features", "explanation": null},
            "level": diagnostic["level"].clone(),
            "spans": [span],
            "children": children,
            "rendered": null,
        });
        value["rendered"] = Value::String(self.render(&value));
        Some(value)
    }

    /// Records the once-per-session notes of a feature marker's warning (see [`TakenNote`]).
    fn take_lint_level_notes(&mut self, diagnostic: &Value) {
        let children = diagnostic["children"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        for child in &children {
            let message = child["message"].as_str().unwrap_or_default();
            if message == "the lint level is defined here" {
                let implied_by = children.iter().find_map(|other| {
                    let text = other["message"].as_str()?;
                    let (_, source) = text.split_once(" implied by `")?;
                    Some(source.trim_end_matches('`').to_owned())
                });
                if let Some(implied_by) = implied_by {
                    self.taken_notes.push(TakenNote {
                        note: child.clone(),
                        implied_by: Some(implied_by),
                        returned: false,
                    });
                }
            } else if message.starts_with("`#[warn(unused_imports)]`")
                && message.ends_with("on by default")
            {
                self.taken_notes.push(TakenNote {
                    note: child.clone(),
                    implied_by: None,
                    returned: false,
                });
            }
        }
    }

    /// Gives a diagnostic the once-per-session note a feature marker took, when it is the one
    /// nightly shows it on. Returns whether it did.
    fn restore_lint_level_notes(&mut self, diagnostic: &mut Value) -> bool {
        if self.taken_notes.iter().all(|taken| taken.returned) {
            return false;
        }
        let is_unused_import = diagnostic["code"]["code"] == "unused_imports";
        let Some(children) = diagnostic.get_mut("children").and_then(Value::as_array_mut) else {
            return false;
        };
        let has = |children: &Vec<Value>, text: &str| {
            children
                .iter()
                .any(|child| child["message"].as_str().is_some_and(|m| m.contains(text)))
        };
        let mut restored = false;
        for taken in self.taken_notes.iter_mut().filter(|taken| !taken.returned) {
            match &taken.implied_by {
                Some(source) => {
                    let implied = format!(" implied by `{source}`");
                    let at = children.iter().position(|child| {
                        child["message"]
                            .as_str()
                            .is_some_and(|m| m.ends_with(&implied))
                    });
                    if let Some(at) = at {
                        if !has(children, "the lint level is defined here") {
                            children.insert(at, taken.note.clone());
                            restored = true;
                        }
                        taken.returned = true;
                    }
                }
                None if is_unused_import => {
                    if !has(children, "on by default") && !has(children, "lint level") {
                        children.push(taken.note.clone());
                        restored = true;
                    }
                    taken.returned = true;
                }
                None => {}
            }
        }
        restored
    }

    /// The held `unused_features` diagnostics, once rustc has ended: nightly reports them only
    /// when the crate had no error (its lint runs after the analysis and the other lints).
    /// A note that an earlier diagnostic got back is left out; the first one has rustc's
    /// "on by default" note when its level is the default one.
    pub fn release_unused_features(&mut self) -> Vec<Value> {
        let mut held = std::mem::take(&mut self.held_unused_features);
        if self.error_count > 0 {
            return Vec::new();
        }
        let returned: Vec<String> = self
            .taken_notes
            .iter()
            .filter(|taken| taken.returned && taken.implied_by.is_some())
            .filter_map(|taken| taken.note["message"].as_str().map(str::to_owned))
            .collect();
        for (index, value) in held.iter_mut().enumerate() {
            let mut changed = false;
            let is_warning = value["level"] == "warning";
            if let Some(children) = value.get_mut("children").and_then(Value::as_array_mut) {
                let before = children.len();
                children.retain(|child| {
                    child["message"]
                        .as_str()
                        .is_none_or(|message| !returned.iter().any(|r| r == message))
                });
                changed |= children.len() != before;
                if index == 0 && is_warning && children.is_empty() {
                    children.push(json!({
                        "message": "`#[warn(unused_features)]` (part of `#[warn(unused)]`) on by default",
                        "code": null,
                        "level": "note",
                        "spans": [],
                        "children": [],
                        "rendered": null,
                    }));
                    changed = true;
                }
            }
            if changed {
                value["rendered"] = Value::String(self.render(value));
            }
        }
        held.into_iter().map(|value| self.count(value)).collect()
    }

    /// When the compiler failed but every error it gave was dropped as a check copy's (an error
    /// of the copy alone: a bug of the lowering), an error that says so, with the first dropped
    /// message, so that a failed build never ends in silence.
    pub fn internal_failure(&mut self) -> Option<Value> {
        if self.error_count > 0 {
            return None;
        }
        let first = self.dropped_copy_errors.first()?;
        let inner = first["message"].as_str().unwrap_or("an error").to_owned();
        let code = first["code"]["code"]
            .as_str()
            .map(|code| format!("[{code}]"))
            .unwrap_or_default();
        self.changed_anything = true;
        let message = "yieldc could not compile its lowering of a generator: the check copy that \
                       proves its borrows has an error of its own";
        let mut diagnostic = self.plain_message("error", message);
        let details = format!(
            "  = note: the check copy's error{code}: {inner}\n\
             \x20 = note: this is a bug in yieldc; please report it with the generator's code\n\
             \x20 = help: to build anyway, set `YIELDC_FORCE_BOXED=1` (every generator on the heap, \
             with no check copy) and rebuild the crate (`cargo clean -p NAME`)\n\n"
        );
        if let Some(rendered) = diagnostic["rendered"].as_str() {
            let rendered = format!("{}\n{details}", rendered.trim_end_matches('\n'));
            diagnostic["rendered"] = Value::String(rendered);
        }
        Some(self.count(diagnostic))
    }

    /// The summary lines (`aborting due to …`, `N warnings emitted`, `--explain`), redrawn from
    /// what was emitted when anything was dropped or rewritten; `None` keeps rustc's.
    pub fn summary(&self) -> Option<Vec<Value>> {
        if !self.changed_anything {
            return None;
        }
        let mut summary = Vec::new();
        let plural = |count: usize| if count == 1 { "" } else { "s" };
        let warnings = format!(
            "{} warning{} emitted",
            self.warning_count,
            plural(self.warning_count)
        );
        if self.error_count > 0 {
            let mut message = format!(
                "aborting due to {} previous error{}",
                self.error_count,
                plural(self.error_count)
            );
            if self.warning_count > 0 {
                message.push_str(&format!("; {warnings}"));
            }
            summary.push(self.plain_message("error", &message));
        } else if self.warning_count > 0 {
            summary.push(self.plain_message("warning", &warnings));
        }
        // `--error-format=short` ends at the `aborting` line: rustc prints no `--explain` lines.
        if self.error_count > 0 && !self.codes.is_empty() && !self.short {
            let codes: Vec<&String> = self.codes.iter().collect();
            if codes.len() == 1 {
                summary.push(self.plain_message(
                    "failure-note",
                    &format!(
                        "For more information about this error, try `rustc --explain {}`.",
                        codes[0]
                    ),
                ));
            } else {
                let list = codes
                    .iter()
                    .map(|code| code.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                summary.push(self.plain_message(
                    "failure-note",
                    &format!("Some errors have detailed explanations: {list}."),
                ));
                summary.push(self.plain_message(
                    "failure-note",
                    &format!(
                        "For more information about an error, try `rustc --explain {}`.",
                        codes[0]
                    ),
                ));
            }
        }
        Some(summary)
    }

    /// Renders one of the driver's own diagnostics (front-end errors) in the caller's format.
    /// A diagnostic of the base compiler about the original text of `shown` (its probe of the
    /// crate's gates, see the driver's `stable_gates`), spans already in that file: named
    /// after it, and counted.
    pub fn replayed_diagnostic(
        &mut self,
        mut diagnostic: Value,
        probe_name: &str,
        shown: &str,
    ) -> Value {
        fn rename(value: &mut Value, probe_name: &str, shown: &str) {
            match value {
                Value::Object(map) => {
                    for (key, inner) in map.iter_mut() {
                        if key == "file_name" && inner == probe_name {
                            *inner = Value::String(shown.to_string());
                        } else {
                            rename(inner, probe_name, shown);
                        }
                    }
                }
                Value::Array(items) => items
                    .iter_mut()
                    .for_each(|item| rename(item, probe_name, shown)),
                _ => {}
            }
        }
        rename(&mut diagnostic, probe_name, shown);
        // The probe renders in full, without color: rustc's own text then, else redrawn.
        if self.mode == OutputMode::Short || self.color {
            diagnostic["rendered"] = Value::String(self.render(&diagnostic));
        } else if let Some(rendered) = diagnostic["rendered"].as_str() {
            let rendered =
                rendered.replace(&format!("--> {probe_name}:"), &format!("--> {shown}:"));
            diagnostic["rendered"] = Value::String(rendered);
        }
        self.changed_anything = true;
        self.count(diagnostic)
    }

    pub fn own_diagnostic(
        &mut self,
        original_path: &str,
        text: &str,
        diagnostic: &crate::lowering::FrontEndDiagnostic,
    ) -> Value {
        let mut spans = vec![self.span_json(
            original_path,
            text,
            diagnostic.primary.0.clone(),
            true,
            &diagnostic.primary.1,
        )];
        for (range, label, primary) in &diagnostic.labels {
            spans.push(self.span_json(original_path, text, range.clone(), *primary, label));
        }
        let mut children = Vec::new();
        for note in &diagnostic.notes {
            children.push(child("note", note));
        }
        for help in &diagnostic.help {
            children.push(child("help", help));
        }
        for (message, range, replacement) in &diagnostic.suggestions {
            let mut span = self.span_json(original_path, text, range.clone(), true, "");
            span["suggested_replacement"] = Value::String(replacement.clone());
            span["suggestion_applicability"] = Value::String("MaybeIncorrect".into());
            let mut suggestion = child("help", message);
            suggestion["spans"] = json!([span]);
            suggestion[VERBOSE] = Value::Bool(true);
            children.push(suggestion);
        }
        let mut value = json!({
            "$message_type": "diagnostic",
            "message": diagnostic.message,
            // Every code the front end uses is rustc's, which has a long explanation (the
            // summary's `rustc --explain` line counts only codes with one).
            "code": diagnostic.code.as_deref().map(code_json),
            "level": if diagnostic.is_error { "error" } else { "warning" },
            "spans": spans,
            "children": children,
            "rendered": null,
        });
        value["rendered"] = Value::String(self.render(&value));
        self.changed_anything = true;
        self.count(value)
    }

    fn span_json(
        &self,
        path: &str,
        text: &str,
        range: Range<usize>,
        primary: bool,
        label: &str,
    ) -> Value {
        let mut span = json!({
            "file_name": path,
            "byte_start": range.start,
            "byte_end": range.end,
            "is_primary": primary,
            "label": if label.is_empty() { Value::Null } else { Value::String(label.to_string()) },
            "suggested_replacement": null,
            "suggestion_applicability": null,
            "expansion": null,
        });
        fill_positions(&mut span, text, range);
        span
    }

    /// E0277 for a coroutine whose resume type a bound does not take (`Coroutine<u32>` for a
    /// `|x: u8|` coroutine): nightly's E0631 "type mismatch in coroutine arguments", with the
    /// coroutine's head labelled and the expected and found signatures, or, where `()` (no
    /// argument) is on one side, its E0593 "function is expected to take N arguments". Passed
    /// by name, the argument is "expected due to this" (with nightly's suggestion to wrap it in
    /// a closure for E0631); written in the call, the whole call is. Works on remapped spans.
    fn coroutine_resume_mismatch(&self, diagnostic: &mut Value) -> bool {
        if diagnostic["code"]["code"] != "E0277" {
            return false;
        }
        let Some(message) = diagnostic["message"].as_str() else {
            return false;
        };
        // `the trait bound `{coroutine@FILE:L:C: L:C}: Coroutine<R>` is not satisfied`
        let parsed = message
            .strip_prefix("the trait bound `")
            .and_then(|rest| rest.strip_suffix("` is not satisfied"))
            .and_then(|rest| rest.split_once("}: Coroutine"))
            .and_then(|(name, bound)| {
                let location = name
                    .strip_prefix("{coroutine@")
                    .or_else(|| name.strip_prefix("{static coroutine@"))?;
                // `Coroutine` alone resumes with `()`.
                let required = match bound {
                    "" => "()",
                    _ => bound.strip_prefix('<')?.strip_suffix('>')?,
                };
                Some((location.to_string(), required.to_string()))
            });
        let Some((location, required)) = parsed else {
            return false;
        };
        let empty = Vec::new();
        let children = diagnostic["children"].as_array().unwrap_or(&empty);
        let accepted = children.iter().find_map(|child| {
            let rest = child["message"]
                .as_str()?
                .strip_prefix("for that trait implementation, expected `")?;
            let (accepted, found) = rest.split_once("`, found `")?;
            (found.strip_suffix('`')? == required).then(|| accepted.to_string())
        });
        let Some(accepted) = accepted else {
            return false;
        };
        let head = (|| {
            let (start, end) = location.rsplit_once(": ")?;
            let (file_and_line, start_column) = start.rsplit_once(':')?;
            let (file, start_line) = file_and_line.rsplit_once(':')?;
            let (end_line, end_column) = end.split_once(':')?;
            let (original, _) = self.lowered_files.get(&self.original_path(file))?;
            Some((
                original,
                line_column_offset(original, start_line, start_column)?
                    ..line_column_offset(original, end_line, end_column)?,
            ))
        })();
        let Some((original, head)) = head else {
            return false;
        };
        // An arity mismatch (nightly's E0593): `()` is no argument; a coroutine's one
        // parameter with a tuple pattern is "a single N-tuple".
        let takes = |accepted: &str| -> String {
            if accepted == "()" {
                return "0 arguments".to_string();
            }
            let parameter = original
                .get(head.clone())
                .and_then(|head| head.split_once('|'))
                .map_or("", |(_, parameter)| parameter.trim_start());
            match tuple_pattern_len(parameter) {
                Some(len) => format!("a single {len}-tuple as argument"),
                None => "1 argument".to_string(),
            }
        };
        let arity = (accepted == "()") != (required == "()");
        let (code, message, expected_label, head_label) = if arity {
            let expected = if required == "()" { 0 } else { 1 };
            let plural = if expected == 1 { "" } else { "s" };
            let takes = takes(&accepted);
            (
                "E0593",
                format!("function is expected to take {expected} argument{plural}, but it takes {takes}"),
                format!("expected function that takes {expected} argument{plural}"),
                format!("takes {takes}"),
            )
        } else {
            (
                "E0631",
                "type mismatch in coroutine arguments".to_string(),
                "expected due to this".to_string(),
                "found signature defined here".to_string(),
            )
        };
        let Some(primary) = primary_span(diagnostic).cloned() else {
            return false;
        };
        let Some(file_name) = primary["file_name"].as_str().map(str::to_string) else {
            return false;
        };
        let argument = as_usize(&primary["byte_start"])..as_usize(&primary["byte_end"]);
        let call_path = diagnostic["spans"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|span| {
                span["label"].as_str() == Some("required by a bound introduced by this call")
            })
            .map(|span| as_usize(&span["byte_start"])..as_usize(&span["byte_end"]));
        let written_in_call = argument.start <= head.start && head.end <= argument.end;
        let mut spans = Vec::new();
        if written_in_call {
            // The whole call: from its path to the `)` that closes its arguments.
            let Some(call) = call_path.and_then(|path| {
                let open = path.end + original.get(path.end..)?.find('(')?;
                Some(path.start..matching_close_paren(original, open)? + 1)
            }) else {
                return false;
            };
            spans.push(self.span_json(&file_name, original, call, true, &expected_label));
            spans.push(self.span_json(&file_name, original, head, false, &head_label));
        } else {
            let mut argument_span = primary.clone();
            argument_span["label"] = json!(expected_label);
            spans.push(argument_span);
            spans.push(self.span_json(&file_name, original, head, false, &head_label));
            if let Some(call_path) = call_path {
                spans.push(self.span_json(
                    &file_name,
                    original,
                    call_path,
                    false,
                    "required by a bound introduced by this call",
                ));
            }
        }
        let mut children: Vec<Value> = children
            .iter()
            .filter(|child| {
                let message = child["message"].as_str().unwrap_or_default();
                !message.starts_with("for that trait implementation")
                    && !(message.starts_with("the trait `")
                        && message.contains("is not implemented"))
            })
            .cloned()
            .collect();
        if !arity {
            children.insert(
                0,
                json!({
                    "message": format!(
                        "expected coroutine signature `fn({required}) -> _`\n   found coroutine signature `fn({accepted}) -> _`"
                    ),
                    "code": null,
                    "level": "note",
                    "spans": [],
                    "children": [],
                    "rendered": null,
                }),
            );
        }
        if !written_in_call && !arity {
            let suggestion = |at: usize, text: String| {
                let mut span = self.span_json(&file_name, original, at..at, true, "");
                span["suggested_replacement"] = json!(text);
                span["suggestion_applicability"] = json!("MaybeIncorrect");
                span
            };
            children.push(json!({
                "message": "consider wrapping the function in a closure",
                "code": null,
                "level": "help",
                "spans": [
                    suggestion(argument.start, format!("|arg0: {required}| ")),
                    suggestion(argument.end, format!("(/* {accepted} */)")),
                ],
                "children": [],
                "rendered": null,
            }));
        }
        diagnostic["code"] = code_json(code);
        diagnostic["message"] = json!(message);
        diagnostic["spans"] = Value::Array(spans);
        diagnostic["children"] = Value::Array(children);
        true
    }

    /// For a span in a macro's expansion outside the lowered files (the runtime's macros), the
    /// invocation in a lowered file it came from, if any.
    fn invocation_in_lowered_file(&self, span: &Value) -> Option<Value> {
        if self.lowered_file_of(span).is_some() {
            return None;
        }
        let mut site = span
            .get("expansion")
            .filter(|e| !e.is_null())?
            .get("span")?;
        loop {
            if self.lowered_file_of(site).is_some() {
                return Some(site.clone());
            }
            site = site
                .get("expansion")
                .filter(|e| !e.is_null())?
                .get("span")?;
        }
    }

    /// A diagnostic the driver built, unless one that reads the same was emitted already
    /// (two check-copy errors about one place of the user's text).
    fn emit_once(&mut self, diagnostic: Value) -> Option<Value> {
        let rendered = diagnostic["rendered"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        if !self.remapped_renders.insert(rendered) {
            return None;
        }
        Some(self.count(diagnostic))
    }

    fn count(&mut self, diagnostic: Value) -> Value {
        if !self.counting {
            return diagnostic;
        }
        match diagnostic["level"].as_str() {
            Some("error") | Some("error: internal compiler error") => {
                self.error_count += 1;
                if let Some(code) = diagnostic["code"]["code"].as_str() {
                    if diagnostic["code"]["explanation"].is_string() {
                        self.codes.insert(code.to_string());
                    }
                }
            }
            Some("warning") => self.warning_count += 1,
            _ => {}
        }
        diagnostic
    }

    fn plain_message(&self, level: &str, message: &str) -> Value {
        let rendered = match level {
            "failure-note" if self.color => format!("\x1b[1m{message}\x1b[0m\n"),
            "failure-note" => format!("{message}\n"),
            _ => {
                let title = format!("{level}: ");
                // `--error-format=short` draws no blank line after a message.
                let end = if self.short { "\n" } else { "\n\n" };
                if self.color {
                    let style = if level == "error" {
                        "\x1b[1m\x1b[91m"
                    } else {
                        "\x1b[1m\x1b[33m"
                    };
                    if self.short {
                        // rustc's short form draws the message unstyled.
                        format!("{style}{level}\x1b[0m: {message}{end}")
                    } else {
                        format!("{style}{level}\x1b[0m\x1b[1m: {message}\x1b[0m{end}")
                    }
                } else {
                    format!("{title}{message}{end}")
                }
            }
        };
        json!({
            "$message_type": "diagnostic",
            "message": message,
            "code": null,
            "level": level,
            "spans": [],
            "children": [],
            "rendered": rendered,
        })
    }

    /// E0506 from a check copy → nightly's E0626: the borrow is the primary span, with the
    /// `yield` and the generator labelled.
    fn check_copy_borrow_error(&mut self, diagnostic: &Value) -> Option<Value> {
        let spans = diagnostic["spans"].as_array()?;
        let assignment = spans.iter().find(|span| span["is_primary"] == true)?;
        let (original_path, lowered) = self.lowered_file_of(assignment)?;
        let (original_text, lowered) = (lowered.0.clone(), lowered.1.clone());
        let file_name = assignment["file_name"].as_str()?.to_string();
        // A closure's borrow: nightly points at the captured variable's use in the closure
        // ("borrow occurs due to use in closure"), not at the closure.
        let label_is =
            |span: &&Value, test: &dyn Fn(&str) -> bool| span["label"].as_str().is_some_and(test);
        // (Not for an `iter!` closure, a coroutine closure on nightly: its head is the borrow.)
        let borrowed_here = spans
            .iter()
            .find(|span| label_is(span, &|label| label.ends_with("is borrowed here")));
        let iter_closure = borrowed_here.is_some_and(|span| {
            let start = remap_range(
                &lowered,
                as_usize(&span["byte_start"]),
                as_usize(&span["byte_end"]),
            )
            .start;
            source_text::follows_iter_macro_opening(&original_text, start)
        });
        let borrow = spans
            .iter()
            .find(|span| {
                !iter_closure
                    && label_is(span, &|label| label.starts_with("borrow occurs due to use"))
            })
            .or_else(|| {
                spans
                    .iter()
                    .find(|span| label_is(span, &|label| label.ends_with("is borrowed here")))
            })
            .unwrap_or(assignment);
        let mut borrow_range = remap_range(
            &lowered,
            as_usize(&borrow["byte_start"]),
            as_usize(&borrow["byte_end"]),
        );
        if iter_closure {
            // Nightly's borrow is the whole closure (rustc's, its head).
            if let Some(closure) = source_text::iter_closure(&original_text, borrow_range.start) {
                borrow_range = closure;
            }
        }
        let anchor = yield_anchor(&lowered, as_usize(&assignment["byte_start"]));
        // The anchor is a `yield`, or the invocation of a macro that may yield (its `yield` is
        // in the macro's body; the generator is the invocation's).
        let (yield_range, generator_at) =
            match source_text::macro_yield_expression(&original_text, anchor) {
                Some(range) => (range, anchor),
                None => {
                    let range = source_text::yield_expression(&original_text, anchor)?;
                    let start = range.start;
                    (range, start)
                }
            };
        let (generator, mut generator_span) =
            source_text::enclosing_generator(&original_text, generator_at);
        // A `#[coroutine]` closure: nightly labels its head (`move |x|`) and suggests `static`.
        let mut static_help = None;
        if generator == "coroutine" && generator_span.is_none() {
            if let Some((GeneratedKind::CoroutineClosure, opening)) =
                innermost_generator(&lowered, as_usize(&assignment["byte_start"]))
            {
                let head_text = original_text.get(opening.clone()).unwrap_or_default();
                let head_len = head_text.trim_end_matches('{').trim_end().len();
                if head_len > 0 && !head_text.starts_with("static") {
                    let head = opening.start..opening.start + head_len;
                    static_help = Some(head.start);
                    generator_span = Some(head);
                }
            }
        }
        let _ = original_path;
        let mut value = self.e0626(
            &file_name,
            &original_text,
            (&generator, generator_span),
            Some(yield_range),
            borrow_range,
        );
        if let Some(at) = static_help {
            let mut span = self.span_json(&file_name, &original_text, at..at, false, "");
            span["suggested_replacement"] = json!("static ");
            span["suggestion_applicability"] = json!("MaybeIncorrect");
            let mut help = json!({
                "message": "add `static` to mark this coroutine as unmovable",
                "code": null,
                "level": "help",
                "spans": [span],
                "children": [],
                "rendered": null,
            });
            help[VERBOSE] = Value::Bool(true);
            value["children"] = json!([help]);
            value["rendered"] = Value::String(self.render(&value));
        }
        Some(value)
    }

    /// Nightly's E0626: "borrow may still be in use when GENERATOR yields", at the borrow,
    /// with "within this GENERATOR" and "possible yield occurs here" labels when known.
    fn e0626(
        &self,
        file_name: &str,
        original_text: &str,
        (generator, generator_span): (&str, Option<Range<usize>>),
        yield_range: Option<Range<usize>>,
        borrow_range: Range<usize>,
    ) -> Value {
        let mut new_spans = Vec::new();
        if let Some(generator_span) = generator_span {
            new_spans.push(self.span_json(
                file_name,
                original_text,
                generator_span,
                false,
                &format!("within this {generator}"),
            ));
        }
        if let Some(yield_range) = yield_range {
            new_spans.push(self.span_json(
                file_name,
                original_text,
                yield_range,
                false,
                "possible yield occurs here",
            ));
        }
        new_spans.push(self.span_json(file_name, original_text, borrow_range, true, ""));
        let mut value = json!({
            "$message_type": "diagnostic",
            "message": format!("borrow may still be in use when {generator} yields"),
            "code": {"code": "E0626", "explanation": explanation_of("E0626")},
            "level": "error",
            "spans": new_spans,
            "children": [],
            "rendered": null,
        });
        value["rendered"] = Value::String(self.render(&value));
        value
    }

    /// E0733 for a recursive `gen fn`: stable speaks of the `async` block its body became, at
    /// the body's `{`, with a note on `async fn`. Nightly: "recursion in a gen fn requires
    /// boxing" at the signature (visibility and qualifiers to the `where` clause).
    fn recursion_error(&self, diagnostic: &Value) -> Option<Value> {
        if diagnostic["code"]["code"] != "E0733"
            || diagnostic["message"] != "recursion in an async block requires boxing"
        {
            return None;
        }
        let primary = primary_span(diagnostic)?;
        let (_, (original_text, lowered)) = self.lowered_file_of(primary)?;
        let (kind, opening) = innermost_generator(lowered, as_usize(&primary["byte_start"]))?;
        let what = match kind {
            GeneratedKind::GenFn => "a gen fn",
            GeneratedKind::AsyncGenFn => "an async gen fn",
            _ => return None,
        };
        let brace = original_text.get(..opening.start)?.rfind('{')?;
        let signature = source_text::fn_signature(original_text, brace)?;
        let file_name = primary["file_name"].as_str()?.to_string();
        let mut spans = vec![self.span_json(&file_name, original_text, signature, true, "")];
        for span in diagnostic["spans"].as_array()? {
            if span["is_primary"] != true {
                let mut span = span.clone();
                self.remap_span(&mut span, &mut false);
                spans.push(span);
            }
        }
        let mut value = json!({
            "$message_type": "diagnostic",
            "message": format!("recursion in {what} requires boxing"),
            "code": diagnostic["code"].clone(),
            "level": "error",
            "spans": spans,
            "children": [],
            "rendered": null,
        });
        value["rendered"] = Value::String(self.render(&value));
        Some(value)
    }

    /// E0716 in a check copy: a temporary of a `for`/`match`/`let` header is borrowed by what
    /// the construct iterates or matches, across its `yield`s. Nightly's E0626 at the
    /// temporary, with the first `yield` after it.
    fn check_copy_temporary_error(&mut self, diagnostic: &Value) -> Option<Value> {
        let spans = diagnostic["spans"].as_array()?;
        let temporary = spans.iter().find(|span| span["is_primary"] == true)?;
        let (_, lowered) = self.lowered_file_of(temporary)?;
        let (original_text, lowered) = (lowered.0.clone(), lowered.1.clone());
        let file_name = temporary["file_name"].as_str()?.to_string();
        let borrow_range = remap_range(
            &lowered,
            as_usize(&temporary["byte_start"]),
            as_usize(&temporary["byte_end"]),
        );
        let after = borrow_range.end;
        let yield_range = original_text
            .get(after..)
            .and_then(|rest| rest.find("yield"))
            .and_then(|at| source_text::yield_expression(&original_text, after + at));
        let (generator, generator_span) =
            source_text::enclosing_generator(&original_text, borrow_range.start);
        Some(self.e0626(
            &file_name,
            &original_text,
            (&generator, generator_span),
            yield_range,
            borrow_range,
        ))
    }

    fn replace_shadow_paths(&self, value: &mut Value) {
        let Some((shadow, original)) = &self.shadow_prefix else {
            return;
        };
        match value {
            Value::String(text) if text.contains(shadow.as_str()) => {
                *text = text.replace(shadow.as_str(), original);
            }
            Value::Array(items) => items
                .iter_mut()
                .for_each(|item| self.replace_shadow_paths(item)),
            Value::Object(map) => map
                .values_mut()
                .for_each(|item| self.replace_shadow_paths(item)),
            _ => {}
        }
    }

    /// The absolute path of a file rustc names, `..` resolved lexically as the module tree's
    /// paths are (`gcore/src/../../shared/m.rs`).
    fn original_path(&self, file_name: &str) -> PathBuf {
        let mut named = None;
        for (shown, dir) in self.package_dirs.iter().rev() {
            if let Ok(relative) = Path::new(file_name).strip_prefix(shown) {
                let path = crate::modules::normalize(&dir.join(relative));
                if self.lowered_files.contains_key(&path) {
                    return path;
                }
                named.get_or_insert(path);
            }
        }
        if let Some(path) = named {
            return path;
        }
        let path = Path::new(file_name);
        if path.is_absolute() {
            crate::modules::normalize(path)
        } else {
            crate::modules::normalize(&self.cwd.join(path))
        }
    }

    /// The `iter!` closures without `move` whose generator takes a mutable borrow of a capture,
    /// by rustc's error about it: "captured variable cannot escape `FnMut` closure body" (the
    /// closure was inferred `FnMut`) or "... as it is a captured variable in a `Fn` closure"
    /// (a bound made it `Fn`). Nightly makes such a closure `FnOnce` (see
    /// `yieldc_rt::__once0`). Each as its file and the original offset of the span in its head
    /// (rustc's "inferred to be a `FnMut` closure", "in this closure"), which the lowering looks
    /// for there.
    pub fn iter_closures_escaping_fn_mut(&self, diagnostic: &Value) -> Vec<(PathBuf, usize)> {
        let message = diagnostic["message"].as_str().unwrap_or_default();
        if message != "captured variable cannot escape `FnMut` closure body"
            && !message.ends_with("as it is a captured variable in a `Fn` closure")
        {
            return Vec::new();
        }
        let mut closures = Vec::new();
        for span in diagnostic["spans"].as_array().into_iter().flatten() {
            if let Some(closure) = self.in_iter_closure_head(span) {
                if !closures.contains(&closure) {
                    closures.push(closure);
                }
            }
        }
        closures
    }

    /// The `iter!` closures whose generator moves a capture, by rustc's note on E0382 (a second
    /// call): "closure cannot be invoked more than once because it moves the variable `x` out
    /// of its environment", which nightly does not give (its gen closure is `FnOnce` without
    /// a recorded origin). Each as its file and the original offset of the move, in the body of
    /// the innermost closure around it, which the lowering makes `FnOnce` by a bound
    /// (`yieldc_rt::__once0`): rustc then draws nightly's E0382.
    pub fn iter_closures_moving_a_capture(&self, diagnostic: &Value) -> Vec<(PathBuf, usize)> {
        if diagnostic["code"]["code"] != "E0382" {
            return Vec::new();
        }
        let mut closures = Vec::new();
        for child in diagnostic["children"].as_array().into_iter().flatten() {
            let message = child["message"].as_str().unwrap_or_default();
            if !message.starts_with(
                "closure cannot be invoked more than once because it moves the variable",
            ) {
                continue;
            }
            for span in child["spans"].as_array().into_iter().flatten() {
                if let Some(closure) = self.after_iter_closure_head(span) {
                    if !closures.contains(&closure) {
                        closures.push(closure);
                    }
                }
            }
        }
        closures
    }

    /// The file and original start of `span` when an `iter!` closure's head precedes it in
    /// its file (the lowering looks for the closure around it).
    fn after_iter_closure_head(&self, span: &Value) -> Option<(PathBuf, usize)> {
        let (path, (original, lowered)) = self.lowered_file_of(span)?;
        let start = as_usize(&span["byte_start"]);
        let index = lowered.segment_index_at(start)?;
        let after_head = lowered.segments[..=index].iter().any(|segment| {
            segment.generated == Some(GeneratedKind::IterMacro)
                && original
                    .get(segment.original.clone())
                    .is_some_and(|text| text.contains('!'))
        });
        after_head.then(|| (path, lowered.to_original(start)))
    }

    /// The file and original start of `span` when it starts in the head of an `iter!` closure
    /// (between the text that stands for `iter!(` and the body): the copied text before it
    /// follows that generated text (never empty), the only `iter!` text that stands for a `!`
    /// (the generator's own opening stands for the body's `{`).
    fn in_iter_closure_head(&self, span: &Value) -> Option<(PathBuf, usize)> {
        let (path, (original, lowered)) = self.lowered_file_of(span)?;
        let start = as_usize(&span["byte_start"]);
        let index = lowered.segment_index_at(start)?;
        let in_head = lowered.segments[..=index]
            .iter()
            .rev()
            // (Not a line break re-emitted for a replaced one, which stands for nothing.)
            .find(|segment| segment.generated.is_some() && !segment.original.is_empty())
            .is_some_and(|segment| {
                segment.generated == Some(GeneratedKind::IterMacro)
                    && original
                        .get(segment.original.clone())
                        .is_some_and(|text| text.contains('!'))
            });
        in_head.then(|| (path, lowered.to_original(start)))
    }

    /// E0382 for a variable moved into an `iter!` closure: rustc labels the closure's head
    /// "value moved into closure here" and the use in its body "variable moved due to use in
    /// closure", and suggests cloning the value first; nightly labels the whole closure "value
    /// moved here", nothing more. Reads lowered spans: relabels the head (as [`ITER_MOVE`],
    /// which [`Self::label_iter_closure_move`] extends over the closure once remapped) and drops
    /// the rest.
    fn moved_into_iter_closure(&self, diagnostic: &mut Value) -> bool {
        const INTO_CLOSURE: &str = "value moved into closure here";
        if diagnostic["code"]["code"] != "E0382" {
            return false;
        }
        let Some(spans) = diagnostic["spans"].as_array() else {
            return false;
        };
        let head = spans.iter().position(|span| {
            span["label"] == INTO_CLOSURE && self.in_iter_closure_head(span).is_some()
        });
        let Some(head) = head else {
            return false;
        };
        if let Some(spans) = diagnostic["spans"].as_array_mut() {
            spans[head]["label"] = Value::String(ITER_MOVE.into());
            spans.retain(|span| span["label"] != "variable moved due to use in closure");
        }
        if let Some(children) = diagnostic["children"].as_array_mut() {
            children.retain(|child| {
                child["message"] != "consider cloning the value before moving it into the closure"
            });
        }
        true
    }

    /// The second half of [`Self::moved_into_iter_closure`], on remapped spans: the head's
    /// span reaches to the end of the closure (the `)` of `iter!(..)`), labelled "value moved
    /// here".
    fn label_iter_closure_move(&self, diagnostic: &mut Value) -> bool {
        let Some(spans) = diagnostic["spans"].as_array_mut() else {
            return false;
        };
        let Some(head) = spans.iter().position(|span| span["label"] == ITER_MOVE) else {
            return false;
        };
        let Some(path) = spans[head]["file_name"].as_str().map(str::to_owned) else {
            return false;
        };
        let start = as_usize(&spans[head]["byte_start"]);
        let closure_end = self
            .lowered_file_of(&spans[head])
            .and_then(|(_, (original, _))| {
                closing_parenthesis(original, start)
                    .map(|end| (original, start + original[start..end].trim_end().len()))
            });
        let Some((original, end)) = closure_end else {
            spans[head]["label"] = Value::String("value moved here".into());
            return true;
        };
        spans[head] = self.span_json(&path, original, start..end, false, "value moved here");
        // What rustc says of the closure's body (the loop around the use, cloning it there)
        // nightly does not say.
        let inside = |span: &Value| {
            span["file_name"] == path.as_str()
                && (start..=end).contains(&as_usize(&span["byte_start"]))
                && (start..=end).contains(&as_usize(&span["byte_end"]))
        };
        spans.retain(|span| !(span["label"] == "inside of this loop" && inside(span)));
        if let Some(children) = diagnostic["children"].as_array_mut() {
            children.retain(|child| {
                let spans = child["spans"].as_array();
                !(child["level"] == "help"
                    && spans.is_some_and(|spans| !spans.is_empty() && spans.iter().all(inside)))
            });
        }
        true
    }

    /// E0525 on an `iter!` closure the lowering made `FnOnce` (see
    /// [`Self::iter_closures_escaping_fn_mut`]), passed where an `Fn` or `FnMut` closure is
    /// expected: nightly's "gen closure does not implement `KIND` because it captures state
    /// from its environment", with no code, at the closure's head and without the labels that
    /// explain where the closure's kind comes from.
    fn reword_fn_once_iter_closure(&self, diagnostic: &mut Value) -> bool {
        if diagnostic["code"]["code"] != "E0525" {
            return false;
        }
        let Some(kind) = diagnostic["message"]
            .as_str()
            .and_then(|message| message.strip_prefix("expected a closure that implements the `"))
            .and_then(|rest| {
                rest.strip_suffix("` trait, but this closure only implements `FnOnce`")
            })
            .map(str::to_owned)
        else {
            return false;
        };
        if primary_span(diagnostic).is_none_or(|span| self.in_iter_closure_head(span).is_none()) {
            return false;
        }
        diagnostic["message"] = Value::String(format!(
            "gen closure does not implement `{kind}` because it captures state from its environment"
        ));
        diagnostic["code"] = Value::Null;
        let derived = format!("the requirement to implement `{kind}` derives from here");
        if let Some(spans) = diagnostic["spans"].as_array_mut() {
            spans.retain(|span| span["label"] != derived.as_str());
            for span in spans.iter_mut().filter(|span| span["is_primary"] == true) {
                span["label"] = Value::Null;
            }
        }
        true
    }

    fn lowered_file_of(&self, span: &Value) -> Option<(PathBuf, &'a (String, LoweredFile))> {
        let file_name = span["file_name"].as_str()?;
        let path = self.original_path(file_name);
        let lowered = self.lowered_files.get(&path)?;
        Some((path, lowered))
    }

    fn remap_spans_in(&self, diagnostic: &mut Value, remapped_any: &mut bool) {
        // A secondary label on text the lowering generated speaks of the lowering (e.g.
        // "expected due to this" on a generated type annotation): drop it.
        if let Some(spans) = diagnostic.get_mut("spans").and_then(Value::as_array_mut) {
            let before = spans.len();
            spans.retain(|span| {
                span["is_primary"] == true
                    || (!self.is_all_generated(span) && !self.is_gen_fn_opaque_label(span))
                    || self.generator_opening(span).is_some()
                    || self.is_for_await_header(span)
                    || self.is_mirror_path(span)
            });
            *remapped_any |= spans.len() != before;
        }
        *remapped_any |= !self.lines_between_spans_unchanged(diagnostic);
        if let Some(spans) = diagnostic.get_mut("spans").and_then(Value::as_array_mut) {
            for span in spans {
                self.remap_span(span, remapped_any);
            }
        }
        if let Some(children) = diagnostic.get_mut("children").and_then(Value::as_array_mut) {
            // A suggestion that edits a `for await`'s generated text ("remove the `.await`" on
            // the one it adds) would edit the user's text that the generated text stands for.
            let before = children.len();
            children.retain(|child| !self.suggests_on_for_await(child));
            *remapped_any |= children.len() != before;
            for child in children {
                self.remap_spans_in(child, remapped_any);
            }
        }
    }

    /// E0282's "consider giving `x` an explicit type" on a coroutine closure's parameter, which
    /// the lowering binds with a `let` in the body: nightly says "consider giving this closure
    /// parameter an explicit type". Works on remapped spans.
    fn reword_closure_parameter_type_help(&self, diagnostic: &mut Value) -> bool {
        if diagnostic["code"]["code"] != "E0282" {
            return false;
        }
        let Some(file) = primary_span(diagnostic).and_then(|span| self.lowered_file_of(span))
        else {
            return false;
        };
        let (_, (original_text, lowered)) = file;
        if lowered.is_identity(original_text) {
            return false;
        }
        let mut changed = false;
        let Some(children) = diagnostic["children"].as_array_mut() else {
            return false;
        };
        for help in children.iter_mut() {
            let Some(name) = help["message"]
                .as_str()
                .and_then(|message| message.strip_prefix("consider giving `"))
                .and_then(|rest| rest.strip_suffix("` an explicit type"))
                .map(str::to_owned)
            else {
                continue;
            };
            let Some(at) = help["spans"]
                .as_array()
                .and_then(|spans| spans.first())
                .map(|span| as_usize(&span["byte_start"]))
            else {
                continue;
            };
            let Some(before) = original_text.get(..at) else {
                continue;
            };
            let Some(before_name) = before.strip_suffix(name.as_str()) else {
                continue;
            };
            // The nearest delimiter before the name on its line: `|` in a closure's parameters
            // (`|x|`, `|a, x|`), else a `let` pattern's `(`, `=`, `{`, `;`.
            let line = &before_name[before_name.rfind('\n').map_or(0, |at| at + 1)..];
            let in_closure_parameters = line
                .rfind(['|', '(', '=', '{', ';'])
                .is_some_and(|at| line.as_bytes()[at] == b'|');
            if in_closure_parameters {
                help["message"] =
                    Value::String("consider giving this closure parameter an explicit type".into());
                // Drawn apart, as rustc drew it under its own wording.
                help[VERBOSE] = Value::Bool(true);
                changed = true;
            }
        }
        changed
    }

    /// The lowering's error for a `yield` in a closure nightly makes a coroutine (a
    /// `compile_error!` at the `yield`, see `yieldc_lower`'s `lower_yield`): the original offset
    /// of that closure's head, where nightly suggests `#[coroutine]`. Works on lowered spans.
    fn implicit_coroutine_head(&self, diagnostic: &Value) -> Option<(String, usize)> {
        if diagnostic["message"]
            != "`yield` can only be used in `#[coroutine]` closures, or `gen` blocks"
            || !diagnostic["code"].is_null()
            || diagnostic["children"]
                .as_array()
                .is_some_and(|children| !children.is_empty())
        {
            return None;
        }
        let primary = primary_span(diagnostic)?;
        let (_, (_, lowered)) = self.lowered_file_of(primary)?;
        let (kind, opening) = innermost_generator(lowered, as_usize(&primary["byte_start"]))?;
        (kind == GeneratedKind::CoroutineClosure).then(|| {
            (
                primary["file_name"].as_str().unwrap_or_default().to_owned(),
                opening.start,
            )
        })
    }

    /// Nightly's help on a `yield` in a plain closure: "use `#[coroutine]` to make this closure
    /// a coroutine", inserting the attribute at the closure's `head` (an original offset).
    fn suggest_coroutine_attribute(
        &self,
        diagnostic: &mut Value,
        file_name: &str,
        head: usize,
    ) -> bool {
        let Some(primary) = primary_span(diagnostic) else {
            return false;
        };
        let Some((_, (original_text, _))) = self.lowered_file_of(primary) else {
            return false;
        };
        let mut span = self.span_json(file_name, original_text, head..head, false, "");
        span["suggested_replacement"] = Value::String("#[coroutine] ".into());
        span["suggestion_applicability"] = Value::String("MaybeIncorrect".into());
        let mut help = child(
            "help",
            "use `#[coroutine]` to make this closure a coroutine",
        );
        help["spans"] = json!([span]);
        // Drawn apart, as nightly draws it.
        help[VERBOSE] = Value::Bool(true);
        match diagnostic["children"].as_array_mut() {
            Some(children) => children.push(help),
            None => diagnostic["children"] = json!([help]),
        }
        true
    }

    /// rustc's "use occurs due to use in coroutine" (E0382 on a variable moved into two
    /// generators) points, for the lowered body, at the generator's opening (the handle the
    /// lowering binds first), which is generated text and would be dropped; nightly points at
    /// the variable's first mention in the body. Works on lowered spans.
    fn place_capture_uses(&self, diagnostic: &mut Value) -> bool {
        let Some(name) = diagnostic["message"]
            .as_str()
            .and_then(|message| message.strip_suffix('`'))
            .and_then(|message| message.rsplit_once('`'))
            .map(|(_, name)| name.to_owned())
            .filter(|name| !name.is_empty())
        else {
            return false;
        };
        let mut placed = false;
        let Some(spans) = diagnostic["spans"].as_array_mut() else {
            return false;
        };
        for span in spans.iter_mut() {
            let is_capture_use = span["is_primary"] == false
                && span["label"]
                    .as_str()
                    .is_some_and(|label| label.ends_with("occurs due to use in coroutine"));
            if !is_capture_use || !self.is_all_generated(span) {
                continue;
            }
            let Some((_, (original_text, lowered))) = self.lowered_file_of(span) else {
                continue;
            };
            let Some(opening) = lowered.segment_at(as_usize(&span["byte_start"])) else {
                continue;
            };
            if !matches!(
                opening.generated,
                Some(
                    GeneratedKind::GenBlock
                        | GeneratedKind::AsyncGenBlock
                        | GeneratedKind::GenFn
                        | GeneratedKind::AsyncGenFn
                        | GeneratedKind::CoroutineClosure
                )
            ) || opening.in_check_copy
            {
                continue;
            }
            let body_start = opening.original.start;
            let Some(body_end) = source_text::generator_body_close(original_text, body_start)
            else {
                continue;
            };
            let Some(mention) =
                source_text::first_word_in(original_text, &name, body_start, body_end)
            else {
                continue;
            };
            // Back to lowered bytes: the mention is the user's text, copied verbatim.
            let Some(copied) = lowered.segments.iter().find(|segment| {
                segment.generated.is_none()
                    && !segment.in_check_copy
                    && segment.original.start <= mention.start
                    && mention.end <= segment.original.end
            }) else {
                continue;
            };
            let lowered_start = copied.lowered.start + (mention.start - copied.original.start);
            span["byte_start"] = json!(lowered_start);
            span["byte_end"] = json!(lowered_start + mention.len());
            placed = true;
        }
        placed
    }

    /// rustc draws the lines between two annotated lines of one snippet too (one line as
    /// is, more as `...`): its `rendered` is faithful only if every line from the first to
    /// the last annotated line of a file reads the same in the lowered file (`yield` between
    /// two spans is `__y!(..)` there). Checked on the lowered positions, before remapping (the
    /// lowering keeps every line at its number).
    fn lines_between_spans_unchanged(&self, diagnostic: &Value) -> bool {
        let empty = Vec::new();
        let spans = diagnostic["spans"].as_array().unwrap_or(&empty);
        let mut extents: BTreeMap<PathBuf, (usize, usize)> = BTreeMap::new();
        for span in spans {
            let Some((path, _)) = self.lowered_file_of(span) else {
                continue;
            };
            let (first, last) = (as_usize(&span["line_start"]), as_usize(&span["line_end"]));
            let extent = extents.entry(path).or_insert((first, last));
            extent.0 = extent.0.min(first);
            extent.1 = extent.1.max(last);
        }
        extents.iter().all(|(path, &(first, last))| {
            let Some((original_text, lowered)) = self.lowered_files.get(path) else {
                return true;
            };
            (first..=last).all(|line| {
                original_text.get(source_text::line_range(original_text, line))
                    == lowered
                        .text
                        .get(source_text::line_range(&lowered.text, line))
            })
        })
    }

    fn suggests_on_for_await(&self, child: &Value) -> bool {
        child["spans"].as_array().is_some_and(|spans| {
            spans
                .iter()
                .any(|span| !span["suggested_replacement"].is_null() && self.is_all_for_await(span))
        })
    }

    /// `x.await` in an `async gen` is `__awaited(x).await`: a move of `x` there is reported at
    /// the argument ("value moved here"); nightly reports it at the `await` ("`x` moved due to
    /// this await"), with a note on `into_future`. Works on lowered spans, before remapping.
    fn moved_by_await(&self, diagnostic: &mut Value) -> bool {
        let Some(name) = diagnostic["message"]
            .as_str()
            .and_then(|message| {
                message
                    .strip_prefix("use of moved value: `")
                    .or_else(|| message.strip_prefix("borrow of moved value: `"))
            })
            .and_then(|rest| rest.strip_suffix('`'))
            .map(str::to_owned)
        else {
            return false;
        };
        let mut changed = false;
        if let Some(spans) = diagnostic.get_mut("spans").and_then(Value::as_array_mut) {
            for span in spans {
                if span["label"].as_str() != Some("value moved here") {
                    continue;
                }
                let Some((_, (_, lowered))) = self.lowered_file_of(span) else {
                    continue;
                };
                let start = as_usize(&span["byte_start"]);
                let after_awaited = start > 0
                    && lowered.segment_at(start - 1).is_some_and(|segment| {
                        segment.generated == Some(GeneratedKind::Await)
                            && segment.lowered.end == start
                    });
                if !after_awaited {
                    continue;
                }
                // The `)` the lowering closed the operand with, then `.await` (copied).
                let Some(close) = lowered.segments.iter().find(|segment| {
                    segment.lowered.start >= as_usize(&span["byte_end"])
                        && segment.generated == Some(GeneratedKind::Await)
                }) else {
                    continue;
                };
                let rest = lowered.text.get(close.lowered.end..).unwrap_or_default();
                let Some(keyword) = rest.find("await") else {
                    continue;
                };
                let keyword_start = close.lowered.end + keyword;
                let range = keyword_start..keyword_start + "await".len();
                fill_positions(span, &lowered.text, range);
                span["label"] = json!(format!("`{name}` moved due to this await"));
                changed = true;
            }
        }
        if changed {
            if let Some(children) = diagnostic.get_mut("children").and_then(Value::as_array_mut) {
                children.insert(
                    0,
                    child(
                        "note",
                        &format!(
                            "`into_future` takes ownership of the receiver `self`, which moves `{name}`"
                        ),
                    ),
                );
            }
        }
        changed
    }

    /// Rewrites the names rustc gives the lowering's types in messages and labels: the
    /// `{async block@FILE:L:C: L:C}` that a `gen`/`async gen` body became is named as nightly
    /// names it (`{gen block@FILE:L:C: L:C}`, the span of the keyword), other `async` blocks get
    /// their original positions. Returns whether anything changed.
    fn rename_types(&self, diagnostic: &mut Value) -> bool {
        let mut changed = self.name_the_generator(diagnostic);
        // A suggestion names the mirrors as a message does (`CoroutineState::Complete(_)` for a
        // missing match arm, not `yieldc_rt::CoroutineState::..`).
        for key in ["message", "label", "suggested_replacement"] {
            if let Some(text) = diagnostic.get(key).and_then(Value::as_str) {
                // An import of a mirror ("perhaps you want to import it"): nightly imports the
                // library's item, which a stable crate may name too.
                if let Some(import) = (key == "suggested_replacement")
                    .then(|| library_import_of_mirror(text))
                    .flatten()
                {
                    diagnostic[key] = Value::String(import);
                    changed = true;
                    continue;
                }
                if let Some(renamed) = self.rename_in(text) {
                    diagnostic[key] = Value::String(renamed);
                    changed = true;
                }
            }
        }
        for list in ["spans", "children"] {
            if let Some(items) = diagnostic.get_mut(list).and_then(Value::as_array_mut) {
                for item in items {
                    changed |= self.rename_types(item);
                }
            }
        }
        changed
    }

    /// A generator that is not `Send`/`Sync`: stable speaks of the `async` block its body
    /// became ("future cannot be sent between threads safely", "used across an await");
    /// nightly of a coroutine, an iterator and a yield. The generator is the innermost one
    /// around the note that shows the offending value (else around the primary span).
    fn reword_auto_trait_error(&self, diagnostic: &mut Value) -> bool {
        let verb = match diagnostic["message"].as_str() {
            Some("future cannot be sent between threads safely") => "sent",
            Some("future cannot be shared between threads safely") => "shared",
            _ => return false,
        };
        let empty = Vec::new();
        let children = diagnostic["children"].as_array().unwrap_or(&empty);
        let spans = children
            .iter()
            .flat_map(|child| child["spans"].as_array().unwrap_or(&empty))
            .chain(primary_span(diagnostic));
        let generator = spans.into_iter().find_map(|span| {
            let (_, (original, lowered)) = self.lowered_file_of(span)?;
            let (kind, opening) = innermost_generator(lowered, as_usize(&span["byte_start"]))?;
            Some((kind, gen_fn_signature(original, opening.start)))
        });
        let Some((kind, signature)) = generator else {
            return false;
        };
        let (name, item) = signature.unwrap_or_default();
        let (created, within) = match kind {
            GeneratedKind::CoroutineClosure => ("coroutine".to_string(), None),
            GeneratedKind::GenBlock => ("iterator created by gen block".to_string(), None),
            GeneratedKind::AsyncGenBlock => (
                "async iterator created by async gen block".to_string(),
                None,
            ),
            GeneratedKind::GenFn => (
                format!("iterator returned by `{name}`"),
                Some(format!("impl Iterator<Item = {item}>")),
            ),
            _ => (
                format!("async iterator returned by `{name}`"),
                Some(format!("impl AsyncIterator<Item = {item}>")),
            ),
        };
        diagnostic["message"] = json!(format!("coroutine cannot be {verb} between threads safely"));
        if let Some(spans) = diagnostic["spans"].as_array_mut() {
            for span in spans {
                if let Some(label) = span["label"].as_str() {
                    span["label"] = json!(label.replace("future created by async block", &created));
                }
            }
        }
        if let Some(children) = diagnostic["children"].as_array_mut() {
            for child in children.iter_mut() {
                let message = child["message"].as_str().unwrap_or_default();
                let mut reworded = message.to_string();
                if message.starts_with("future is not `") {
                    reworded = message
                        .replacen("future is not", "coroutine is not", 1)
                        .replace("used across an await", "used across a yield");
                }
                // A gen fn's body is named by its opaque type; a block's type is renamed by
                // `rename_types`.
                if let (Some(rest), Some(within)) = (message.strip_prefix("within `"), &within) {
                    if let Some((_, tail)) = rest.split_once("`, ") {
                        reworded = format!("within `{within}`, {tail}");
                    }
                }
                child["message"] = json!(reworded);
                // Nightly calls every suspension of a coroutine a yield, an `.await` of an
                // `async gen` included.
                if let Some(spans) = child["spans"].as_array_mut() {
                    for span in spans {
                        if let Some(label) = span["label"].as_str() {
                            if let Some(rest) = label.strip_prefix("await occurs here") {
                                span["label"] = json!(format!("yield occurs here{rest}"));
                            }
                        }
                    }
                }
            }
        }
        true
    }

    /// rustc words some errors after the `async` block a generator body became ("the `?`
    /// operator can only be used in an async block that returns ..."): say what nightly says
    /// ("in a gen function", "in an async gen block", ...), from the innermost generator
    /// around the primary span.
    fn name_the_generator(&self, diagnostic: &mut Value) -> bool {
        let message = diagnostic["message"].as_str().unwrap_or_default();
        if !message.contains("in an async block that returns")
            && !message.starts_with("async block may outlive")
        {
            return false;
        }
        let Some(primary) = primary_span(diagnostic).cloned() else {
            return false;
        };
        let Some((_, (_, lowered))) = self.lowered_file_of(&primary) else {
            return false;
        };
        let offset = as_usize(&primary["byte_start"]);
        let innermost = innermost_generator(lowered, offset).map(|(kind, _)| kind);
        // rustc's "this function should return `Result` or `Option` to accept `?`" is on the
        // `async` the lowering opens a `gen fn`'s body with (generated text, dropped): nightly's
        // is on the body, braces included.
        if matches!(
            innermost,
            Some(GeneratedKind::GenFn | GeneratedKind::AsyncGenFn)
        ) {
            if let Some((extent, _)) = generator_extent(lowered, offset) {
                if let Some(spans) = diagnostic["spans"].as_array_mut() {
                    for span in spans.iter_mut() {
                        let about_body = span["is_primary"] == false
                            && span["label"].as_str().is_some_and(|label| {
                                label.starts_with("this function should return")
                            });
                        if about_body && self.is_all_generated(span) {
                            // The lowered body ends `..})}`: the last `}` is the user's.
                            let end = if lowered.text.as_bytes().get(extent.end) == Some(&b'}') {
                                extent.end + 1
                            } else {
                                extent.end
                            };
                            span["byte_start"] = json!(extent.start);
                            span["byte_end"] = json!(end);
                        }
                    }
                }
            }
        }
        let (article, name) = match innermost.as_ref() {
            Some(GeneratedKind::GenFn) => ("a", "gen function"),
            Some(GeneratedKind::GenBlock) => ("a", "gen block"),
            Some(GeneratedKind::AsyncGenFn) => ("an", "async gen function"),
            Some(GeneratedKind::AsyncGenBlock) => ("an", "async gen block"),
            _ => return false,
        };
        let replacements = [
            (
                "in an async block that returns".to_string(),
                format!("in {article} {name} that returns"),
            ),
            (
                "async block may outlive".to_string(),
                format!("{name} may outlive"),
            ),
            (
                "to force the async block to take ownership".to_string(),
                format!("to force the {name} to take ownership"),
            ),
            (
                "async block is returned here".to_string(),
                format!("{name} is returned here"),
            ),
        ];
        fn replace_all(value: &mut Value, replacements: &[(String, String)]) {
            for key in ["message", "label"] {
                if let Some(text) = value.get(key).and_then(Value::as_str) {
                    let mut text = text.to_string();
                    for (from, to) in replacements {
                        text = text.replace(from.as_str(), to);
                    }
                    value[key] = Value::String(text);
                }
            }
            for list in ["spans", "children"] {
                if let Some(items) = value.get_mut(list).and_then(Value::as_array_mut) {
                    for item in items {
                        replace_all(item, replacements);
                    }
                }
            }
        }
        replace_all(diagnostic, &replacements);

        // E0373: rustc's note about async blocks has no counterpart on nightly. rustc gives it
        // because the body is an argument (of `Gen::new`); where the generator itself is
        // returned (the tail of a block, or `return`'s operand), nightly notes that instead.
        let returned = generator_extent(lowered, offset)
            .filter(|(_, original)| is_returned(self.original_text_of(&primary), original.clone()))
            .map(|(lowered_extent, _)| lowered_extent);
        let returned_note = format!("{name} is returned here");
        if let Some(children) = diagnostic.get_mut("children").and_then(Value::as_array_mut) {
            for item in children.iter_mut() {
                // rustc's own "async block is returned here" (renamed above) when the runtime
                // macro's expansion is what the function returns: its span is the expansion's
                // call in the runtime (dropped later); nightly's is the generator.
                let in_runtime = item["spans"].as_array().is_some_and(|spans| {
                    !spans.is_empty()
                        && spans.iter().all(|span| {
                            span["file_name"]
                                .as_str()
                                .is_some_and(|name| name.starts_with(RUNTIME_PREFIX))
                        })
                });
                if in_runtime && item["message"].as_str() == Some(returned_note.as_str()) {
                    if let (Some((extent, _)), Some(file)) = (
                        generator_extent(lowered, offset),
                        primary["file_name"].as_str(),
                    ) {
                        item["spans"] =
                            json!([self.span_json(file, &lowered.text, extent, true, "")]);
                    }
                    continue;
                }
                let is_async_note = item["message"]
                    .as_str()
                    .is_some_and(|m| m.starts_with("async blocks are not executed immediately"));
                if !is_async_note {
                    continue;
                }
                *item = match (&returned, primary["file_name"].as_str()) {
                    (Some(extent), Some(file)) => {
                        // In lowered coordinates, like every span here: remapped later.
                        let mut note = child("note", &format!("{name} is returned here"));
                        note["spans"] =
                            json!([self.span_json(file, &lowered.text, extent.clone(), true, "")]);
                        note
                    }
                    _ => Value::Null,
                };
            }
            children.retain(|child| !child.is_null());
        }
        true
    }

    /// A generator's value where rustc names the runtime's type: nightly names the generator.
    /// - A label of rustc's on the whole runtime macro's expansion (a type mismatch at the
    ///   call the macro expands to: "expected `Vec<u32>`, found `Gen<u32, ..., ...>`") is moved
    ///   to the macro's invocation, the generator the user wrote (where rustc puts it itself
    ///   for a call's argument), and names it as nightly does ("found `gen` block", "found
    ///   coroutine").
    /// - rustc's "the found `async` block" on the body's `async` keyword: nightly has no such
    ///   label for a generator.
    /// - The expected/found note ("found struct `{gen block@..}`", the type already renamed)
    ///   reads "found `gen` block `{gen block@..}`", aligned as rustc aligns the two lines.
    /// - E0599's "no method named `foo` found for struct `Gen<T, F, P>`" names the generator
    ///   its label names ("for `gen` block `{gen block@..}`").
    /// Runs after [`Self::rename_types`], on lowered spans. Returns whether anything changed.
    fn describe_generator_values(&self, diagnostic: &mut Value) -> bool {
        let mut changed = false;
        // A trait error names the type in its labels too ("expected an `FnMut(i32)` closure,
        // found `{coroutine@..}`"), as its message does; a type mismatch describes it.
        let named_in_message = (diagnostic["code"]["code"] == "E0277")
            .then(|| diagnostic["message"].as_str().map(generator_names_in))
            .flatten()
            .and_then(|names| names.into_iter().next());
        let mut generator_names: Vec<String> = Vec::new();
        let mut relocated = false;
        if let Some(spans) = diagnostic.get_mut("spans").and_then(Value::as_array_mut) {
            // The labels on the generator's value.
            for span in spans.iter_mut() {
                let Some(label) = span["label"].as_str().map(str::to_owned) else {
                    continue;
                };
                let in_runtime = span["file_name"]
                    .as_str()
                    .is_some_and(|name| name.starts_with(RUNTIME_PREFIX));
                // rustc points into the runtime macro, or at its invocation already (an
                // argument of a call).
                let site = if names_runtime_generator_type(&label)
                    || describe_runtime_types_in(&label, "").is_some()
                    || (in_runtime && !generator_names_in(&label).is_empty())
                {
                    if in_runtime {
                        // The argument of another macro (`format!("{}", gen { .. })`): the
                        // expansion leads to that macro's invocation, the label names the
                        // generator.
                        self.invocation_in_lowered_file(span)
                            .filter(|site| self.generator_description(site).is_some())
                            .or_else(|| {
                                let name = generator_names_in(&label).into_iter().next()?;
                                self.generator_site_named(&name)
                            })
                    } else {
                        self.lowered_file_of(span).map(|_| span.clone())
                    }
                } else if in_runtime && expanded_by_generator_macro(span) {
                    // "expected `async` block, found a different `async` block", "expected
                    // because of this": about the macro's value (the labels on its parts name
                    // the runtime's closure or key).
                    let about_parts = label.contains("closure") || label.contains("Key<");
                    self.invocation_in_lowered_file(span)
                        .filter(|_| !about_parts)
                } else if label.contains("`async` block")
                    && !label.starts_with("the ")
                    && self.is_generator_body(span)
                {
                    // "expected `async` block, found a different `async` block" on the body.
                    let (_, (_, lowered)) = self.lowered_file_of(span).expect("checked above");
                    let file = span["file_name"].as_str().unwrap_or_default();
                    generator_extent(lowered, as_usize(&span["byte_start"]))
                        .map(|(extent, _)| self.span_json(file, &lowered.text, extent, true, ""))
                } else {
                    None
                };
                let Some(site) = site else {
                    continue;
                };
                let Some(description) = self.generator_description(&site) else {
                    continue;
                };
                let description = match &named_in_message {
                    Some(name) => format!("`{name}`"),
                    None => description.to_owned(),
                };
                let reworded = describe_runtime_types_in(&label, &description)
                    .unwrap_or_else(|| label.replace("`async` block", &description));
                let is_primary = span["is_primary"].clone();
                *span = site;
                span["is_primary"] = is_primary;
                span["label"] = Value::String(reworded);
                relocated = true;
            }
            // rustc's "the found `async` block" on the body's `async` keyword: nightly's "the
            // found `gen` block" on the whole generator, unless that is where the primary span
            // is (nightly draws no label of a type's definition over the primary span).
            let primary = spans
                .iter()
                .find(|span| span["is_primary"] == true)
                .cloned();
            for span in spans.iter_mut() {
                let label = span["label"].as_str().unwrap_or_default();
                let Some(side) = label
                    .strip_prefix("the ")
                    .and_then(|rest| rest.strip_suffix(" `async` block"))
                    .filter(|side| *side == "found" || *side == "expected")
                    .map(str::to_owned)
                else {
                    continue;
                };
                if self.generator_opening(span).is_none() {
                    continue;
                }
                let Some((_, (_, lowered))) = self.lowered_file_of(span) else {
                    continue;
                };
                let start = as_usize(&span["byte_start"]);
                let (Some(description), Some((extent, _)), Some(file)) = (
                    self.generator_description(span),
                    generator_extent(lowered, start),
                    span["file_name"].as_str(),
                ) else {
                    continue;
                };
                let overlaps_primary = primary.as_ref().is_some_and(|primary| {
                    primary["file_name"] == span["file_name"]
                        && as_usize(&primary["byte_start"]) < extent.end
                        && extent.start < as_usize(&primary["byte_end"])
                });
                *span = if overlaps_primary {
                    Value::Null
                } else {
                    let label = format!("the {side} {description}");
                    self.span_json(file, &lowered.text, extent, false, &label)
                };
                changed = true;
            }
            // The runtime macro expands to a call (`Gen::__from_parts(..)`): rustc's "this call
            // returns `{gen block@..}`" on it, which nightly has no call to give.
            for span in spans.iter_mut() {
                let is_call_label = span["label"]
                    .as_str()
                    .is_some_and(|label| label.starts_with("this call returns `"));
                let at_generator = self
                    .lowered_file_of(span)
                    .is_some_and(|_| self.generator_description(span).is_some());
                if is_call_label && at_generator {
                    *span = Value::Null;
                    changed = true;
                }
            }
            spans.retain(|span| !span.is_null());
        }
        if relocated {
            changed = true;
            // rustc's advice on the async blocks the bodies are.
            if let Some(children) = diagnostic.get_mut("children").and_then(Value::as_array_mut) {
                children.retain(|child| {
                    let message = child["message"].as_str().unwrap_or_default();
                    message != "no two async blocks, even if identical, have the same type"
                        && message
                            != "consider pinning your async block and casting it to a trait object"
                });
            }
        }
        for span in diagnostic["spans"].as_array().into_iter().flatten() {
            let label = span["label"].as_str().unwrap_or_default();
            generator_names.extend(generator_names_in(label));
        }
        if let Some(children) = diagnostic.get_mut("children").and_then(Value::as_array_mut) {
            for child in children.iter_mut() {
                if let Some(message) = child["message"].as_str() {
                    if let Some(reworded) = describe_expected_found(message) {
                        child["message"] = Value::String(reworded);
                        changed = true;
                    }
                }
            }
        }
        // A runtime type rustc shortened (`Gen<{integer}, ..., ...>`, with no file of full
        // names) in a note: the generator the diagnostic names elsewhere, if it names one.
        if let Some(message) = diagnostic["message"].as_str() {
            generator_names.extend(generator_names_in(message));
        }
        generator_names.sort();
        generator_names.dedup();
        if let [name] = generator_names.as_slice() {
            if let Some(children) = diagnostic.get_mut("children").and_then(Value::as_array_mut) {
                for child in children.iter_mut() {
                    if let Some(message) = child["message"].as_str() {
                        if let Some(named) = name_shortened_runtime_types(message, name) {
                            child["message"] = Value::String(named);
                            changed = true;
                        }
                    }
                }
            }
        }
        let message = diagnostic["message"].as_str().unwrap_or_default();
        if message.starts_with("no method named `") {
            // rustc names the generator in the label "method not found in `..`", which it
            // leaves out when it suggests a method of a similar name: the receiver's binding
            // names it then.
            let receiver = if generator_names.is_empty() {
                primary_span(diagnostic).and_then(|span| self.receiver_generator(span))
            } else {
                None
            };
            if let (Some(name), Some(reworded)) = (
                generator_names.first().or(receiver.as_ref()),
                message
                    .split_once(" found for struct `")
                    .and_then(|(head, rest)| {
                        let (ty, tail) = rest.split_once('`')?;
                        if !RUNTIME_GENERATOR_TYPES
                            .iter()
                            .any(|open| ty.starts_with(open))
                        {
                            return None;
                        }
                        Some((head, tail))
                    }),
            ) {
                let (head, tail) = reworded;
                let description = generator_name_description(name).unwrap_or("coroutine");
                diagnostic["message"] =
                    Value::String(format!("{head} found for {description} `{name}`{tail}"));
                changed = true;
            }
        }
        changed
    }

    /// The generator a method call at `span` (the method's name, in a lowered file) is made
    /// on, named as nightly names it, when the receiver is a variable whose nearest `let`
    /// before the call binds a generator written in place (`let mut g = gen { .. };`).
    fn receiver_generator(&self, span: &Value) -> Option<String> {
        let (_, (original, lowered)) = self.lowered_file_of(span)?;
        let file = span["file_name"].as_str()?;
        let call = lowered.to_original(as_usize(&span["byte_start"]));
        let before = original
            .get(..call)?
            .trim_end()
            .strip_suffix('.')?
            .trim_end();
        let receiver_start = before
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
            .map_or(0, |at| at + 1);
        let receiver = &before[receiver_start..];
        if receiver.is_empty() || receiver.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        bound_generator(original, file, receiver, receiver_start)
    }

    /// E0308 for a generator assigned to a variable whose `let` holds another one (`let mut g
    /// = gen { .. }; g = gen { .. };`): nightly also labels that `let`'s generator "expected
    /// due to this value"; rustc reports the mismatch of the runtime's arguments, where it
    /// gives no such label. Runs after [`Self::describe_generator_values`], on lowered spans.
    fn label_assigned_variable(&self, diagnostic: &mut Value) -> bool {
        const LABEL: &str = "expected due to this value";
        if diagnostic["code"]["code"] != "E0308" {
            return false;
        }
        let Some(primary) = primary_span(diagnostic).cloned() else {
            return false;
        };
        let (Some((_, (original, lowered))), Some(file)) = (
            self.lowered_file_of(&primary),
            primary["file_name"].as_str(),
        ) else {
            return false;
        };
        if self.generator_description(&primary).is_none() {
            return false;
        }
        let start = lowered.to_original(as_usize(&primary["byte_start"]));
        let Some(target) = original
            .get(..start)
            .map(str::trim_end)
            .and_then(|before| before.strip_suffix('='))
            .filter(|target| !target.ends_with(|c: char| "=<>!+-*/%&|^".contains(c)))
            .map(str::trim_end)
        else {
            return false;
        };
        let variable_start = target
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
            .map_or(0, |at| at + 1);
        let variable = &target[variable_start..];
        let head = target[..variable_start].trim_end();
        let is_word = |word: &str| {
            head.strip_suffix(word)
                .is_some_and(|rest| !rest.ends_with(|c: char| c.is_alphanumeric() || c == '_'))
        };
        if variable.is_empty()
            || variable.starts_with(|c: char| c.is_ascii_digit())
            || is_word("let")
            || is_word("mut")
        {
            return false;
        }
        let Some(mut site) = bound_generator(original, file, variable, variable_start)
            .and_then(|name| self.generator_site_named(&name))
        else {
            return false;
        };
        let Some(spans) = diagnostic["spans"].as_array_mut() else {
            return false;
        };
        if spans.iter().any(|span| span["label"] == LABEL) {
            return false;
        }
        site["label"] = json!(LABEL);
        spans.push(site);
        true
    }

    /// Whether lowered `span` starts at the `async` of a generator's body (the runtime
    /// macro's argument).
    fn is_generator_body(&self, span: &Value) -> bool {
        let Some((_, (_, lowered))) = self.lowered_file_of(span) else {
            return false;
        };
        let start = as_usize(&span["byte_start"]);
        self.generator_description(span).is_some()
            && lowered
                .text
                .get(start..)
                .is_some_and(|text| text.starts_with("async "))
    }

    /// How nightly describes the generator whose runtime macro is invoked at `site` (a span in
    /// a lowered file): "`gen` block", "`async gen` block", "coroutine". `None` for a `gen fn`'s
    /// body (its value is the function's opaque type).
    fn generator_description(&self, site: &Value) -> Option<&'static str> {
        let (_, (_, lowered)) = self.lowered_file_of(site)?;
        let segment = lowered.segment_at(as_usize(&site["byte_start"]))?;
        match segment.generated? {
            GeneratedKind::GenBlock => Some("`gen` block"),
            GeneratedKind::AsyncGenBlock => Some("`async gen` block"),
            GeneratedKind::CoroutineClosure => Some("coroutine"),
            _ => None,
        }
    }

    /// A span over the whole generator named `name` (`{gen block@FILE:L:C: L:C}`, original
    /// positions), in its lowered file: where nightly puts a label about its value.
    fn generator_site_named(&self, name: &str) -> Option<Value> {
        let location = name.strip_suffix('}')?.split_once('@')?.1;
        let start = location.split(": ").next()?;
        let (file_and_line, column) = start.rsplit_once(':')?;
        let (file, line) = file_and_line.rsplit_once(':')?;
        let (original, lowered) = self.lowered_files.get(&self.original_path(file))?;
        let offset = line_column_offset(original, line, column)?;
        let opening = lowered
            .segments
            .iter()
            .filter(|segment| {
                !segment.in_check_copy
                    && matches!(
                        segment.generated,
                        Some(
                            GeneratedKind::GenBlock
                                | GeneratedKind::AsyncGenBlock
                                | GeneratedKind::CoroutineClosure
                        )
                    )
                    && segment.original.contains(&offset)
            })
            .min_by_key(|segment| segment.original.len())?;
        let (extent, _) = generator_extent(lowered, opening.lowered.end)?;
        (extent.start == opening.lowered.start)
            .then(|| self.span_json(file, &lowered.text, extent, false, ""))
    }

    /// The original text of the file `span` (already remapped) lies in.
    fn original_text_of(&self, span: &Value) -> &str {
        self.lowered_file_of(span)
            .map(|(_, (original, _))| original.as_str())
            .unwrap_or_default()
    }

    fn rename_in(&self, text: &str) -> Option<String> {
        match trim_mirror_paths(text) {
            Some(trimmed) => Some(self.rename_blocks_in(&trimmed).unwrap_or(trimmed)),
            None => self.rename_blocks_in(text),
        }
    }

    fn rename_blocks_in(&self, text: &str) -> Option<String> {
        match self.remap_closure_locations(text) {
            Some(remapped) => Some(self.rename_async_blocks_in(&remapped).unwrap_or(remapped)),
            None => self.rename_async_blocks_in(text),
        }
    }

    /// `{closure@FILE:L:C: L:C}` at lowered positions (a closure on a line the lowering
    /// changed) → the same closure at its original positions; the closure of an `iter!` is
    /// nightly's `{gen closure@..}` (and "is not implemented for closure `{closure@..}`" is "is not
    /// implemented for `{gen closure@..}`").
    fn remap_closure_locations(&self, text: &str) -> Option<String> {
        const OPEN: &str = "{closure@";
        const GEN_OPEN: &str = "{gen closure@";
        let renamed = replace_braced(text, OPEN, |location| {
            let remapped = self.original_location(location);
            let original = remapped.as_deref().unwrap_or(location);
            if self.is_iter_macro_closure(original) {
                return Some(format!("{GEN_OPEN}{original}}}"));
            }
            remapped
                .filter(|remapped| remapped != location)
                .map(|remapped| format!("{OPEN}{remapped}}}"))
        })?;
        Some(renamed.replace(
            "is not implemented for closure `{gen closure@",
            "is not implemented for `{gen closure@",
        ))
    }

    /// Whether `FILE:L:C: L:C` (original positions) is a closure written as `iter!`'s argument.
    fn is_iter_macro_closure(&self, location: &str) -> bool {
        let start = location
            .rsplit_once(": ")
            .map_or(location, |(start, _)| start);
        let Some((file_and_line, column)) = start.rsplit_once(':') else {
            return false;
        };
        let Some((file, line)) = file_and_line.rsplit_once(':') else {
            return false;
        };
        // rustc's short form names the file only (for a long path): it must be unique.
        let found = self
            .lowered_files
            .get(&self.original_path(file))
            .or_else(|| {
                let mut named = self
                    .lowered_files
                    .iter()
                    .filter(|(path, _)| path.file_name().is_some_and(|name| name == file));
                let (_, found) = named.next()?;
                named.next().is_none().then_some(found)
            });
        let Some((original, _)) = found else {
            return false;
        };
        line_column_offset(original, line, column)
            .is_some_and(|offset| source_text::follows_iter_macro_opening(original, offset))
    }

    /// `FILE:L:C: L:C` at lowered positions → at original positions; also rustc's short form
    /// `NAME:L:C` (the file's name only, no end), for a long path.
    fn original_location(&self, location: &str) -> Option<String> {
        let (start, end) = match location.rsplit_once(": ") {
            Some((start, end)) => (start, Some(end)),
            None => (location, None),
        };
        let (file_and_line, start_column) = start.rsplit_once(':')?;
        let (file, start_line) = file_and_line.rsplit_once(':')?;
        let (original, lowered) = match self.lowered_files.get(&self.original_path(file)) {
            Some(found) => found,
            None if end.is_none() => {
                let mut named = self
                    .lowered_files
                    .iter()
                    .filter(|(path, _)| path.file_name().is_some_and(|name| name == file));
                let (_, found) = named.next()?;
                if named.next().is_some() {
                    return None;
                }
                found
            }
            None => return None,
        };
        let to_offset = |line: &str, column: &str| line_column_offset(&lowered.text, line, column);
        let start = lowered.to_original(to_offset(start_line, start_column)?);
        let position = |offset: usize| {
            let (line, column) = source_text::line_column(original, offset);
            format!("{line}:{column}")
        };
        let Some(end) = end else {
            return Some(format!("{file}:{}", position(start)));
        };
        let (end_line, end_column) = end.split_once(':')?;
        let end = lowered.to_original(to_offset(end_line, end_column)?);
        Some(format!("{file}:{}: {}", position(start), position(end)))
    }

    fn rename_async_blocks_in(&self, text: &str) -> Option<String> {
        const OPEN: &str = "{async block@";
        if !text.contains(OPEN) {
            return None;
        }
        let renamed = replace_braced(text, OPEN, |location| self.rename_block(location));
        let changed = renamed.is_some();
        let out = renamed.unwrap_or_else(|| text.to_owned());
        match self.name_gen_fn_bodies(&out) {
            Some(named) => Some(named),
            None => changed.then_some(out),
        }
    }

    /// `Gen<T, {gen block@..}, {closure@..}>` → the block's own name; `Gen<T, {async
    /// block@FILE:L:C: L:C}, ..>` where the block is a `gen fn`'s body (positions already
    /// original) → nightly's `{gen fn body of NAME()}`.
    fn name_gen_fn_bodies(&self, text: &str) -> Option<String> {
        let mut out = String::new();
        let mut rest = text;
        let mut changed = false;
        while let Some(at) = RUNTIME_GENERATOR_TYPES
            .iter()
            .filter_map(|open| rest.find(open))
            .min()
        {
            let open_len = rest[at..].find('<').unwrap_or(0) + 1;
            let Some(close) = matching_angle(rest, at) else {
                break;
            };
            let inner = &rest[at + open_len..close];
            // A gen block's own name (already renamed), or a gen fn body's.
            let block = [
                "{gen block@",
                "{async gen block@",
                "{coroutine@",
                "{static coroutine@",
            ]
            .iter()
            .find_map(|open| {
                let start = inner.find(open)?;
                let end = inner[start..].find('}')?;
                Some(inner[start..=start + end].to_string())
            });
            let name = block.or_else(|| {
                inner
                    .find("{async block@")
                    .and_then(|start| {
                        let location = &inner[start + "{async block@".len()..];
                        location.find('}').map(|end| &location[..end])
                    })
                    .and_then(|location| {
                        self.iter_closure_body_name(location)
                            .or_else(|| self.gen_fn_body_name(location))
                    })
            });
            out.push_str(&rest[..at]);
            match name {
                Some(name) => {
                    // Drop a path prefix such as `yieldc_rt::`.
                    let kept =
                        out.trim_end_matches(|c: char| c.is_alphanumeric() || c == '_' || c == ':');
                    out.truncate(kept.len());
                    out.push_str(&name);
                    changed = true;
                }
                None => out.push_str(&rest[at..=close]),
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        changed.then_some(out)
    }

    /// `FILE:L:C: L:C` (original positions) that starts at the block body of an `iter!`
    /// closure → nightly's `{gen closure body@FILE:L:C: L:C}` (the body's braces included).
    fn iter_closure_body_name(&self, location: &str) -> Option<String> {
        let (start, _) = location.rsplit_once(": ")?;
        let (file_and_line, column) = start.rsplit_once(':')?;
        let (file, line) = file_and_line.rsplit_once(':')?;
        let (original, _) = self.lowered_files.get(&self.original_path(file))?;
        let offset = line_column_offset(original, line, column)?;
        let body = source_text::iter_closure_body(original, offset)?;
        if body.start != offset {
            return None;
        }
        let position = |offset: usize| {
            let (line, column) = source_text::line_column(original, offset);
            format!("{line}:{column}")
        };
        Some(format!(
            "{{gen closure body@{file}:{}: {}}}",
            position(body.start),
            position(body.end)
        ))
    }

    /// `FILE:L:C: L:C` (original positions) of a `gen fn` body → `{gen fn body of NAME()}`.
    fn gen_fn_body_name(&self, location: &str) -> Option<String> {
        let (start, _) = location.rsplit_once(": ")?;
        let (file_and_line, column) = start.rsplit_once(':')?;
        let (file, line) = file_and_line.rsplit_once(':')?;
        let (original, _) = self.lowered_files.get(&self.original_path(file))?;
        let line: usize = line.parse().ok()?;
        let column: usize = column.parse().ok()?;
        let range = source_text::line_range(original, line);
        let line_text = original.get(range.clone())?;
        let byte = line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_text.len(), |(byte, _)| byte);
        let body = range.start + byte;
        let before = original.get(..body)?;
        let fn_at = before.rfind("fn ")?;
        if !before[..fn_at].trim_end().ends_with("gen") && !before[..fn_at].contains("gen ") {
            return None;
        }
        let (name, _) = gen_fn_signature(original, body)?;
        // The qualifiers of this item: the words since the previous item or statement.
        let qualifiers_start = before[..fn_at]
            .rfind(['\n', ';', '{', '}'])
            .map_or(0, |at| at + 1);
        let is_async = before[qualifiers_start..fn_at]
            .split_whitespace()
            .any(|word| word == "async");
        let kind = if is_async { "async gen fn" } else { "gen fn" };
        Some(format!(
            "{{{kind} body of {}{name}()}}",
            enclosing_path(&original[..fn_at])
        ))
    }

    /// `FILE:L:C: L:C` (lowered positions) → the block's nightly name, original positions.
    fn rename_block(&self, location: &str) -> Option<String> {
        let (start, end) = location.rsplit_once(": ")?;
        let (file_and_line, start_column) = start.rsplit_once(':')?;
        let (file, start_line) = file_and_line.rsplit_once(':')?;
        let (end_line, end_column) = end.split_once(':')?;
        let (original, lowered) = self.lowered_files.get(&self.original_path(file))?;
        let to_offset = |line: &str, column: &str| line_column_offset(&lowered.text, line, column);
        let start = lowered.to_original(to_offset(start_line, start_column)?);
        let end = lowered.to_original(to_offset(end_line, end_column)?);
        let position = |offset: usize| {
            let (line, column) = source_text::line_column(original, offset);
            format!("{line}:{column}")
        };
        if let Some(name) = block_name(original, file, start) {
            return Some(name);
        }
        Some(format!(
            "{{async block@{file}:{}: {}}}",
            position(start),
            position(end)
        ))
    }

    /// Where a span on the `async [move]` keywords that replaced a generator block's opening
    /// belongs in the original: the `gen`/`gen move`/`async gen` keywords (rustc's labels on the
    /// lowered block, such as "value moved here", sit there on nightly), or, for an insertion
    /// right after `async` (the suggestion to add `move`), right after the generator keyword.
    fn generator_opening(&self, span: &Value) -> Option<Range<usize>> {
        let (_, (original_text, lowered)) = self.lowered_file_of(span)?;
        let start = as_usize(&span["byte_start"]);
        let end = as_usize(&span["byte_end"]).max(start);
        let segment = lowered.segment_at(start)?;
        if !matches!(
            segment.generated,
            Some(
                GeneratedKind::GenBlock
                    | GeneratedKind::AsyncGenBlock
                    | GeneratedKind::CoroutineClosure
            )
        ) || segment.in_check_copy
        {
            return None;
        }
        // The lowered opening reads `BUILDER(__yieldc_co, REPR, async [move ]{ PROLOGUE`.
        let text = lowered.text.get(segment.lowered.clone())?;
        let async_at = segment.lowered.start + text.find("async ")?;
        let brace_at = segment.lowered.start
            + text[async_at - segment.lowered.start..].find('{')?
            + (async_at - segment.lowered.start);
        if start < async_at || end > brace_at {
            return None;
        }
        // A coroutine closure's body block stands for the closure: its head, `static move
        // |args|`, is what nightly spans ("value moved here", "value used here after move").
        if segment.generated == Some(GeneratedKind::CoroutineClosure) {
            if start == end {
                // An insertion (a suggestion) is placed as the lowering's map places it.
                return None;
            }
            let head = original_text.get(segment.original.clone())?;
            let head_end = coroutine_head_end(head)?;
            return Some(segment.original.start..segment.original.start + head_end);
        }
        let (_, keyword, with_move) =
            generator_keywords(original_text.get(segment.original.clone())?)?;
        let original = segment.original.start;
        if start == end && start == async_at + "async".len() {
            return Some(original + keyword..original + keyword);
        }
        Some(original..original + with_move)
    }

    /// rustc's "the found/expected opaque type" label on the `impl Iterator<Item = T>` that a
    /// `gen fn`'s `-> T` became: nightly's opaque type has no such label.
    fn is_gen_fn_opaque_label(&self, span: &Value) -> bool {
        let label = span["label"].as_str().unwrap_or_default();
        if !label.ends_with("opaque type") {
            return false;
        }
        let Some((_, (_, lowered))) = self.lowered_file_of(span) else {
            return false;
        };
        lowered
            .segment_at(as_usize(&span["byte_start"]))
            .is_some_and(|segment| segment.generated == Some(GeneratedKind::GenFn))
    }

    /// Makes `diagnostic` nightly's E0515 for a `yield` (at `yield_range`) of a value that
    /// borrows (at `borrow_range`) a local of the generator.
    fn yield_of_local_borrow(
        &self,
        diagnostic: &mut Value,
        file_name: &str,
        original_text: &str,
        yield_range: Range<usize>,
        borrow_range: Range<usize>,
        local: &LocalBorrow,
    ) {
        let (what, name) = match local {
            LocalBorrow::Variable(name) => ("local variable", name),
            LocalBorrow::Data(name) => ("local data", name),
        };
        diagnostic["code"]["code"] = Value::String("E0515".into());
        diagnostic["code"]["explanation"] = Value::String(
            "A value that references data owned by the current function (or by the generator) \
             leaves it, by `return` or `yield`.\n"
                .into(),
        );
        diagnostic["message"] =
            Value::String(format!("cannot yield value referencing {what} `{name}`"));
        diagnostic["spans"] = json!([
            self.span_json(
                file_name,
                original_text,
                yield_range,
                true,
                "yields a value referencing data owned by the current function",
            ),
            self.span_json(
                file_name,
                original_text,
                borrow_range,
                false,
                &format!("`{name}` is borrowed here"),
            ),
        ]);
        diagnostic["children"] = json!([]);
    }

    /// A `gen` block that yields a reference to its own data: stable reports the `async` body
    /// it became (E0521 "borrowed data escapes outside of async block" at the block's head);
    /// nightly reports the `yield` (E0515 "cannot yield value referencing local data `s`", or
    /// "local variable `x`" for a local of the body). Works on remapped spans.
    fn reword_escaping_yield(&self, diagnostic: &mut Value) -> bool {
        if diagnostic["code"]["code"] != "E0521"
            || diagnostic["message"] != "borrowed data escapes outside of async block"
        {
            return false;
        }
        let Some(spans) = diagnostic["spans"].as_array() else {
            return false;
        };
        let (Some(head), Some(borrow)) = (
            spans.iter().find(|span| span["is_primary"] == true),
            spans.iter().find(|span| {
                span["label"].as_str() == Some("borrow is only valid in the async block body")
            }),
        ) else {
            return false;
        };
        let Some(name) = head["label"]
            .as_str()
            .and_then(|label| label.strip_prefix("reference to `"))
            .and_then(|rest| rest.split_once('`'))
            .map(|(name, _)| name.to_owned())
        else {
            return false;
        };
        let Some((_, (original_text, _))) = self.lowered_file_of(head) else {
            return false;
        };
        let head_start = as_usize(&head["byte_start"]);
        let borrow_range = as_usize(&borrow["byte_start"])..as_usize(&borrow["byte_end"]);
        // The head is a `gen` block's `gen`, or a `gen fn`'s body brace.
        let is_gen_block = original_text
            .get(head_start..)
            .is_some_and(|rest| rest.starts_with("gen"));
        // (stable's head of a `gen fn`'s body is the async block the lowering opens right
        // after the user's `{`.)
        let brace = if original_text.as_bytes().get(head_start) == Some(&b'{') {
            Some(head_start)
        } else {
            head_start
                .checked_sub(1)
                .filter(|&before| original_text.as_bytes().get(before) == Some(&b'{'))
        };
        let is_gen_fn_body = brace.is_some_and(|brace| {
            source_text::fn_signature(original_text, brace).is_some_and(|signature| {
                let words: Vec<&str> = original_text[signature]
                    .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .collect();
                let fn_at = words.iter().position(|word| *word == "fn");
                fn_at.is_some_and(|fn_at| {
                    words[..fn_at].contains(&"gen") && !words[..fn_at].contains(&"async")
                })
            })
        });
        let head_start = if is_gen_fn_body {
            brace.unwrap_or(head_start)
        } else {
            head_start
        };
        if !(is_gen_block || is_gen_fn_body) || borrow_range.start < head_start {
            return false;
        }
        // The `yield` whose operand holds the borrow; else (the borrow flows into a later
        // `yield` through a local, `let s = &data[..]; .. yield c`) the first `yield` after
        // the borrow in the generator's body, the one nightly reports in the examples seen.
        let Some(yield_range) = source_text::yield_expression(original_text, borrow_range.start)
            .filter(|range| range.start > head_start && borrow_range.end <= range.end)
            .or_else(|| {
                let close = source_text::generator_body_close(original_text, head_start)?;
                source_text::first_yield_expression_in(original_text, borrow_range.end, close)
            })
        else {
            return false;
        };
        let body = &original_text[head_start..borrow_range.start];
        // A `gen fn`'s parameters are locals of its body too.
        let is_parameter = is_gen_fn_body
            && source_text::fn_signature(original_text, head_start)
                .is_some_and(|signature| declares_parameter(&original_text[signature], &name));
        let name = if is_parameter || source_text::binds(body, &name) {
            LocalBorrow::Variable(name)
        } else {
            LocalBorrow::Data(name)
        };
        let file_name = head["file_name"].as_str().unwrap_or_default().to_owned();
        self.yield_of_local_borrow(
            diagnostic,
            &file_name,
            original_text,
            yield_range,
            borrow_range,
            &name,
        );
        true
    }

    /// An `async gen` that yields a reference to its own local: stable reports the borrow passed
    /// to the body's handle (E0597 "`s` does not live long enough", "argument requires that `s`
    /// is borrowed for `'1`"); nightly reports the `yield` as it does for a `gen` (E0515 "cannot
    /// yield value referencing local variable `s`", or "local data `t.0`" for a place that is
    /// no binding). Only for a borrow inside a `yield`'s operand. Works on remapped spans.
    /// Only for a diagnostic where [`borrow_passed_to_handle`] held before remapping.
    fn reword_yielded_local_borrow(&self, diagnostic: &mut Value) -> bool {
        let Some(name) = diagnostic["message"]
            .as_str()
            .and_then(|message| message.strip_prefix('`'))
            .and_then(|rest| rest.strip_suffix("` does not live long enough"))
            .map(str::to_owned)
        else {
            return false;
        };
        let Some(spans) = diagnostic["spans"].as_array() else {
            return false;
        };
        let Some(borrow) = spans.iter().find(|span| span["is_primary"] == true) else {
            return false;
        };
        let Some((_, (original_text, _))) = self.lowered_file_of(borrow) else {
            return false;
        };
        let borrow_range = as_usize(&borrow["byte_start"])..as_usize(&borrow["byte_end"]);
        // The `yield` whose operand holds the borrow: the nearest `yield` before it.
        let Some(yield_range) = original_text
            .get(..borrow_range.start)
            .and_then(|before| before.rfind("yield"))
            .and_then(|at| source_text::yield_expression(original_text, at))
            .filter(|range| range.start < borrow_range.start && borrow_range.end <= range.end)
        else {
            return false;
        };
        let before = &original_text[..yield_range.start];
        // A parameter of the `async gen fn` the `yield` is in is a local of its body too.
        let is_parameter = before.rfind("fn ").is_some_and(|fn_at| {
            let signature = &before[fn_at..];
            declares_parameter(
                &signature[..signature.find('{').unwrap_or(signature.len())],
                &name,
            )
        });
        let name = if is_parameter || source_text::binds(before, &name) {
            LocalBorrow::Variable(name)
        } else {
            LocalBorrow::Data(name)
        };
        let file_name = borrow["file_name"].as_str().unwrap_or_default().to_owned();
        self.yield_of_local_borrow(
            diagnostic,
            &file_name,
            original_text,
            yield_range,
            borrow_range,
            &name,
        );
        true
    }

    /// E0277 on a method whose receiver is a generator block written in place
    /// (`gen { .. }.rev()`): stable blames the receiver (the lowering's macro invocation) and
    /// labels the method "required by a bound introduced by this call"; nightly, as for any
    /// other receiver, points at the method with the receiver's label. Works on remapped spans.
    fn blame_method_of_generator_receiver(&self, diagnostic: &mut Value) -> bool {
        const CALL_BOUND: &str = "required by a bound introduced by this call";
        if diagnostic["code"]["code"] != "E0277" {
            return false;
        }
        let Some(primary) = primary_span(diagnostic).cloned() else {
            return false;
        };
        let Some((_, (original_text, lowered))) = self.lowered_file_of(&primary) else {
            return false;
        };
        if lowered.is_identity(original_text) {
            return false;
        }
        let start = as_usize(&primary["byte_start"]);
        let end = as_usize(&primary["byte_end"]);
        let receiver = original_text.get(start..end).unwrap_or_default();
        let is_generator_block = ["gen ", "gen{", "async gen ", "async gen{"]
            .iter()
            .any(|opening| receiver.starts_with(opening))
            && receiver.ends_with('}');
        if !is_generator_block {
            return false;
        }
        let Some(spans) = diagnostic["spans"].as_array_mut() else {
            return false;
        };
        let method = spans.iter().position(|span| {
            span["is_primary"] == false
                && span["label"] == CALL_BOUND
                && span["file_name"] == primary["file_name"]
                && original_text
                    .get(end..as_usize(&span["byte_start"]))
                    .is_some_and(|between| between.trim() == ".")
        });
        let Some(method) = method else {
            return false;
        };
        spans[method]["is_primary"] = Value::Bool(true);
        spans[method]["label"] = primary["label"].clone();
        spans.retain(|span| {
            span["is_primary"] == false
                || span["byte_start"] != primary["byte_start"]
                || span["byte_end"] != primary["byte_end"]
        });
        true
    }

    /// `for await` over a value that is no async iterator: stable reports the lowering's three
    /// obligations on the iterable (`IntoAsyncIterator` through `into_async_iter`, the
    /// `AsyncIterator` bound of that call, the `next` future), all as "`X: AsyncIterator` is not
    /// satisfied"; nightly's three, in the same order, are the `IntoAsyncIterator` bound of its
    /// desugaring's call, `AsyncIterator` through `Pin<&mut X>`, and `AsyncIterator` through
    /// `IntoAsyncIterator`. Works on remapped spans.
    fn reword_for_await_trait_errors(&self, diagnostic: &mut Value) -> bool {
        const CALL_BOUND: &str = "required by a bound introduced by this call";
        if diagnostic["code"]["code"] != "E0277" {
            return false;
        }
        let Some(ty) = diagnostic["message"]
            .as_str()
            .and_then(|message| message.strip_prefix("the trait bound `"))
            .and_then(|rest| rest.strip_suffix(": AsyncIterator` is not satisfied"))
            .map(str::to_owned)
        else {
            return false;
        };
        let Some(primary) = primary_span(diagnostic).cloned() else {
            return false;
        };
        let Some((_, (original_text, lowered))) = self.lowered_file_of(&primary) else {
            return false;
        };
        if lowered.is_identity(original_text) {
            return false;
        }
        // The primary span is the iterable of a `for await` (`for await PAT in ITERABLE`).
        let start = as_usize(&primary["byte_start"]);
        let before = original_text.get(..start).unwrap_or_default().trim_end();
        let header = before.rfind("for").map(|at| &before[at..]);
        let is_for_await_iterable = before.ends_with(" in")
            && header.is_some_and(|header| header["for".len()..].trim_start().starts_with("await"));
        if !is_for_await_iterable {
            return false;
        }
        let note = |message: String| child("note", &message);
        let into_note = format!("required for `{ty}` to implement `IntoAsyncIterator`");
        let notes: Vec<String> = diagnostic["children"]
            .as_array()
            .map(|children| {
                children
                    .iter()
                    .filter(|child| child["level"] == "note")
                    .filter_map(|child| child["message"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        let has_call_bound = diagnostic["spans"].as_array().is_some_and(|spans| {
            spans
                .iter()
                .any(|span| span["is_primary"] == false && span["label"] == CALL_BOUND)
        });
        if notes.iter().any(|message| *message == into_note) && !has_call_bound {
            // The `into_async_iter` call: nightly's `IntoAsyncIterator` bound of its call.
            diagnostic["message"] = Value::String(format!(
                "the trait bound `{ty}: IntoAsyncIterator` is not satisfied"
            ));
            let mut call = primary.clone();
            call["is_primary"] = Value::Bool(false);
            call["label"] = Value::String(CALL_BOUND.into());
            if let Some(spans) = diagnostic["spans"].as_array_mut() {
                spans.push(call);
            }
            return true;
        }
        if has_call_bound && notes.is_empty() {
            // The `AsyncIterator` bound of that call: nightly's through `Pin<&mut X>`.
            if let Some(spans) = diagnostic["spans"].as_array_mut() {
                spans.retain(|span| span["is_primary"] == true || span["label"] != CALL_BOUND);
            }
            let pinned = note(format!(
                "required for `Pin<&mut {ty}>` to implement `AsyncIterator`"
            ));
            match diagnostic["children"].as_array_mut() {
                Some(children) => children.push(pinned),
                None => diagnostic["children"] = json!([pinned]),
            }
            return true;
        }
        let about_next = !notes.is_empty()
            && notes
                .iter()
                .all(|message| message.starts_with("required for `Next<"));
        if about_next {
            // The `next` future: nightly's `AsyncIterator` through `IntoAsyncIterator`.
            if let Some(children) = diagnostic["children"].as_array_mut() {
                children.retain(|child| {
                    !(child["level"] == "note"
                        && child["message"]
                            .as_str()
                            .is_some_and(|message| message.starts_with("required for `Next<")))
                });
                children.push(note(into_note));
            }
            return true;
        }
        false
    }

    /// `return value;` (or a tail expression) in a `gen fn` (or `async gen fn`) with a declared
    /// item type: the body returns `()`, and nightly labels the `-> T` "expected `()` because of
    /// return type"; the lowered body is an `async` block, whose `return` has no such label.
    /// Works on remapped spans.
    fn label_gen_fn_return_type(&self, diagnostic: &mut Value) -> bool {
        if diagnostic["code"]["code"] != "E0308" || diagnostic["message"] != "mismatched types" {
            return false;
        }
        let Some(primary) = primary_span(diagnostic) else {
            return false;
        };
        if !primary["label"]
            .as_str()
            .is_some_and(|label| label.starts_with("expected `()`, found"))
        {
            return false;
        }
        let Some((_, (original_text, lowered))) = self.lowered_file_of(primary) else {
            return false;
        };
        if lowered.is_identity(original_text) {
            return false;
        }
        let start = as_usize(&primary["byte_start"]);
        let Some(before) = original_text.get(..start) else {
            return false;
        };
        let before = before.trim_end();
        let after_return = before.ends_with("return")
            && !before[..before.len() - "return".len()]
                .ends_with(|c: char| c.is_alphanumeric() || c == '_');
        let (kind, Some(body)) = source_text::enclosing_generator(original_text, start) else {
            return false;
        };
        if !kind.ends_with("fn body") {
            return false;
        }
        // The body's tail expression (`{ yield 1; 5 }`): only blanks and comments before the
        // body's `}`.
        let end = as_usize(&primary["byte_end"]);
        let only_trivia = |mut rest: &str| loop {
            rest = rest.trim_start();
            if rest.starts_with("//") {
                rest = rest.find('\n').map_or("", |newline| &rest[newline..]);
            } else if rest.starts_with("/*") {
                match rest.find("*/") {
                    Some(close) => rest = &rest[close + 2..],
                    None => return false,
                }
            } else {
                return rest.is_empty();
            }
        };
        let is_tail = original_text.as_bytes().get(body.end.wrapping_sub(1)) == Some(&b'}')
            && original_text
                .get(end..body.end - 1)
                .is_some_and(only_trivia);
        if !(after_return || is_tail) {
            return false;
        }
        let Some(return_type) = source_text::fn_signature(original_text, body.start)
            .and_then(|signature| source_text::return_type(original_text, signature))
        else {
            return false;
        };
        let file_name = primary["file_name"].as_str().unwrap_or_default().to_owned();
        let label = self.span_json(
            &file_name,
            original_text,
            return_type,
            false,
            "expected `()` because of return type",
        );
        if let Some(spans) = diagnostic["spans"].as_array_mut() {
            spans.insert(0, label);
            return true;
        }
        false
    }

    /// Edition 2024's "this call may capture more lifetimes than intended" note and its
    /// "use the precise capturing `use<...>` syntax" help, when the help would edit a `gen fn`'s
    /// rewritten return type (`-> T + use<>`): nightly's `gen fn` has no such hint. Works on
    /// lowered spans, before remapping.
    fn drop_gen_fn_capture_hint(&self, diagnostic: &mut Value) -> bool {
        let on_gen_fn_return_type = |child: &Value| {
            child["message"]
                .as_str()
                .is_some_and(|message| message.starts_with("use the precise capturing `use<...>`"))
                && child["spans"].as_array().is_some_and(|spans| {
                    spans.iter().any(|span| {
                        self.lowered_file_of(span).is_some_and(|(_, (_, lowered))| {
                            let at = as_usize(&span["byte_start"]).saturating_sub(1);
                            lowered.segment_at(at).is_some_and(|segment| {
                                matches!(
                                    segment.generated,
                                    Some(GeneratedKind::GenFn | GeneratedKind::AsyncGenFn)
                                )
                            })
                        })
                    })
                })
        };
        let Some(children) = diagnostic.get_mut("children").and_then(Value::as_array_mut) else {
            return false;
        };
        if !children.iter().any(on_gen_fn_return_type) {
            return false;
        }
        children.retain(|child| {
            !on_gen_fn_return_type(child)
                && !child["message"].as_str().is_some_and(|message| {
                    message.starts_with("this call may capture more lifetimes than intended")
                })
        });
        true
    }

    /// A coroutine closure's `-> RET` is the type of a `return ::yieldc_rt::__any::<RET>()` that
    /// never runs at the start of its lowered body: a mismatch of the body's value is rustc's
    /// E0308 with a note "return type inferred to be `RET` here" on that `return`. Nightly
    /// checks against the declared type and has no such note. Works on lowered spans.
    fn drop_coroutine_return_type_note(&self, diagnostic: &mut Value) -> bool {
        if diagnostic["code"]["code"] != "E0308" {
            return false;
        }
        let on_declared_return_type = |child: &Value| {
            child["message"]
                .as_str()
                .is_some_and(|message| message.starts_with("return type inferred to be"))
                && child["spans"].as_array().is_some_and(|spans| {
                    spans.iter().any(|span| {
                        self.lowered_file_of(span).is_some_and(|(_, (_, lowered))| {
                            lowered
                                .text
                                .get(as_usize(&span["byte_start"])..)
                                .is_some_and(|text| text.starts_with("::yieldc_rt::__any::<"))
                        })
                    })
                })
        };
        let Some(children) = diagnostic.get_mut("children").and_then(Value::as_array_mut) else {
            return false;
        };
        let before = children.len();
        children.retain(|child| !on_declared_return_type(child));
        children.len() != before
    }

    /// A refutable `for await` pattern is bound by a `let` in the lowering: rustc reports a
    /// "refutable pattern in local binding", with notes and help about `let`. Nightly's
    /// `for` desugaring says "refutable pattern in `for` loop binding" and keeps only the
    /// note on the matched type. Works on lowered spans, before remapping.
    fn reword_for_await_pattern(&self, diagnostic: &mut Value) -> bool {
        if diagnostic["code"]["code"] != "E0005" {
            return false;
        }
        let Some(primary) = primary_span(diagnostic) else {
            return false;
        };
        let Some((_, (_, lowered))) = self.lowered_file_of(primary) else {
            return false;
        };
        let start = as_usize(&primary["byte_start"]);
        if !lowered
            .text
            .get(..start)
            .is_some_and(|before| before.ends_with("__for_await_bind!{["))
        {
            return false;
        }
        diagnostic["message"] = Value::String("refutable pattern in `for` loop binding".into());
        if let Some(children) = diagnostic.get_mut("children").and_then(Value::as_array_mut) {
            children.retain(|child| {
                child["message"]
                    .as_str()
                    .is_some_and(|message| message.starts_with("the matched value is of type"))
            });
        }
        true
    }

    /// E0267 (`break`/`continue` outside a loop) in a generator's body: rustc names the
    /// lowering's `async` block ("`break` inside `async` block", its label on the block's
    /// `async` keywords); nightly names the generator: "`gen` block", "`async gen` block",
    /// "`gen` function", "`async gen` function". Works on lowered spans, before remapping.
    fn reword_loop_keyword_in_generator(&self, diagnostic: &mut Value) -> bool {
        const ASYNC_BLOCK: &str = "`async` block";
        if diagnostic["code"]["code"] != "E0267"
            || !diagnostic["message"]
                .as_str()
                .is_some_and(|message| message.ends_with(ASYNC_BLOCK))
        {
            return false;
        }
        let Some(primary) = primary_span(diagnostic).cloned() else {
            return false;
        };
        let Some((_, (_, lowered))) = self.lowered_file_of(&primary) else {
            return false;
        };
        let Some((generated, opening)) =
            innermost_generator(lowered, as_usize(&primary["byte_start"]))
        else {
            return false;
        };
        let kind = match generated {
            GeneratedKind::GenBlock => "`gen` block",
            GeneratedKind::AsyncGenBlock => "`async gen` block",
            GeneratedKind::GenFn => "`gen` function",
            GeneratedKind::AsyncGenFn => "`async gen` function",
            _ => return false,
        };
        // A function's "enclosing" label is on its header on nightly (the `async` block is
        // inside the body's braces in the lowered text).
        let header = matches!(generated, GeneratedKind::GenFn | GeneratedKind::AsyncGenFn)
            .then(|| {
                let (original, lowered) = self
                    .lowered_files
                    .get(&self.original_path(primary["file_name"].as_str().unwrap_or_default()))?;
                let (start, end) = gen_fn_header(original, opening.start.checked_sub(1)?)?;
                Some((
                    start,
                    end,
                    lowered_offset(lowered, start)?,
                    lowered_offset(lowered, end - 1)? + 1,
                ))
            })
            .flatten();
        if let Some(message) = diagnostic["message"].as_str() {
            diagnostic["message"] = Value::String(message.replace(ASYNC_BLOCK, kind));
        }
        if let Some(spans) = diagnostic.get_mut("spans").and_then(Value::as_array_mut) {
            for span in spans.iter_mut() {
                if let Some(label) = span["label"].as_str().map(str::to_owned) {
                    match header {
                        Some((start, end, lowered_start, lowered_end))
                            if label.starts_with("enclosing ") && span["is_primary"] == false =>
                        {
                            span["byte_start"] = json!(lowered_start);
                            span["byte_end"] = json!(lowered_end);
                            // The lowering drops a leading `gen`: no lowered byte maps there.
                            span[ORIGINAL_RANGE] = json!([start, end]);
                        }
                        _ => {}
                    }
                    span["label"] = Value::String(label.replace(ASYNC_BLOCK, kind));
                }
            }
        }
        true
    }

    /// A span in the runtime's `__for_await!` expansion (its `match` on the iterable, the pinned
    /// iterator: "value moved here", "value used here after move" of E0382) is about the
    /// iterable: moved to the iterable of that invocation (lowered spans, before remapping), as
    /// nightly's `for` desugaring points there.
    fn for_await_runtime_spans_at_iterable(&self, diagnostic: &mut Value) -> bool {
        const MARKER: &str = "__for_await_bind!{[";
        const NEXT: &str = "] [::yieldc_rt::async_iter::next(__yieldc_iter";
        let mut changed = false;
        // E0382: nightly's move is the `into_async_iter` call of its desugaring.
        let moved_name = diagnostic["message"]
            .as_str()
            .and_then(|message| message.strip_prefix("use of moved value: "))
            .map(str::to_owned);
        let Some(spans) = diagnostic.get_mut("spans").and_then(Value::as_array_mut) else {
            return false;
        };
        for span in spans.iter_mut() {
            if !span["file_name"]
                .as_str()
                .is_some_and(|name| name.starts_with(RUNTIME_PREFIX))
            {
                continue;
            }
            let expansion = &span["expansion"];
            if expansion["macro_decl_name"] != "::yieldc_rt::__for_await!" {
                continue;
            }
            let call_site = expansion["span"].clone();
            let Some((_, (_, lowered))) = self.lowered_file_of(&call_site) else {
                continue;
            };
            let start = as_usize(&call_site["byte_start"]);
            let end = as_usize(&call_site["byte_end"]);
            let Some(invocation) = lowered.text.get(start..end) else {
                continue;
            };
            let Some(marker) = invocation.find(MARKER) else {
                continue;
            };
            // The pattern runs to the first `]` at depth 0 after the marker; the iterable
            // follows (see `label_for_await_iterable`).
            let after_marker = marker + MARKER.len();
            let mut depth = 0usize;
            let mut pattern_end = None;
            for (offset, byte) in invocation.as_bytes()[after_marker..].iter().enumerate() {
                match byte {
                    b'(' | b'[' | b'{' => depth += 1,
                    b')' | b'}' => depth = depth.saturating_sub(1),
                    b']' if depth == 0 => {
                        pattern_end = Some(after_marker + offset);
                        break;
                    }
                    b']' => depth -= 1,
                    _ => {}
                }
            }
            let Some(pattern_end) = pattern_end else {
                continue;
            };
            let iterable_start = pattern_end + "] [".len();
            let Some(iterable_end) = invocation
                .get(iterable_start..)
                .and_then(|rest| rest.find(NEXT))
                .map(|offset| iterable_start + offset)
            else {
                continue;
            };
            let mut moved = call_site.clone();
            moved["byte_start"] = json!(start + iterable_start);
            moved["byte_end"] = json!(start + iterable_end);
            moved["is_primary"] = span["is_primary"].clone();
            moved["label"] = match &moved_name {
                Some(name) if span["label"] == "value moved here" => {
                    Value::String(format!("{name} moved due to this method call"))
                }
                _ => span["label"].clone(),
            };
            moved["suggested_replacement"] = span["suggested_replacement"].clone();
            moved["suggestion_applicability"] = span["suggestion_applicability"].clone();
            moved["expansion"] = Value::Null;
            *span = moved;
            changed = true;
        }
        // rustc's "consider borrowing instead of transferring ownership" (`&` before the
        // iterable) would not compile: a reference to an async iterator is none. Nightly's
        // desugaring gives no such help (its note names `into_async_iter`, in core).
        if changed && moved_name.is_some() {
            if let Some(children) = diagnostic.get_mut("children").and_then(Value::as_array_mut) {
                children.retain(|child| {
                    child["message"] != "consider borrowing instead of transferring ownership"
                });
            }
        }
        changed
    }

    /// E0308 on a `for await` pattern: nightly's `for` desugaring also labels the iterable
    /// "this is an iterator with items of type `T`". Works on lowered spans, before remapping:
    /// the iterable is the invocation's part after the pattern (see `lower_for_await`).
    fn label_for_await_iterable(&self, diagnostic: &mut Value) -> bool {
        const MARKER: &str = "__for_await_bind!{[";
        const NEXT: &str = "] [::yieldc_rt::async_iter::next(__yieldc_iter";
        if diagnostic["code"]["code"] != "E0308" {
            return false;
        }
        let Some(primary) = primary_span(diagnostic).cloned() else {
            return false;
        };
        // The item type: from the label ("expected `u32`, found `(_, _)`"), or, when the label
        // does not name it ("expected a tuple with 2 elements, found one with 3 elements"),
        // from the note ("expected tuple `(u32, u32)`\n found tuple `(_, _, _)`").
        let from_note = || {
            diagnostic["children"].as_array()?.iter().find_map(|child| {
                let message = child["message"].as_str()?;
                let first_line = message.lines().next()?.trim_start();
                let rest = first_line.strip_prefix("expected ")?;
                let (_, quoted) = rest.split_once('`')?;
                let (item, _) = quoted.rsplit_once('`')?;
                Some(item.to_owned())
            })
        };
        let Some(item) = primary["label"]
            .as_str()
            .and_then(|label| label.strip_prefix("expected `"))
            .and_then(|rest| rest.split_once("`, found"))
            .map(|(item, _)| item.to_owned())
            .or_else(from_note)
        else {
            return false;
        };
        let Some((_, (_, lowered))) = self.lowered_file_of(&primary) else {
            return false;
        };
        let start = as_usize(&primary["byte_start"]);
        let Some(text) = lowered.text.get(..start) else {
            return false;
        };
        let Some(marker) = text.rfind(MARKER) else {
            return false;
        };
        // The pattern runs to the first `] [` at depth 0 after the marker; the iterable follows.
        let after_marker = marker + MARKER.len();
        let mut depth = 0usize;
        let mut pattern_end = None;
        for (offset, byte) in lowered.text.as_bytes()[after_marker..].iter().enumerate() {
            match byte {
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b'}' => depth = depth.saturating_sub(1),
                b']' if depth == 0 => {
                    pattern_end = Some(after_marker + offset);
                    break;
                }
                b']' => depth -= 1,
                _ => {}
            }
        }
        let Some(pattern_end) = pattern_end.filter(|&end| end >= start) else {
            return false;
        };
        let iterable_start = pattern_end + "] [".len();
        let Some(iterable_end) = lowered
            .text
            .get(iterable_start..)
            .and_then(|rest| rest.find(NEXT))
            .map(|offset| iterable_start + offset)
        else {
            return false;
        };
        let mut label = primary.clone();
        label["byte_start"] = json!(iterable_start);
        label["byte_end"] = json!(iterable_end);
        label["is_primary"] = Value::Bool(false);
        label["label"] = Value::String(format!("this is an iterator with items of type `{item}`"));
        label["suggested_replacement"] = Value::Null;
        if let Some(spans) = diagnostic["spans"].as_array_mut() {
            spans.push(label);
        }
        true
    }

    /// Whether `span` lies in generated text of a `for await` that stands for the user's header
    /// or iterable (the loop's head, the `IntoAsyncIterator` call): nightly labels those.
    fn is_for_await_header(&self, span: &Value) -> bool {
        // "this call returns `T`" speaks of the generated `next(..)` call.
        let about_the_lowering = span["label"]
            .as_str()
            .is_some_and(|label| label.starts_with("this call returns"));
        !about_the_lowering
            && self.all_segments_under(span, |segment| {
                segment.generated == Some(GeneratedKind::ForAwait) && !segment.original.is_empty()
            })
    }

    /// Whether `span` lies entirely in text a `for await` generated.
    fn is_all_for_await(&self, span: &Value) -> bool {
        self.all_segments_under(span, |segment| {
            segment.generated == Some(GeneratedKind::ForAwait)
        })
    }

    /// Whether the lowered range of `span` lies entirely in generated text.
    /// Whether `span` is exactly a path the lowering replaced by the runtime's mirror of the
    /// same item (`std::iter::from_coroutine` → `::yieldc_rt::iter::from_coroutine`): a label
    /// there ("required by a bound introduced by this call") is about the user's path.
    fn is_mirror_path(&self, span: &Value) -> bool {
        let Some((_, (original_text, lowered))) = self.lowered_file_of(span) else {
            return false;
        };
        let start = as_usize(&span["byte_start"]);
        let end = as_usize(&span["byte_end"]);
        let Some(segment) = lowered.segment_at(start) else {
            return false;
        };
        if segment.generated.is_none() || segment.in_check_copy || segment.lowered != (start..end) {
            return false;
        }
        let (Some(mirror), Some(path)) = (
            lowered.text.get(start..end),
            original_text.get(segment.original.clone()),
        ) else {
            return false;
        };
        let last = |path: &str| path.rsplit("::").next().map(str::trim).map(str::to_owned);
        mirror.starts_with("::yieldc_rt::")
            && !path.is_empty()
            && !path.contains("yieldc_rt")
            && last(mirror) == last(path)
    }

    fn is_all_generated(&self, span: &Value) -> bool {
        self.all_segments_under(span, |segment| segment.generated.is_some())
    }

    /// Whether the segments under `span`'s lowered range (at least one byte) are all `wanted`:
    /// false for a span outside the lowered files, or under no segment.
    fn all_segments_under(&self, span: &Value, wanted: impl Fn(&Segment) -> bool) -> bool {
        let Some((_, (_, lowered))) = self.lowered_file_of(span) else {
            return false;
        };
        let start = as_usize(&span["byte_start"]);
        let end = as_usize(&span["byte_end"]).max(start + 1);
        let mut under = lowered
            .segments
            .iter()
            .filter(|segment| segment.lowered.start < end && start < segment.lowered.end)
            .peekable();
        under.peek().is_some() && under.all(wanted)
    }

    fn remap_span(&self, span: &mut Value, remapped_any: &mut bool) {
        let original_range = span
            .as_object_mut()
            .and_then(|object| object.remove(ORIGINAL_RANGE))
            .and_then(|range| Some(as_usize(&range[0])..as_usize(range.get(1)?)));
        // Code expanded from the body's `__y!` macro (a lowered `yield`) is shown at the
        // `yield` it came from: the macro's invocation.
        if let Some(call_site) = yield_macro_call_site(span) {
            for key in ["file_name", "byte_start", "byte_end"] {
                span[key] = call_site[key].clone();
            }
            span["expansion"] = Value::Null;
            if let Some(label) = span["label"].as_str() {
                let label = label.replace("await occurs here", "yield occurs here");
                span["label"] = Value::String(label);
            }
            *remapped_any = true;
        }
        if let Some(expansion) = span.get_mut("expansion").filter(|value| !value.is_null()) {
            if let Some(inner) = expansion.get_mut("span") {
                self.remap_span(inner, remapped_any);
            }
            if let Some(inner) = expansion.get_mut("def_site_span") {
                self.remap_span(inner, remapped_any);
            }
        }
        let Some((_, (original_text, lowered))) = self.lowered_file_of(span) else {
            return;
        };
        if lowered.is_identity(original_text) {
            return;
        }
        let chosen = original_range.is_some();
        let mut range = original_range
            .or_else(|| self.generator_opening(span))
            .unwrap_or_else(|| {
                remap_range(
                    lowered,
                    as_usize(&span["byte_start"]),
                    as_usize(&span["byte_end"]),
                )
            });
        // A `gen fn`'s body `{ .. }` lowers to `{::yieldc_rt::__gen!(..)}`: a span on the
        // invocation (rustc's E0621 on the generator's hidden type) is nightly's span on the
        // body, braces included.
        let start = as_usize(&span["byte_start"]);
        let on_gen_fn_invocation = lowered.segment_at(start).is_some_and(|segment| {
            matches!(
                segment.generated,
                Some(GeneratedKind::GenFn | GeneratedKind::AsyncGenFn)
            ) && !segment.in_check_copy
        }) && lowered
            .text
            .get(start..)
            .is_some_and(|text| text.starts_with("::yieldc_rt::__"));
        if !chosen
            && on_gen_fn_invocation
            && range.start > 0
            && original_text.as_bytes().get(range.start - 1) == Some(&b'{')
        {
            range.start -= 1;
        }
        // "consider making the function `async`" inserts `async ` before the lowered `fn`; in
        // a `gen fn` nightly inserts it before `gen` (`async gen fn`).
        if range.is_empty() && span["suggested_replacement"].as_str() == Some("async ") {
            if let Some(before) = original_text.get(..range.start) {
                let trimmed = before.trim_end();
                if trimmed.len() < before.len()
                    && trimmed.ends_with("gen")
                    && !trimmed[..trimmed.len() - 3]
                        .ends_with(|c: char| c.is_alphanumeric() || c == '_')
                {
                    let gen_start = trimmed.len() - 3;
                    range = gen_start..gen_start;
                }
            }
        }
        let positions = |span: &Value| {
            ["line_start", "column_start", "line_end", "column_end"].map(|key| as_usize(&span[key]))
        };
        let lowered_positions = positions(span);
        fill_positions(span, original_text, range);
        // rustc's own `rendered` stays right when the span sits at the same lines and columns
        // and those lines read the same in the lowered file: only the byte offsets moved.
        let [line_start, _, line_end, _] = positions(span);
        let faithful = positions(span) == lowered_positions
            && (line_start..=line_end).all(|line| {
                original_text.get(source_text::line_range(original_text, line))
                    == lowered
                        .text
                        .get(source_text::line_range(&lowered.text, line))
            });
        *remapped_any |= !faithful;
    }

    /// Draws `diagnostic` as rustc would, from the original sources.
    pub fn render(&self, diagnostic: &Value) -> String {
        let renderer = if self.color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let renderer = renderer
            .short_message(self.short)
            .term_width(self.diagnostic_width);
        let sources = SourceCache::new(self);
        let level = level_of(diagnostic["level"].as_str().unwrap_or("error"));
        let message = diagnostic["message"].as_str().unwrap_or_default();
        let mut title = level.clone().primary_title(message);
        // rustc shows error codes (`error[E0308]`), never lint names (`warning: …`).
        if let Some(code) = diagnostic["code"]["code"]
            .as_str()
            .filter(|code| is_error_code(code))
        {
            title = title.id(code);
        }
        let mut groups: Vec<Group<'_>> = Vec::new();
        let mut primary_group = Group::with_title(title);
        let empty = Vec::new();
        let mut spans = at_call_sites_of_external_macros(
            &sources,
            diagnostic["spans"].as_array().unwrap_or(&empty),
        );
        push_macro_backtrace_labels(&mut spans);
        let macro_origin_note = macro_origin_note(diagnostic).map(|note| child("note", &note));
        // Inline help (rustc shows a short single suggestion as a label of the primary span).
        let mut inline_help: Option<(Value, String)> = None;
        let all_children = diagnostic["children"].as_array().unwrap_or(&empty);
        let mut children: Vec<&Value> = all_children
            .iter()
            .filter(|child| child[HIDDEN] != true)
            .collect();
        // rustc's emitter adds the note on where a macro's diagnostic comes from after the
        // children, which it draws before the suggestions (the JSON lists those last).
        if let Some(note) = &macro_origin_note {
            let is_suggestion = |child: &&Value| {
                child["spans"].as_array().is_some_and(|spans| {
                    !spans.is_empty()
                        && spans
                            .iter()
                            .all(|span| span["suggested_replacement"].is_string())
                })
            };
            let suggestions = children
                .iter()
                .rev()
                .take_while(|child| is_suggestion(child))
                .count();
            children.insert(children.len() - suggestions, note);
        }
        let rustc_rendered =
            without_ansi_codes(diagnostic["rendered"].as_str().unwrap_or_default());
        for child in children.iter().copied() {
            let child_spans = child["spans"].as_array().unwrap_or(&empty);
            if child["level"] != "help" || child_spans.len() != 1 {
                continue;
            }
            let Some(replacement) = child_spans[0]["suggested_replacement"].as_str() else {
                continue;
            };
            // rustc draws a suggestion as a label only when its message is short, and never a
            // "verbose" one nor one that fixes a capitalization; the JSON does not say which,
            // rustc's own drawing of the lowered file does. A label shows the code unless the
            // suggestion hides it ("help: consider using `len` instead").
            let message = child["message"].as_str().unwrap_or_default();
            let with_code = rustc_rendered.contains(&format!("help: {message}: `"));
            let drawn_as_label_without_code =
                rustc_rendered.contains(&format!(" help: {message}\n"));
            let inline = if child[VERBOSE] == true {
                false
            } else if with_code || drawn_as_label_without_code {
                true
            } else if rustc_rendered.contains(&format!("\nhelp: {message}\n"))
                || rustc_suggestion_title(&rustc_rendered, message).is_some()
            {
                false
            } else {
                message.split_whitespace().count() < 10
            };
            if !inline {
                continue;
            }
            let hides_code = !with_code && drawn_as_label_without_code;
            let replacement = replacement.trim();
            let label = if replacement.is_empty() || hides_code {
                format!("help: {message}")
            } else if !replacement.contains('\n') {
                format!("help: {message}: `{replacement}`")
            } else {
                continue;
            };
            inline_help = Some((child_spans[0].clone(), label));
        }
        // The label goes on the primary span when the suggestion edits exactly that text (under
        // the primary's own label, if any), else it is a label of its own there.
        if let Some((help_span, label)) = &inline_help {
            let same_text = |span: &Value| {
                span["file_name"] == help_span["file_name"]
                    && span["byte_start"] == help_span["byte_start"]
                    && span["byte_end"] == help_span["byte_end"]
            };
            let primary = spans
                .iter()
                .position(|span| span["is_primary"] == true && same_text(span));
            match primary {
                Some(at) if spans[at]["label"].as_str().unwrap_or_default().is_empty() => {
                    spans[at]["label"] = Value::String(label.clone());
                }
                found => {
                    let mut labelled = help_span.clone();
                    labelled["is_primary"] = Value::Bool(found.is_some());
                    labelled["label"] = Value::String(label.clone());
                    labelled["suggested_replacement"] = Value::Null;
                    spans.push(labelled);
                }
            }
        }
        // The locations in files without text after a snippet (see
        // `locations_without_source`), and the span-less children drawn after them.
        let mut primary_continuation: Option<Group<'_>> = None;
        for (index, (file_name, annotations)) in group_by_file(&spans).into_iter().enumerate() {
            let Some(source) = sources.get(&file_name) else {
                let locations = locations_without_source(&file_name, &spans);
                if index == 0 {
                    primary_group = primary_group.elements(locations);
                } else {
                    primary_continuation = Some(
                        primary_continuation
                            .unwrap_or_else(|| Group::with_level(Level::NOTE))
                            .elements(locations),
                    );
                }
                continue;
            };
            let mut snippet = Snippet::source(source).path(file_name.clone()).fold(true);
            for (range, label, primary) in annotations {
                let range = clamp(source, range);
                let kind = if primary {
                    AnnotationKind::Primary
                } else {
                    AnnotationKind::Context
                };
                let annotation = kind.span(range);
                snippet = snippet.annotation(if label.is_empty() {
                    annotation
                } else {
                    annotation.label(label)
                });
            }
            primary_group = primary_group.element(snippet);
        }
        // rustc draws a child without spans (`= help: ..`) under the snippet drawn before it:
        // the primary one, or a note with spans.
        let mut after_note = false;
        for child in children.iter().copied() {
            let child_spans = child["spans"].as_array().unwrap_or(&empty);
            let child_level = level_of(child["level"].as_str().unwrap_or("note"));
            let child_message = child["message"].as_str().unwrap_or_default();
            if child_spans.is_empty() {
                // rustc highlights what differs in an "expected `..`, found `..`" note; the
                // JSON's message is plain, rustc's own colored drawing has the highlights.
                let styled = if self.color {
                    styled_note(
                        diagnostic["rendered"].as_str().unwrap_or_default(),
                        child["level"].as_str().unwrap_or("note"),
                        child_message,
                    )
                } else {
                    None
                };
                let message =
                    child_level.message(styled.unwrap_or_else(|| child_message.to_owned()));
                // rustc adds the long-type notes when it emits, and draws them under the
                // primary snippet.
                let is_long_type_note = child_message
                    .starts_with("the full name for the type has been written")
                    || child_message.starts_with("consider using `--verbose`");
                match groups.pop() {
                    Some(note) if after_note && !is_long_type_note => {
                        groups.push(note.element(message))
                    }
                    popped => {
                        groups.extend(popped);
                        match primary_continuation.take() {
                            Some(continuation) => {
                                primary_continuation = Some(continuation.element(message))
                            }
                            None => primary_group = primary_group.element(message),
                        }
                    }
                }
                continue;
            }
            after_note = false;
            if inline_help
                .as_ref()
                .is_some_and(|(span, _)| child_spans[0] == *span)
            {
                continue;
            }
            // rustc adds "(notice the capitalization)" to a suggestion's title when it fixes one.
            let title = rustc_suggestion_title(&rustc_rendered, child_message)
                .filter(|_| child["level"] == "help")
                .unwrap_or_else(|| child_message.to_owned());
            let mut group = Group::with_title(child_level.secondary_title(title));
            if child_spans
                .iter()
                .all(|span| span["suggested_replacement"].is_string())
            {
                // A suggestion: drawn as the edited lines, like rustc (`~` / `+` / `-`).
                for (file_name, patches) in suggestion_patches_by_file(child_spans) {
                    let Some(source) = sources.get(&file_name) else {
                        continue;
                    };
                    let snippet = Snippet::source(source).path(file_name.clone()).patches(
                        patches.into_iter().map(|(range, replacement)| {
                            Patch::new(clamp(source, range), replacement)
                        }),
                    );
                    group = group.element(snippet);
                }
                groups.push(group);
                continue;
            }
            let mut child_spans = at_call_sites_of_external_macros(&sources, child_spans);
            push_macro_backtrace_labels(&mut child_spans);
            for (index, (file_name, annotations)) in
                group_by_file(&child_spans).into_iter().enumerate()
            {
                let Some(source) = sources.get(&file_name) else {
                    let locations = locations_without_source(&file_name, &child_spans);
                    if index > 0 {
                        groups.push(std::mem::replace(
                            &mut group,
                            Group::with_level(Level::NOTE),
                        ));
                    }
                    group = group.elements(locations);
                    continue;
                };
                let mut snippet = Snippet::source(source).path(file_name.clone()).fold(true);
                for (range, label, primary) in annotations {
                    let range = clamp(source, range);
                    let kind = if primary {
                        AnnotationKind::Primary
                    } else {
                        AnnotationKind::Context
                    };
                    let annotation = kind.span(range);
                    snippet = snippet.annotation(if label.is_empty() {
                        annotation
                    } else {
                        annotation.label(label)
                    });
                }
                group = group.element(snippet);
            }
            groups.push(group);
            after_note = true;
        }
        if let Some(continuation) = primary_continuation {
            groups.insert(0, continuation);
        }
        groups.insert(0, primary_group);
        let mut rendered = renderer.render(&groups);
        rendered.push_str(if self.short { "\n" } else { "\n\n" });
        rendered
    }
}

/// Sources read for rendering: a lowered file's original text, or the file on disk.
struct SourceCache<'r, 'a> {
    remapper: &'r Remapper<'a>,
    read: std::cell::RefCell<Vec<(String, &'static str)>>,
}

impl<'r, 'a> SourceCache<'r, 'a> {
    fn new(remapper: &'r Remapper<'a>) -> Self {
        SourceCache {
            remapper,
            read: Default::default(),
        }
    }

    fn get(&self, file_name: &str) -> Option<&'r str> {
        let path = self.remapper.original_path(file_name);
        if let Some((text, _)) = self.remapper.lowered_files.get(&path) {
            return Some(text.as_str());
        }
        if let Some((_, text)) = self
            .read
            .borrow()
            .iter()
            .find(|(name, _)| name == file_name)
        {
            return Some(text);
        }
        let text = std::fs::read_to_string(&path).ok()?;
        // Leaked: a diagnostic run reads a handful of files once per process.
        let text: &'static str = Box::leak(text.into_boxed_str());
        self.read.borrow_mut().push((file_name.to_string(), text));
        Some(text)
    }
}

/// The generator that the nearest `let` of `variable` before `before` binds, written in place
/// (`let mut g = gen { .. };`, `let c = #[coroutine] || ..;`), named as nightly names it.
fn bound_generator(original: &str, file: &str, variable: &str, before: usize) -> Option<String> {
    let binding = original
        .get(..before)?
        .rmatch_indices("let ")
        .find_map(|(at, _)| {
            let rest = original[at + 4..].trim_start();
            let rest = rest.strip_prefix("mut ").map_or(rest, str::trim_start);
            let rest = rest.strip_prefix(variable)?;
            if rest.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
                return None;
            }
            let value = rest.trim_start().strip_prefix('=')?;
            (!value.starts_with('=')).then_some(value)
        })?;
    let mut value = binding.trim_start();
    if let Some(rest) = value.strip_prefix("#[coroutine]") {
        value = rest.trim_start();
    }
    block_name(original, file, original.len() - value.len())
}

/// `spans` as rustc's human output draws them: a span in another crate's macro (the standard
/// library's `println!`, whose "mutable borrow later used here" lies in `macros.rs`) is drawn
/// at the outermost invocation in this crate's files (rustc's emitter does this before
/// drawing; its JSON keeps the macro's span).
fn at_call_sites_of_external_macros(sources: &SourceCache, spans: &[Value]) -> Vec<Value> {
    spans
        .iter()
        .map(|span| {
            let file = span["file_name"].as_str().unwrap_or_default();
            if !file.starts_with("/rustc/") && sources.get(file).is_some() {
                return span.clone();
            }
            let mut site = span;
            while let Some(call_site) = site
                .get("expansion")
                .filter(|expansion| !expansion.is_null())
                .and_then(|expansion| expansion.get("span"))
            {
                site = call_site;
            }
            let site_file = site["file_name"].as_str().unwrap_or_default();
            if std::ptr::eq(site, span) || sources.get(site_file).is_none() {
                return span.clone();
            }
            let mut moved = site.clone();
            moved["label"] = span["label"].clone();
            moved["is_primary"] = span["is_primary"].clone();
            moved["expansion"] = Value::Null;
            moved
        })
        .collect()
}

/// The spans of `spans` in `file_name`, a file whose text is not at hand (the standard
/// library's, `/rustc/<hash>/library/..`, without the `rust-src` component), drawn as rustc
/// draws them: for each annotated line, its location (`-->` for the first, `:::` after, with
/// rustc's 0-based column of the line's rightmost annotation), then each label as a
/// `= note: ..` line; a line without a label after the first is left out. rustc starts them
/// with `-->` even after another file's snippet, which annotate-snippets does only at the head
/// of a group: the caller puts them in a group of their own there.
fn locations_without_source<'g>(file_name: &str, spans: &[Value]) -> Vec<Element<'g>> {
    let mut elements: Vec<Element<'g>> = Vec::new();
    let mut lines: BTreeMap<usize, Vec<&Value>> = BTreeMap::new();
    for span in spans.iter().filter(|span| span["file_name"] == file_name) {
        lines
            .entry(as_usize(&span["line_start"]))
            .or_default()
            .push(span);
    }
    for (index, (line, mut annotations)) in lines.into_iter().enumerate() {
        annotations.sort_by_key(|span| std::cmp::Reverse(as_usize(&span["column_start"])));
        let labels: Vec<String> = annotations
            .iter()
            .filter_map(|span| span["label"].as_str())
            .filter(|label| !label.is_empty())
            .map(str::to_owned)
            .collect();
        if index > 0 && labels.is_empty() {
            continue;
        }
        let column = as_usize(&annotations[0]["column_start"]).saturating_sub(1);
        elements.push(
            Origin::path(file_name.to_owned())
                .line(line)
                .char_column(column)
                .into(),
        );
        for label in labels {
            elements.push(Padding.into());
            elements.push(Level::NOTE.message(label).into());
        }
    }
    elements
}

/// The title rustc drew for the suggestion `message` on a line of its own, when it added a
/// remark about the text it changes: "`message` (notice the capitalization)" (rustc's
/// emitter compares the suggestion with the text it replaces, which the JSON does not show).
fn rustc_suggestion_title(rustc_rendered: &str, message: &str) -> Option<String> {
    rustc_rendered.lines().find_map(|line| {
        let title = line.strip_prefix("help: ")?;
        let remark = title.strip_prefix(message)?;
        (remark.starts_with(" (notice the ") && remark.ends_with(')')).then(|| title.to_owned())
    })
}

/// The macro expansions `span` came from, innermost first, as rustc's JSON nests them:
/// each call site, the macro's name as rustc describes it (`m!`, `#[derive(Copy)]`,
/// `desugaring of `for` loop`) and whether the macro has a definition site (a desugaring's
/// is rustc's dummy span, at byte 0 of the first file).
fn macro_backtrace(span: &Value) -> Vec<(&Value, &str, bool)> {
    let mut steps = Vec::new();
    let mut site = span;
    while let Some(expansion) = site.get("expansion").filter(|e| !e.is_null()) {
        let Some(call_site) = expansion.get("span") else {
            break;
        };
        let definition = &expansion["def_site_span"];
        let has_definition =
            !(as_usize(&definition["byte_start"]) == 0 && as_usize(&definition["byte_end"]) == 0);
        let name = expansion["macro_decl_name"].as_str().unwrap_or_default();
        steps.push((call_site, name, has_definition));
        site = call_site;
    }
    steps
}

/// Whether `span` comes from one of the runtime's macros: the lowering's, which nightly does
/// not have (it compiles generators itself).
fn expanded_by_runtime(span: &Value) -> bool {
    let mut site = span;
    while let Some(expansion) = site.get("expansion").filter(|e| !e.is_null()) {
        let definition = expansion["def_site_span"]["file_name"].as_str();
        if definition.is_some_and(|name| name.starts_with(RUNTIME_PREFIX)) {
            return true;
        }
        let Some(call_site) = expansion.get("span") else {
            break;
        };
        site = call_site;
    }
    false
}

/// A macro's kind as rustc names it ("macro", "attribute macro", "derive macro") and its
/// name, from rustc's description of an expansion (`m!`, `#[attr]`, `#[derive(Copy)]`);
/// `None` for a desugaring or a compiler pass.
fn macro_kind_and_name(description: &str) -> Option<(&'static str, &str)> {
    if let Some(name) = description
        .strip_prefix("#[derive(")
        .and_then(|rest| rest.strip_suffix(")]"))
    {
        return Some(("derive macro", name));
    }
    if let Some(name) = description
        .strip_prefix("#[")
        .and_then(|rest| rest.strip_suffix(']'))
    {
        return Some(("attribute macro", name));
    }
    description.strip_suffix('!').map(|name| ("macro", name))
}

/// rustc's emitter labels where a primary span inside a macro's expansion was expanded: the
/// outermost invocation with a definition, unless the span lies within it ("in this macro
/// invocation", "in this derive macro expansion"). The JSON has the expansions, not the labels.
fn push_macro_backtrace_labels(spans: &mut Vec<Value>) {
    let mut labels: Vec<Value> = Vec::new();
    for span in spans.iter().filter(|span| span["is_primary"] == true) {
        if expanded_by_runtime(span) {
            continue;
        }
        let backtrace = macro_backtrace(span);
        let Some((call_site, description, _)) = backtrace
            .into_iter()
            .rev()
            .find(|(_, _, has_definition)| *has_definition)
        else {
            continue;
        };
        let contains_span = call_site["file_name"] == span["file_name"]
            && as_usize(&call_site["byte_start"]) <= as_usize(&span["byte_start"])
            && as_usize(&span["byte_end"]) <= as_usize(&call_site["byte_end"]);
        if contains_span {
            continue;
        }
        let text = match macro_kind_and_name(description) {
            Some(("derive macro", _)) => "in this derive macro expansion".to_owned(),
            Some(("attribute macro", _)) => "in this attribute macro expansion".to_owned(),
            Some(_) => "in this macro invocation".to_owned(),
            None => match description.strip_prefix("desugaring of ") {
                Some(kind) => format!("in this {kind} desugaring"),
                None => format!("in {description}"),
            },
        };
        let mut label = call_site.clone();
        label["label"] = Value::String(text);
        label["is_primary"] = Value::Bool(false);
        label["expansion"] = Value::Null;
        let same = |other: &Value| {
            other["file_name"] == label["file_name"]
                && other["byte_start"] == label["byte_start"]
                && other["byte_end"] == label["byte_end"]
                && other["label"] == label["label"]
        };
        if !labels.iter().any(same) {
            labels.push(label);
        }
    }
    for mut label in labels {
        label["is_primary"] = Value::Bool(spans.iter().any(|span| {
            span["is_primary"] == true
                && span["file_name"] == label["file_name"]
                && span["byte_start"] == label["byte_start"]
                && span["byte_end"] == label["byte_end"]
        }));
        spans.push(label);
    }
}

/// The standard library's macros whose expansions rustc never blames in its note: the
/// compiler's built-in ones (`#[rustc_builtin_macro]`) and the exported ones (`println!`,
/// `vec!`, `assert_eq!`, ..), which hide their backtrace (measured on stable 1.95: an error
/// inside `println!` or `vec!` has no note, one inside `core`'s internal `add_impl!` has).
const STD_MACROS_WITHOUT_BACKTRACE: &[&str] = &[
    // Built-in.
    "asm",
    "assert",
    "cfg",
    "cfg_select",
    "column",
    "compile_error",
    "concat",
    "concat_bytes",
    "const_format_args",
    "env",
    "file",
    "format_args",
    "format_args_nl",
    "global_asm",
    "include",
    "include_bytes",
    "include_str",
    "line",
    "log_syntax",
    "module_path",
    "naked_asm",
    "offset_of",
    "option_env",
    "stringify",
    "trace_macros",
    "core_panic",
    "std_panic",
    "unreachable",
    "Clone",
    "Copy",
    "Debug",
    "Default",
    "Eq",
    "Hash",
    "Ord",
    "PartialEq",
    "PartialOrd",
    "CoercePointee",
    "alloc_error_handler",
    "bench",
    "cfg_accessible",
    "cfg_eval",
    "derive",
    "global_allocator",
    "test",
    "test_case",
    // Exported `macro_rules!`.
    "addr_of",
    "addr_of_mut",
    "assert_eq",
    "assert_ne",
    "assert_matches",
    "dbg",
    "debug_assert",
    "debug_assert_eq",
    "debug_assert_ne",
    "debug_assert_matches",
    "eprint",
    "eprintln",
    "format",
    "is_x86_feature_detected",
    "matches",
    "panic",
    "panic_2015",
    "panic_2021",
    "print",
    "println",
    "thread_local",
    "todo",
    "unimplemented",
    "unreachable_2015",
    "unreachable_2021",
    "vec",
    "write",
    "writeln",
];

/// rustc's emitter's last note when a primary span (of the diagnostic or of a child) comes
/// from a macro: "this error originates in the macro `m` (in Nightly builds, ...)", naming
/// the innermost macro and, when another, the outermost one; left out when the outermost is
/// one of [`STD_MACROS_WITHOUT_BACKTRACE`]. The JSON does not have it.
fn macro_origin_note(diagnostic: &Value) -> Option<String> {
    let empty = Vec::new();
    let children = diagnostic["children"].as_array().unwrap_or(&empty);
    let mut macros: Vec<(&str, &str, bool)> = Vec::new();
    // Whether the outermost invocation of a standard-library macro is the user's (`pin!(..)` in
    // the crate): those are the exported macros, which hide their backtrace (nightly has no note
    // for `pin!`, which the list below lacked); an internal one (`core`'s `add_impl!`) is
    // invoked inside the library.
    let mut std_macro_invoked_by_user = false;
    for spans in std::iter::once(&diagnostic["spans"]).chain(children.iter().map(|c| &c["spans"])) {
        let primary = spans.as_array().unwrap_or(&empty).iter();
        for span in primary.filter(|span| span["is_primary"] == true) {
            if expanded_by_runtime(span) {
                continue;
            }
            let mut site = span;
            while let Some(expansion) = site.get("expansion").filter(|e| !e.is_null()) {
                let description = expansion["macro_decl_name"].as_str().unwrap_or_default();
                let in_std = expansion["def_site_span"]["file_name"]
                    .as_str()
                    .is_some_and(|name| name.starts_with("/rustc/"));
                if let Some((kind, name)) = macro_kind_and_name(description) {
                    macros.push((kind, name, in_std));
                }
                let Some(call_site) = expansion.get("span") else {
                    break;
                };
                let call_site_in_std = call_site["file_name"]
                    .as_str()
                    .is_some_and(|name| name.starts_with("/rustc/"));
                let is_last_expansion = call_site
                    .get("expansion")
                    .is_none_or(|expansion| expansion.is_null());
                if in_std && is_last_expansion && !call_site_in_std {
                    std_macro_invoked_by_user = true;
                }
                site = call_site;
            }
        }
    }
    let (first_kind, first_name, _) = *macros.first()?;
    let (last_kind, last_name, last_in_std) = *macros.last()?;
    let bare = last_name.rsplit("::").next().unwrap_or(last_name);
    if last_in_std && (STD_MACROS_WITHOUT_BACKTRACE.contains(&bare) || std_macro_invoked_by_user) {
        return None;
    }
    let and_then = if last_name != first_name {
        format!(" which comes from the expansion of the {last_kind} `{last_name}`")
    } else {
        String::new()
    };
    let level = diagnostic["level"].as_str().unwrap_or("error");
    Some(format!(
        "this {level} originates in the {first_kind} `{first_name}`{and_then} \
         (in Nightly builds, run with -Z macro-backtrace for more info)"
    ))
}

type FileAnnotations = Vec<(String, Vec<(Range<usize>, String, bool)>)>;

fn group_by_file(spans: &[Value]) -> FileAnnotations {
    let mut files: FileAnnotations = Vec::new();
    for span in spans {
        let Some(file_name) = span["file_name"].as_str() else {
            continue;
        };
        let range = as_usize(&span["byte_start"])..as_usize(&span["byte_end"]);
        let primary = span["is_primary"] == true;
        let label = span["label"].as_str().unwrap_or_default().to_string();
        let index = match files.iter().position(|(name, _)| name == file_name) {
            Some(index) => index,
            None => {
                files.push((file_name.to_string(), Vec::new()));
                files.len() - 1
            }
        };
        files[index].1.push((range, label, primary));
    }
    // The file of the primary span first, like rustc.
    files.sort_by_key(|(_, annotations)| !annotations.iter().any(|(_, _, primary)| *primary));
    files
}

/// Where a generator of the lowered text opens or closes.
enum Boundary {
    Open(GeneratedKind),
    Close,
}

/// Whether `segment` opens a generator (the runtime macro's invocation) or closes one
/// (`close_generator`'s ` })`; not the `} #[allow(..)] __Arm::Copy => {` before a check copy).
fn generator_boundary(lowered: &LoweredFile, segment: &Segment) -> Option<Boundary> {
    let kind @ (GeneratedKind::GenBlock
    | GeneratedKind::GenFn
    | GeneratedKind::AsyncGenBlock
    | GeneratedKind::AsyncGenFn
    | GeneratedKind::CoroutineClosure) = segment.generated?
    else {
        return None;
    };
    let text = lowered.text.get(segment.lowered.clone())?;
    if [
        "::yieldc_rt::__gen!(",
        "::yieldc_rt::__async_gen!(",
        "::yieldc_rt::__coroutine!(",
    ]
    .iter()
    .any(|open| text.contains(open))
    {
        Some(Boundary::Open(kind))
    } else if text.trim_start().starts_with("})") {
        Some(Boundary::Close)
    } else {
        None
    }
}

/// The innermost generator whose body contains lowered `offset`: its kind and the original
/// range its opening replaced.
fn innermost_generator(
    lowered: &LoweredFile,
    offset: usize,
) -> Option<(GeneratedKind, Range<usize>)> {
    let mut open: Vec<(GeneratedKind, Range<usize>)> = Vec::new();
    for segment in &lowered.segments {
        if segment.lowered.start > offset {
            break;
        }
        match generator_boundary(lowered, segment) {
            Some(Boundary::Open(kind)) => open.push((kind, segment.original.clone())),
            Some(Boundary::Close) => {
                open.pop();
            }
            None => {}
        }
    }
    open.pop()
}

/// The extent of the innermost generator around lowered `offset`, from its first keyword to
/// its closing brace (where the lowering's closing text is anchored): lowered, and original.
fn generator_extent(lowered: &LoweredFile, offset: usize) -> Option<(Range<usize>, Range<usize>)> {
    let mut open: Vec<&Segment> = Vec::new();
    for segment in &lowered.segments {
        match generator_boundary(lowered, segment) {
            Some(Boundary::Open(_)) if segment.lowered.start > offset => return None,
            Some(Boundary::Open(_)) => open.push(segment),
            Some(Boundary::Close) => {
                let opening = open.pop()?;
                if segment.lowered.start >= offset {
                    return Some((
                        opening.lowered.start..segment.lowered.end,
                        opening.original.start..segment.original.end,
                    ));
                }
            }
            None => {}
        }
    }
    None
}

/// Whether the expression at `extent` of `original` is returned as it is: the last expression
/// of a block (a function's body, a branch), or the operand of `return`. A best effort from the
/// neighbouring tokens (comments are skipped; the expression is known to be a whole one).
fn is_returned(original: &str, extent: Range<usize>) -> bool {
    fn trim_trivia_end(text: &str) -> &str {
        let mut text = text.trim_end();
        loop {
            let line_start = text.rfind('\n').map_or(0, |i| i + 1);
            let line = &text[line_start..];
            match line.find("//") {
                Some(comment) if !line[..comment].contains('"') => {
                    text = text[..line_start + comment].trim_end();
                }
                _ => break,
            }
        }
        text
    }
    fn trim_trivia_start(text: &str) -> &str {
        let mut text = text.trim_start();
        while text.starts_with("//") {
            text = text.find('\n').map_or("", |end| text[end..].trim_start());
        }
        text
    }
    let (Some(before), Some(after)) = (original.get(..extent.start), original.get(extent.end..))
    else {
        return false;
    };
    let before = trim_trivia_end(before);
    let after = trim_trivia_start(after);
    let is_tail = before.ends_with(['{', ';', '}']) && after.starts_with('}');
    let is_return_operand = before
        .strip_suffix("return")
        .is_some_and(|rest| !rest.ends_with(|c: char| c.is_alphanumeric() || c == '_'));
    is_tail || is_return_operand
}

/// The path nightly prefixes an item's name with, from the items around it: `Type::` in an
/// inherent impl, `<Type as Trait>::` in a trait impl, `<Self as Trait>::` in a trait,
/// `module::` in an inline module. Read back from the text before the item (a best effort:
/// braces in strings and comments are not told apart).
fn enclosing_path(before: &str) -> String {
    let mut path = String::new();
    let mut depth = 0usize;
    let mut inside_fn = false;
    let bytes = before.as_bytes();
    let mut at = bytes.len();
    while at > 0 {
        at -= 1;
        match bytes[at] {
            b'}' => depth += 1,
            b'{' if depth > 0 => depth -= 1,
            b'{' => {
                // The header of the enclosing item: back to the previous `;`, `{` or `}`.
                let header_start = before[..at].rfind([';', '{', '}']).map_or(0, |i| i + 1);
                let header = before[header_start..at].trim();
                let header = header
                    .rsplit(']')
                    .next()
                    .unwrap_or(header)
                    .trim()
                    .trim_start_matches("pub ")
                    .trim_start_matches("unsafe ");
                let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
                let prefix = if let Some(rest) = header.strip_prefix("impl") {
                    let rest = rest.trim_start();
                    let rest = if rest.starts_with('<') {
                        skip_generics(rest)
                    } else {
                        rest
                    };
                    let rest = rest.split(" where").next().unwrap_or(rest);
                    match rest.split_once(" for ") {
                        Some((trait_, self_ty)) => {
                            format!("<{} as {}>::", words(self_ty), words(trait_))
                        }
                        None => format!("{}::", words(rest)),
                    }
                } else if let Some(rest) = header.strip_prefix("trait ") {
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    format!("<Self as {name}>::")
                } else if let Some(rest) = header.strip_prefix("mod ") {
                    if inside_fn {
                        // A function's path is trimmed to its name (nightly prints
                        // `outer::f()` for `f` in `inner::outer`).
                        String::new()
                    } else {
                        format!("{}::", rest.trim())
                    }
                } else if let Some(name) = fn_header_name(header) {
                    // An item nested in a function's body: nightly's path goes through it
                    // (`main::f()`, `S::method::f()`).
                    inside_fn = true;
                    format!("{name}::")
                } else {
                    String::new()
                };
                let qualified = prefix.starts_with('<');
                path.insert_str(0, &prefix);
                if qualified {
                    // `<T as Trait>::` is a full path already: no module before it.
                    break;
                }
            }
            _ => {}
        }
    }
    path
}

/// The name of the function whose header is `header` (`fn main()`, `pub(crate) const fn
/// f<T>(x: T) where ..`), if it is one.
fn fn_header_name(header: &str) -> Option<&str> {
    let mut words = header.split_whitespace();
    while let Some(word) = words.next() {
        if word == "fn" {
            let next = words.next()?;
            let end = next
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(next.len());
            let name = &next[..end];
            return (!name.is_empty()).then_some(name);
        }
        let qualifier = word.starts_with("pub")
            || word.starts_with('"')
            || matches!(
                word,
                "const" | "async" | "unsafe" | "extern" | "safe" | "default"
            );
        if !qualifier {
            return None;
        }
    }
    None
}

/// The temporary label of an `iter!` closure's head in an E0382 (see
/// `Remapper::moved_into_iter_closure`).
const ITER_MOVE: &str = "\u{0}yieldc: value moved into an iter! closure";

/// The offset of the first `)` after `start` that closes nothing opened after `start`, past
/// the contents of string literals (`None` at a raw string, which it does not read).
fn closing_parenthesis(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut at = start;
    while at < bytes.len() {
        match bytes[at] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth > 0 => depth -= 1,
            b')' => return Some(at),
            b']' | b'}' => return None,
            b'r' if bytes
                .get(at + 1)
                .is_some_and(|&next| next == b'#' || next == b'"') =>
            {
                return None;
            }
            b'"' => {
                at += 1;
                while at < bytes.len() && bytes[at] != b'"' {
                    at += if bytes[at] == b'\\' { 2 } else { 1 };
                }
            }
            _ => {}
        }
        at += 1;
    }
    None
}

/// `<..> rest` → `rest` (balanced angle brackets).
fn skip_generics(text: &str) -> &str {
    let mut depth = 0usize;
    for (at, c) in text.char_indices() {
        match c {
            '<' => depth += 1,
            '>' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return text[at + 1..].trim_start();
                }
            }
            _ => {}
        }
    }
    text
}

/// Nightly's name of the generator block whose keywords start at original `start`
/// (`{gen block@FILE:L:C: L:C}`, spanning `gen`, `gen move`, `async gen [move]`); `None` for
/// a `gen fn` body.
fn block_name(original: &str, file: &str, start: usize) -> Option<String> {
    let at = original.get(start..)?;
    if let Some(end) = coroutine_head_end(at) {
        let (start_line, start_column) = source_text::line_column(original, start);
        let (end_line, end_column) = source_text::line_column(original, start + end);
        let kind = if at.starts_with("static") {
            "static coroutine"
        } else {
            "coroutine"
        };
        return Some(format!(
            "{{{kind}@{file}:{start_line}:{start_column}: {end_line}:{end_column}}}"
        ));
    }
    let (kind, _, with_move) = generator_keywords(at)?;
    let end = start + with_move;
    let (start_line, start_column) = source_text::line_column(original, start);
    let (end_line, end_column) = source_text::line_column(original, end);
    Some(format!(
        "{{{kind}@{file}:{start_line}:{start_column}: {end_line}:{end_column}}}"
    ))
}

/// A span's key (removed when it is remapped) for an original range that a rule chose, where
/// no lowered range maps back to it.
const ORIGINAL_RANGE: &str = "yieldc_original_range";

/// The header of the `gen fn` whose body's `{` is at original `brace`: from its first
/// qualifier (`pub`, `async`, `unsafe`, `extern "C"`, ..) to the end of its return type or
/// where clause, as nightly's "enclosing `gen` function" label spans it.
fn gen_fn_header(original: &str, brace: usize) -> Option<(usize, usize)> {
    if original.get(brace..=brace) != Some("{") {
        return None;
    }
    let end = original[..brace].trim_end().len();
    let mut start = original[..end].rfind("fn ")?;
    let is_identifier = |c: char| c.is_alphanumeric() || c == '_';
    loop {
        let before = original[..start].trim_end();
        let qualifier = ["gen", "async", "unsafe", "const", "safe", "default", "pub"]
            .into_iter()
            .find(|word| {
                before.ends_with(word)
                    && !before[..before.len() - word.len()].ends_with(is_identifier)
            });
        if let Some(word) = qualifier {
            start = before.len() - word.len();
        } else if before.ends_with(')') && before.contains("pub(") {
            // `pub(crate)`, `pub(in path)`
            start = before.rfind("pub(")?;
        } else if before.ends_with('"') {
            // `extern "C"`
            let open = before[..before.len() - 1].rfind('"')?;
            let extern_at = before[..open].trim_end();
            if !extern_at.ends_with("extern") {
                break;
            }
            start = extern_at.len() - "extern".len();
        } else if before.ends_with("extern") && !before[..before.len() - 6].ends_with(is_identifier)
        {
            start = before.len() - "extern".len();
        } else {
            break;
        }
    }
    (start < end).then_some((start, end))
}

/// The lowered offset of original byte `original` outside check copies: in a verbatim copy,
/// else the start of the first segment after it (generated text that replaced it, or the copy
/// after text the lowering dropped).
fn lowered_offset(lowered: &LoweredFile, original: usize) -> Option<usize> {
    let segments = || {
        lowered
            .segments
            .iter()
            .filter(|segment| !segment.in_check_copy)
    };
    segments()
        .find(|segment| segment.generated.is_none() && segment.original.contains(&original))
        .map(|segment| segment.lowered.start + original - segment.original.start)
        .or_else(|| {
            segments()
                .find(|segment| segment.original.end > original)
                .map(|segment| segment.lowered.start)
        })
}

/// The generator keywords at the start of `text`: the kind nightly names (`gen block`,
/// `async gen block`), the length of `gen`/`async gen`, and of that with a following `move`.
fn generator_keywords(text: &str) -> Option<(&'static str, usize, usize)> {
    let (kind, keyword) = if text.starts_with("async gen") {
        ("async gen block", "async gen".len())
    } else if text.starts_with("gen") {
        ("gen block", "gen".len())
    } else {
        return None;
    };
    let rest = &text[keyword..];
    let spaces = rest.len() - rest.trim_start().len();
    let after = &rest[spaces..];
    let is_move = spaces > 0
        && after.starts_with("move")
        && !after[4..].starts_with(|c: char| c.is_alphanumeric() || c == '_');
    Some((
        kind,
        keyword,
        keyword + if is_move { spaces + 4 } else { 0 },
    ))
}

/// A closure head at the start of `text` (`||`, `|x: u8|`, `move |..|`, `static ||`): the
/// length nightly's `{coroutine@..}` name spans, up to the closing `|`.
fn coroutine_head_end(text: &str) -> Option<usize> {
    let mut rest = text;
    loop {
        let trimmed = rest.trim_start();
        let word = ["static", "move"].into_iter().find(|word| {
            trimmed.starts_with(word)
                && !trimmed[word.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
        });
        match word {
            Some(word) => rest = &trimmed[word.len()..],
            None => {
                rest = trimmed;
                break;
            }
        }
    }
    let params = rest.strip_prefix('|')?;
    let close = params.find('|')?;
    Some(text.len() - params.len() + close + 1)
}

/// For a `gen fn` whose body opens at original `body`: its name and its item type (the
/// declared return type, `()` without one), read back from the original signature.
fn gen_fn_signature(original: &str, body: usize) -> Option<(String, String)> {
    let before = original.get(..body)?;
    let fn_at = before.rfind("fn ")?;
    let after_fn = &before[fn_at + 3..];
    let name: String = after_fn
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    // The first `->` outside the parameter list's parentheses (parameters may hold `Fn() -> T`).
    let mut depth = 0usize;
    let mut arrow = None;
    for (at, c) in after_fn.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            '-' if depth == 0 && after_fn[at..].starts_with("->") => {
                arrow = Some(at);
                break;
            }
            _ => {}
        }
    }
    let signature = arrow.map(|at| &after_fn[at + 2..]);
    let item = match signature {
        Some(ty) => {
            let ty = ty.split(" where").next().unwrap_or(ty);
            ty.trim().trim_end_matches('{').trim().to_string()
        }
        None => "()".to_string(),
    };
    Some((name, item))
}

type FilePatches = Vec<(String, Vec<(Range<usize>, String)>)>;

/// The edits of a suggestion's spans, by file (in the order the files first appear).
fn suggestion_patches_by_file(spans: &[Value]) -> FilePatches {
    let mut files: FilePatches = Vec::new();
    for span in spans {
        let (Some(file_name), Some(replacement)) = (
            span["file_name"].as_str(),
            span["suggested_replacement"].as_str(),
        ) else {
            continue;
        };
        let range = as_usize(&span["byte_start"])..as_usize(&span["byte_end"]);
        match files.iter_mut().find(|(name, _)| name == file_name) {
            Some((_, patches)) => patches.push((range, replacement.to_string())),
            None => files.push((
                file_name.to_string(),
                vec![(range, replacement.to_string())],
            )),
        }
    }
    files
}

/// `E` followed by four digits: an error code, as opposed to a lint name.
fn is_error_code(code: &str) -> bool {
    code.len() == 5 && code.starts_with('E') && code[1..].bytes().all(|b| b.is_ascii_digit())
}

fn level_of(level: &str) -> Level<'static> {
    match level {
        "warning" => Level::WARNING,
        "note" | "failure-note" => Level::NOTE,
        "help" => Level::HELP,
        _ => Level::ERROR,
    }
}

fn clamp(source: &str, range: Range<usize>) -> Range<usize> {
    let start = source_text::floor_char_boundary(source, range.start);
    let end = source_text::floor_char_boundary(source, range.end.max(start));
    start..end
}

/// Nightly's errors for a `yield` outside any coroutine, at the spans of `diagnostic`.
fn yield_outside_coroutine(diagnostic: &Value) -> [Value; 2] {
    let mut spans = diagnostic["spans"].clone();
    if let Some(spans) = spans.as_array_mut() {
        for span in spans {
            span["label"] = Value::Null;
            span["suggested_replacement"] = Value::Null;
        }
    }
    let mut outside = diagnostic.clone();
    outside["message"] = Value::String(
        "`yield` can only be used in `#[coroutine]` closures, or `gen` blocks".into(),
    );
    outside["code"] = Value::Null;
    outside["spans"] = spans.clone();
    outside["children"] = json!([child(
        "help",
        "use `#[coroutine]` to make this closure a coroutine"
    )]);
    let mut e0627 = diagnostic.clone();
    e0627["message"] = Value::String("yield expression outside of coroutine literal".into());
    e0627["code"] = json!({"code": "E0627", "explanation": E0627_EXPLANATION});
    e0627["spans"] = spans;
    e0627["children"] = json!([]);
    [outside, e0627]
}

/// A macro's `yield` inside an `async` block nested in a generator: the lowering's `__ym!` there
/// is a `compile_error!` with nightly's message (see `yieldc_lower`'s `macros.rs`); rustc gives
/// it no code, nightly's is E0727. Only an error expanded from `__ym!` is given the code.
fn attach_e0727(diagnostic: &mut Value) -> bool {
    if diagnostic["level"] != "error"
        || !diagnostic["code"].is_null()
        || diagnostic["message"] != ASYNC_COROUTINES_UNSUPPORTED
    {
        return false;
    }
    let from_macro_yield = diagnostic["spans"]
        .as_array()
        .is_some_and(|spans| spans.iter().any(expanded_from_macro_yield));
    if from_macro_yield {
        diagnostic["code"] = json!({"code": "E0727", "explanation": E0727_EXPLANATION});
    }
    from_macro_yield
}

/// Whether `span` is in the expansion of the lowering's `__ym!`.
fn expanded_from_macro_yield(span: &Value) -> bool {
    let expansion = &span["expansion"];
    if expansion.is_null() {
        return false;
    }
    expansion["macro_decl_name"] == "__ym!" || expanded_from_macro_yield(&expansion["span"])
}

/// The message of nightly's E0727 (and of the `compile_error!` the lowering emits for it).
const ASYNC_COROUTINES_UNSUPPORTED: &str = "`async` coroutines are not yet supported";

const E0727_EXPLANATION: &str = "A `yield` clause was used in an `async` context.\n\nThe `yield` keyword is not allowed in an `async` block, even one nested in a generator; move the `yield` out of the `async` block.\n";

const E0627_EXPLANATION: &str = "A yield expression was used outside of the coroutine literal.\n\nThe `yield` keyword is only allowed in a `gen` block or a `#[coroutine]` closure.\n";

fn child(level: &str, message: &str) -> Value {
    json!({"message": message, "code": null, "level": level, "spans": [], "children": [], "rendered": null})
}

fn is_summary(diagnostic: &Value) -> bool {
    let message = diagnostic["message"].as_str().unwrap_or_default();
    let no_spans = diagnostic["spans"]
        .as_array()
        .is_none_or(|spans| spans.is_empty());
    no_spans
        && (message.starts_with("aborting due to")
            || (message.ends_with("emitted") && message.contains("warning"))
            || message.starts_with("For more information about")
            || message.starts_with("Some errors have detailed explanations"))
}

/// Whether `diagnostic` is one of rustc's summary lines.
pub fn is_summary_line(diagnostic: &Value) -> bool {
    is_summary(diagnostic)
}

fn primary_span(diagnostic: &Value) -> Option<&Value> {
    diagnostic["spans"]
        .as_array()?
        .iter()
        .find(|span| span["is_primary"] == true)
}

fn as_usize(value: &Value) -> usize {
    value.as_u64().unwrap_or(0) as usize
}

/// A lowered byte range → the original byte range.
fn remap_range(lowered: &LoweredFile, start: usize, end: usize) -> Range<usize> {
    let original_start = match lowered.segment_at(start) {
        // `-> impl Iterator<Item = T>` of a `gen fn`: a span that goes on into the user's `T`
        // is about `T` (nightly's E0271 points there).
        Some(segment)
            if matches!(
                segment.generated,
                Some(GeneratedKind::GenFn | GeneratedKind::AsyncGenFn)
            ) && end > segment.lowered.end
                && lowered
                    .segment_at(segment.lowered.end)
                    .is_some_and(|next| next.generated.is_none()) =>
        {
            lowered.to_original(segment.lowered.end)
        }
        Some(segment) if segment.generated.is_some() => segment.original.start,
        _ => lowered.to_original(start),
    };
    let original_end = if end > start {
        match lowered.segment_at(end - 1) {
            Some(segment) if segment.generated.is_some() => segment.original.end,
            _ => lowered.to_original(end - 1) + 1,
        }
    } else {
        original_start
    };
    original_start..original_end.max(original_start)
}

/// The original position of the `yield` whose check-copy assignment is at lowered `offset`: the
/// nearest `yield` segment at or before it, else the offset's own anchor.
fn yield_anchor(lowered: &LoweredFile, offset: usize) -> usize {
    if let Some(index) = lowered.segment_index_at(offset) {
        for segment in lowered.segments[..=index].iter().rev() {
            if segment.generated == Some(GeneratedKind::Yield) {
                return segment.original.start;
            }
            if !segment.in_check_copy {
                break;
            }
        }
    }
    lowered.to_original(offset)
}

/// Sets `byte_*`, `line_*`, `column_*` and `text` of a JSON span from an original range.
fn fill_positions(span: &mut Value, text: &str, range: Range<usize>) {
    let (line_start, column_start) = source_text::line_column(text, range.start);
    let (line_end, column_end) = source_text::line_column(text, range.end);
    let mut lines = Vec::new();
    for line in line_start..=line_end {
        let line_range = source_text::line_range(text, line);
        let line_text = &text[line_range.clone()];
        let highlight_start = if line == line_start { column_start } else { 1 };
        let highlight_end = if line == line_end {
            column_end
        } else {
            line_text.chars().count() + 1
        };
        lines.push(json!({"text": line_text, "highlight_start": highlight_start, "highlight_end": highlight_end}));
    }
    span["byte_start"] = json!(range.start);
    span["byte_end"] = json!(range.end);
    span["line_start"] = json!(line_start);
    span["line_end"] = json!(line_end);
    span["column_start"] = json!(column_start);
    span["column_end"] = json!(column_end);
    span["text"] = Value::Array(lines);
}

/// What a yielded reference borrows (nightly's E0515 wording): a binding of the generator's
/// body or of its `gen fn`'s signature ("local variable `x`"), or any other place ("local data
/// `t.0`").
enum LocalBorrow {
    Variable(String),
    Data(String),
}

/// Whether the function signature `signature` declares a parameter `name` (`name:` after a
/// non-identifier character).
fn declares_parameter(signature: &str, name: &str) -> bool {
    signature.match_indices(name).any(|(at, _)| {
        let before_ok = signature[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        before_ok && signature[at + name.len()..].trim_start().starts_with(':')
    })
}

/// The JSON `code` of a diagnostic the driver makes or rewords: its explanation is
/// [`explanation_of`] it, or a pointer to `rustc --explain` (every such code is rustc's, which
/// has a long explanation: the summary's `rustc --explain` line counts only codes with one).
fn code_json(code: &str) -> Value {
    json!({
        "code": code,
        "explanation": explanation_of(code)
            .map_or_else(|| format!("see `rustc --explain {code}`"), str::to_owned),
    })
}

/// The long explanation (JSON `explanation`) of a code the driver gives itself. rustc's own
/// texts are rust-lang's prose, which this project does not copy: yieldc's text for E0626 (the
/// code of its own borrow check), for the others a pointer to `rustc --explain`. The
/// `rendered` text does not show it; only a reader of the JSON field sees the difference.
fn explanation_of(code: &str) -> Option<&'static str> {
    match code {
        "E0626" => Some(E0626_EXPLANATION),
        _ => None,
    }
}

const E0626_EXPLANATION: &str = "A borrow of a movable coroutine's own state is still in use at a `yield`.\n\nA movable generator may be moved between resumptions, so such a borrow would dangle.\nStore the value itself instead of a borrow (iterate by value with `into_iter()`, or use\nindices), or end the borrow before the `yield`.\n";

/// The prefix under which `cargo x dist` compiles the runtime (`--remap-path-prefix`).
const RUNTIME_PREFIX: &str = "<yieldc_rt>/";

/// Drops the spans in the runtime's sources, and the children (notes) that only cite them:
/// a user's diagnostic never shows yieldc's internals. Returns whether anything was dropped.
fn strip_runtime_spans(diagnostic: &mut Value) -> bool {
    let in_runtime = |span: &Value| {
        span["file_name"]
            .as_str()
            .is_some_and(|name| name.starts_with(RUNTIME_PREFIX))
    };
    let mut dropped = false;
    if let Some(spans) = diagnostic.get_mut("spans").and_then(Value::as_array_mut) {
        // A primary span inside a runtime macro's expansion (rustc's E0621 on a generator's
        // hidden type points into `__gen!`) is about the code the macro was invoked for: it
        // moves to the invocation in the user's file, rather than leaving the diagnostic
        // without a location.
        let has_own_primary = spans
            .iter()
            .any(|span| span["is_primary"] == true && !in_runtime(span));
        if !has_own_primary {
            for span in spans.iter_mut() {
                if span["is_primary"] == true && in_runtime(span) {
                    if let Some(site) = call_site_outside_runtime(span) {
                        let mut moved = site;
                        moved["label"] = span["label"].clone();
                        moved["is_primary"] = Value::Bool(true);
                        *span = moved;
                        dropped = true;
                    }
                }
            }
        }
        let before = spans.len();
        spans.retain(|span| !in_runtime(span));
        dropped |= spans.len() != before;
    }
    if let Some(children) = diagnostic.get_mut("children").and_then(Value::as_array_mut) {
        let before = children.len();
        children.retain(|child| {
            let spans = child["spans"].as_array();
            let only_runtime_spans =
                spans.is_some_and(|spans| !spans.is_empty() && spans.iter().all(in_runtime));
            // e.g. "required for `Gen<u8, {async block@..}, {closure@<yieldc_rt>/..}>` to ..."
            // or "this argument influences the return type of `yield_`".
            let names_internals = mentions_internals(&child["message"])
                || child["spans"].as_array().is_some_and(|spans| {
                    spans.iter().any(|span| mentions_internals(&span["label"]))
                });
            !only_runtime_spans && !names_internals
        });
        dropped |= children.len() != before;
    }
    // rustc's "this argument has type `..`..." label goes with a help about the argument of a
    // call (`yield_`) that was just dropped.
    if let Some(spans) = diagnostic
        .get_mut("spans")
        .and_then(Value::as_array_mut)
        .filter(|_| dropped)
    {
        spans.retain(|span| {
            span["is_primary"] == true
                || !span["label"]
                    .as_str()
                    .is_some_and(|label| label.starts_with("this argument has type"))
        });
    }
    if let Some(children) = diagnostic.get_mut("children").and_then(Value::as_array_mut) {
        for child in children.iter_mut() {
            dropped |= strip_runtime_spans(child);
        }
    }
    dropped
}

/// E0599 "the method `collect` exists for struct `Rev<{gen block@..}>`, but its trait bounds were
/// not satisfied": stable's label leaves the receiver's type out (the lowered type, with the
/// runtime's `Gen<..>` in it, is long); nightly's names it, "method cannot be called on
/// `Rev<{gen block@..}>` due to unsatisfied trait bounds". The message has the renamed type.
fn name_receiver_with_unsatisfied_bounds(diagnostic: &mut Value) -> bool {
    const SHORT: &str = "cannot be called due to unsatisfied trait bounds";
    if diagnostic["code"]["code"] != "E0599" {
        return false;
    }
    let Some(receiver) = diagnostic["message"]
        .as_str()
        .and_then(|message| message.split_once(" exists for "))
        .and_then(|(_, rest)| rest.split_once('`'))
        .and_then(|(_, rest)| rest.rsplit_once("`, but its trait bounds were not satisfied"))
        .map(|(receiver, _)| receiver.to_owned())
    else {
        return false;
    };
    if generator_names_in(&format!("`{receiver}`")).is_empty()
        && !GENERATOR_NAME_OPENINGS
            .iter()
            .any(|open| receiver.contains(open))
    {
        return false;
    }
    let Some(spans) = diagnostic["spans"].as_array_mut() else {
        return false;
    };
    let mut changed = false;
    for span in spans.iter_mut() {
        let Some(label) = span["label"].as_str() else {
            continue;
        };
        let Some(kind) = label.strip_suffix(SHORT) else {
            continue;
        };
        let named =
            format!("{kind}cannot be called on `{receiver}` due to unsatisfied trait bounds");
        span["label"] = Value::String(named);
        changed = true;
    }
    changed
}

/// The innermost call site of `span`'s macro expansions that lies outside the runtime (the
/// invocation of `::yieldc_rt::__gen!` in a lowered file), without its own expansion.
fn call_site_outside_runtime(span: &Value) -> Option<Value> {
    let mut site = span;
    while let Some(call_site) = site
        .get("expansion")
        .filter(|expansion| !expansion.is_null())
        .and_then(|expansion| expansion.get("span"))
    {
        site = call_site;
        let in_runtime = site["file_name"]
            .as_str()
            .is_some_and(|name| name.starts_with(RUNTIME_PREFIX));
        if !in_runtime {
            let mut found = site.clone();
            found["expansion"] = Value::Null;
            return Some(found);
        }
    }
    None
}

/// A coroutine required to yield or return itself: rustc's E0271 "cyclic type of infinite
/// size" has, for a closure or coroutine (nightly's generators are), a first note on closures
/// that capture themselves; yieldc's generators are the runtime's structs, which get none.
/// Returns whether the note was added.
fn note_cyclic_coroutine(diagnostic: &mut Value) -> bool {
    const NOTE: &str = "closures cannot capture themselves or take themselves as argument;\n\
                        this error may be the result of a recent compiler bug-fix,\n\
                        see issue #46062 <https://github.com/rust-lang/rust/issues/46062>\n\
                        for more information";
    let message = diagnostic["message"].as_str().unwrap_or_default();
    let cyclic = diagnostic["code"]["code"] == "E0271"
        && GENERATOR_NAME_OPENINGS
            .iter()
            .any(|open| message.contains(open))
        && primary_span(diagnostic)
            .is_some_and(|span| span["label"] == "cyclic type of infinite size");
    let Some(children) = diagnostic["children"].as_array_mut().filter(|_| cyclic) else {
        return false;
    };
    if children.iter().any(|child| child["message"] == NOTE) {
        return false;
    }
    children.insert(
        0,
        json!({
            "message": NOTE,
            "code": null,
            "level": "note",
            "spans": [],
            "children": [],
            "rendered": null,
        }),
    );
    true
}

/// E0277's "the trait `X` is not implemented for `T`": rustc labels the span with it when it
/// is at most `--diagnostic-width` bytes long, and else labels it "unsatisfied trait bound" and
/// gives the text as the first help. rustc measured its own type names (`{async block@..}`, the
/// shadow directory's path); the choice is made again on the text shown. Returns whether
/// anything moved.
fn place_trait_explanation(diagnostic: &mut Value, width: usize) -> bool {
    const SHORT: &str = "unsatisfied trait bound";
    if diagnostic["code"]["code"] != "E0277" {
        return false;
    }
    let is_explanation = |text: &str| {
        text.starts_with("the trait `")
            && text.contains("` is not implemented for `")
            && !text.contains('\n')
    };
    let Some(index) = diagnostic["spans"]
        .as_array()
        .and_then(|spans| spans.iter().position(|span| span["is_primary"] == true))
    else {
        return false;
    };
    let label = diagnostic["spans"][index]["label"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    if is_explanation(&label) && label.len() > width {
        diagnostic["spans"][index]["label"] = json!(SHORT);
        if let Some(children) = diagnostic["children"].as_array_mut() {
            let help = json!({
                "message": label,
                "code": null,
                "level": "help",
                "spans": [],
                "children": [],
                "rendered": null,
            });
            children.insert(0, help);
        }
        return true;
    }
    if label == SHORT {
        let Some(children) = diagnostic["children"].as_array_mut() else {
            return false;
        };
        let Some(at) = children.iter().position(|child| {
            child["level"] == "help"
                && child["spans"].as_array().is_none_or(Vec::is_empty)
                && child["message"].as_str().is_some_and(is_explanation)
        }) else {
            return false;
        };
        let explanation = children[at]["message"].as_str().unwrap_or_default();
        if explanation.len() > width {
            return false;
        }
        let explanation = explanation.to_string();
        children.remove(at);
        diagnostic["spans"][index]["label"] = json!(explanation);
        return true;
    }
    false
}

/// rustc shortens a long type name (`Gen<i32, ..., ...>`) and writes the full one to a file
/// named in a note. The lowering's types are long only because of the runtime's wrapper, and
/// nightly's names for them are short: put the full names back (they are renamed next) and drop
/// the notes. Returns whether anything changed.
fn expand_long_types(diagnostic: &mut Value) -> bool {
    const NOTE: &str = "the full name for the type has been written to '";
    let empty = Vec::new();
    let children = diagnostic["children"].as_array().unwrap_or(&empty);
    let Some(path) = children.iter().find_map(|child| {
        let rest = child["message"].as_str()?.strip_prefix(NOTE)?;
        rest.strip_suffix('\'').map(str::to_string)
    }) else {
        return false;
    };
    let Ok(contents) = std::fs::read_to_string(&path) else {
        return false;
    };
    let contents = unqualified_runtime_types(&contents).unwrap_or(contents);
    let contents = unqualified_library_mirrors(&contents);
    // Only the runtime's types are put back; any other shortened type keeps rustc's shortening
    // (and then the notes stay).
    // A line is one type, or a whole predicate rustc shortened as one
    // (`<Coro<(), (), ..., ...> as Coroutine>::Return == Coro<(), (), ..., ...>`).
    let is_runtime_type = |full: &str| {
        RUNTIME_GENERATOR_TYPES
            .iter()
            .any(|open| full.contains(open))
            && full.contains("{async block@")
    };
    let full_types: Vec<&str> = contents
        .lines()
        .filter(|full| is_runtime_type(full))
        .collect();
    if full_types.is_empty() {
        return false;
    }
    // The runtime's other types (`yieldc_rt::machine::Machine<..>`, shortened `Machine<...>`)
    // are left shortened: the notes naming them are dropped as the runtime's.
    let internal_types: Vec<&str> = contents
        .lines()
        .filter(|full| full.starts_with("yieldc_rt::") && !is_runtime_type(full))
        .map(|full| {
            let path_end = full.find('<').unwrap_or(full.len());
            full[..path_end]
                .rfind("::")
                .map_or(full, |at| &full[at + 2..])
        })
        .collect();
    let mut places = Vec::new();
    places_spanned(diagnostic, &mut places);
    let mut complete = true;
    let known = Known {
        full_types: &full_types,
        internal_types: &internal_types,
        places: &places,
    };
    expand_in(diagnostic, &known, &mut complete);
    if let Some(children) = diagnostic["children"].as_array_mut().filter(|_| complete) {
        children.retain(|child| {
            let message = child["message"].as_str().unwrap_or_default();
            !message.starts_with(NOTE) && !message.starts_with("consider using `--verbose`")
        });
    }
    true
}

/// A region of a file that a diagnostic's span covers, as rustc's `(line, column)` bounds.
#[derive(Debug, Clone, PartialEq)]
struct Place {
    file: String,
    start: (usize, usize),
    end: (usize, usize),
    /// The side of a type mismatch the span (or the span a macro invoked here made) shows:
    /// `Some(true)` the found one (the primary span, "the found .."), `Some(false)` the
    /// expected one ("the expected ..", "expected because of this").
    found: Option<bool>,
}

/// Every region that a span of `diagnostic` covers, its children's and the macro invocations
/// its spans come from included.
fn places_spanned(diagnostic: &Value, places: &mut Vec<Place>) {
    fn span_places(span: &Value, found: Option<bool>, places: &mut Vec<Place>) {
        if let Some(file) = span["file_name"].as_str() {
            places.push(Place {
                file: file.to_string(),
                start: (
                    as_usize(&span["line_start"]),
                    as_usize(&span["column_start"]),
                ),
                end: (as_usize(&span["line_end"]), as_usize(&span["column_end"])),
                found,
            });
        }
        if let Some(call_site) = span.get("expansion").and_then(|e| e.get("span")) {
            span_places(call_site, found, places);
        }
    }
    for span in diagnostic["spans"].as_array().into_iter().flatten() {
        let label = span["label"].as_str().unwrap_or_default();
        let found = if label.starts_with("the found ") || span["is_primary"] == true {
            Some(true)
        } else if label.starts_with("the expected ") || label == "expected because of this" {
            Some(false)
        } else {
            None
        };
        span_places(span, found, places);
    }
    for child in diagnostic["children"].as_array().into_iter().flatten() {
        for span in child["spans"].as_array().into_iter().flatten() {
            span_places(span, None, places);
        }
    }
}

/// Where the generator body of a full runtime type begins (`{async block@FILE:LINE:COLUMN..`).
fn body_place(full: &str) -> Option<(&str, (usize, usize))> {
    const OPEN: &str = "{async block@";
    let location = &full[full.find(OPEN)? + OPEN.len()..];
    let location = &location[..location.find([',', '}'])?];
    let start = location.split(": ").next()?;
    let (file_and_line, column) = start.rsplit_once(':')?;
    let (file, line) = file_and_line.rsplit_once(':')?;
    Some((file, (line.parse().ok()?, column.parse().ok()?)))
}

/// The full type among `candidates` that a shortened one abbreviates: the only candidate, or
/// else the only one whose generator body lies in a region the diagnostic spans (rustc's file
/// holds every long type of the session, and the shortened `Gen<u32, ..., ...>` of two
/// generators read the same). `found` says which side of a mismatch the type is on, when the
/// text says: the places on that side decide first. `None` when nothing decides.
fn pick_full_type<'a>(
    candidates: &[&'a str],
    places: &[Place],
    found: Option<bool>,
) -> Option<&'a str> {
    let first = *candidates.first()?;
    if candidates.iter().all(|full| *full == first) {
        return Some(first);
    }
    let placed_in = |wanted: Option<bool>| -> Option<&'a str> {
        let mut placed = candidates.iter().filter(|full| {
            body_place(full).is_some_and(|(file, at)| {
                places.iter().any(|place| {
                    place.file == file
                        && (place.start..=place.end).contains(&at)
                        && wanted.is_none_or(|found| place.found == Some(found))
                })
            })
        });
        let found = *placed.next()?;
        placed.all(|other| *other == found).then_some(found)
    };
    found
        .and_then(|found| placed_in(Some(found)))
        .or_else(|| placed_in(None))
}

/// What [`expand_in`] knows: the runtime's generator types in full, its other types (without
/// their module path), the regions the diagnostic spans.
struct Known<'a> {
    full_types: &'a [&'a str],
    internal_types: &'a [&'a str],
    places: &'a [Place],
}

/// Replaces each shortened type between backticks in the messages and labels of `value` by the
/// full type it abbreviates (same text before the first `...` and after the last one, chosen by
/// [`pick_full_type`]); `complete` is cleared when one has no match (and is not one of the
/// runtime's other types).
fn expand_in(value: &mut Value, known: &Known, complete: &mut bool) {
    for key in ["message", "label"] {
        let Some(text) = value.get(key).and_then(Value::as_str) else {
            continue;
        };
        if !text.contains("...") {
            continue;
        }
        let mut out = String::with_capacity(text.len());
        for (index, part) in text.split('`').enumerate() {
            if index > 0 {
                out.push('`');
            }
            let (Some(first), Some(last)) = (part.find("..."), part.rfind("...")) else {
                out.push_str(part);
                continue;
            };
            if index % 2 == 0 {
                out.push_str(part);
                continue;
            }
            let (prefix, suffix) = (&part[..first], &part[last + 3..]);
            // A whole predicate (`Coro<..>: Coroutine<u32>`) abbreviates a predicate only: the
            // file may hold its type alone too, which ends the same way.
            let part_is_predicate = is_predicate(part);
            let abbreviates = |full: &&str| {
                full.starts_with(prefix)
                    && full.ends_with(suffix)
                    && is_predicate(full) == part_is_predicate
            };
            let candidates: Vec<&str> = known
                .full_types
                .iter()
                .copied()
                .filter(abbreviates)
                .collect();
            // The side of "expected struct `A`\n   found struct `B`" (or "expected `A`, found
            // `B`") this type is on: the later of the two words before it on its line.
            let line = out.rsplit('\n').next().unwrap_or_default();
            let found = match (line.rfind("found"), line.rfind("expected")) {
                (Some(found), Some(expected)) => Some(found > expected),
                (Some(_), None) => Some(true),
                (None, Some(_)) => Some(false),
                (None, None) => None,
            };
            match pick_full_type(&candidates, known.places, found) {
                Some(full) => out.push_str(full),
                None => {
                    *complete &=
                        candidates.is_empty() && known.internal_types.iter().any(abbreviates);
                    out.push_str(part);
                }
            }
        }
        value[key] = Value::String(out);
    }
    for list in ["spans", "children"] {
        if let Some(items) = value.get_mut(list).and_then(Value::as_array_mut) {
            for item in items {
                expand_in(item, known, complete);
            }
        }
    }
}

/// Whether a type name (possibly shortened with `...`) is a whole predicate, `TYPE: TRAIT`:
/// a `: ` outside any brackets (a generator's name `{gen block@f.rs:1:2: 1:5}` has its own).
fn is_predicate(text: &str) -> bool {
    let mut depth = 0usize;
    let mut previous = ' ';
    for c in text.chars() {
        match c {
            '<' | '(' | '[' | '{' => depth += 1,
            '>' if previous == '-' => {}
            '>' | ')' | ']' | '}' => depth = depth.saturating_sub(1),
            ' ' if previous == ':' && depth == 0 => return true,
            _ => {}
        }
        previous = c;
    }
    false
}

/// Stable suggests cloning a lowered generator (the runtime type has a conditional `Clone`
/// impl); nightly's generators are not `Clone` and it suggests nothing, nor notes the impl.
/// Returns whether anything was dropped.
fn drop_clone_suggestion(diagnostic: &mut Value) -> bool {
    let Some(children) = diagnostic.get_mut("children").and_then(Value::as_array_mut) else {
        return false;
    };
    let before = children.len();
    // (Also rustc's "required for `{gen block@..}` to implement `Clone`", which comes from the
    // runtime's conditional impl.)
    children.retain(|child| {
        let message = child["message"].as_str().unwrap_or_default();
        let about_clone = message.contains("Clone` trait bound could be satisfied")
            || (message.starts_with("required for `") && message.ends_with("to implement `Clone`"));
        !(about_clone
            && ["{gen block@", "{async gen block@"]
                .iter()
                .any(|name| message.contains(name)))
    });
    children.len() != before
}

/// Set on a child that rustc's own drawing leaves out (see [`mark_hidden_suggestions`]).
const HIDDEN: &str = "yieldc_hidden";

/// Marks a suggestion rustc draws "verbose" (the edited line under `help:`), never as a label.
const VERBOSE: &str = "yieldc_verbose";

/// `diagnostic` without the driver's own markers ([`VERBOSE`]), as JSON output shows it.
pub fn without_internal_keys(diagnostic: &Value) -> Value {
    let mut value = diagnostic.clone();
    if let Some(children) = value.get_mut("children").and_then(Value::as_array_mut) {
        for child in children {
            if let Some(object) = child.as_object_mut() {
                object.remove(VERBOSE);
            }
        }
    }
    value
}

/// `value` as one line of JSON with its keys in the order rustc writes them (the order of the
/// fields of its `Diagnostic`, `DiagnosticSpan`, .. structs), so that a diagnostic the driver
/// passes on or rewrites reads as nightly's byte for byte (`serde_json::Value` sorts keys).
/// Keys rustc does not write come last, sorted.
pub fn to_rustc_json(value: &Value) -> String {
    let mut out = String::new();
    write_rustc_json(value, &mut out);
    out
}

/// Every key of rustc's JSON diagnostics, in field order; each struct's fields keep their
/// relative order here (`text` of a span comes before its `label`, of a span line before
/// `highlight_start`).
const RUSTC_JSON_KEY_ORDER: &[&str] = &[
    "$message_type",
    "message",
    "code",
    "explanation",
    "level",
    "spans",
    "children",
    "rendered",
    "file_name",
    "byte_start",
    "byte_end",
    "line_start",
    "line_end",
    "column_start",
    "column_end",
    "is_primary",
    "text",
    "label",
    "suggested_replacement",
    "suggestion_applicability",
    "expansion",
    "highlight_start",
    "highlight_end",
    "span",
    "macro_decl_name",
    "def_site_span",
];

fn write_rustc_json(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let rank = |key: &str| {
                RUSTC_JSON_KEY_ORDER
                    .iter()
                    .position(|known| *known == key)
                    .unwrap_or(RUSTC_JSON_KEY_ORDER.len())
            };
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort_by_key(|key| (rank(key), key.as_str()));
            out.push('{');
            for (index, key) in keys.into_iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                write_rustc_json(&map[key], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_rustc_json(item, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// Marks the suggestions rustc does not draw: tool-only ones, such as "remove the unused
/// import", are in the JSON but not in rustc's `rendered` text (the JSON does not say which;
/// the drawing does). A redrawn diagnostic leaves them out too. Runs before any rewording, so
/// that rustc's own wording is compared.
fn mark_hidden_suggestions(diagnostic: &mut Value) {
    // Under cargo, `--json=diagnostic-rendered-ansi`: `help` and `:` have codes between them.
    let Some(rendered) = diagnostic["rendered"].as_str().map(without_ansi_codes) else {
        return;
    };
    if rendered.is_empty() {
        return;
    }
    let Some(children) = diagnostic.get_mut("children").and_then(Value::as_array_mut) else {
        return;
    };
    for child in children {
        let is_suggestion = child["spans"].as_array().is_some_and(|spans| {
            !spans.is_empty()
                && spans
                    .iter()
                    .all(|span| span["suggested_replacement"].is_string())
        });
        let drawn = format!(
            "{}: {}",
            child["level"].as_str().unwrap_or_default(),
            child["message"].as_str().unwrap_or_default()
        );
        if is_suggestion && !rendered.contains(&drawn) {
            child[HIDDEN] = Value::Bool(true);
        }
    }
}

/// `text` without the ANSI escape sequences (`ESC [ .. letter`) of a colored rendering.
/// `message`, a span-less child's (`= note: message`), with the colors rustc gave it in its
/// own colored drawing `rendered`: the highlighted parts of an expected/found note. Each line
/// of the message is found in the drawing's text (the first after `level: `) and taken with the
/// codes around its characters; `None` when the drawing does not show it.
fn styled_note(rendered: &str, level: &str, message: &str) -> Option<String> {
    // The plain text of `rendered`, and for each of its bytes the byte of `rendered` it is.
    let mut plain = String::with_capacity(rendered.len());
    let mut at: Vec<usize> = Vec::with_capacity(rendered.len());
    let mut chars = rendered.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        if c == '\x1b' && chars.peek().is_some_and(|&(_, next)| next == '[') {
            chars.next();
            for (_, code) in chars.by_ref() {
                if code.is_ascii_alphabetic() {
                    break;
                }
            }
            continue;
        }
        plain.push(c);
        at.extend(std::iter::repeat_n(index, c.len_utf8()));
    }
    at.push(rendered.len());
    if !rendered.contains('\x1b') {
        return None;
    }
    let mut lines = message.split('\n');
    let first = lines.next()?;
    let mut from = plain.find(&format!("{level}: {first}"))? + level.len() + 2;
    let mut styled = Vec::new();
    let mut line = first;
    loop {
        let start = from + plain[from..].find(line)?;
        let end = start + line.len();
        // Up to the next plain character: the resets after a highlighted end.
        styled.push(&rendered[at[start]..at[end]]);
        from = end;
        match lines.next() {
            Some(next) => line = next.trim_start(),
            None => break,
        }
    }
    // Continuation lines keep the JSON's own indentation.
    let mut text = String::new();
    for (index, (piece, original)) in styled.iter().zip(message.split('\n')).enumerate() {
        if index > 0 {
            text.push('\n');
            text.push_str(&original[..original.len() - original.trim_start().len()]);
        }
        text.push_str(piece);
    }
    Some(text)
}

fn without_ansi_codes(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            if chars.next() == Some('[') {
                for code in chars.by_ref() {
                    if code.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
        } else {
            plain.push(c);
        }
    }
    plain
}

/// The runtime's mirrors of unstable library items, as rustc names them.
const MIRROR_PREFIXES: [&str; 4] = [
    "yieldc_rt::async_iter::",
    "yieldc_rt::ops::",
    "yieldc_rt::iter::",
    "yieldc_rt::",
];
const MIRROR_NAMES: [&str; 6] = [
    "IntoAsyncIterator",
    "AsyncIterator",
    "CoroutineState",
    "Coroutine",
    "FromCoroutine",
    "FromIter",
];
/// The mirrors of unstable traits, which nightly calls "the nightly-only, unstable trait".
const MIRROR_UNSTABLE_TRAITS: [&str; 3] = ["IntoAsyncIterator", "AsyncIterator", "Coroutine"];

/// `yieldc_rt::async_iter::AsyncIterator` → `AsyncIterator`: nightly prints the library's items
/// by their bare names (they are unique there), and an unimplemented one is "the nightly-only,
/// unstable trait `AsyncIterator`".
impl Remapper<'_> {
    /// `unreachable_code` on a `yield` statement: rustc's span is the statement inside the
    /// expansion of the body's `__y!`; nightly's is the `yield` statement, `;` included.
    /// Returns whether the primary span was moved there.
    fn unreachable_yield_statement(&self, diagnostic: &mut Value) -> bool {
        if diagnostic["code"]["code"] != "unreachable_code" {
            return false;
        }
        let Some(spans) = diagnostic.get_mut("spans").and_then(Value::as_array_mut) else {
            return false;
        };
        let Some(primary) = spans.iter_mut().find(|span| span["is_primary"] == true) else {
            return false;
        };
        let Some(call_site) = yield_macro_call_site(primary) else {
            return false;
        };
        let Some((_, (_, lowered))) = self.lowered_file_of(&call_site) else {
            return false;
        };
        let start = as_usize(&call_site["byte_start"]);
        let mut end = as_usize(&call_site["byte_end"]);
        if primary["label"] == "unreachable statement"
            && lowered.text.get(end..end + 1) == Some(";")
        {
            end += 1;
        }
        primary["file_name"] = call_site["file_name"].clone();
        primary["byte_start"] = json!(start);
        primary["byte_end"] = json!(end);
        primary["expansion"] = Value::Null;
        // `yield return`: the lowering's call `yield_(return)` is "unreachable call"; nightly's
        // `yield` is an expression.
        if primary["label"] == "unreachable call" {
            primary["label"] = json!("unreachable expression");
            diagnostic["message"] = json!("unreachable expression");
        }
        true
    }

    /// Stable's E0658 for a `#[coroutine]` the lowering left in place (on an item, where
    /// nightly reports only that the attribute cannot be used there) in a crate that declares
    /// the `coroutines` gate, which the lowering removed.
    fn gated_coroutine_attribute(&self, diagnostic: &Value) -> bool {
        diagnostic["code"]["code"] == "E0658"
            && diagnostic["message"] == "the `#[coroutine]` attribute is an experimental feature"
            && self.crate_features.iter().any(|gate| gate == "coroutines")
    }

    /// `unused_parens` on the operand of a lowered `yield` (`yield (b + 1)` is `__y!( (b + 1))`,
    /// or `__yieldc_co.yield_((b + 1))`, a call's argument): nightly does not lint the operand
    /// of `yield`.
    fn parens_around_yield_operand(&self, diagnostic: &Value) -> bool {
        if diagnostic["code"]["code"] != "unused_parens" {
            return false;
        }
        let Some(primary) = primary_span(diagnostic) else {
            return false;
        };
        let Some((_, (_, lowered))) = self.lowered_file_of(primary) else {
            return false;
        };
        let start = as_usize(&primary["byte_start"]);
        let before = lowered.text.get(..start).unwrap_or_default().trim_end();
        let opening = before.len().saturating_sub(1);
        (before.ends_with("__y!(") || before.ends_with("__ym!(") || before.ends_with(".yield_("))
            && lowered
                .segments
                .iter()
                .any(|segment| segment.lowered.contains(&opening) && segment.generated.is_some())
    }

    /// `unused_imports` on an import of a library path the lowering rewrote to the runtime's
    /// mirror (``unused import: `::yieldc_rt::async_iter::AsyncIterator` ``): the message names
    /// the path as written (`std::async_iter::AsyncIterator`). Returns whether it did.
    fn reword_unused_library_import(&self, diagnostic: &mut Value) -> bool {
        if diagnostic["code"]["code"] != "unused_imports" {
            return false;
        }
        let Some(message) = diagnostic["message"].as_str().map(str::to_owned) else {
            return false;
        };
        let mut reworded = message.clone();
        for span in diagnostic["spans"].as_array().into_iter().flatten() {
            let Some((_, (original_text, lowered))) = self.lowered_file_of(span) else {
                return false;
            };
            let start = as_usize(&span["byte_start"]);
            let end = as_usize(&span["byte_end"]);
            let Some(lowered_path) = lowered.text.get(start..end) else {
                return false;
            };
            if !lowered_path.starts_with("::yieldc_rt::") {
                continue;
            }
            // The path's ends in the original: a rewritten part maps as a whole, a verbatim
            // part byte for byte (`::yieldc_rt::async_iter` + `::AsyncIterator`).
            let (Some(first), Some(last)) = (
                lowered.segment_at(start),
                lowered.segment_at(end.saturating_sub(1)),
            ) else {
                return false;
            };
            let written_start = match first.generated {
                Some(_) => first.original.start,
                None => first.original.start + (start - first.lowered.start),
            };
            let written_end = match last.generated {
                Some(_) => last.original.end,
                None => last.original.start + (end - last.lowered.start),
            };
            let Some(written) = original_text.get(written_start..written_end) else {
                return false;
            };
            reworded = reworded.replace(&format!("`{lowered_path}`"), &format!("`{written}`"));
        }
        if reworded == message {
            return false;
        }
        diagnostic["message"] = Value::String(reworded);
        true
    }
}

/// `unused_must_use` on a generator statement names the runtime's type (``unused `Gen` that
/// must be used``, its note from the type's `#[must_use]`); nightly says "unused coroutine that
/// must be used", with the same note.
fn reword_unused_generator(diagnostic: &mut Value) -> bool {
    if diagnostic["code"]["code"] != "unused_must_use" {
        return false;
    }
    let names_generator = diagnostic["message"].as_str().is_some_and(|message| {
        RUNTIME_GENERATOR_TYPES.iter().any(|opening| {
            let name = opening.trim_end_matches('<');
            message == format!("unused `{name}` that must be used")
        })
    });
    if names_generator {
        diagnostic["message"] = Value::String("unused coroutine that must be used".to_owned());
        // rustc suggests `let _ = ` for an unused value of a `#[must_use]` type, not for an
        // unused coroutine.
        if let Some(children) = diagnostic["children"].as_array_mut() {
            children.retain(|child| {
                child["message"]
                    .as_str()
                    .is_none_or(|message| !message.starts_with("use `let _ = ...`"))
            });
        }
    }
    names_generator
}

/// `use yieldc_rt::async_iter::AsyncIterator;\n` (rustc's import of a runtime mirror, to bring
/// a trait's method into scope) → `use std::async_iter::AsyncIterator;\n`, nightly's import of
/// the library trait; `None` for any other text.
fn library_import_of_mirror(text: &str) -> Option<String> {
    let rest = text.strip_prefix("use ")?;
    let (path, after) = rest.split_once(';')?;
    let path = path.strip_prefix("::").unwrap_or(path);
    let inner = path.strip_prefix("yieldc_rt::")?;
    let name = inner.rsplit("::").next()?;
    let module = match name {
        "AsyncIterator" | "IntoAsyncIterator" => "async_iter",
        "Coroutine" => "ops",
        _ => return None,
    };
    Some(format!("use std::{module}::{name};{after}"))
}

/// E0597 "`s` does not live long enough" because the borrow is passed to the body's handle: the
/// region is the handle's ("lifetime `'1` appears in the type of `__yieldc_co`", a runtime
/// span), not one of the user's (`foo(&s)` needing `'static` inside a `yield` is E0597 on
/// nightly too). Read before remapping, which drops that span.
fn borrow_passed_to_handle(diagnostic: &Value) -> bool {
    if diagnostic["code"]["code"] != "E0597" {
        return false;
    }
    let Some(name) = diagnostic["message"]
        .as_str()
        .and_then(|message| message.strip_prefix('`'))
        .and_then(|rest| rest.strip_suffix("` does not live long enough"))
    else {
        return false;
    };
    let Some(spans) = diagnostic["spans"].as_array() else {
        return false;
    };
    let has_label = |wanted: &dyn Fn(&str) -> bool| {
        spans
            .iter()
            .any(|span| span["label"].as_str().is_some_and(wanted))
    };
    has_label(&|label| {
        label.starts_with(&format!("argument requires that `{name}` is borrowed for"))
    }) && has_label(&|label| label.ends_with("appears in the type of `__yieldc_co`"))
}

fn trim_mirror_paths(text: &str) -> Option<String> {
    // rustc's list of the mirror's implementors names the runtime's types: left for
    // `strip_runtime_spans` to drop (nightly has no such list for these traits).
    if !text.contains("yieldc_rt::") || text.starts_with("the following other types implement") {
        return None;
    }
    let mut out = text.to_string();
    for name in MIRROR_UNSTABLE_TRAITS {
        for prefix in MIRROR_PREFIXES {
            out = out.replace(
                &format!("the trait `{prefix}{name}` is not implemented"),
                &format!("the nightly-only, unstable trait `{name}` is not implemented"),
            );
        }
    }
    for prefix in MIRROR_PREFIXES {
        let mut trimmed = String::with_capacity(out.len());
        let mut rest = out.as_str();
        while let Some(at) = rest.find(prefix) {
            let after = &rest[at + prefix.len()..];
            let name = MIRROR_NAMES.iter().find(|name| {
                after.starts_with(**name)
                    && !after[name.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
            });
            let preceded_by_path =
                rest[..at].ends_with(|c: char| c.is_alphanumeric() || c == ':' || c == '_');
            trimmed.push_str(&rest[..at]);
            if name.is_none() || preceded_by_path {
                trimmed.push_str(prefix);
            }
            rest = after;
        }
        trimmed.push_str(rest);
        out = trimmed;
    }
    (out != text).then_some(out)
}

/// After the renaming: "within `{gen block@..}`, the trait `Unpin` is not implemented for
/// `{gen block@..}`" names the generator and its renamed body alike; nightly has no "within"
/// (the generator is the body).
fn reword_within_itself(diagnostic: &mut Value) -> bool {
    fn names_a_generator(ty: &str) -> bool {
        ["{gen ", "{async gen ", "{coroutine@", "{static coroutine@"]
            .iter()
            .any(|prefix| ty.starts_with(prefix))
    }
    fn within_itself(text: &str) -> Option<String> {
        let rest = text.strip_prefix("within `")?;
        let (outer, rest) = rest.split_once("`, the trait ")?;
        let (trait_name, inner) = rest.split_once(" is not implemented for `")?;
        let inner = inner.strip_suffix('`')?;
        (outer == inner && names_a_generator(outer))
            .then(|| format!("the trait {trait_name} is not implemented for `{inner}`"))
    }
    let mut changed = false;
    for list in ["spans", "children"] {
        if let Some(items) = diagnostic.get_mut(list).and_then(Value::as_array_mut) {
            for item in items {
                for key in ["label", "message"] {
                    if let Some(text) = item[key].as_str().and_then(within_itself) {
                        item[key] = Value::String(text);
                        changed = true;
                    }
                }
            }
        }
    }
    changed
}

/// `x.await` on a value that is no future, in an `async gen` body, where it was lowered to
/// `__awaited(x).await`: stable blames the wrapper (`yieldc_rt::Awaited<T>` is not a future,
/// "this call returns", the wrapper's impl); nightly blames `T`, with the `Future` help and the
/// `IntoFuture` note. Keeps rustc's span (the `.await`) and its "remove the `.await`" help.
fn reword_awaited_error(diagnostic: &mut Value) -> bool {
    const WRAPPER: &str = "yieldc_rt::Awaited<";
    let Some(operand) = diagnostic["message"]
        .as_str()
        .and_then(|message| message.strip_prefix('`'))
        .and_then(|message| message.strip_prefix(WRAPPER))
        .and_then(|message| message.strip_suffix(">` is not a future"))
        .map(str::to_owned)
    else {
        return false;
    };
    let not_a_future = format!("`{operand}` is not a future");
    diagnostic["message"] = Value::String(not_a_future.clone());
    if let Some(spans) = diagnostic.get_mut("spans").and_then(Value::as_array_mut) {
        spans.retain(|span| span["is_primary"].as_bool() == Some(true));
        for span in spans.iter_mut() {
            span["label"] = Value::String(not_a_future.clone());
        }
    }
    if let Some(children) = diagnostic.get_mut("children").and_then(Value::as_array_mut) {
        let mut rewritten = Vec::with_capacity(children.len() + 1);
        for mut child in children.drain(..) {
            let message = child["message"].as_str().unwrap_or_default();
            if message.starts_with("the trait `IntoFuture` is implemented for") {
                continue;
            }
            if message.starts_with("the trait `IntoFuture` is not implemented for") {
                child["message"] = Value::String(format!(
                    "the trait `Future` is not implemented for `{operand}`"
                ));
                rewritten.push(child);
                continue;
            }
            if message.ends_with("must be a future or must implement `IntoFuture` to be awaited") {
                let mut required = child.clone();
                child["message"] = Value::String(format!(
                    "{operand} must be a future or must implement `IntoFuture` to be awaited"
                ));
                required["message"] = Value::String(format!(
                    "required for `{operand}` to implement `IntoFuture`"
                ));
                rewritten.push(child);
                rewritten.push(required);
                continue;
            }
            rewritten.push(child);
        }
        *children = rewritten;
    }
    true
}

/// The runtime's generator types named with their crate (`yieldc_rt::Gen<..>`) → by their own
/// name, as rustc names them when their name is unambiguous and paths are trimmed: clippy
/// trims no paths (`std::rc::Rc<i32>`, nightly's clippy too, where a generator's name has no
/// path), and a crate with a `Gen` of its own makes rustc qualify the runtime's. The renaming
/// of generators reads the short names. Returns whether anything changed.
fn unqualify_runtime_types(diagnostic: &mut Value) -> bool {
    match diagnostic {
        Value::String(text) => match unqualified_runtime_types(text) {
            Some(unqualified) => {
                *text = unqualified;
                true
            }
            None => false,
        },
        Value::Array(items) => items.iter_mut().fold(false, |changed, item| {
            unqualify_runtime_types(item) | changed
        }),
        Value::Object(map) => map.values_mut().fold(false, |changed, item| {
            unqualify_runtime_types(item) | changed
        }),
        _ => false,
    }
}

/// `text` with `yieldc_rt::Gen<`, `yieldc_rt::gen::Gen<`, .. read `Gen<`; `None` if it names
/// none of the runtime's generator types with their path.
fn unqualified_runtime_types(text: &str) -> Option<String> {
    if !text.contains("yieldc_rt::") {
        return None;
    }
    let mut out = text.to_string();
    for module in ["", "gen::", "coroutine::", "async_gen::"] {
        for name in RUNTIME_GENERATOR_TYPES {
            out = out.replace(&format!("yieldc_rt::{module}{name}"), name);
        }
    }
    (out != text).then_some(out)
}

/// The runtime's mirrors of the library's traits unqualified, as rustc names them in a message:
/// a long-type file holds `Coro<..>: yieldc_rt::Coroutine<u32>` where the message shortens
/// `Coro<..., ...>: Coroutine<u32>`.
fn unqualified_library_mirrors(text: &str) -> String {
    let mut out = text.to_string();
    for module in ["", "ops::", "iter::", "async_iter::"] {
        for name in [
            "CoroutineState",
            "Coroutine",
            "FromCoroutine",
            "AsyncIterator",
        ] {
            let qualified = format!("yieldc_rt::{module}{name}");
            let mut rest = out.as_str();
            let mut unqualified = String::with_capacity(out.len());
            while let Some(at) = rest.find(&qualified) {
                let after = &rest[at + qualified.len()..];
                unqualified.push_str(&rest[..at]);
                if after.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
                    unqualified.push_str(&qualified);
                } else {
                    unqualified.push_str(name);
                }
                rest = after;
            }
            unqualified.push_str(rest);
            out = unqualified;
        }
    }
    out
}

/// The runtime's generator types, as rustc opens them in a type name.
const RUNTIME_GENERATOR_TYPES: [&str; 6] = [
    "Gen<",
    "BoxedGen<",
    "AsyncGen<",
    "Coro<",
    "StaticCoro<",
    "BoxedCoro<",
];

/// Two generators where one type is expected (`g = gen { .. }` for another `gen` block): rustc
/// reports the runtime's two arguments, the key (whose `Refused` closure differs) and the body
/// (an async block), where nightly reports the generators once. The key's error is the one
/// dropped (the body's is reworded by `describe_generator_values`).
fn mismatched_generator_keys(diagnostic: &Value) -> bool {
    diagnostic["code"]["code"] == "E0308"
        && primary_span(diagnostic).is_some_and(|span| {
            span["file_name"]
                .as_str()
                .is_some_and(|name| name.starts_with(RUNTIME_PREFIX))
                && ["`GenKey<", "`AsyncGenKey<", "`CoroutineKey<"]
                    .iter()
                    .any(|key| span["label"].as_str().unwrap_or_default().contains(key))
        })
}

/// The generators `text` names in backticks (`` `{gen block@..}` ``).
fn generator_names_in(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for open in GENERATOR_NAME_OPENINGS {
        let quoted = format!("`{open}");
        let mut rest = text;
        while let Some(start) = rest.find(&quoted) {
            let after = &rest[start + 1..];
            let Some(end) = after.find('`') else {
                break;
            };
            names.push(after[..end].to_string());
            rest = &after[end..];
        }
    }
    names
}

/// The byte offset in `text` of rustc's `LINE:COLUMN` (1-based, the column in characters).
/// The number of elements of the tuple pattern `text` starts with (`(a, b): (u8, u16)` → 2),
/// if it starts with one.
fn tuple_pattern_len(text: &str) -> Option<usize> {
    if !text.starts_with('(') {
        return None;
    }
    let close = matching_close_paren(text, 0)?;
    let inside = &text[1..close];
    let mut depth = 0usize;
    let mut elements = 1;
    for c in inside.chars() {
        match c {
            '(' | '[' | '{' | '<' => depth += 1,
            ')' | ']' | '}' | '>' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => elements += 1,
            _ => {}
        }
    }
    // `(a, b,)`: a trailing comma is no element; `()` none.
    if inside.trim_end().ends_with(',') {
        elements -= 1;
    }
    (!inside.trim().is_empty()).then_some(elements)
}

/// The offset of the `)` that closes the `(` at `open` (brackets counted, nothing else).
fn matching_close_paren(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (at, c) in text.get(open..)?.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return (c == ')').then_some(open + at);
                }
            }
            _ => {}
        }
    }
    None
}

fn line_column_offset(text: &str, line: &str, column: &str) -> Option<usize> {
    let line: usize = line.parse().ok()?;
    let column: usize = column.parse().ok()?;
    let range = source_text::line_range(text, line);
    let line_text = text.get(range.clone())?;
    let byte = line_text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_text.len(), |(byte, _)| byte);
    Some(range.start + byte)
}

/// `text` with each `OPEN..}` whose inside `replace` gives a replacement for replaced by it
/// (`None`: nothing replaced). An `OPEN` without its `}` ends the search.
fn replace_braced(
    text: &str,
    open: &str,
    mut replace: impl FnMut(&str) -> Option<String>,
) -> Option<String> {
    if !text.contains(open) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut changed = false;
    while let Some(at) = rest.find(open) {
        let after = &rest[at + open.len()..];
        let Some(close) = after.find('}') else {
            break;
        };
        out.push_str(&rest[..at]);
        match replace(&after[..close]) {
            Some(replacement) => {
                out.push_str(&replacement);
                changed = true;
            }
            None => out.push_str(&rest[at..at + open.len() + close + 1]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// The offset in `text` of the `>` that closes the first `<` at or after `at` (a `->` is not
/// one).
fn matching_angle(text: &str, at: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (offset, c) in text[at..].char_indices() {
        match c {
            '<' => depth += 1,
            '>' if !text[..at + offset].ends_with('-') => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(at + offset);
                }
            }
            _ => {}
        }
    }
    None
}

/// Every runtime generator type rustc shortened in `text` (`Gen<{integer}, ..., ...>`) → `name`.
fn name_shortened_runtime_types(text: &str, name: &str) -> Option<String> {
    let mut out = String::new();
    let mut rest = text;
    let mut changed = false;
    while let Some(at) = RUNTIME_GENERATOR_TYPES
        .iter()
        .filter_map(|open| {
            rest.match_indices(open).map(|(at, _)| at).find(|&at| {
                !rest[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_')
            })
        })
        .min()
    {
        let Some(close) = matching_angle(rest, at) else {
            break;
        };
        out.push_str(&rest[..at]);
        if rest[at..close].ends_with(", ...") {
            out.push_str(name);
            changed = true;
        } else {
            out.push_str(&rest[at..=close]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// Whether `span` (in the runtime) is in the expansion of a generator macro itself (`__gen!`,
/// `__async_gen!`, `__coroutine!`), not of a macro it invokes (`__gen_parts!`).
fn expanded_by_generator_macro(span: &Value) -> bool {
    span["expansion"]["macro_decl_name"]
        .as_str()
        .is_some_and(|name| {
            [
                "::yieldc_rt::__gen!",
                "::yieldc_rt::__async_gen!",
                "::yieldc_rt::__coroutine!",
            ]
            .contains(&name)
        })
}

/// The openings of nightly's names for generators (`{gen block@FILE:L:C: L:C}`, ...).
const GENERATOR_NAME_OPENINGS: [&str; 4] = [
    "{gen block@",
    "{async gen block@",
    "{coroutine@",
    "{static coroutine@",
];

/// How rustc describes the type of a generator named `name` (`{gen block@..}`): "`gen`
/// block", "`async gen` block", "coroutine".
fn generator_name_description(name: &str) -> Option<&'static str> {
    if name.starts_with("{gen block@") {
        Some("`gen` block")
    } else if name.starts_with("{async gen block@") {
        Some("`async gen` block")
    } else if name.starts_with("{coroutine@") || name.starts_with("{static coroutine@") {
        Some("coroutine")
    } else {
        None
    }
}

/// Whether `text` names one of the runtime's generator types in backticks (`Gen<..>`, also
/// shortened: `Gen<u32, ..., ...>`).
fn names_runtime_generator_type(text: &str) -> bool {
    RUNTIME_GENERATOR_TYPES
        .iter()
        .any(|open| text.contains(&format!("`{open}")))
}

/// Every `` `Gen<..>` `` (any runtime generator type, in backticks) of `text` → `description`
/// (rustc's short form in a type mismatch's label: "found `gen` block", "found coroutine");
/// also a generator's name (`` `{gen block@..}` ``, the runtime type put back in full from
/// rustc's long-type file and renamed) after "expected " or "found ": nightly's label names
/// the kind there whatever the length of the name.
fn describe_runtime_types_in(text: &str, description: &str) -> Option<String> {
    let mut out = String::new();
    let mut rest = text;
    let mut changed = false;
    while let Some(at) = rest.find('`') {
        let after = &rest[at + 1..];
        let Some(close) = after.find('`') else {
            break;
        };
        let quoted = &after[..close];
        out.push_str(&rest[..at]);
        let after_expected_found = out.ends_with("expected ") || out.ends_with("found ");
        if RUNTIME_GENERATOR_TYPES
            .iter()
            .any(|open| quoted.starts_with(open))
            || (after_expected_found && generator_name_description(quoted).is_some())
        {
            out.push_str(description);
            changed = true;
        } else {
            out.push_str(&rest[at..at + 1 + close + 1]);
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// rustc's two-line note of a type mismatch, "expected struct `A`\n   found struct `B`", where
/// a side is a generator (already renamed: `struct `{gen block@..}``): nightly describes it
/// ("found `gen` block `{gen block@..}`", "found coroutine `{coroutine@..}`"), and rustc pads
/// the shorter of the two descriptions so that the types line up.
fn describe_expected_found(message: &str) -> Option<String> {
    let (expected, found) = message.split_once('\n')?;
    let expected = expected.trim_start().strip_prefix("expected ")?;
    let found = found.trim_start().strip_prefix("found ")?;
    if found.contains('\n') {
        return None;
    }
    // "struct `{gen block@..}`" → ("`gen` block", "`{gen block@..}`").
    let describe = |side: &str| -> (String, String, bool) {
        let (kind, ty) = match side.strip_prefix("`async` block ") {
            Some(ty) => ("`async` block".to_string(), ty.to_string()),
            None => match side.find('`') {
                Some(at) => (side[..at].trim_end().to_string(), side[at..].to_string()),
                None => (String::new(), side.to_string()),
            },
        };
        let name = ty.trim_matches('`');
        match generator_name_description(name) {
            Some(description) if kind == "struct" || kind == "`async` block" => {
                (description.to_string(), ty, true)
            }
            _ => (kind, ty, false),
        }
    };
    let (expected_kind, expected_ty, expected_changed) = describe(expected);
    let (found_kind, found_ty, found_changed) = describe(found);
    if !expected_changed && !found_changed {
        return None;
    }
    let label = |word: &str, kind: &str| {
        if kind.is_empty() {
            word.to_string()
        } else {
            format!("{word} {kind}")
        }
    };
    let expected_label = label("expected", &expected_kind);
    let found_label = label("found", &found_kind);
    let width = expected_label
        .chars()
        .count()
        .max(found_label.chars().count());
    Some(format!(
        "{:>width$} {expected_ty}\n{:>width$} {found_ty}",
        expected_label, found_label
    ))
}

/// Whether a message or label names the lowering's or the runtime's internals.
fn mentions_internals(text: &Value) -> bool {
    text.as_str().is_some_and(|text| {
        [
            "<yieldc_rt>",
            "yieldc_rt::",
            "__yieldc",
            "`yield_`",
            "GenCo",
        ]
        .iter()
        .any(|marker| text.contains(marker))
    })
}

/// The invocation of the lowering's `__y!` (or, for a `yield` written in a `macro_rules!` body,
/// `__ym!`; in edition 2015, where a `yield` is the runtime's `__await!(..)`, that macro) that
/// `span` was expanded from, if any.
fn yield_macro_call_site(span: &Value) -> Option<Value> {
    let mut expansion = span.get("expansion").filter(|e| !e.is_null())?;
    let mut found = None;
    loop {
        if matches!(
            expansion["macro_decl_name"].as_str(),
            Some("__y!" | "__ym!" | "::yieldc_rt::__await!")
        ) {
            found = Some(expansion["span"].clone());
        }
        match expansion["span"].get("expansion").filter(|e| !e.is_null()) {
            Some(outer) => expansion = outer,
            None => break,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::{
        describe_expected_found, describe_runtime_types_in, gen_fn_header, is_predicate,
        is_returned, library_import_of_mirror, macro_origin_note, name_shortened_runtime_types,
        pick_full_type, push_macro_backtrace_labels, styled_note, tuple_pattern_len,
        unqualified_library_mirrors, OutputMode, Place, Remapper,
    };
    use serde_json::{json, Value};

    #[test]
    fn imports_of_mirrors_name_the_library_traits() {
        assert_eq!(
            library_import_of_mirror("use yieldc_rt::async_iter::AsyncIterator;\n").as_deref(),
            Some("use std::async_iter::AsyncIterator;\n")
        );
        assert_eq!(
            library_import_of_mirror("use ::yieldc_rt::ops::Coroutine;\n").as_deref(),
            Some("use std::ops::Coroutine;\n")
        );
        assert_eq!(library_import_of_mirror("use std::fmt::Write;\n"), None);
        assert_eq!(library_import_of_mirror("use yieldc_rt::Gen;\n"), None);
    }

    #[test]
    fn tuple_patterns_are_counted() {
        assert_eq!(tuple_pattern_len("(a, b): (u8, String)|"), Some(2));
        assert_eq!(tuple_pattern_len("(a, (b, c), [d, e],)|"), Some(3));
        assert_eq!(tuple_pattern_len("p: (u8, u16)|"), None);
        assert_eq!(tuple_pattern_len("()|"), None);
    }

    #[test]
    fn predicates_are_told_from_types() {
        assert!(is_predicate("Coro<u8, u8, ..., ...>: Coroutine<u32>"));
        assert!(is_predicate("Gen<fn() -> u8, ...>: Send"));
        assert!(!is_predicate("Coro<u8, u8, ..., ...>"));
        assert!(!is_predicate(
            "Gen<u32, {gen block@src/main.rs:3:17: 3:20}, ...>"
        ));
        assert!(!is_predicate(
            "<Coro<(), (), ..., ...> as Coroutine>::Return"
        ));
        assert_eq!(
            unqualified_library_mirrors(
                "Coro<..>: yieldc_rt::Coroutine<u32> + yieldc_rt::CoroutineStateX"
            ),
            "Coro<..>: Coroutine<u32> + yieldc_rt::CoroutineStateX"
        );
    }

    #[test]
    fn gen_fn_headers_from_first_qualifier_to_return_type_or_where_clause() {
        fn header(text: &str) -> Option<&str> {
            let brace = text.rfind('{')?;
            gen_fn_header(text, brace).map(|(start, end)| &text[start..end])
        }
        assert_eq!(header("gen fn f() -> u8 {"), Some("gen fn f() -> u8"));
        assert_eq!(
            header("#[inline]\n    pub(crate) async gen unsafe fn g(x: fn(u8)) {"),
            Some("pub(crate) async gen unsafe fn g(x: fn(u8))")
        );
        assert_eq!(
            header("pub gen extern \"C\" fn h<T>(t: T) -> T\nwhere\n    T: Copy,\n{"),
            Some("pub gen extern \"C\" fn h<T>(t: T) -> T\nwhere\n    T: Copy,")
        );
        assert_eq!(header("let x = {"), None);
        assert_eq!(gen_fn_header("gen fn f() {}", 3), None);
    }

    #[test]
    fn a_shortened_type_is_put_back_only_when_the_diagnostic_decides_which() {
        let a = "Gen<u32, {async block@/p/a.rs:22:46: 22:51}, {closure@<yieldc_rt>/src/lib.rs:1:1: 1:2}>";
        let b = "Gen<u32, {async block@/p/a.rs:22:64: 22:69}, {closure@<yieldc_rt>/src/lib.rs:1:1: 1:2}>";
        let c = "Gen<u32, {async block@/p/a.rs:30:64: 30:69}, {closure@<yieldc_rt>/src/lib.rs:1:1: 1:2}>";
        let place = |file: &str, start, end, found: Option<bool>| Place {
            file: file.to_string(),
            start,
            end,
            found,
        };
        let line_30 = [place("/p/a.rs", (30, 1), (30, 90), None)];
        assert_eq!(pick_full_type(&[a], &[], None), Some(a));
        assert_eq!(pick_full_type(&[a, a], &[], None), Some(a));
        assert_eq!(pick_full_type(&[a, c], &line_30, None), Some(c));
        // Two generators on one line: the columns, then the side of the mismatch, decide.
        let both = [
            place("/p/a.rs", (22, 40), (22, 55), Some(false)),
            place("/p/a.rs", (22, 60), (22, 75), Some(true)),
            place("/p/a.rs", (22, 1), (22, 99), None),
        ];
        assert_eq!(pick_full_type(&[a, b, c], &both, None), None);
        assert_eq!(pick_full_type(&[a, b, c], &both, Some(true)), Some(b));
        assert_eq!(pick_full_type(&[a, b, c], &both, Some(false)), Some(a));
        assert_eq!(pick_full_type(&[a, b, c], &both[..1], Some(true)), Some(a));
        // Neither, several, or another file: rustc's shortening stays.
        assert_eq!(
            pick_full_type(&[a, c], &[place("/p/a.rs", (1, 1), (2, 1), None)], None),
            None
        );
        assert_eq!(
            pick_full_type(&[a, c], &[place("/p/a.rs", (20, 1), (31, 1), None)], None),
            None
        );
        assert_eq!(
            pick_full_type(&[a, c], &[place("/p/b.rs", (30, 1), (30, 90), None)], None),
            None
        );
        assert_eq!(pick_full_type(&[], &line_30, None), None);
    }

    #[test]
    fn an_expected_found_note_describes_generators_aligned_as_rustc_does() {
        let cases = [
            (
                "expected struct `Vec<u32>`\n   found struct `{gen block@a.rs:4:23: 4:26}`",
                Some("  expected struct `Vec<u32>`\nfound `gen` block `{gen block@a.rs:4:23: 4:26}`"),
            ),
            (
                "expected type `u32`\n found struct `{coroutine@a.rs:3:31: 3:33}`",
                Some("  expected type `u32`\nfound coroutine `{coroutine@a.rs:3:31: 3:33}`"),
            ),
            (
                "expected struct `Vec<u32>`\n   found struct `{async gen block@a.rs:7:23: 7:32}`",
                Some("        expected struct `Vec<u32>`\nfound `async gen` block `{async gen block@a.rs:7:23: 7:32}`"),
            ),
            (
                "expected `async` block `{gen block@a.rs:3:17: 3:20}`\n   found `async` block `{gen block@a.rs:4:9: 4:12}`",
                Some("expected `gen` block `{gen block@a.rs:3:17: 3:20}`\n   found `gen` block `{gen block@a.rs:4:9: 4:12}`"),
            ),
            ("expected struct `Vec<u32>`\n   found struct `String`", None),
        ];
        for (note, expected) in cases {
            assert_eq!(describe_expected_found(note).as_deref(), expected, "{note}");
        }
    }

    #[test]
    fn runtime_types_are_named_as_nightly_names_generators() {
        assert_eq!(
            describe_runtime_types_in(
                "expected `Vec<u32>`, found `Gen<u32, ..., ...>`",
                "`gen` block"
            )
            .as_deref(),
            Some("expected `Vec<u32>`, found `gen` block")
        );
        assert_eq!(
            describe_runtime_types_in("expected `u32`, found `Option<u32>`", "coroutine"),
            None
        );
        // Put back from rustc's long-type file and renamed (a long path).
        assert_eq!(
            describe_runtime_types_in(
                "expected `u32`, found `{static coroutine@/a/long/path/b.rs:26:18: 26:27}`",
                "coroutine"
            )
            .as_deref(),
            Some("expected `u32`, found coroutine")
        );
        assert_eq!(
            describe_runtime_types_in(
                "this call returns `{gen block@b.rs:2:5: 2:8}`",
                "`gen` block"
            ),
            None
        );
        assert_eq!(
            name_shortened_runtime_types(
                "Gen<{integer}, ..., ...> must be a future",
                "{gen block@a.rs:5:5: 5:8}"
            )
            .as_deref(),
            Some("{gen block@a.rs:5:5: 5:8} must be a future")
        );
        assert_eq!(
            name_shortened_runtime_types("MyGen<u8, ..., ...> x", "{gen block@a}"),
            None
        );
    }

    #[test]
    fn runtime_types_named_with_their_path_are_unqualified() {
        assert_eq!(
            super::unqualified_runtime_types(
                "no method named `foo` found for struct `yieldc_rt::Gen<T, F, P>`; \
                 `yieldc_rt::coroutine::BoxedCoro<u8, (), F, P>`, `yieldc_rt::BoxedGen<T, F, P>`"
            )
            .as_deref(),
            Some(
                "no method named `foo` found for struct `Gen<T, F, P>`; \
                 `BoxedCoro<u8, (), F, P>`, `BoxedGen<T, F, P>`"
            )
        );
        assert_eq!(
            super::unqualified_runtime_types("`yieldc_rt::machine::Machine<F>`"),
            None
        );
    }

    #[test]
    fn braced_names_are_replaced_and_an_unterminated_one_is_kept() {
        let upper =
            |inside: &str| (inside != "keep").then(|| format!("<{}>", inside.to_uppercase()));
        assert_eq!(
            super::replace_braced("a {x@one} b {x@keep} c {x@two}", "{x@", upper).as_deref(),
            Some("a <ONE> b {x@keep} c <TWO>")
        );
        assert_eq!(
            super::replace_braced("a {x@one} b {x@open", "{x@", upper).as_deref(),
            Some("a <ONE> b {x@open")
        );
        assert_eq!(super::replace_braced("no names", "{x@", upper), None);
        assert_eq!(super::replace_braced("{x@keep}", "{x@", upper), None);
    }

    /// A span inside the expansions named, innermost first, each `(name, definition file)`,
    /// invoked at `call_site` (bytes of `a.rs`).
    fn span_expanded_by(macros: &[(&str, &str)], call_site: (usize, usize)) -> Value {
        let mut site = json!({
            "file_name": "a.rs", "byte_start": call_site.0, "byte_end": call_site.1,
            "is_primary": false, "label": null, "expansion": null,
        });
        for (name, definition) in macros.iter().rev() {
            site = json!({
                "file_name": "a.rs", "byte_start": 0, "byte_end": 1, "is_primary": false,
                "label": null,
                "expansion": {
                    "span": site,
                    "macro_decl_name": name,
                    "def_site_span": { "file_name": definition, "byte_start": 5, "byte_end": 9 },
                },
            });
        }
        site["file_name"] = json!("a.rs");
        site["byte_start"] = json!(100);
        site["byte_end"] = json!(104);
        site["is_primary"] = json!(true);
        site
    }

    #[test]
    fn a_macros_diagnostic_gets_rustcs_invocation_label_and_origin_note() {
        let std = "/rustc/0000000000000000000000000000000000000000/library/core/src/macros/mod.rs";
        let in_local = span_expanded_by(&[("inner!", "a.rs"), ("outer!", "a.rs")], (200, 210));
        let diagnostic = json!({ "level": "error", "spans": [in_local.clone()], "children": [] });
        assert_eq!(
            macro_origin_note(&diagnostic).as_deref(),
            Some(
                "this error originates in the macro `inner` which comes from the expansion of \
                 the macro `outer` (in Nightly builds, run with -Z macro-backtrace for more info)"
            )
        );
        let mut spans = vec![in_local];
        push_macro_backtrace_labels(&mut spans);
        assert_eq!(spans.len(), 2);
        assert_eq!(spans[1]["label"], "in this macro invocation");
        assert_eq!(
            (
                spans[1]["byte_start"].clone(),
                spans[1]["is_primary"].clone()
            ),
            (json!(200), json!(false))
        );

        // `println!` and the built-in `format_args_nl!` hide their backtrace: no note.
        let in_println = span_expanded_by(
            &[("$crate::format_args_nl!", std), ("println!", std)],
            (300, 320),
        );
        let diagnostic = json!({ "level": "error", "spans": [in_println], "children": [] });
        assert_eq!(macro_origin_note(&diagnostic), None);
        // Nor does any library macro the crate invokes (`pin!`, in no list); one the library
        // invokes itself (`core`'s internal `add_impl!`) does not hide it.
        let in_pin = span_expanded_by(&[("pin!", std)], (300, 320));
        let diagnostic = json!({ "level": "error", "spans": [in_pin], "children": [] });
        assert_eq!(macro_origin_note(&diagnostic), None);
        let mut in_add_impl = span_expanded_by(&[("add_impl!", std)], (300, 320));
        in_add_impl["expansion"]["span"]["file_name"] = json!(std);
        let diagnostic = json!({ "level": "error", "spans": [in_add_impl], "children": [] });
        assert_eq!(
            macro_origin_note(&diagnostic).as_deref(),
            Some(
                "this error originates in the macro `add_impl` \
                 (in Nightly builds, run with -Z macro-backtrace for more info)"
            )
        );

        // A derive's expansion is labelled as one; a desugaring (no definition) is skipped.
        let in_derive = span_expanded_by(
            &[
                ("desugaring of `for` loop", "a.rs"),
                ("#[derive(Copy)]", std),
            ],
            (40, 44),
        );
        let mut spans = vec![in_derive];
        spans[0]["expansion"]["def_site_span"] =
            json!({ "file_name": "a.rs", "byte_start": 0, "byte_end": 0 });
        push_macro_backtrace_labels(&mut spans);
        assert_eq!(spans[1]["label"], "in this derive macro expansion");
    }

    #[test]
    fn an_expected_found_note_keeps_rustcs_highlights_in_color() {
        let rendered = "\x1b[1m\x1b[94m= \x1b[0m\x1b[1mnote\x1b[0m: expected reference `&\x1b[1m\x1b[35mmut \x1b[0mString`\n               found struct `\x1b[1m\x1b[35mString\x1b[0m`\n";
        let message = "expected reference `&mut String`\n   found struct `String`";
        assert_eq!(
            styled_note(rendered, "note", message).as_deref(),
            Some("expected reference `&\x1b[1m\x1b[35mmut \x1b[0mString`\n   found struct `\x1b[1m\x1b[35mString\x1b[0m`")
        );
        // Not shown, or shown without colors: the plain message is drawn.
        assert_eq!(styled_note(rendered, "note", "another note"), None);
        assert_eq!(styled_note("= note: plain\n", "note", "plain"), None);
    }

    #[test]
    fn a_failure_whose_errors_were_all_dropped_is_reported() {
        let files = Default::default();
        let mut remapper = Remapper::new(&files, OutputMode::Human, false);
        assert!(remapper.internal_failure().is_none(), "nothing was dropped");
        remapper.dropped_copy_errors.push(json!({
            "message": "cannot take address of a temporary",
            "code": { "code": "E0745" },
            "level": "error",
        }));
        let failure = remapper
            .internal_failure()
            .expect("a dropped error and no other");
        let rendered = failure["rendered"].as_str().unwrap();
        assert!(rendered.starts_with("error: yieldc could not compile its lowering"));
        assert!(rendered.contains("error[E0745]: cannot take address of a temporary"));
        assert!(rendered.contains("YIELDC_FORCE_BOXED=1"));
        assert_eq!(remapper.error_count, 1);
        // Counted once: the summary says 1 error, and another call adds nothing.
        assert!(remapper.internal_failure().is_none());
    }

    fn returned(source: &str) -> bool {
        let start = source.find("gen").unwrap();
        let end = source[start..].find('}').unwrap() + start + 1;
        is_returned(source, start..end)
    }

    #[test]
    fn a_generator_is_returned_as_a_tail_or_a_return_operand() {
        assert!(returned("fn f() { let x = 1; gen { yield x; } }"));
        assert!(returned("fn f() {\n    gen { yield 1; } // done\n}"));
        assert!(returned(
            "fn f() { if c { gen { yield 1; } } else { todo!() } }"
        ));
        assert!(returned("fn f() { return gen { yield 1; }; }"));
        assert!(returned("fn f() { return\n    gen { yield 1; }; }"));
        assert!(!returned("fn f() { let g = gen { yield 1; }; g }"));
        assert!(!returned("fn f() { take(gen { yield 1; }) }"));
        assert!(!returned("fn f() { take(a, gen { yield 1; }); }"));
        assert!(!returned("fn f() { noreturn gen { yield 1; } }"));
    }
}
