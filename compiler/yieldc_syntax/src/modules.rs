//! The out-of-line module declarations of a file (`mod name;`), so that the driver can find the
//! files of a crate's module tree without guessing from the directory layout.

use ra_ap_syntax::SourceFile;
use ra_ap_syntax::ast::{self, AstNode, HasAttrs, HasModuleItem, HasName};

use crate::Edition;

/// One `mod name;` item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModuleDeclaration {
    /// The module's name (`r#` stripped).
    pub name: String,
    /// The value of its `#[path = "..."]` attribute, if any.
    pub path_attribute: Option<String>,
    /// The inline modules (`mod a { mod b { .. } }`) it sits in, outermost first, each with its
    /// own `#[path]` attribute if it has one.
    pub inline_parents: Vec<(String, Option<String>)>,
}

/// Every out-of-line module declaration in `source`, including those inside inline modules.
/// Never panics; a file that does not parse yields the declarations that do, one that does not
/// form token trees (see [`crate::check_token_trees`]) none.
pub fn module_declarations(source: &str, edition: Edition) -> Vec<ModuleDeclaration> {
    if crate::check_token_trees(source, edition) != crate::TokenTrees::WellFormed {
        // rustc rejects the file before it loads any module (or it is too deep to parse).
        return Vec::new();
    }
    let parse = SourceFile::parse(source, edition.to_ra());
    let mut declarations = Vec::new();
    collect(parse.tree().items(), &mut Vec::new(), &mut declarations);
    declarations
}

fn collect(
    items: ast::AstChildren<ast::Item>,
    parents: &mut Vec<(String, Option<String>)>,
    out: &mut Vec<ModuleDeclaration>,
) {
    for item in items {
        let ast::Item::Module(module) = item else {
            continue;
        };
        let Some(name) = module.name() else { continue };
        let name = name.text().trim_start_matches("r#").to_string();
        let path_attribute = path_attribute(&module);
        match module.item_list() {
            None => out.push(ModuleDeclaration {
                name,
                path_attribute,
                inline_parents: parents.clone(),
            }),
            Some(list) => {
                parents.push((name, path_attribute));
                collect(list.items(), parents, out);
                parents.pop();
            }
        }
    }
}

fn path_attribute(module: &ast::Module) -> Option<String> {
    module.attrs().find_map(|attr| {
        let ast::Meta::KeyValueMeta(meta) = attr.meta()? else {
            return None;
        };
        if meta.path()?.syntax().text() != "path" {
            return None;
        }
        let ast::Expr::Literal(literal) = meta.expr()? else {
            return None;
        };
        let ast::LiteralKind::String(string) = literal.kind() else {
            return None;
        };
        Some(string.value().ok()?.into_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_out_of_line_modules_with_paths_and_inline_parents() {
        let source = r#"
mod a;
pub(crate) mod r#b;
#[path = "x/y.rs"] mod c;
mod d { mod e; #[path = "f.rs"] mod f; }
#[path = "g"] mod g { mod h; }
mod inline { fn x() {} }
fn not_a_module() { mod local; }
"#;
        let found = module_declarations(source, Edition::E2021);
        let names: Vec<_> = found.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["a", "b", "c", "e", "f", "h"]);
        assert_eq!(found[2].path_attribute.as_deref(), Some("x/y.rs"));
        assert_eq!(found[3].inline_parents, [("d".to_string(), None)]);
        assert_eq!(found[4].path_attribute.as_deref(), Some("f.rs"));
        assert_eq!(
            found[5].inline_parents,
            [("g".to_string(), Some("g".to_string()))]
        );
    }

    #[test]
    fn garbage_does_not_panic() {
        for source in [
            "mod",
            "mod ;",
            "#[path] mod a;",
            "#[path = 1] mod a;",
            "mod a {",
            "\u{0}mod",
        ] {
            let _ = module_declarations(source, Edition::E2024);
        }
    }
}
