//! The item-limited path of [`crate::lower`]: parse and lower only the items that contain
//! coroutine syntax, copy everything else verbatim.
//!
//! `ra_ap_syntax` parses at 4–6 MB/s, so a whole-file parse caps the lowering there. The item
//! scan (`yieldc_syntax::items`, token level, no parse) cuts the file into tiles and marks
//! those that contain anything the lowering may touch; each marked tile is parsed on its own
//! (an item is a valid source file for `ra_ap_syntax`) and lowered with its tree offsets
//! shifted back into the file, into one output builder, so that the copies around it merge as
//! they do in the whole-file path.
//!
//! Architecture invariant: the result is byte for byte that of [`crate::lower_whole_file`]
//! (text, source map, diagnostics, in the same order); `tests/item_path.rs` and the fuzzer
//! check it. Whenever this path cannot be sure of that, it returns `None` and the caller parses
//! the whole file: the scan was unsure, a marked tile does not parse on its own as one item
//! without errors, the header of a block looked into is not a well-formed `mod`/`impl`/`trait`
//! (checked on the header and closing brace alone), or a whole-file question cannot be
//! answered from the parsed tiles (and the unparsed tiles that parse cleanly on their own):
//! "does any identifier pattern of the file bind this name" (check copies), "does any
//! attribute need `stmt_expr_attributes`", "is any gated library item used while its gate is
//! missing" (answered only when no part imports or names one, nor has an `async gen`), and
//! "which macros yield or embed a generator" (answered when no part's macro yields, or no
//! unmarked tile defines a macro).
//!
//! The whole-file path's diagnostics come in three runs: the front end's (forms, gates), the
//! reserved names, the lowering's; each run is in source order, so the runs of the parts are
//! concatenated run by run.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};

use yieldc_syntax::items::{ItemPlan, TileKind};
use yieldc_syntax::outline::Outline;
use yieldc_syntax::ra_ap_syntax::ast::{self, AstNode, HasName};
use yieldc_syntax::ra_ap_syntax::{SourceFile, SyntaxKind, SyntaxNode};

use crate::source_map::Builder;
use crate::{LowerOptions, Lowered, lowerer};

/// Lowers `source` item by item; `None` when the whole file must be parsed instead.
pub(crate) fn lower_by_items(source: &str, options: &LowerOptions) -> Option<Lowered> {
    let plan = yieldc_syntax::items::scan_items(source)?;
    lower_by_plan(source, options, plan)
}

/// [`lower_by_items`] with the item scan done.
pub(crate) fn lower_by_plan(
    source: &str,
    options: &LowerOptions,
    plan: yieldc_syntax::items::ItemPlan,
) -> Option<Lowered> {
    // An edition 2015 crate root declares the runtime before its first item (`paths.rs`,
    // `emit_source_file`), which the parts cannot place: the first item may be unmarked, or
    // start with comments that the parse attaches to it.
    if options.edition == crate::Edition::E2015 && options.is_crate_root {
        return None;
    }
    // What a file's `macro_rules!` definitions do with coroutine syntax is gathered over the
    // whole file (`macros::MacroFacts`), from the definitions that contain coroutine syntax
    // (only in marked tiles) and, for yielding ones, the macros that invoke them.
    let marked_macro_rules = plan.tiles.iter().any(|tile| {
        tile.marked
            && source
                .get(tile.start..tile.end)
                .is_some_and(|text| text.contains("macro_rules"))
    });
    let parse_options = crate::parse_options(options);
    let prelude = *plan.tiles.first()?;
    let prelude_text = source.get(prelude.start..prelude.end)?;
    // Each block looked into must be a well-formed `mod`/`impl`/`trait` around its items.
    for &(header, closing) in &plan.containers {
        let header = plan.tiles.get(header)?;
        let closing = plan.tiles.get(closing)?;
        let skeleton = format!(
            "{}{}",
            source.get(header.start..header.end)?,
            source.get(closing.start..closing.end)?
        );
        let root = parse_clean_item(&skeleton, options.edition)?;
        let is_block_of_items = root.children().all(|item| {
            matches!(
                item.kind(),
                SyntaxKind::IMPL | SyntaxKind::TRAIT | SyntaxKind::MODULE
            )
        });
        if !is_block_of_items {
            return None;
        }
    }
    // Parse every marked tile: the prelude first, for the file's gates.
    let mut parts: Vec<(usize, Outline)> = Vec::new();
    let mut front_end_diagnostics = Vec::new();
    let mut file_features: Vec<String> = Vec::new();
    if prelude.marked {
        let (outline, diagnostics) = yieldc_syntax::outline::parse_part(
            prelude_text,
            prelude.start,
            TileKind::Prelude,
            false,
            &parse_options,
            None,
        )?;
        file_features = outline
            .features
            .iter()
            .map(|feature| feature.name.clone())
            .collect();
        front_end_diagnostics.extend(diagnostics);
        parts.push((0, outline));
    }
    for (index, tile) in plan.tiles.iter().enumerate().skip(1) {
        if !tile.marked {
            continue;
        }
        if tile.kind != TileKind::Item {
            return None;
        }
        let (outline, diagnostics) = yieldc_syntax::outline::parse_part(
            source.get(tile.start..tile.end)?,
            tile.start,
            TileKind::Item,
            tile.associated,
            &parse_options,
            Some(&file_features),
        )?;
        front_end_diagnostics.extend(diagnostics);
        // Too deeply nested generators are reported by the whole-file path.
        if crate::generator_nested_too_deep(&outline.forms).is_some() {
            return None;
        }
        parts.push((index, outline));
    }
    // Missing library gates are found over the whole file (imports, then the paths and method
    // calls that use them: `paths::check_library_gates`). When a gate is missing, the parts
    // must show that nothing is reported.
    if crate::paths::library_gate_missing(options, &file_features)
        && parts
            .iter()
            .any(|(_, outline)| crate::paths::library_gate_uses_in(outline))
    {
        return None;
    }
    // A definition outside the marked tiles has no coroutine syntax, so it yields and embeds
    // nothing of its own: the facts of the parts are the file's, unless a macro of the parts
    // yields. Then the unmarked tiles that may define macros (which may invoke it, and then
    // yield too) are parsed for their definitions as well.
    let macro_facts = if marked_macro_rules {
        let part_roots = parts.iter().map(|(_, outline)| &outline.root);
        let facts = crate::macros::MacroFacts::scan_all(part_roots.clone());
        if facts.yielding.is_empty() {
            facts
        } else {
            let mut definitions = Vec::new();
            for tile in &plan.tiles {
                if tile.marked || !tile.defines_macro {
                    continue;
                }
                if tile.kind != TileKind::Item {
                    return None;
                }
                definitions.push(parse_clean_item(
                    source.get(tile.start..tile.end)?,
                    options.edition,
                )?);
            }
            crate::macros::MacroFacts::scan_all(part_roots.chain(definitions.iter()))
        }
    } else {
        crate::macros::MacroFacts::default()
    };
    let file_needs_stmt_expr_attributes = if file_features
        .iter()
        .any(|feature| feature == "stmt_expr_attributes")
    {
        Some(needs_stmt_expr_attributes(
            source,
            &plan,
            &parts,
            options.edition,
        )?)
    } else {
        None
    };
    let substituted = substituted_text(source, &parts);
    let mut reserved_diagnostics = Vec::new();
    for (index, outline) in &parts {
        reserved_diagnostics.extend(crate::reserved_name_diagnostics(
            &outline.original_text,
            &outline.root,
            plan.tiles[*index].start,
        ));
    }
    let oracle = PatternOracle {
        source,
        plan: &plan,
        edition: options.edition,
        parts: &parts,
        parsed_names: std::cell::OnceCell::new(),
        tile_names: RefCell::new(HashMap::new()),
        unsure: Cell::new(false),
    };
    let mut builder = Builder::for_source(source);
    let mut cursor = 0;
    let mut lowering_diagnostics = Vec::new();
    for (index, outline) in &parts {
        let tile = plan.tiles[*index];
        builder.copy(source, cursor, tile.start);
        let mut lowerer = lowerer::Lowerer::for_part(
            outline,
            source,
            &substituted,
            options,
            tile.start as isize,
            &oracle,
            macro_facts.clone(),
            builder,
        );
        lowerer.file_needs_stmt_expr_attributes = file_needs_stmt_expr_attributes;
        let root = outline.root.clone();
        lowerer.emit_node(&root);
        let (out, diagnostics) = lowerer.finish_part();
        builder = out;
        lowering_diagnostics.extend(diagnostics);
        cursor = tile.end;
    }
    builder.copy(source, cursor, source.len());
    if oracle.unsure.get() {
        return None;
    }
    let (text, source_map) = builder.finish();
    let mut diagnostics = front_end_diagnostics;
    diagnostics.extend(reserved_diagnostics);
    diagnostics.extend(lowering_diagnostics);
    Some(crate::finish(source, text, source_map, diagnostics))
}

/// The whole file with every part's same-length substitutions applied (what the whole-file
/// path parses; macro arguments are re-parsed from it).
fn substituted_text<'s>(source: &'s str, parts: &[(usize, Outline)]) -> Cow<'s, str> {
    let substitutions = parts
        .iter()
        .flat_map(|(_, outline)| outline.substitutions.iter());
    if substitutions.clone().next().is_none() {
        return Cow::Borrowed(source);
    }
    Cow::Owned(yieldc_syntax::outline::apply_substitutions(
        source,
        substitutions,
    ))
}

/// The whole-file answer of `paths.rs`'s `needs_stmt_expr_attributes` (an attribute other than
/// `#[coroutine]` on an expression that is not a statement): the parsed parts, then every
/// unparsed tile with a nested attribute, parsed on its own; `None` when one of those is not a
/// clean item on its own.
fn needs_stmt_expr_attributes(
    source: &str,
    plan: &ItemPlan,
    parts: &[(usize, Outline)],
    edition: crate::Edition,
) -> Option<bool> {
    if parts
        .iter()
        .any(|(_, outline)| crate::paths::needs_stmt_expr_attributes_in(&outline.root))
    {
        return Some(true);
    }
    for tile in &plan.tiles {
        if tile.marked || !tile.nested_attribute {
            continue;
        }
        if tile.kind != TileKind::Item {
            return None;
        }
        let root = parse_clean_item(source.get(tile.start..tile.end)?, edition)?;
        if crate::paths::needs_stmt_expr_attributes_in(&root) {
            return Some(true);
        }
    }
    Some(false)
}

/// `text` parsed on its own, when it is exactly one item without errors.
fn parse_clean_item(text: &str, edition: crate::Edition) -> Option<SyntaxNode> {
    let parse = SourceFile::parse(text, edition.to_ra());
    let root = parse.syntax_node();
    if !parse.errors().is_empty() || root.children().count() != 1 {
        return None;
    }
    Some(root)
}

/// Every name bound by an identifier pattern under `root`.
fn identifier_pattern_names(root: &SyntaxNode) -> impl Iterator<Item = String> {
    root.descendants()
        .filter_map(ast::IdentPat::cast)
        .filter_map(|ident| ident.name().map(|name| name.text().to_string()))
}

/// Answers "does any identifier pattern of the file bind `name`" (asked by check copies for
/// names that do not look like locals, `Foo`, `MAX`) without the whole file's tree: the
/// parsed tiles' names, then the unparsed tiles where the item scan saw `name` where a parse
/// could make it a pattern, each parsed on its own. When such a tile is not a clean item on its
/// own, the answer is unknown: `unsure` is set and the caller parses the whole file.
pub(crate) struct PatternOracle<'a> {
    source: &'a str,
    plan: &'a ItemPlan,
    edition: crate::Edition,
    parts: &'a [(usize, Outline)],
    /// The parsed parts' names (built on first use, like the whole-file path's set).
    parsed_names: std::cell::OnceCell<HashSet<String>>,
    tile_names: RefCell<HashMap<usize, Option<HashSet<String>>>>,
    unsure: Cell<bool>,
}

impl PatternOracle<'_> {
    pub(crate) fn binds(&self, name: &str) -> bool {
        let parsed_names = self.parsed_names.get_or_init(|| {
            self.parts
                .iter()
                .flat_map(|(_, outline)| identifier_pattern_names(&outline.root))
                .collect()
        });
        if parsed_names.contains(name) {
            return true;
        }
        for candidate in &self.plan.pattern_candidates {
            if self.source.get(candidate.start..candidate.end) != Some(name) {
                continue;
            }
            let Some(tile) = self.plan.tiles.get(candidate.tile) else {
                self.unsure.set(true); // in an inner attribute
                continue;
            };
            if tile.marked {
                continue; // parsed: its names are in `parsed_names`
            }
            if tile.kind != TileKind::Item {
                self.unsure.set(true);
                continue;
            }
            let mut cache = self.tile_names.borrow_mut();
            let names = cache.entry(candidate.tile).or_insert_with(|| {
                let root = parse_clean_item(self.source.get(tile.start..tile.end)?, self.edition)?;
                Some(identifier_pattern_names(&root).collect())
            });
            match names {
                Some(names) => {
                    if names.contains(name) {
                        return true;
                    }
                }
                None => self.unsure.set(true),
            }
        }
        false
    }
}
