//! Where a path argument comes from, as far as syntax can tell: the local
//! data flow that lets `let p = dir.path().join("x.txt"); File::create(p)`
//! through, while the compiler still decides every type.
//!
//! Syntax only says which expression's type to ask about (the owner of a
//! `.path()`); the generated code asks the compiler. A local counts when its
//! binding is not `mut` and its name is not bound again before the use. Its
//! `let` then borrows the owner once and holds the borrow until the use
//! (see `Slot`): moving, dropping, replacing or mutably borrowing the owner
//! in between is a borrow error, whichever method or container does it.

use std::collections::HashMap;
use std::path::{Component, Path};

use syn::{Block, Expr, Lit, Pat};

use crate::syntax::{PlaceKind, ident_name, place_kind};

/// What the compiler is asked to check for a path argument.
#[derive(Clone)]
pub(crate) enum Origin {
    /// `owner.path()`, perhaps copied (`.to_path_buf()`) or with checked
    /// literals joined: a temp file's path when the owner has a temp type,
    /// and, when joined, a temp directory's.
    PathOf(PathOf),
    /// The path a `tempfile::Builder::make` closure is handed: the make
    /// call's result type is checked instead.
    Made,
    /// A shape recognised but not accepted; the message says what would be.
    Refused(Refusal),
}

#[derive(Clone)]
pub(crate) struct PathOf {
    pub(crate) owner: Owner,
    /// The literal names joined onto the owner's path, in order.
    pub(crate) joins: Vec<String>,
    /// An owned copy (`PathBuf`), which does not borrow the owner.
    pub(crate) owned: bool,
    /// The slot of the local the expression names (`p`, `&p`): its value
    /// is what that local's `let` computed. `None` for a chain of calls.
    pub(crate) local: Option<usize>,
}

impl PathOf {
    pub(crate) fn joined(&self) -> bool {
        !self.joins.is_empty()
    }
}

/// Where the owner of a `.path()` is.
#[derive(Clone)]
pub(crate) enum Owner {
    /// Written in the expression itself.
    Place(Box<Expr>),
    /// Borrowed once by the `let` of slot `slot`, and held there: `written`
    /// is the owner as written at that `let`.
    Held { slot: usize, written: Box<Expr> },
}

impl Owner {
    /// The owner as the user wrote it.
    pub(crate) fn written(&self) -> &Expr {
        match self {
            Owner::Place(owner) | Owner::Held { written: owner, .. } => owner,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// `x.path()` of a temporary, or bound to a `mut` local.
    PathOf,
    /// A join of anything but literals of normal components.
    Join,
    /// The path of a `make` closure that does more than create the file
    /// in one call, or of a builder whose names are not random.
    Made,
}

/// A `let` bound to a path origin. When a checked use reads it (`needed`),
/// its statement is rewritten at the end of its block: a root borrows the
/// owner once into a hidden binding held until the last use, so that the
/// owner is evaluated once, where the user wrote it, and cannot be moved,
/// replaced or mutably borrowed before the use (the borrow checker says
/// so); and the path is computed by tempfile's and `Path`'s own methods,
/// so that no method of the user's can stand in for them.
pub(crate) struct Slot {
    /// The slot whose `let` holds the owner; itself for a root.
    pub(crate) root: usize,
    /// The slot a plain copy (`let q = p;`) reads: its value is that one's.
    pub(crate) alias: Option<usize>,
    /// The owner as written at the root.
    pub(crate) owner: Expr,
    pub(crate) joins: Vec<String>,
    pub(crate) owned: bool,
    pub(crate) needed: bool,
    /// The block and statement index of the `let`.
    pub(crate) block: usize,
    pub(crate) stmt: usize,
}

#[derive(Clone)]
struct Binding {
    origin: Origin,
}

#[derive(Default)]
struct Frame {
    /// `None`: bound to something we do not follow.
    names: HashMap<String, Option<Binding>>,
    /// A closure or async block: a check there would capture the owner, and
    /// a `move` would move it, so locals from outside are not followed.
    barrier: bool,
}

/// The locals of one function body bound to path origins, innermost scope
/// last.
#[derive(Default)]
pub(crate) struct Flow {
    frames: Vec<Frame>,
    slots: Vec<Slot>,
    /// The blocks being visited, innermost last, by number.
    blocks: Vec<usize>,
    opened: usize,
    /// The index of the statement being visited when it is a `let`.
    pub(crate) next_let: Option<usize>,
    /// Every name bound so far, in order (see `changed_since`).
    bound: Vec<String>,
}

impl Flow {
    pub(crate) fn for_body(_block: &Block) -> Flow {
        Flow {
            frames: vec![Frame::default()],
            ..Flow::default()
        }
    }

    pub(crate) fn enter(&mut self, barrier: bool) {
        self.frames.push(Frame {
            names: HashMap::new(),
            barrier,
        });
    }

    pub(crate) fn exit(&mut self) {
        self.frames.pop();
    }

    /// How many scopes are open: where a statement starts.
    pub(crate) fn depth(&self) -> usize {
        self.frames.len()
    }

    /// How many names were bound so far: where a statement starts.
    pub(crate) fn bound_count(&self) -> usize {
        self.bound.len()
    }

    /// Whether, since a statement started with `depth` scopes open and
    /// `bound` names bound, a closure or async block was entered, or `name`
    /// was bound (by a pattern in a scope of its own, or in the
    /// statement's own scope, by a let chain's pattern).
    pub(crate) fn changed_since(&self, depth: usize, bound: usize, name: &str) -> bool {
        let barrier = self
            .frames
            .get(depth..)
            .unwrap_or_default()
            .iter()
            .any(|frame| frame.barrier);
        barrier
            || self
                .bound
                .get(bound..)
                .unwrap_or_default()
                .iter()
                .any(|b| b == name)
    }

    /// A block starts: the `let`s in it are numbered by statement.
    pub(crate) fn open_block(&mut self) -> usize {
        self.opened += 1;
        self.blocks.push(self.opened);
        self.opened
    }

    /// The block ends: the slots of its `let`s that a checked use read,
    /// last statement first.
    pub(crate) fn close_block(&mut self, block: usize) -> Vec<usize> {
        self.blocks.pop();
        let mut needed: Vec<usize> = (0..self.slots.len())
            .filter(|&at| self.slots[at].block == block && self.slots[at].needed)
            .collect();
        needed.sort_by_key(|&at| std::cmp::Reverse(self.slots[at].stmt));
        needed
    }

    pub(crate) fn slot(&self, at: usize) -> &Slot {
        &self.slots[at]
    }

    /// A checked use reads slot `at`: its `let`, and those it reads from,
    /// are rewritten.
    pub(crate) fn mark(&mut self, at: usize) {
        if self.slots[at].needed {
            return;
        }
        self.slots[at].needed = true;
        let (root, alias) = (self.slots[at].root, self.slots[at].alias);
        if root != at {
            self.mark(root);
        }
        if let Some(alias) = alias {
            self.mark(alias);
        }
    }

    /// Whether any path local is followed at all: most bodies bind none.
    pub(crate) fn has_bindings(&self) -> bool {
        !self.slots.is_empty()
            || self
                .frames
                .iter()
                .any(|frame| frame.names.values().any(Option::is_some))
    }

    /// `shadow`, when `name` is a followed path local. An owner's name is
    /// left alone: the `let` holds the owner itself, whatever the name
    /// comes to mean.
    pub(crate) fn shadow_if_bound(&mut self, name: &str) {
        let bound = self
            .frames
            .iter()
            .any(|frame| frame.names.get(name).is_some_and(Option::is_some));
        if bound {
            self.shadow(name);
        }
    }

    /// A block's items shadow the function's locals in the whole block
    /// (`{ use crate::UPLOADS as p; fs::write(p, ..) }` writes to the
    /// static): a path local they name is not followed in it. `None`
    /// stands for a glob import, which may name any.
    pub(crate) fn shadow_by_item(&mut self, names: Option<Vec<String>>) {
        let names = names.unwrap_or_else(|| {
            let bound = self.frames.iter().flat_map(|frame| &frame.names);
            bound
                .filter(|(_, binding)| binding.is_some())
                .map(|(name, _)| name.clone())
                .collect()
        });
        for name in names {
            self.shadow_if_bound(&name);
        }
    }

    /// `name` is assigned: a marker of its type read before the statement
    /// could read it before it is initialized (`let tmp; (tmp = ..,
    /// tmp.persist(..))`). It is counted as bound since then, and stays
    /// followed.
    pub(crate) fn note_assigned(&mut self, name: &str) {
        self.bound.push(name.to_owned());
    }

    /// `name` is bound to something not followed. A path local whose owner
    /// it named stays followed: its `let` holds the owner's borrow (see
    /// `held.rs`), which a new value of the name does not change.
    pub(crate) fn shadow(&mut self, name: &str) {
        self.bound.push(name.to_owned());
        if let Some(frame) = self.frames.last_mut() {
            frame.names.insert(name.to_owned(), None);
        }
    }

    /// `let name = init;`, with `init` already classified; `stmt` is the
    /// `let`'s index in the innermost block.
    pub(crate) fn bind(
        &mut self,
        name: &str,
        mutable: bool,
        origin: Option<Origin>,
        stmt: Option<usize>,
    ) {
        self.shadow(name);
        let origin = match origin {
            Some(Origin::PathOf(_) | Origin::Made) if mutable => {
                Some(Origin::Refused(Refusal::PathOf))
            }
            // A path local's `let` may be rewritten, so it must be a
            // statement of a block being visited.
            Some(Origin::PathOf(path_of)) => stmt.and_then(|stmt| self.new_slot(path_of, stmt)),
            other => other,
        };
        let Some(origin) = origin else { return };
        if let Some(frame) = self.frames.last_mut() {
            frame
                .names
                .insert(name.to_owned(), Some(Binding { origin }));
        }
    }

    fn new_slot(&mut self, path_of: PathOf, stmt: usize) -> Option<Origin> {
        let block = *self.blocks.last()?;
        let at = self.slots.len();
        let (root, alias, written) = match path_of.owner {
            Owner::Place(owner) => (at, None, owner),
            Owner::Held { slot, written } => (slot, path_of.local, written),
        };
        self.slots.push(Slot {
            root,
            alias,
            owner: (*written).clone(),
            joins: path_of.joins.clone(),
            owned: path_of.owned,
            needed: false,
            block,
            stmt,
        });
        Some(Origin::PathOf(PathOf {
            owner: Owner::Held {
                slot: root,
                written,
            },
            joins: path_of.joins,
            owned: path_of.owned,
            local: Some(at),
        }))
    }

    fn lookup(&self, name: &str) -> Option<&Origin> {
        for frame in self.frames.iter().rev() {
            if let Some(binding) = frame.names.get(name) {
                return binding.as_ref().map(|b| &b.origin);
            }
            if frame.barrier {
                return None;
            }
        }
        None
    }

    // Input:  dir.path().join("a").join("b.txt")      Output: PathOf { owner: dir, joins: [a, b.txt] }
    // Input:  &p          (after `let p = tmp.path();`) Output: PathOf { owner: held by p's let }
    // Input:  dir.path().join(name)                    Output: Refused(Join)
    /// What a path argument is, when its shape is one we follow.
    pub(crate) fn classify(&self, expr: &Expr) -> Option<Origin> {
        match strip_borrows(expr) {
            Expr::Path(path) if path.qself.is_none() => {
                self.lookup(&ident_name(path.path.get_ident()?)).cloned()
            }
            Expr::MethodCall(call) if call.turbofish.is_none() => {
                match (ident_name(&call.method).as_str(), call.args.len()) {
                    // The owner is borrowed once and held: only a place can
                    // be, without making a temporary live longer.
                    ("path", 0) if place_kind(&call.receiver) == PlaceKind::Pure => {
                        Some(Origin::PathOf(PathOf {
                            owner: Owner::Place(call.receiver.clone()),
                            joins: Vec::new(),
                            owned: false,
                            local: None,
                        }))
                    }
                    ("path", 0) => Some(Origin::Refused(Refusal::PathOf)),
                    ("to_path_buf" | "to_owned", 0) => match self.classify(&call.receiver)? {
                        Origin::PathOf(path_of) => Some(Origin::PathOf(PathOf {
                            owned: true,
                            local: None,
                            ..path_of
                        })),
                        Origin::Made => None,
                        refused => Some(refused),
                    },
                    ("join", 1) => match self.classify(&call.receiver)? {
                        Origin::PathOf(mut path_of) => match call.args.first().and_then(plain_name)
                        {
                            Some(name) => {
                                path_of.joins.push(name);
                                path_of.owned = true;
                                path_of.local = None;
                                Some(Origin::PathOf(path_of))
                            }
                            None => Some(Origin::Refused(Refusal::Join)),
                        },
                        Origin::Refused(_) => Some(Origin::Refused(Refusal::Join)),
                        Origin::Made => None,
                    },
                    _ => None,
                }
            }
            _ => None,
        }
    }
}

fn strip_borrows(mut expr: &Expr) -> &Expr {
    loop {
        match expr {
            Expr::Reference(reference) if reference.mutability.is_none() => expr = &reference.expr,
            Expr::Paren(paren) => expr = &paren.expr,
            // A `macro_rules!` fragment (`$file:literal`) in its invisible group.
            Expr::Group(group) => expr = &group.expr,
            _ => return expr,
        }
    }
}

/// A string literal that is a relative path of normal components only:
/// joined onto a directory, it stays inside.
#[cfg(test)]
fn is_plain_name(expr: &Expr) -> bool {
    plain_name(expr).is_some()
}

/// The value of a string literal that `is_plain_name`.
fn plain_name(expr: &Expr) -> Option<String> {
    let Expr::Lit(literal) = strip_borrows(expr) else {
        return None;
    };
    let Lit::Str(text) = &literal.lit else {
        return None;
    };
    let value = text.value();
    let path = Path::new(&value);
    // `a//b` and `a/./b` have only normal components once parsed, but a
    // literal that needs reading twice is not a plain name.
    let plain = !value.is_empty()
        && !value.contains("//")
        && !value.split('/').any(|part| part == "." || part == "..")
        && path
            .components()
            .all(|component| matches!(component, Component::Normal(_)));
    plain.then_some(value)
}

/// The name a `let` pattern binds, if it is a single name, and whether it
/// is `mut`. `ref` bindings and sub-patterns are not followed.
pub(crate) fn let_binding(pat: &Pat) -> Option<(String, bool)> {
    let pat = match pat {
        Pat::Type(typed) => &*typed.pat,
        pat => pat,
    };
    match pat {
        Pat::Ident(ident) if ident.by_ref.is_none() && ident.subpat.is_none() => {
            Some((ident_name(&ident.ident), ident.mutability.is_some()))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests;
