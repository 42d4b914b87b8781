//! The request path: the handlers of the audited packages and every
//! function of the graph they reach, with one shortest chain each.
//!
//! Edges, from a function's calls:
//! - a path (`store::save(..)`, `Self::load(..)`, `.map(save)`) goes to the
//!   functions it resolves to (`modules.rs`);
//! - `self.f(..)` goes to `f` of the impl's type, or of its traits, and
//!   `x.f(..)` on a local whose type is in sight (`x: Store`,
//!   `let x = Store::open()?`, `let x = Store { .. }`) to that type's `f`;
//! - another method call `x.f(..)` goes to every method named `f` in the
//!   crate and the crates of the graph it depends on: the over-approximation.
//!   It is not taken when the receiver is visibly foreign (a literal, a
//!   `String`, a std collection, a local of such a type, a chain that starts
//!   at a dependency's or std's function);
//! - calls in closures and async blocks are the enclosing function's, so
//!   what `tokio::spawn`, `spawn_blocking` or `web::block` runs is reached.
//!
//! Input:
//!     #[post("/up")] async fn upload(..) { storage::save(&body) }
//!     mod storage { pub fn save(..) { std::fs::write(..) } }
//! Output: upload (handler), storage::save via [upload → storage::save].

use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;

use crate::frameworks::Rows;
use crate::modules::{CrateInput, Files, Target, Tree};
use crate::summary::{Callee, FileSummary, FnKind, ItemSpan, Position};

/// One package of the graph.
#[derive(Clone, Debug)]
pub struct PackageInput {
    pub name: String,
    /// Its library and binaries.
    pub crates: Vec<CrateRoot>,
    /// Its dependencies, as paths name them (`my_store` for `my-store`),
    /// with the package in the graph when it is one (a workspace member or
    /// a path dependency).
    pub dependencies: Vec<(String, Option<usize>)>,
    /// The frameworks whose handlers it may have: `Rows::for_dependencies`.
    pub frameworks: Rows,
    /// Whether its handlers are roots; a path dependency's are not.
    pub audited: bool,
}

#[derive(Clone, Debug)]
pub struct CrateRoot {
    pub name: String,
    pub root: PathBuf,
    pub is_lib: bool,
}

/// A function, method or trait method on the request path.
#[derive(Clone, Debug)]
pub struct Reached {
    /// Index into the files given to `request_path`.
    pub file: usize,
    /// The position of its name: with `file`, what identifies it.
    pub at: Position,
    /// `util::fs::save`, `Store::save`; other crates' functions start with
    /// the crate's name.
    pub name: String,
    pub kind: FnKind,
    pub is_const: bool,
    /// The whole item, attributes included.
    pub item: ItemSpan,
    /// The impl a method is in.
    pub container: Option<ItemSpan>,
    /// An `#[ephemeral_fs]` covers it, on itself or an item around it.
    pub covered: bool,
    /// A handler itself, not reached from one.
    pub handler: bool,
    /// A shortest chain from a handler: the handler first, this function
    /// last. Each step's line is where it calls the next; the last step's
    /// is its name's.
    pub chain: Vec<Step>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub function: String,
    pub file: usize,
    pub line: usize,
}

#[derive(Debug, Default)]
pub struct RequestPath {
    /// Handlers first, then by distance from a handler.
    pub functions: Vec<Reached>,
    pub handlers: usize,
    /// How many of `functions` only a method call matched by name reaches.
    pub added_by_method_names: usize,
    by_position: HashMap<(usize, Position), usize>,
}

impl RequestPath {
    /// The function whose name is at `at` in `file`, if it is on the path.
    pub fn get(&self, file: usize, at: Position) -> Option<&Reached> {
        self.by_position
            .get(&(file, at))
            .map(|i| &self.functions[*i])
    }
}

/// The request path of the audited packages among `packages`, over the
/// files of all of them (`files` are the summaries of every file, by path).
pub fn request_path(packages: &[PackageInput], files: &[(PathBuf, FileSummary)]) -> RequestPath {
    let mut crates = Vec::new();
    for (package, input) in packages.iter().enumerate() {
        for root in &input.crates {
            crates.push(CrateInput {
                name: root.name.clone(),
                root: root.root.clone(),
                package,
                is_lib: root.is_lib,
            });
        }
    }
    // A crate sees its package's dependencies, and a binary its own
    // package's library.
    let externs: Vec<HashMap<String, Option<usize>>> = crates
        .iter()
        .enumerate()
        .map(|(index, krate)| {
            let mut externs = HashMap::new();
            for (name, package) in &packages[krate.package].dependencies {
                let lib =
                    package.and_then(|p| crates.iter().position(|c| c.package == p && c.is_lib));
                externs.insert(name.clone(), lib);
            }
            if !krate.is_lib {
                if let Some(lib) = crates
                    .iter()
                    .position(|c| c.package == krate.package && c.is_lib && c.name != krate.name)
                {
                    externs.insert(crates[lib].name.clone(), Some(lib));
                }
            }
            externs.remove(&crates[index].name);
            externs
        })
        .collect();
    let tree = Tree::build(Files::new(files), crates, externs);
    let edges = Edges::of(&tree);
    let roots = roots(&tree, packages);

    let all = reach(&tree, &edges, &roots, true);
    let precise = reach(&tree, &edges, &roots, false);
    let mut path = RequestPath {
        handlers: roots.len(),
        ..RequestPath::default()
    };
    let mut keys_precise = std::collections::HashSet::new();
    for node in precise.order.iter() {
        keys_precise.insert(key(&tree, *node));
    }
    for node in all.order.iter().copied() {
        let key = key(&tree, node);
        if path.by_position.contains_key(&key) {
            continue;
        }
        if !keys_precise.contains(&key) {
            path.added_by_method_names += 1;
        }
        path.by_position.insert(key, path.functions.len());
        path.functions.push(reached(&tree, &all, node));
    }
    path
}

fn key(tree: &Tree, node: usize) -> (usize, Position) {
    let n = &tree.nodes[node];
    (tree.modules[n.module].file, n.summary.at)
}

/// For each node, the nodes it calls, with the line and whether only a
/// method name links them.
struct Edges(Vec<Vec<(usize, usize, bool)>>);

impl Edges {
    fn of(tree: &Tree) -> Edges {
        let mut edges = Vec::with_capacity(tree.nodes.len());
        for node in &tree.nodes {
            let module = node.module;
            let krate = tree.modules[module].krate;
            let self_ty = node.owner.as_deref();
            let mut out = Vec::new();
            for call in &node.summary.calls {
                match &call.callee {
                    Callee::Path(path) => {
                        for target in tree.resolve(module, path, self_ty) {
                            if let Target::Function(callee) = target {
                                out.push((callee, call.line, false));
                            }
                        }
                    }
                    Callee::Method {
                        name,
                        on_self,
                        receiver_type,
                        foreign,
                        root,
                    } => {
                        if *foreign {
                            continue;
                        }
                        // `self.f()`, or `x.f()` on a local of a type in
                        // sight: that type's `f`, when it has one.
                        let owner = if *on_self {
                            self_ty
                        } else {
                            receiver_type.as_deref()
                        };
                        if let Some(owner) = owner {
                            let own = tree.associated(krate, owner, name);
                            if !own.is_empty() {
                                out.extend(own.iter().map(|c| (*c, call.line, false)));
                                continue;
                            }
                        }
                        if let Some(root) = root {
                            let targets = tree.resolve(module, root, self_ty);
                            if !targets.is_empty() && targets.iter().all(|t| *t == Target::Extern) {
                                continue;
                            }
                        }
                        out.extend(
                            tree.methods_named(krate, name)
                                .into_iter()
                                .map(|c| (c, call.line, true)),
                        );
                    }
                }
            }
            edges.push(out);
        }
        Edges(edges)
    }
}

/// The handlers of the audited packages, sorted by file and position.
fn roots(tree: &Tree, packages: &[PackageInput]) -> Vec<usize> {
    let mut roots = Vec::new();
    for (id, node) in tree.nodes.iter().enumerate() {
        let module = &tree.modules[node.module];
        let package = &packages[tree.crates[module.krate].package];
        if !package.audited {
            continue;
        }
        let rows = package.frameworks;
        let summary = node.summary;
        let by_impl = match summary.kind {
            FnKind::Method { impl_index } => !module.summary.impls[impl_index]
                .handler
                .and(rows)
                .is_empty(),
            _ => false,
        };
        if !summary.route.and(rows).is_empty() || by_impl {
            roots.push(id);
        }
        for route in &summary.routes {
            if route.rows.and(rows).is_empty() {
                continue;
            }
            let mut found: Vec<usize> = tree
                .resolve(node.module, &route.path, node.owner.as_deref())
                .into_iter()
                .filter_map(|t| match t {
                    Target::Function(f) => Some(f),
                    _ => None,
                })
                .collect();
            if found.is_empty() && route.path.len() == 1 {
                found = tree.free_functions_named(module.krate, &route.path[0]);
            }
            roots.extend(found);
        }
    }
    roots.sort_by_key(|node| key(tree, *node));
    roots.dedup();
    roots
}

struct Reach {
    /// Nodes in the order found: roots, then by distance.
    order: Vec<usize>,
    /// The node a node was found from, and the line of that call.
    from: Vec<Option<(usize, usize)>>,
}

fn reach(tree: &Tree, edges: &Edges, roots: &[usize], by_method_names: bool) -> Reach {
    let mut seen = vec![false; tree.nodes.len()];
    let mut from = vec![None; tree.nodes.len()];
    let mut order = Vec::new();
    let mut queue = VecDeque::new();
    for root in roots {
        if !seen[*root] {
            seen[*root] = true;
            queue.push_back(*root);
        }
    }
    while let Some(node) = queue.pop_front() {
        order.push(node);
        for (callee, line, approximate) in &edges.0[node] {
            if (*approximate && !by_method_names) || seen[*callee] {
                continue;
            }
            seen[*callee] = true;
            from[*callee] = Some((node, *line));
            queue.push_back(*callee);
        }
    }
    Reach { order, from }
}

fn reached(tree: &Tree, reach: &Reach, node: usize) -> Reached {
    let n = &tree.nodes[node];
    let module = &tree.modules[n.module];
    // From the function back to its handler: (node, the line that leads on).
    let mut steps = vec![(node, n.summary.at.line)];
    let mut at = node;
    while let Some((caller, line)) = reach.from[at] {
        steps.push((caller, line));
        at = caller;
    }
    steps.reverse();
    // Names as the handler's crate sees them.
    let home = tree.modules[tree.nodes[steps[0].0].module].krate;
    let chain = steps
        .iter()
        .map(|(step, line)| Step {
            function: tree.name(*step, home),
            file: tree.modules[tree.nodes[*step].module].file,
            line: *line,
        })
        .collect();
    let container = match n.summary.kind {
        FnKind::Method { impl_index } => Some(module.summary.impls[impl_index].item),
        _ => None,
    };
    Reached {
        file: module.file,
        at: n.summary.at,
        name: tree.name(node, home),
        kind: n.summary.kind,
        is_const: n.summary.is_const,
        item: n.summary.item,
        container,
        covered: n.summary.annotated,
        handler: reach.from[node].is_none(),
        chain,
    }
}
