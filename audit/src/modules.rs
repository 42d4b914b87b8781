//! The module trees of the crates in the graph, the functions in them, and
//! how a path written in a module resolves.
//!
//! Resolution follows Rust's rules where syntax can: `mod` declarations
//! (with `#[path]` and inline modules), `use` and `pub use` with renames,
//! groups and globs, `crate::`, `self::`, `super::`, `Self::`, dependencies
//! in the graph by their crate names. Where it cannot, it over-approximates:
//! a type is known by its name within its crate, so `Store::save` is every
//! `save` of every impl of a type named `Store` there; visibility and
//! `cfg` are not looked at.
//!
//! Input (crate root `src/main.rs`):
//!     mod handlers;            // src/handlers.rs
//!     mod util { pub mod fs; } // src/util/fs.rs
//!     use util::fs::save as store;
//! Output: `store` resolves to the function `save` of `src/util/fs.rs`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::summary::{ChildModule, FileSummary, FnKind, FnSummary, ModuleSummary};

/// How deep imports may chain before resolution gives up: far more than
/// real code needs, and it ends cycles (`use a::*;` in `b`, `use b::*;` in
/// `a`).
const MAX_DEPTH: usize = 12;

/// One crate of the graph: a package's library or one of its binaries.
#[derive(Clone, Debug)]
pub struct CrateInput {
    /// Its name in paths: the library's name with `_`, for a library.
    pub name: String,
    pub root: PathBuf,
    pub package: usize,
    pub is_lib: bool,
}

/// The parsed files, by path.
pub struct Files<'s> {
    pub paths: Vec<PathBuf>,
    pub summaries: Vec<&'s FileSummary>,
    by_path: HashMap<PathBuf, usize>,
}

impl<'s> Files<'s> {
    pub fn new(files: &'s [(PathBuf, FileSummary)]) -> Self {
        Files {
            paths: files.iter().map(|(path, _)| path.clone()).collect(),
            summaries: files.iter().map(|(_, summary)| summary).collect(),
            by_path: files
                .iter()
                .enumerate()
                .map(|(index, (path, _))| (path.clone(), index))
                .collect(),
        }
    }

    pub fn index(&self, path: &Path) -> Option<usize> {
        self.by_path.get(path).copied()
    }
}

pub struct Module<'s> {
    pub krate: usize,
    pub parent: Option<usize>,
    pub file: usize,
    /// Names from the crate root: `["util", "fs"]`.
    pub path: Vec<String>,
    pub summary: &'s ModuleSummary,
    pub children: HashMap<String, usize>,
    /// Free functions by name.
    pub functions: HashMap<String, Vec<usize>>,
}

/// A function of the graph, in one module of one crate.
pub struct Node<'s> {
    pub module: usize,
    pub summary: &'s FnSummary,
    /// The impl's type or the trait, for `Self` and for names.
    pub owner: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Module(usize),
    Function(usize),
    Type {
        krate: usize,
        name: String,
    },
    /// std, or a crate outside the graph.
    Extern,
}

#[derive(Default)]
struct CrateIndex {
    root: usize,
    /// Methods of impls of a type, and of a trait (its default methods and
    /// its impls' methods), by type or trait name, then method name.
    associated: HashMap<String, HashMap<String, Vec<usize>>>,
    /// Every method by name, for calls on receivers of unknown type.
    methods: HashMap<String, Vec<usize>>,
    /// Dependencies by the name paths give them: `Some(crate)` in the
    /// graph, `None` outside it.
    externs: HashMap<String, Option<usize>>,
}

pub struct Tree<'s> {
    pub files: Files<'s>,
    pub crates: Vec<CrateInput>,
    pub modules: Vec<Module<'s>>,
    pub nodes: Vec<Node<'s>>,
    index: Vec<CrateIndex>,
}

impl<'s> Tree<'s> {
    /// The module trees of `crates`; `externs[c]` are the dependencies of
    /// crate `c` by name, with the crate in the graph if it is one.
    pub fn build(
        files: Files<'s>,
        crates: Vec<CrateInput>,
        externs: Vec<HashMap<String, Option<usize>>>,
    ) -> Self {
        let mut tree = Tree {
            files,
            crates,
            modules: Vec::new(),
            nodes: Vec::new(),
            index: Vec::new(),
        };
        for (krate, externs) in externs.into_iter().enumerate() {
            let root = tree.crates[krate].root.clone();
            let mut index = CrateIndex {
                externs,
                ..CrateIndex::default()
            };
            if let Some(file) = tree.files.index(&root) {
                let dir = root.parent().map(Path::to_path_buf).unwrap_or_default();
                let summary = tree.files.summaries[file];
                let mut seen = vec![file];
                index.root = tree.add_module(
                    krate,
                    None,
                    file,
                    dir,
                    Vec::new(),
                    &summary.module,
                    &mut seen,
                );
            } else {
                index.root = usize::MAX;
            }
            tree.index.push(index);
        }
        tree.index_functions();
        tree
    }

    #[allow(clippy::too_many_arguments)]
    fn add_module(
        &mut self,
        krate: usize,
        parent: Option<usize>,
        file: usize,
        dir: PathBuf,
        path: Vec<String>,
        summary: &'s ModuleSummary,
        seen: &mut Vec<usize>,
    ) -> usize {
        let id = self.modules.len();
        self.modules.push(Module {
            krate,
            parent,
            file,
            path: path.clone(),
            summary,
            children: HashMap::new(),
            functions: HashMap::new(),
        });
        for child in &summary.children {
            let mut child_path = path.clone();
            child_path.push(child.name.clone());
            let child_id = match &child.module {
                ChildModule::Inline { module, .. } => Some(self.add_module(
                    krate,
                    Some(id),
                    file,
                    dir.join(&child.name),
                    child_path,
                    module,
                    seen,
                )),
                ChildModule::File { path: attr } => {
                    let found = match attr {
                        // Relative to the directory of the file that
                        // declares it; such a file is read as a `mod.rs`.
                        Some(attr) => {
                            let base = self.files.paths[file].parent().unwrap_or(Path::new(""));
                            let path = base.join(attr);
                            self.files.index(&path).map(|f| (f, base.to_path_buf()))
                        }
                        None => {
                            let flat = dir.join(format!("{}.rs", child.name));
                            let nested = dir.join(&child.name).join("mod.rs");
                            self.files
                                .index(&flat)
                                .map(|f| (f, dir.join(&child.name)))
                                .or_else(|| {
                                    self.files
                                        .index(&nested)
                                        .map(|f| (f, dir.join(&child.name)))
                                })
                        }
                    };
                    match found {
                        Some((child_file, child_dir)) if !seen.contains(&child_file) => {
                            seen.push(child_file);
                            let summary = &self.files.summaries[child_file].module;
                            let child_id = self.add_module(
                                krate,
                                Some(id),
                                child_file,
                                child_dir,
                                child_path,
                                summary,
                                seen,
                            );
                            seen.pop();
                            Some(child_id)
                        }
                        _ => None,
                    }
                }
            };
            if let Some(child_id) = child_id {
                self.modules[id]
                    .children
                    .insert(child.name.clone(), child_id);
            }
        }
        id
    }

    fn index_functions(&mut self) {
        for module_id in 0..self.modules.len() {
            let summary = self.modules[module_id].summary;
            let krate = self.modules[module_id].krate;
            for function in &summary.functions {
                let node = self.nodes.len();
                let owner = match function.kind {
                    FnKind::Free => None,
                    FnKind::Method { impl_index } => {
                        Some(summary.impls[impl_index].self_ty.clone())
                    }
                    FnKind::TraitDefault => function.trait_name.clone(),
                };
                self.nodes.push(Node {
                    module: module_id,
                    summary: function,
                    owner: owner.clone(),
                });
                let index = &mut self.index[krate];
                match function.kind {
                    FnKind::Free => {
                        self.modules[module_id]
                            .functions
                            .entry(function.name.clone())
                            .or_default()
                            .push(node);
                    }
                    FnKind::Method { impl_index } => {
                        let owners = [owner, summary.impls[impl_index].trait_name.clone()];
                        for owner in owners.into_iter().flatten() {
                            index
                                .associated
                                .entry(owner)
                                .or_default()
                                .entry(function.name.clone())
                                .or_default()
                                .push(node);
                        }
                        index
                            .methods
                            .entry(function.name.clone())
                            .or_default()
                            .push(node);
                    }
                    FnKind::TraitDefault => {
                        if let Some(owner) = owner {
                            index
                                .associated
                                .entry(owner)
                                .or_default()
                                .entry(function.name.clone())
                                .or_default()
                                .push(node);
                        }
                        index
                            .methods
                            .entry(function.name.clone())
                            .or_default()
                            .push(node);
                    }
                }
            }
        }
    }

    pub fn crate_root(&self, krate: usize) -> Option<usize> {
        let root = self.index[krate].root;
        (root != usize::MAX).then_some(root)
    }

    /// The functions a path written in `module` names, with `Self` the
    /// type `self_ty`.
    pub fn resolve(&self, module: usize, path: &[String], self_ty: Option<&str>) -> Vec<Target> {
        self.resolve_at(module, path, self_ty, 0)
    }

    fn resolve_at(
        &self,
        module: usize,
        path: &[String],
        self_ty: Option<&str>,
        depth: usize,
    ) -> Vec<Target> {
        let Some((first, rest)) = path.split_first() else {
            return Vec::new();
        };
        if depth > MAX_DEPTH {
            return Vec::new();
        }
        let krate = self.modules[module].krate;
        let mut targets = match first.as_str() {
            "crate" => self
                .crate_root(krate)
                .map(Target::Module)
                .into_iter()
                .collect(),
            "self" => vec![Target::Module(module)],
            "super" => self.modules[module]
                .parent
                .map(Target::Module)
                .into_iter()
                .collect(),
            "Self" => self_ty
                .map(|name| Target::Type {
                    krate,
                    name: name.to_owned(),
                })
                .into_iter()
                .collect(),
            name => self.lookup(module, name, depth, true),
        };
        for segment in rest {
            targets = targets
                .iter()
                .flat_map(|target| match target {
                    Target::Module(m) if segment == "super" => self.modules[*m]
                        .parent
                        .map(Target::Module)
                        .into_iter()
                        .collect(),
                    Target::Module(m) => self.lookup(*m, segment, depth, false),
                    Target::Type { krate, name } => self
                        .associated(*krate, name, segment)
                        .iter()
                        .map(|node| Target::Function(*node))
                        .collect(),
                    Target::Extern => vec![Target::Extern],
                    Target::Function(_) => Vec::new(),
                })
                .collect();
        }
        targets.dedup();
        targets
    }

    /// What `name` means in `module`: its items, its imports, its globs'
    /// items, then (for a path's first segment) the crate's dependencies.
    fn lookup(&self, module: usize, name: &str, depth: usize, first: bool) -> Vec<Target> {
        let m = &self.modules[module];
        let mut targets = Vec::new();
        if let Some(child) = m.children.get(name) {
            targets.push(Target::Module(*child));
        }
        if let Some(functions) = m.functions.get(name) {
            targets.extend(functions.iter().map(|node| Target::Function(*node)));
        }
        if m.summary.types.iter().any(|t| t == name) {
            targets.push(Target::Type {
                krate: m.krate,
                name: name.to_owned(),
            });
        }
        for import in m.summary.uses.iter().filter(|u| !u.glob && u.alias == name) {
            // `use serde_json;` names the dependency, not itself.
            if import.path.len() == 1 && import.path[0] == name {
                continue;
            }
            targets.extend(self.resolve_at(module, &import.path, None, depth + 1));
        }
        if targets.is_empty() {
            for import in m.summary.uses.iter().filter(|u| u.glob) {
                for target in self.resolve_at(module, &import.path, None, depth + 1) {
                    if let Target::Module(glob) = target {
                        if glob != module {
                            targets.extend(self.lookup(glob, name, depth + 1, false));
                        }
                    }
                }
            }
        }
        if targets.is_empty() && first {
            if matches!(name, "std" | "core" | "alloc") {
                targets.push(Target::Extern);
            } else if let Some(dependency) = self.index[m.krate].externs.get(name) {
                targets.push(match dependency.and_then(|c| self.crate_root(c)) {
                    Some(root) => Target::Module(root),
                    None => Target::Extern,
                });
            }
        }
        targets
    }

    /// The methods named `method` of a type or trait named `owner` in
    /// `krate`.
    pub fn associated(&self, krate: usize, owner: &str, method: &str) -> &[usize] {
        self.index[krate]
            .associated
            .get(owner)
            .and_then(|methods| methods.get(method))
            .map_or(&[], Vec::as_slice)
    }

    /// Every method named `name` in `krate` and the crates of the graph it
    /// depends on.
    pub fn methods_named(&self, krate: usize, name: &str) -> Vec<usize> {
        let mut nodes: Vec<usize> = Vec::new();
        let index = &self.index[krate];
        nodes.extend(index.methods.get(name).into_iter().flatten());
        for dependency in index.externs.values().flatten() {
            if *dependency != krate {
                nodes.extend(
                    self.index[*dependency]
                        .methods
                        .get(name)
                        .into_iter()
                        .flatten(),
                );
            }
        }
        nodes
    }

    /// Free functions named `name` anywhere in `krate`: the fallback for a
    /// routed handler whose path does not resolve.
    pub fn free_functions_named(&self, krate: usize, name: &str) -> Vec<usize> {
        self.modules
            .iter()
            .filter(|m| m.krate == krate)
            .flat_map(|m| m.functions.get(name).into_iter().flatten().copied())
            .collect()
    }

    /// `util::fs::save`, `Store::save`; prefixed with the crate's name
    /// outside `home`.
    pub fn name(&self, node: usize, home: usize) -> String {
        let node_ref = &self.nodes[node];
        let module = &self.modules[node_ref.module];
        let mut parts: Vec<&str> = Vec::new();
        if module.krate != home {
            parts.push(&self.crates[module.krate].name);
        }
        parts.extend(module.path.iter().map(String::as_str));
        if let Some(owner) = &node_ref.owner {
            parts.push(owner);
        }
        parts.push(&node_ref.summary.name);
        parts.join("::")
    }
}
