//! Structured input: `arbitrary` builds a small Rust item (fn, impl, trait,
//! inline module, and now and then an item the attribute rejects) from the
//! grammar below, biased towards what `#[ephemeral_fs]` looks at: `std::fs`
//! calls under many spellings, builder chains, tempfile escapes, `use`
//! trees with renames and globs, closures, async blocks, macro calls,
//! `#[ephemeral_fs::allow(..)]` (well-formed or not), match arms, nested
//! fns and shadowing lets. The item is rendered to text, parsed with syn,
//! and expanded with attribute arguments drawn from valid and invalid
//! level lists.
//!
//! Asserts: `expand` never panics, and its output parses as a `syn::File`.
#![no_main]

use std::fmt::Write as _;

use arbitrary::Arbitrary;
use ephemeral_fs_core::lints::Lint;
use libfuzzer_sys::fuzz_target;
use proc_macro2::TokenStream;

/// How deep expressions, blocks and modules may nest before rendering
/// falls back to a leaf.
const MAX_DEPTH: usize = 7;
/// At most this many elements of any list are rendered.
const MAX_LIST: usize = 6;

#[derive(Arbitrary, Debug)]
struct Input {
    args: Vec<ArgPart>,
    item: TopItem,
}

// ---------------------------------------------------------------- args

#[derive(Arbitrary, Debug)]
enum ArgPart {
    Level(LevelName, Vec<LintName>),
    LevelNoParens(LevelName),
    LevelBrackets(LevelName, Vec<LintName>),
    LevelTrailingComma(LevelName, Vec<LintName>),
    Garbage(Garbage),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum LevelName {
    Allow,
    Warn,
    Deny,
    Forbid,
    Unknown,
}

impl LevelName {
    fn text(self) -> &'static str {
        match self {
            LevelName::Allow => "allow",
            LevelName::Warn => "warn",
            LevelName::Deny => "deny",
            LevelName::Forbid => "forbid",
            LevelName::Unknown => "error",
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum LintName {
    /// A lint of the table, by index: new lints are fuzzed without an edit.
    Declared(u8),
    Misspelled,
    Unrelated,
    Number,
    Path,
    Str,
}

impl LintName {
    fn text(self) -> &'static str {
        match self {
            LintName::Declared(n) => Lint::ALL[usize::from(n) % Lint::COUNT].name(),
            LintName::Misspelled => "persistant_write",
            LintName::Unrelated => "unused_variables",
            LintName::Number => "42",
            LintName::Path => "clippy::all",
            LintName::Str => "\"temp_escape\"",
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Garbage {
    Comma,
    Literal,
    Ident,
    EmptyParens,
    Brackets,
    Eq,
    Colon2,
    Reason,
    Hash,
}

impl Garbage {
    fn text(self) -> &'static str {
        match self {
            Garbage::Comma => ",",
            Garbage::Literal => "\"deny\"",
            Garbage::Ident => "persistent_write",
            Garbage::EmptyParens => "()",
            Garbage::Brackets => "[deny]",
            Garbage::Eq => "= 1",
            Garbage::Colon2 => "::deny",
            Garbage::Reason => "reason = \"x\"",
            Garbage::Hash => "#",
        }
    }
}

fn lint_list(lints: &[LintName]) -> String {
    lints
        .iter()
        .take(MAX_LIST)
        .map(|lint| lint.text())
        .collect::<Vec<_>>()
        .join(", ")
}

fn render_args(parts: &[ArgPart]) -> String {
    let mut out = Vec::new();
    for part in parts.iter().take(MAX_LIST) {
        out.push(match part {
            ArgPart::Level(level, lints) => format!("{}({})", level.text(), lint_list(lints)),
            ArgPart::LevelNoParens(level) => level.text().to_owned(),
            ArgPart::LevelBrackets(level, lints) => {
                format!("{}[{}]", level.text(), lint_list(lints))
            }
            ArgPart::LevelTrailingComma(level, lints) => {
                format!("{}({},)", level.text(), lint_list(lints))
            }
            ArgPart::Garbage(garbage) => garbage.text().to_owned(),
        });
    }
    out.join(", ")
}

// ---------------------------------------------------------- attributes

#[derive(Arbitrary, Debug)]
enum Attr {
    Allow(Vec<LintName>, Reason),
    AllowNoArgs,
    AllowEq,
    AllowFullPath(Vec<LintName>, Reason),
    Nested(Vec<ArgPart>),
    NestedFullPath(Vec<ArgPart>),
    NestedBare,
    RustAllow,
    Cfg,
    Doc,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Reason {
    Text,
    Empty,
    Missing,
    NotString,
    Twice,
    First,
    NoValue,
}

fn render_allow(lints: &[LintName], reason: Reason) -> String {
    let lints = lint_list(lints);
    let sep = if lints.is_empty() { "" } else { ", " };
    match reason {
        Reason::Text => format!("{lints}{sep}reason = \"the operator asked for it\""),
        Reason::Empty => format!("{lints}{sep}reason = \"\""),
        Reason::Missing => lints,
        Reason::NotString => format!("{lints}{sep}reason = 3"),
        Reason::Twice => format!("{lints}{sep}reason = \"a\", reason = \"b\""),
        Reason::First => format!("reason = \"first\"{sep}{lints}"),
        Reason::NoValue => format!("{lints}{sep}reason"),
    }
}

fn render_attr(attr: &Attr) -> String {
    match attr {
        Attr::Allow(lints, reason) => {
            format!("#[ephemeral_fs::allow({})]", render_allow(lints, *reason))
        }
        Attr::AllowNoArgs => "#[ephemeral_fs::allow]".to_owned(),
        Attr::AllowEq => "#[ephemeral_fs::allow = \"temp_escape\"]".to_owned(),
        Attr::AllowFullPath(lints, reason) => {
            format!("#[::ephemeral_fs::allow({})]", render_allow(lints, *reason))
        }
        Attr::Nested(args) => format!("#[ephemeral_fs({})]", render_args(args)),
        Attr::NestedFullPath(args) => {
            format!("#[ephemeral_fs::ephemeral_fs({})]", render_args(args))
        }
        Attr::NestedBare => "#[ephemeral_fs]".to_owned(),
        Attr::RustAllow => "#[allow(unused)]".to_owned(),
        Attr::Cfg => "#[cfg(unix)]".to_owned(),
        Attr::Doc => "/// docs\n".to_owned(),
    }
}

fn render_attrs(attrs: &[Attr]) -> String {
    attrs
        .iter()
        .take(3)
        .map(render_attr)
        .collect::<Vec<_>>()
        .join(" ")
}

// --------------------------------------------------------------- names

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Name {
    P,
    Path,
    Tmp,
    Data,
    File,
    Fs,
    Write,
    Copy,
    Opts,
    X,
    F,
    Std,
    Dir,
    Builder,
}

impl Name {
    fn text(self) -> &'static str {
        match self {
            Name::P => "p",
            Name::Path => "path",
            Name::Tmp => "tmp",
            Name::Data => "data",
            Name::File => "file",
            Name::Fs => "fs",
            Name::Write => "write",
            Name::Copy => "copy",
            Name::Opts => "opts",
            Name::X => "x",
            Name::F => "f",
            Name::Std => "std",
            Name::Dir => "dir",
            Name::Builder => "builder",
        }
    }
}

/// How an `std::fs` item is spelled at the call site.
#[derive(Arbitrary, Debug, Clone, Copy)]
enum Prefix {
    Bare,
    Fs,
    StdFs,
    GlobalStdFs,
    TokioFs,
    AsyncStdFs,
    Alias,
    SelfFs,
    SuperFs,
    CrateFs,
    MyFs,
    UnixFs,
    FsErr,
    AsyncFs,
}

impl Prefix {
    fn text(self) -> &'static str {
        match self {
            Prefix::Bare => "",
            Prefix::Fs => "fs::",
            Prefix::StdFs => "std::fs::",
            Prefix::GlobalStdFs => "::std::fs::",
            Prefix::TokioFs => "tokio::fs::",
            Prefix::AsyncStdFs => "async_std::fs::",
            Prefix::Alias => "f::",
            Prefix::SelfFs => "self::fs::",
            Prefix::SuperFs => "super::fs::",
            Prefix::CrateFs => "crate::fs::",
            Prefix::MyFs => "storage::fs::",
            Prefix::UnixFs => "std::os::unix::fs::",
            Prefix::FsErr => "fs_err::",
            Prefix::AsyncFs => "async_fs::",
        }
    }
}

/// A path-called operation, drawn from the one table of operations (or,
/// past its end, a name that is none).
#[derive(Arbitrary, Debug, Clone, Copy)]
struct FsFn(u8);

impl FsFn {
    fn text(self) -> &'static str {
        let operations = ephemeral_fs_core::ops::OPERATIONS;
        operations
            .get(usize::from(self.0) % (operations.len() + 1))
            .map_or("frobnicate", |operation| operation.path)
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum FileFn {
    Create,
    CreateNew,
    Open,
    Options,
}

impl FileFn {
    fn text(self) -> &'static str {
        match self {
            FileFn::Create => "File::create",
            FileFn::CreateNew => "File::create_new",
            FileFn::Open => "File::open",
            FileFn::Options => "File::options",
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Flag {
    Read,
    Write,
    Append,
    Create,
    CreateNew,
    Truncate,
    Mode,
    Recursive,
}

impl Flag {
    fn text(self) -> &'static str {
        match self {
            Flag::Read => "read",
            Flag::Write => "write",
            Flag::Append => "append",
            Flag::Create => "create",
            Flag::CreateNew => "create_new",
            Flag::Truncate => "truncate",
            Flag::Mode => "mode",
            Flag::Recursive => "recursive",
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum TempMethod {
    Persist,
    PersistNoclobber,
    Keep,
    DisableCleanup,
    IntoPath,
    Path,
    Close,
}

impl TempMethod {
    fn text(self) -> &'static str {
        match self {
            TempMethod::Persist => "persist",
            TempMethod::PersistNoclobber => "persist_noclobber",
            TempMethod::Keep => "keep",
            TempMethod::DisableCleanup => "disable_cleanup",
            TempMethod::IntoPath => "into_path",
            TempMethod::Path => "path",
            TempMethod::Close => "close",
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum TempType {
    NamedTempFile,
    TempPath,
    TempDir,
    Builder,
    TempfileNamedTempFile,
    TempfileTempPath,
}

impl TempType {
    fn text(self) -> &'static str {
        match self {
            TempType::NamedTempFile => "NamedTempFile",
            TempType::TempPath => "TempPath",
            TempType::TempDir => "TempDir",
            TempType::Builder => "Builder",
            TempType::TempfileNamedTempFile => "tempfile::NamedTempFile",
            TempType::TempfileTempPath => "tempfile::TempPath",
        }
    }
}

// ---------------------------------------------------------- use trees

#[derive(Arbitrary, Debug)]
enum UseItem {
    /// `use ROOT::fs;`, `use ROOT::fs as NAME;`
    Module(UseRoot, Option<Name>),
    /// `use ROOT::fs::{a as b, c, *};`
    Group(UseRoot, Vec<UseLeaf>),
    /// `use ROOT::fs::*;`
    Glob(UseRoot),
    /// `use ROOT::fs::File;`
    Single(UseRoot, UseLeaf),
    /// `use tempfile::{..};`
    Tempfile(Vec<TempType>),
    /// `use std::{fs::{self, File}, io};`
    Nested,
    /// `use self::NAME;` and friends.
    Local(Name),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum UseRoot {
    Std,
    GlobalStd,
    Tokio,
    AsyncStd,
    Storage,
    Unix,
}

impl UseRoot {
    fn text(self) -> &'static str {
        match self {
            UseRoot::Std => "std::fs",
            UseRoot::GlobalStd => "::std::fs",
            UseRoot::Tokio => "tokio::fs",
            UseRoot::AsyncStd => "async_std::fs",
            UseRoot::Storage => "storage::fs",
            UseRoot::Unix => "std::os::unix::fs",
        }
    }
}

#[derive(Arbitrary, Debug)]
enum UseLeaf {
    Fn(FsFn, Option<Name>),
    File(Option<Name>),
    OpenOptions(Option<Name>),
    DirBuilder,
    SelfAlias(Option<Name>),
    Glob,
    Underscore(FsFn),
}

fn rename(name: &Option<Name>) -> String {
    match name {
        Some(name) => format!(" as {}", name.text()),
        None => String::new(),
    }
}

fn render_leaf(leaf: &UseLeaf) -> String {
    match leaf {
        UseLeaf::Fn(function, alias) => format!("{}{}", function.text(), rename(alias)),
        UseLeaf::File(alias) => format!("File{}", rename(alias)),
        UseLeaf::OpenOptions(alias) => format!("OpenOptions{}", rename(alias)),
        UseLeaf::DirBuilder => "DirBuilder".to_owned(),
        UseLeaf::SelfAlias(alias) => format!("self{}", rename(alias)),
        UseLeaf::Glob => "*".to_owned(),
        UseLeaf::Underscore(function) => format!("{} as _", function.text()),
    }
}

fn render_use(item: &UseItem) -> String {
    match item {
        UseItem::Module(root, alias) => format!("use {}{};", root.text(), rename(alias)),
        UseItem::Group(root, leaves) => {
            let leaves = leaves
                .iter()
                .take(MAX_LIST)
                .map(render_leaf)
                .collect::<Vec<_>>()
                .join(", ");
            format!("use {}::{{{leaves}}};", root.text())
        }
        UseItem::Glob(root) => format!("use {}::*;", root.text()),
        UseItem::Single(root, leaf) => match leaf {
            // `use std::fs::*` is Glob; a lone `self` needs braces.
            UseLeaf::Glob | UseLeaf::SelfAlias(_) => {
                format!("use {}::{{{}}};", root.text(), render_leaf(leaf))
            }
            _ => format!("use {}::{};", root.text(), render_leaf(leaf)),
        },
        UseItem::Tempfile(types) => {
            let names = types
                .iter()
                .take(MAX_LIST)
                .map(|ty| ty.text().trim_start_matches("tempfile::"))
                .collect::<Vec<_>>()
                .join(", ");
            format!("use tempfile::{{{names}}};")
        }
        UseItem::Nested => "use std::{fs::{self, File, OpenOptions}, io};".to_owned(),
        UseItem::Local(name) => format!("use self::{};", name.text()),
    }
}

// ---------------------------------------------------------- statements

#[derive(Arbitrary, Debug)]
enum Stmt {
    Let(Name, bool, Option<Ty>, Expr),
    LetElse(Name, Expr),
    LetTuple(Name, Name, Expr),
    Expr(Expr),
    ExprNoSemi(Expr),
    Use(UseItem),
    Attributed(Vec<Attr>, Box<Stmt>),
    NestedFn(Box<FnDef>),
    Block(Vec<Stmt>),
    Macro(MacroCall),
    Const(Name, Expr),
    Return(Option<Expr>),
    For(Name, Expr, Vec<Stmt>),
    Loop(Vec<Stmt>),
    Assign(Name, Expr),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Ty {
    Path,
    PathBuf,
    Str,
    String,
    NamedTempFile,
    File,
    Infer,
}

impl Ty {
    fn text(self) -> &'static str {
        match self {
            Ty::Path => "&Path",
            Ty::PathBuf => "PathBuf",
            Ty::Str => "&str",
            Ty::String => "String",
            Ty::NamedTempFile => "NamedTempFile",
            Ty::File => "std::fs::File",
            Ty::Infer => "_",
        }
    }
}

#[derive(Arbitrary, Debug)]
enum Expr {
    FsCall(Prefix, FsFn, Vec<Expr>),
    FileCall(Prefix, FileFn, Box<Expr>),
    Builder(Prefix, BuilderStart, Vec<(Flag, bool)>, Option<Box<Expr>>),
    BuilderOnLocal(Name, Vec<(Flag, bool)>, Option<Box<Expr>>),
    TempMethod(Name, TempMethod, Option<Box<Expr>>),
    TempAssoc(TempType, TempMethod, Name, Option<Box<Expr>>),
    TempFromPath(TempType, bool, Box<Expr>),
    TempNew(TempType),
    FnValue(Prefix, FsFn),
    Closure(bool, Vec<Name>, Box<Expr>),
    ClosureBlock(bool, Vec<Name>, Vec<Stmt>),
    Async(bool, Vec<Stmt>),
    Macro(MacroCall),
    Match(Box<Expr>, Vec<Arm>),
    Paren(u8, Box<Expr>),
    Block(Vec<Stmt>),
    Unsafe(Vec<Stmt>),
    ConstBlock(Vec<Stmt>),
    Lit(Lit),
    Var(Name),
    MethodCall(Box<Expr>, Method, Vec<Expr>),
    Ref(bool, Box<Expr>),
    Deref(Box<Expr>),
    Try(Box<Expr>),
    Await(Box<Expr>),
    If(Box<Expr>, Vec<Stmt>, Option<Vec<Stmt>>),
    IfLet(Name, Box<Expr>, Vec<Stmt>),
    Attributed(Attr, Box<Expr>),
    Tuple(Vec<Expr>),
    Array(Vec<Expr>),
    Binary(Box<Expr>, BinOp, Box<Expr>),
    Qualified(FsFn, Vec<Expr>),
    Cast(Box<Expr>),
    Index(Box<Expr>, Box<Expr>),
    Field(Box<Expr>, Name),
    Range(Box<Expr>),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum BuilderStart {
    OpenOptionsNew,
    FileOptions,
    DirBuilderNew,
}

impl BuilderStart {
    fn text(self) -> &'static str {
        match self {
            BuilderStart::OpenOptionsNew => "OpenOptions::new()",
            BuilderStart::FileOptions => "File::options()",
            BuilderStart::DirBuilderNew => "DirBuilder::new()",
        }
    }

    fn finish(self) -> &'static str {
        match self {
            BuilderStart::DirBuilderNew => "create",
            _ => "open",
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Method {
    Join,
    Map,
    ForEach,
    TryForEach,
    AndThen,
    Unwrap,
    Clone,
    Path,
    Iter,
    Persist,
    Keep,
    Open,
    Create,
    Write,
}

impl Method {
    fn text(self) -> &'static str {
        match self {
            Method::Join => "join",
            Method::Map => "map",
            Method::ForEach => "for_each",
            Method::TryForEach => "try_for_each",
            Method::AndThen => "and_then",
            Method::Unwrap => "unwrap",
            Method::Clone => "clone",
            Method::Path => "path",
            Method::Iter => "iter",
            Method::Persist => "persist",
            Method::Keep => "keep",
            Method::Open => "open",
            Method::Create => "create",
            Method::Write => "write",
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum BinOp {
    Add,
    And,
    Or,
    Eq,
    Lt,
    Assign,
}

impl BinOp {
    fn text(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::And => "&&",
            BinOp::Or => "||",
            BinOp::Eq => "==",
            BinOp::Lt => "<",
            BinOp::Assign => "=",
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Lit {
    PathStr,
    Bytes,
    Raw,
    Int,
    Bool,
    Format,
    CStr,
    Char,
}

impl Lit {
    fn text(self) -> &'static str {
        match self {
            Lit::PathStr => "\"out/report.txt\"",
            Lit::Bytes => "b\"data\"",
            Lit::Raw => "r#\"C:\\tmp\\x\"#",
            Lit::Int => "0",
            Lit::Bool => "true",
            Lit::Format => "format!(\"thumbs/{}.png\", 3)",
            Lit::CStr => "c\"x\"",
            Lit::Char => "'/'",
        }
    }
}

#[derive(Arbitrary, Debug)]
struct Arm {
    attrs: Vec<Attr>,
    pat: Pat,
    guard: Option<Expr>,
    body: Expr,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Pat {
    Wild,
    Some(Name),
    SomeWild,
    Bind(Name),
    True,
    OkOrErr,
    Ref(Name),
    Tuple(Name, Name),
    Str,
    Range,
}

impl Pat {
    fn text(self) -> String {
        match self {
            Pat::Wild => "_".to_owned(),
            Pat::Some(name) => format!("Some({})", name.text()),
            Pat::SomeWild => "Some(_)".to_owned(),
            Pat::Bind(name) => name.text().to_owned(),
            Pat::True => "true".to_owned(),
            Pat::OkOrErr => "Ok(_) | Err(_)".to_owned(),
            Pat::Ref(name) => format!("ref {}", name.text()),
            Pat::Tuple(a, b) => format!("({}, {})", a.text(), b.text()),
            Pat::Str => "\"a\"".to_owned(),
            Pat::Range => "0..=9".to_owned(),
        }
    }
}

#[derive(Arbitrary, Debug)]
enum MacroCall {
    Assert(Box<Expr>),
    AssertEq(Box<Expr>, Box<Expr>),
    Vec(Vec<Expr>),
    VecRepeat(Box<Expr>),
    Matches(Box<Expr>, Pat, Option<Box<Expr>>),
    Format(Vec<Expr>),
    Dbg(Vec<Expr>),
    Println(Vec<Expr>),
    Write(Box<Expr>),
    Custom(Vec<Stmt>),
    CustomArrow(Box<Expr>, Box<Expr>),
    Braced(Vec<Expr>),
    Bracketed(Vec<Expr>),
    Tokens(Vec<Tok>),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Tok {
    Comma,
    Semi,
    FatArrow,
    If,
    Ident(Name),
    Lit(Lit),
    FsWrite,
    OpenParen,
    CloseParen,
    Dollar,
    Colon2,
    Lifetime,
    Dot,
    Hash,
}

impl Tok {
    fn text(self) -> String {
        match self {
            Tok::Comma => ",".to_owned(),
            Tok::Semi => ";".to_owned(),
            Tok::FatArrow => "=>".to_owned(),
            Tok::If => "if".to_owned(),
            Tok::Ident(name) => name.text().to_owned(),
            Tok::Lit(lit) => lit.text().to_owned(),
            Tok::FsWrite => "std::fs::write(p, d)".to_owned(),
            // Rendered balanced: see `render_tokens`.
            Tok::OpenParen => "(".to_owned(),
            Tok::CloseParen => ")".to_owned(),
            Tok::Dollar => "$".to_owned(),
            Tok::Colon2 => "::".to_owned(),
            Tok::Lifetime => "'a".to_owned(),
            Tok::Dot => ".".to_owned(),
            Tok::Hash => "#".to_owned(),
        }
    }
}

fn render_tokens(tokens: &[Tok]) -> String {
    let mut out = String::new();
    let mut open = 0usize;
    for tok in tokens.iter().take(24) {
        match tok {
            Tok::OpenParen => open += 1,
            Tok::CloseParen if open == 0 => continue,
            Tok::CloseParen => open -= 1,
            _ => {}
        }
        out.push_str(&tok.text());
        out.push(' ');
    }
    for _ in 0..open {
        out.push(')');
    }
    out
}

// --------------------------------------------------------------- items

#[derive(Arbitrary, Debug)]
struct FnDef {
    attrs: Vec<Attr>,
    name: Name,
    asyncness: bool,
    constness: bool,
    params: Vec<(Name, Ty)>,
    has_self: bool,
    body: Vec<Stmt>,
}

#[derive(Arbitrary, Debug)]
enum TopItem {
    Fn(FnDef),
    Impl(Vec<Attr>, Option<Name>, Vec<ImplItem>),
    Trait(Vec<Attr>, Vec<TraitItem>),
    Mod(Vec<Attr>, Vec<ModItem>),
    Rejected(Rejected),
}

#[derive(Arbitrary, Debug)]
enum ImplItem {
    Fn(FnDef),
    Const(Vec<Attr>, Expr),
    Type(Vec<Attr>),
    Macro(Vec<Attr>, MacroCall),
}

#[derive(Arbitrary, Debug)]
enum TraitItem {
    Fn(FnDef, bool),
    Const(Vec<Attr>, Option<Expr>),
    Type(Vec<Attr>),
}

#[derive(Arbitrary, Debug)]
enum ModItem {
    Fn(FnDef),
    Use(Vec<Attr>, UseItem),
    Struct(Vec<Attr>),
    Impl(Vec<Attr>, Vec<ImplItem>),
    Trait(Vec<Attr>, Vec<TraitItem>),
    Mod(Vec<Attr>, Vec<ModItem>),
    ModDecl(Vec<Attr>),
    Const(Vec<Attr>, Expr),
    Static(Vec<Attr>, Expr),
    MacroRules,
    Macro(MacroCall),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Rejected {
    Struct,
    Enum,
    Const,
    Static,
    ModDecl,
    Use,
    Type,
    Union,
    ExternCrate,
    ExternBlock,
    Macro,
    TraitAlias,
}

impl Rejected {
    fn text(self) -> &'static str {
        match self {
            Rejected::Struct => "struct S { p: std::path::PathBuf }",
            Rejected::Enum => "enum E { A, B }",
            Rejected::Const => "const C: () = { let _ = std::fs::write(\"x\", b\"\"); };",
            Rejected::Static => "static S: u8 = 0;",
            Rejected::ModDecl => "mod handlers;",
            Rejected::Use => "use std::fs::write;",
            Rejected::Type => "type T = std::fs::File;",
            Rejected::Union => "union U { a: u8 }",
            Rejected::ExternCrate => "extern crate tempfile;",
            Rejected::ExternBlock => "extern \"C\" { fn f(); }",
            Rejected::Macro => "m! { std::fs::write(p, d) }",
            Rejected::TraitAlias => "trait A = Send + Sync;",
        }
    }
}

// ------------------------------------------------------------ renderer

struct Renderer {
    out: String,
}

impl Renderer {
    fn push(&mut self, text: &str) {
        self.out.push_str(text);
    }

    fn list<T>(&mut self, items: &[T], depth: usize, sep: &str, f: fn(&mut Self, &T, usize)) {
        for (i, item) in items.iter().take(MAX_LIST).enumerate() {
            if i > 0 {
                self.push(sep);
            }
            f(self, item, depth);
        }
    }

    fn exprs(&mut self, exprs: &[Expr], depth: usize) {
        self.list(exprs, depth, ", ", Self::expr);
    }

    fn block(&mut self, stmts: &[Stmt], depth: usize) {
        self.push("{ ");
        if depth < MAX_DEPTH {
            for stmt in stmts.iter().take(MAX_LIST) {
                self.stmt(stmt, depth + 1);
                self.push("\n");
            }
        }
        self.push("}");
    }

    fn stmt(&mut self, stmt: &Stmt, depth: usize) {
        match stmt {
            Stmt::Let(name, mutable, ty, init) => {
                let _ = write!(
                    self.out,
                    "let {}{}",
                    if *mutable { "mut " } else { "" },
                    name.text()
                );
                if let Some(ty) = ty {
                    let _ = write!(self.out, ": {}", ty.text());
                }
                self.push(" = ");
                self.expr(init, depth + 1);
                self.push(";");
            }
            Stmt::LetElse(name, init) => {
                let _ = write!(self.out, "let Some({}) = (", name.text());
                self.expr(init, depth + 1);
                self.push(") else { return; };");
            }
            Stmt::LetTuple(a, b, init) => {
                let _ = write!(self.out, "let ({}, {}) = ", a.text(), b.text());
                self.expr(init, depth + 1);
                self.push(";");
            }
            Stmt::Expr(expr) => {
                self.expr(expr, depth + 1);
                self.push(";");
            }
            Stmt::ExprNoSemi(expr) => {
                // Only a block-like expression may stand without `;` before
                // further statements.
                self.push("{ ");
                self.expr(expr, depth + 1);
                self.push(" }");
            }
            Stmt::Use(item) => self.push(&render_use(item)),
            Stmt::Attributed(attrs, inner) => {
                if depth >= MAX_DEPTH {
                    return self.push(";");
                }
                self.push(&render_attrs(attrs));
                self.push(" ");
                match &**inner {
                    // An attribute needs something to stand on.
                    Stmt::Attributed(..) | Stmt::Return(None) => self.push("();"),
                    inner => self.stmt(inner, depth + 1),
                }
            }
            Stmt::NestedFn(function) => {
                if depth >= MAX_DEPTH {
                    return self.push(";");
                }
                self.fn_def(function, depth + 1, true);
            }
            Stmt::Block(stmts) => self.block(stmts, depth + 1),
            Stmt::Macro(mac) => {
                self.macro_call(mac, depth + 1);
                self.push(";");
            }
            Stmt::Const(name, init) => {
                let _ = write!(self.out, "const {}: usize = ", name.text().to_uppercase());
                self.expr(init, depth + 1);
                self.push(";");
            }
            Stmt::Return(value) => {
                self.push("return");
                if let Some(value) = value {
                    self.push(" ");
                    self.expr(value, depth + 1);
                }
                self.push(";");
            }
            Stmt::For(name, iter, body) => {
                let _ = write!(self.out, "for {} in (", name.text());
                self.expr(iter, depth + 1);
                self.push(") ");
                self.block(body, depth + 1);
            }
            Stmt::Loop(body) => {
                self.push("loop ");
                self.block(body, depth + 1);
            }
            Stmt::Assign(name, value) => {
                let _ = write!(self.out, "{} = ", name.text());
                self.expr(value, depth + 1);
                self.push(";");
            }
        }
    }

    /// An expression that may take a postfix (`.m()`, `?`, `.await`).
    fn atom(&mut self, expr: &Expr, depth: usize) {
        let atomic = matches!(
            expr,
            Expr::FsCall(..)
                | Expr::FileCall(..)
                | Expr::Var(_)
                | Expr::MethodCall(..)
                | Expr::Macro(_)
                | Expr::Paren(..)
                | Expr::Tuple(_)
                | Expr::Array(_)
                | Expr::Lit(_)
                | Expr::Try(_)
                | Expr::Await(_)
        );
        if atomic {
            self.expr(expr, depth);
        } else {
            self.push("(");
            self.expr(expr, depth);
            self.push(")");
        }
    }

    fn flags(&mut self, flags: &[(Flag, bool)]) {
        for (flag, value) in flags.iter().take(MAX_LIST) {
            match flag {
                Flag::Mode => self.push(".mode(0o644)"),
                _ => {
                    let _ = write!(self.out, ".{}({value})", flag.text());
                }
            }
        }
    }

    fn expr(&mut self, expr: &Expr, depth: usize) {
        if depth >= MAX_DEPTH {
            return self.push("p");
        }
        let depth = depth + 1;
        match expr {
            Expr::FsCall(prefix, function, args) => {
                let _ = write!(self.out, "{}{}(", prefix.text(), function.text());
                self.exprs(args, depth);
                self.push(")");
            }
            Expr::FileCall(prefix, function, arg) => {
                let _ = write!(self.out, "{}{}(", prefix.text(), function.text());
                if !matches!(function, FileFn::Options) {
                    self.expr(arg, depth);
                }
                self.push(")");
            }
            Expr::Builder(prefix, start, flags, open) => {
                let _ = write!(self.out, "{}{}", prefix.text(), start.text());
                self.flags(flags);
                if let Some(path) = open {
                    let _ = write!(self.out, ".{}(", start.finish());
                    self.expr(path, depth);
                    self.push(")");
                }
            }
            Expr::BuilderOnLocal(name, flags, open) => {
                self.push(name.text());
                self.flags(flags);
                if let Some(path) = open {
                    self.push(".open(");
                    self.expr(path, depth);
                    self.push(")");
                }
            }
            Expr::TempMethod(name, method, arg) => {
                let _ = write!(self.out, "{}.{}(", name.text(), method.text());
                if let Some(arg) = arg {
                    self.expr(arg, depth);
                }
                self.push(")");
            }
            Expr::TempAssoc(ty, method, receiver, arg) => {
                let _ = write!(
                    self.out,
                    "{}::{}({}",
                    ty.text(),
                    method.text(),
                    receiver.text()
                );
                if let Some(arg) = arg {
                    self.push(", ");
                    self.expr(arg, depth);
                }
                self.push(")");
            }
            Expr::TempFromPath(ty, try_, path) => {
                let function = if *try_ { "try_from_path" } else { "from_path" };
                let _ = write!(self.out, "{}::{function}(", ty.text());
                self.expr(path, depth);
                self.push(")");
            }
            Expr::TempNew(ty) => {
                let _ = write!(self.out, "{}::new()", ty.text());
            }
            Expr::FnValue(prefix, function) => {
                let _ = write!(self.out, "{}{}", prefix.text(), function.text());
            }
            Expr::Closure(moves, params, body) => {
                self.closure_head(*moves, params);
                self.expr(body, depth);
            }
            Expr::ClosureBlock(moves, params, body) => {
                self.closure_head(*moves, params);
                self.block(body, depth);
            }
            Expr::Async(moves, body) => {
                self.push(if *moves { "async move " } else { "async " });
                self.block(body, depth);
            }
            Expr::Macro(mac) => self.macro_call(mac, depth),
            Expr::Match(scrutinee, arms) => {
                self.push("match ");
                self.atom(scrutinee, depth);
                self.push(" {\n");
                for arm in arms.iter().take(MAX_LIST) {
                    self.push(&render_attrs(&arm.attrs));
                    self.push(" ");
                    self.push(&arm.pat.text());
                    if let Some(guard) = &arm.guard {
                        self.push(" if ");
                        self.atom(guard, depth);
                    }
                    self.push(" => ");
                    self.expr(&arm.body, depth);
                    self.push(",\n");
                }
                self.push("}");
            }
            Expr::Paren(levels, inner) => {
                let levels = usize::from(*levels % 40) + 1;
                self.push(&"(".repeat(levels));
                self.expr(inner, depth);
                self.push(&")".repeat(levels));
            }
            Expr::Block(stmts) => self.block(stmts, depth),
            Expr::Unsafe(stmts) => {
                self.push("unsafe ");
                self.block(stmts, depth);
            }
            Expr::ConstBlock(stmts) => {
                self.push("const ");
                self.block(stmts, depth);
            }
            Expr::Lit(lit) => self.push(lit.text()),
            Expr::Var(name) => self.push(name.text()),
            Expr::MethodCall(receiver, method, args) => {
                self.atom(receiver, depth);
                let _ = write!(self.out, ".{}(", method.text());
                self.exprs(args, depth);
                self.push(")");
            }
            Expr::Ref(mutable, inner) => {
                self.push(if *mutable { "&mut " } else { "&" });
                self.atom(inner, depth);
            }
            Expr::Deref(inner) => {
                self.push("*");
                self.atom(inner, depth);
            }
            Expr::Try(inner) => {
                self.atom(inner, depth);
                self.push("?");
            }
            Expr::Await(inner) => {
                self.atom(inner, depth);
                self.push(".await");
            }
            Expr::If(cond, then, otherwise) => {
                self.push("if (");
                self.expr(cond, depth);
                self.push(") ");
                self.block(then, depth);
                if let Some(otherwise) = otherwise {
                    self.push(" else ");
                    self.block(otherwise, depth);
                }
            }
            Expr::IfLet(name, value, then) => {
                let _ = write!(self.out, "if let Some({}) = (", name.text());
                self.expr(value, depth);
                self.push(") ");
                self.block(then, depth);
            }
            Expr::Attributed(attr, inner) => {
                // Parenthesized so the attribute binds to the expression.
                self.push("(");
                self.push(&render_attr(attr));
                self.push(" ");
                self.atom(inner, depth);
                self.push(")");
            }
            Expr::Tuple(items) => {
                self.push("(");
                self.exprs(items, depth);
                self.push(",)");
            }
            Expr::Array(items) => {
                self.push("[");
                self.exprs(items, depth);
                self.push("]");
            }
            Expr::Binary(left, op, right) => {
                self.atom(left, depth);
                let _ = write!(self.out, " {} ", op.text());
                self.atom(right, depth);
            }
            Expr::Qualified(function, args) => {
                let _ = write!(
                    self.out,
                    "<std::fs::File as std::io::Write>::{}(",
                    function.text()
                );
                self.exprs(args, depth);
                self.push(")");
            }
            Expr::Cast(inner) => {
                self.atom(inner, depth);
                self.push(" as usize");
            }
            Expr::Index(base, index) => {
                self.atom(base, depth);
                self.push("[");
                self.expr(index, depth);
                self.push("]");
            }
            Expr::Field(base, name) => {
                self.atom(base, depth);
                let _ = write!(self.out, ".{}", name.text());
            }
            Expr::Range(inner) => {
                self.push("0..");
                self.atom(inner, depth);
            }
        }
    }

    fn closure_head(&mut self, moves: bool, params: &[Name]) {
        if moves {
            self.push("move ");
        }
        let params = params
            .iter()
            .take(MAX_LIST)
            .map(|name| name.text())
            .collect::<Vec<_>>()
            .join(", ");
        let _ = write!(self.out, "|{params}| ");
    }

    fn macro_call(&mut self, mac: &MacroCall, depth: usize) {
        match mac {
            MacroCall::Assert(cond) => {
                self.push("assert!(");
                self.expr(cond, depth);
                self.push(")");
            }
            MacroCall::AssertEq(a, b) => {
                self.push("assert_eq!(");
                self.expr(a, depth);
                self.push(", ");
                self.expr(b, depth);
                self.push(", \"message {}\", 1)");
            }
            MacroCall::Vec(items) => {
                self.push("vec![");
                self.exprs(items, depth);
                self.push("]");
            }
            MacroCall::VecRepeat(item) => {
                self.push("vec![");
                self.expr(item, depth);
                self.push("; 3]");
            }
            MacroCall::Matches(value, pat, guard) => {
                self.push("matches!(");
                self.expr(value, depth);
                let _ = write!(self.out, ", {}", pat.text());
                if let Some(guard) = guard {
                    self.push(" if ");
                    self.expr(guard, depth);
                }
                self.push(")");
            }
            MacroCall::Format(args) => {
                self.push("format!(\"{:?}\"");
                for arg in args.iter().take(MAX_LIST) {
                    self.push(", ");
                    self.expr(arg, depth);
                }
                self.push(")");
            }
            MacroCall::Dbg(args) => {
                self.push("dbg!(");
                self.exprs(args, depth);
                self.push(")");
            }
            MacroCall::Println(args) => {
                self.push("println!(\"{}\"");
                for arg in args.iter().take(MAX_LIST) {
                    self.push(", ");
                    self.expr(arg, depth);
                }
                self.push(")");
            }
            MacroCall::Write(arg) => {
                self.push("write!(out, \"{}\", ");
                self.expr(arg, depth);
                self.push(")");
            }
            MacroCall::Custom(stmts) => {
                self.push("custom! ");
                self.block(stmts, depth);
            }
            MacroCall::CustomArrow(a, b) => {
                self.push("route!(");
                self.expr(a, depth);
                self.push(" => ");
                self.expr(b, depth);
                self.push(")");
            }
            MacroCall::Braced(items) => {
                self.push("braced! {");
                self.exprs(items, depth);
                self.push("}");
            }
            MacroCall::Bracketed(items) => {
                self.push("bracketed![");
                self.list(items, depth, "; ", Self::expr);
                self.push("]");
            }
            MacroCall::Tokens(tokens) => {
                self.push("tokens!(");
                self.push(&render_tokens(tokens));
                self.push(")");
            }
        }
    }

    fn fn_def(&mut self, function: &FnDef, depth: usize, with_body: bool) {
        self.push(&render_attrs(&function.attrs));
        self.push("\n");
        if function.constness {
            self.push("const ");
        }
        if function.asyncness {
            self.push("async ");
        }
        let _ = write!(self.out, "fn {}(", function.name.text());
        let mut params = Vec::new();
        if function.has_self {
            params.push("&self".to_owned());
        }
        for (name, ty) in function.params.iter().take(MAX_LIST) {
            let ty = match ty {
                Ty::Infer => "Vec<u8>",
                ty => ty.text(),
            };
            params.push(format!("{}: {ty}", name.text()));
        }
        self.push(&params.join(", "));
        self.push(") -> std::io::Result<()> ");
        if with_body {
            self.block(&function.body, depth);
        } else {
            self.push(";");
        }
        self.push("\n");
    }

    fn impl_item(&mut self, item: &ImplItem, depth: usize) {
        match item {
            ImplItem::Fn(function) => self.fn_def(function, depth, true),
            ImplItem::Const(attrs, value) => {
                self.push(&render_attrs(attrs));
                self.push(" const C: usize = ");
                self.expr(value, depth);
                self.push(";\n");
            }
            ImplItem::Type(attrs) => {
                self.push(&render_attrs(attrs));
                self.push(" type T = u8;\n");
            }
            ImplItem::Macro(attrs, mac) => {
                self.push(&render_attrs(attrs));
                self.push(" ");
                self.macro_call(mac, depth);
                self.push(";\n");
            }
        }
    }

    fn trait_item(&mut self, item: &TraitItem, depth: usize) {
        match item {
            TraitItem::Fn(function, has_body) => self.fn_def(function, depth, *has_body),
            TraitItem::Const(attrs, value) => {
                self.push(&render_attrs(attrs));
                self.push(" const C: usize");
                if let Some(value) = value {
                    self.push(" = ");
                    self.expr(value, depth);
                }
                self.push(";\n");
            }
            TraitItem::Type(attrs) => {
                self.push(&render_attrs(attrs));
                self.push(" type T;\n");
            }
        }
    }

    fn impl_block(
        &mut self,
        attrs: &[Attr],
        trait_name: Option<Name>,
        items: &[ImplItem],
        depth: usize,
    ) {
        self.push(&render_attrs(attrs));
        match trait_name {
            Some(name) => {
                let _ = write!(self.out, "\nimpl {} for Handler {{\n", name.text());
            }
            None => self.push("\nimpl Handler {\n"),
        }
        if depth < MAX_DEPTH {
            self.list(items, depth + 1, "", Self::impl_item);
        }
        self.push("}\n");
    }

    fn trait_block(&mut self, attrs: &[Attr], items: &[TraitItem], depth: usize) {
        self.push(&render_attrs(attrs));
        self.push("\ntrait Store {\n");
        if depth < MAX_DEPTH {
            self.list(items, depth + 1, "", Self::trait_item);
        }
        self.push("}\n");
    }

    fn module(&mut self, attrs: &[Attr], items: &[ModItem], depth: usize) {
        self.push(&render_attrs(attrs));
        self.push("\nmod handlers {\n");
        if depth < MAX_DEPTH {
            self.list(items, depth + 1, "", Self::mod_item);
        }
        self.push("}\n");
    }

    fn mod_item(&mut self, item: &ModItem, depth: usize) {
        match item {
            ModItem::Fn(function) => self.fn_def(function, depth, true),
            ModItem::Use(attrs, item) => {
                self.push(&render_attrs(attrs));
                self.push(" ");
                self.push(&render_use(item));
                self.push("\n");
            }
            ModItem::Struct(attrs) => {
                self.push(&render_attrs(attrs));
                self.push(" pub struct Settings;\n");
            }
            ModItem::Impl(attrs, items) => self.impl_block(attrs, None, items, depth),
            ModItem::Trait(attrs, items) => self.trait_block(attrs, items, depth),
            ModItem::Mod(attrs, items) => self.module(attrs, items, depth),
            ModItem::ModDecl(attrs) => {
                self.push(&render_attrs(attrs));
                self.push(" mod elsewhere;\n");
            }
            ModItem::Const(attrs, value) => {
                self.push(&render_attrs(attrs));
                self.push(" const C: usize = ");
                self.expr(value, depth);
                self.push(";\n");
            }
            ModItem::Static(attrs, value) => {
                self.push(&render_attrs(attrs));
                self.push(" static S: usize = ");
                self.expr(value, depth);
                self.push(";\n");
            }
            ModItem::MacroRules => {
                self.push("macro_rules! m { ($p:expr) => { std::fs::write($p, b\"\") }; }\n");
            }
            ModItem::Macro(mac) => {
                self.macro_call(mac, depth);
                self.push(";\n");
            }
        }
    }

    fn top(&mut self, item: &TopItem) {
        match item {
            TopItem::Fn(function) => self.fn_def(function, 0, true),
            TopItem::Impl(attrs, trait_name, items) => {
                self.impl_block(attrs, *trait_name, items, 0)
            }
            TopItem::Trait(attrs, items) => self.trait_block(attrs, items, 0),
            TopItem::Mod(attrs, items) => self.module(attrs, items, 0),
            TopItem::Rejected(rejected) => self.push(rejected.text()),
        }
    }
}

fuzz_target!(|input: Input| {
    let mut renderer = Renderer { out: String::new() };
    renderer.top(&input.item);
    let source = renderer.out;
    let args_text = render_args(&input.args);

    let Ok(args) = args_text.parse::<TokenStream>() else {
        return;
    };
    let Ok(item) = source.parse::<TokenStream>() else {
        return;
    };
    // The grammar aims at valid items; the few it gets wrong are skipped.
    if syn::parse2::<syn::Item>(item.clone()).is_err() {
        return;
    }
    let output = ephemeral_fs_core::expand(args, item);
    if let Err(error) = syn::parse2::<syn::File>(output.clone()) {
        panic!(
            "output does not parse as a file: {error}\nargs: {args_text}\nitem: {source}\noutput: {output}"
        );
    }
});
