//! Hostile inputs: the attribute in the wrong place, malformed arguments,
//! bodies that do not parse, huge and deeply nested bodies, odd literals and
//! raw identifiers. Each must give a clear error or a correct rewrite, never
//! a panic or a stack overflow.

use ephemeral_fs_core::expand;
use ephemeral_fs_core::lints::{Level, Lint};
use proc_macro2::{Delimiter, Group, TokenStream};
use quote::{ToTokens, quote};

const GUARD: &str = ":: ephemeral_fs :: __private :: persistent_write";

fn tokens(source: &str) -> TokenStream {
    source.parse().expect("test input lexes")
}

mod support;

use support::{errors, rewritten, run};

fn guards(output: &str) -> usize {
    output.matches(GUARD).count()
}

// ---------------------------------------------------------------------------
// The attribute on items it does not accept.

#[test]
fn every_item_kind_it_does_not_accept_is_one_error_naming_the_kind() {
    for (input, kind) in [
        (quote! { struct Upload { path: String } }, "a struct"),
        (quote! { enum Store { Disk, S3 } }, "an enum"),
        (quote! { union Bits { a: u32, b: f32 } }, "a union"),
        (quote! { const ROOT: &str = "/var/uploads"; }, "a const"),
        (quote! { static ROOT: &str = "/var/uploads"; }, "a static"),
        (quote! { static mut COUNT: u32 = 0; }, "a static"),
        (quote! { type Body = Vec<u8>; }, "a type alias"),
        (quote! { use std::fs::write; }, "a `use` item"),
        (quote! { pub use std::fs::{self, File}; }, "a `use` item"),
        (quote! { extern crate tempfile; }, "an `extern crate`"),
        (quote! { extern crate std as stdlib; }, "an `extern crate`"),
        (
            quote! { extern "C" { fn unlink(path: *const u8) -> i32; } },
            "an `extern` block",
        ),
        (
            quote! { unsafe extern "C" { safe fn abs(x: i32) -> i32; } },
            "an `extern` block",
        ),
        (
            quote! { macro_rules! save { ($p:expr) => { std::fs::write($p, b"") }; } },
            "a macro",
        ),
        (quote! { handlers! { fn save() {} } }, "a macro"),
    ] {
        let (messages, item) = errors(quote!(), input.clone());
        assert_eq!(messages.len(), 1, "{input}: {messages:?}");
        assert_eq!(
            messages[0],
            format!(
                "#[ephemeral_fs] goes on a function, an impl block, a trait or an inline module, not on {kind}: put it on the handler functions that use this"
            ),
            "{input}"
        );
        // The item reaches rustc as written, so the error above is the only one.
        assert_eq!(item, input.to_string());
    }
}

#[test]
fn an_item_it_does_not_accept_is_not_rewritten_even_with_writes_inside() {
    let input = quote! {
        static SAVE: fn(&[u8]) -> std::io::Result<()> = |body| std::fs::write("/var/x", body);
    };
    let (messages, item) = errors(quote!(), input.clone());
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert_eq!(item, input.to_string());
}

#[test]
fn module_declarations_say_the_file_is_not_seen() {
    for (input, name) in [
        (quote! { mod missing; }, "missing"),
        (quote! { pub(crate) mod handlers; }, "handlers"),
        (quote! { #[path = "other.rs"] mod other; }, "other"),
    ] {
        let (messages, item) = errors(quote!(), input.clone());
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(
            messages[0].starts_with(&format!("#[ephemeral_fs] cannot see inside `mod {name};`")),
            "{messages:?}"
        );
        assert_eq!(item, input.to_string());
    }
}

#[test]
fn the_expansion_of_a_rejected_item_is_the_item_and_one_compile_error() {
    let input = quote! { union Bits { a: u32, b: f32 } };
    let output = expand(quote!(), input.clone()).to_string();
    assert!(output.starts_with(&input.to_string()), "{output}");
    assert_eq!(output.matches("compile_error").count(), 1, "{output}");
}

// ---------------------------------------------------------------------------
// Items that do not parse: rustc reports them, the macro adds nothing.

#[test]
fn a_body_with_a_syntax_error_is_passed_through_unchanged() {
    for source in [
        "fn stage() { let len = ; std::fs::write(\"/var/x\", b\"\"); }",
        "fn stage() { std::fs::write(\"/var/x\",, b\"\"); }",
        "fn stage() { let tmp = ; tmp.keep(); }",
        "fn stage() -> { }",
        "fn stage();",
    ] {
        let input = tokens(source);
        let output = expand(quote!(), input.clone());
        assert_eq!(output.to_string(), input.to_string(), "{source}");
    }
}

#[test]
fn an_empty_or_incomplete_item_is_passed_through_unchanged() {
    for source in ["", "fn", "fn stage", "pub"] {
        let input = tokens(source);
        assert_eq!(
            expand(quote!(), input.clone()).to_string(),
            input.to_string()
        );
    }
}

#[test]
fn an_item_that_does_not_parse_loses_only_our_attributes() {
    // rustc reports the syntax error; our attributes would add errors of
    // their own ("cannot find `allow` in `ephemeral_fs`").
    for (source, expected) in [
        ("#[ephemeral_fs::allow]", ""),
        (
            "fn f() { let x = ; #[ephemeral_fs::allow(persistent_write, reason = \"r\")] g(); }",
            "fn f () { let x = ; g () ; }",
        ),
        (
            "fn f() { let x = ; { #[ephemeral_fs(deny(temp_escape))] fn h() {} } #[inline] fn k() {} }",
            "fn f () { let x = ; { fn h () { } } # [inline] fn k () { } }",
        ),
    ] {
        assert_eq!(
            expand(quote!(), tokens(source)).to_string(),
            expected,
            "{source}"
        );
    }
}

// ---------------------------------------------------------------------------
// Malformed arguments.

#[test]
fn malformed_arguments_name_the_problem_once() {
    const LEVELS: &str = "expected `allow(..)`, `warn(..)` or `deny(..)`, as in `#[ephemeral_fs(deny(persistent_read))]`";
    const LIST: &str =
        "expected a parenthesized list of lints after `deny`, as in `deny(persistent_read)`";
    const LINT: &str = "expected a lint name: `persistent_write`, `temp_escape`, `persistent_read`, `local_volume` and `unguarded_request_path`";
    const COMMA: &str = "expected `,` between lint levels";
    const AFTER_LINT: &str = "expected `,` or the end of the list after a lint name";
    for (args, expected) in [
        ("deny", LIST),
        ("deny = x", LIST),
        ("deny = \"persistent_read\"", LIST),
        ("deny[persistent_read]", LIST),
        ("deny{persistent_read}", LIST),
        ("deny!(persistent_read)", LIST),
        ("deny::x(persistent_read)", LIST),
        ("\"deny\"", LEVELS),
        ("::deny(persistent_read)", LEVELS),
        ("(deny(persistent_read))", LEVELS),
        ("[deny(persistent_read)]", LEVELS),
        (",deny(persistent_read)", LEVELS),
        ("deny(persistent_read),,warn(temp_escape)", LEVELS),
        ("#deny(persistent_read)", LEVELS),
        ("1", LEVELS),
        ("'a", LEVELS),
        ("deny(1)", LINT),
        ("deny(\"persistent_read\")", LINT),
        ("deny(persistent_read,,)", LINT),
        ("deny(,persistent_read)", LINT),
        ("deny((persistent_read))", LINT),
        ("deny([persistent_read])", LINT),
        ("deny(persistent_read::x)", AFTER_LINT),
        ("deny(persistent_read, #)", LINT),
        ("deny(persistent_read) warn(temp_escape)", COMMA),
        ("deny(persistent_read);", COMMA),
        ("deny(persistent_read); warn(temp_escape)", COMMA),
        ("deny(persistent_read)(temp_escape)", COMMA),
        ("deny(persistent_read) = 1", COMMA),
        ("deny(persistent_read).warn(temp_escape)", COMMA),
    ] {
        let input = quote! {
            fn save(body: &[u8]) -> std::io::Result<()> {
                std::fs::write("/var/uploads/x", body)
            }
        };
        let (messages, item) = errors(tokens(args), input.clone());
        assert_eq!(messages, [expected], "#[ephemeral_fs({args})]");
        // Nothing is rewritten: the misuse is the only error.
        assert_eq!(item, input.to_string(), "#[ephemeral_fs({args})]");
    }
}

#[test]
fn empty_lists_and_unknown_names_are_reported_with_the_valid_names() {
    for (args, expected) in [
        (
            "deny()",
            "`deny(..)` names no lint: expected one or more of `persistent_write`, `temp_escape`, `persistent_read`, `local_volume` and `unguarded_request_path`",
        ),
        (
            "warn(temp_escap)",
            "unknown lint `temp_escap`: did you mean `temp_escape`? the lints are `persistent_write`, `temp_escape`, `persistent_read`, `local_volume` and `unguarded_request_path`",
        ),
        (
            "deny(PERSISTENT_WRITE)",
            "unknown lint `PERSISTENT_WRITE`: the lints are `persistent_write`, `temp_escape`, `persistent_read`, `local_volume` and `unguarded_request_path`",
        ),
        (
            "Deny(persistent_read)",
            "unknown level `Deny`: expected `allow`, `warn` or `deny`",
        ),
        (
            "permit(persistent_read)",
            "unknown level `permit`: expected `allow`, `warn` or `deny`",
        ),
    ] {
        let (messages, _) = errors(tokens(args), quote! { fn f() {} });
        assert_eq!(messages, [expected], "#[ephemeral_fs({args})]");
    }
}

#[test]
fn independent_argument_errors_are_all_reported() {
    let (messages, _) = errors(tokens("forbid"), quote! { fn f() {} });
    assert_eq!(
        messages,
        [
            "unknown level `forbid`: expected `allow`, `warn` or `deny`; `deny` is the strongest level",
            "expected a parenthesized list of lints after `forbid`, as in `forbid(persistent_read)`",
        ]
    );
    let (messages, _) = errors(tokens("forbid(persistant_read)"), quote! { fn f() {} });
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[1].contains("did you mean `persistent_read`?"));
    let (messages, _) = errors(tokens("deny(nope)(temp_escape)"), quote! { fn f() {} });
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].starts_with("unknown lint `nope`"));
    assert_eq!(messages[1], "expected `,` between lint levels");
}

#[test]
fn arguments_and_target_errors_are_reported_together() {
    let (messages, item) = errors(tokens("deny"), quote! { enum Store { Disk } });
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].starts_with("expected a parenthesized list"));
    assert!(messages[1].contains("not on an enum"));
    assert_eq!(item, quote! { enum Store { Disk } }.to_string());
}

#[test]
fn trailing_commas_are_accepted() {
    for args in [
        "deny(persistent_read),",
        "deny(persistent_read,)",
        "deny(persistent_read,), warn(temp_escape,),",
    ] {
        let output = rewritten(tokens(args), quote! { fn f() { std::fs::read(p); } });
        assert!(
            output.contains(":: ephemeral_fs :: __private :: persistent_read (p)"),
            "#[ephemeral_fs({args})]: {output}"
        );
    }
}

// ---------------------------------------------------------------------------
// Duplicate and conflicting levels.

#[test]
fn duplicates_and_conflicts_are_reported_on_the_later_setting() {
    for (args, expected) in [
        (
            "deny(temp_escape), deny(temp_escape)",
            vec!["`temp_escape` is listed twice: remove one"],
        ),
        (
            "allow(persistent_write, temp_escape, persistent_write)",
            vec!["`persistent_write` is listed twice: remove one"],
        ),
        (
            "deny(persistent_read), allow(temp_escape), warn(persistent_read)",
            vec!["conflicting levels for `persistent_read`: `warn` here, `deny` earlier; keep one"],
        ),
        (
            "warn(temp_escape), allow(temp_escape)",
            vec!["conflicting levels for `temp_escape`: `allow` here, `warn` earlier; keep one"],
        ),
        (
            "deny(persistent_read), warn(persistent_read), allow(persistent_read)",
            vec![
                "conflicting levels for `persistent_read`: `warn` here, `deny` earlier; keep one",
                "conflicting levels for `persistent_read`: `allow` here, `deny` earlier; keep one",
            ],
        ),
        (
            "deny(temp_escape, persistent_read), deny(persistent_read, temp_escape)",
            vec![
                "`persistent_read` is listed twice: remove one",
                "`temp_escape` is listed twice: remove one",
            ],
        ),
    ] {
        let (messages, _) = errors(tokens(args), quote! { fn f() {} });
        assert_eq!(messages, expected, "#[ephemeral_fs({args})]");
    }
}

#[test]
fn conflicts_in_a_nested_attribute_are_reported_and_nothing_is_rewritten() {
    let input = quote! {
        mod handlers {
            #[ephemeral_fs(deny(temp_escape), allow(temp_escape))]
            fn stage() { tmp.keep(); }
            fn save() { std::fs::write("/var/x", b""); }
        }
    };
    let (messages, item) = errors(quote!(), input);
    assert_eq!(
        messages,
        ["conflicting levels for `temp_escape`: `allow` here, `deny` earlier; keep one"]
    );
    assert_eq!(guards(&item), 0, "{item}");
    assert!(!item.contains("# [ephemeral_fs"), "{item}");
}

// ---------------------------------------------------------------------------
// `#[ephemeral_fs::allow]` where no statement is.

#[test]
fn allow_on_a_closure_or_inside_an_expression_is_an_error() {
    const MESSAGE: &str = "`#[ephemeral_fs::allow]` goes on a statement or an item: move it to the statement that contains this expression";
    for input in [
        // A closure argument.
        quote! { fn f() {
            names.iter().try_for_each(
                #[ephemeral_fs::allow(persistent_write, reason = "legacy")]
                |name| std::fs::write(name, b)
            );
        } },
        // A closure's body expression.
        quote! { fn f() {
            names.iter().try_for_each(
                |name| #[ephemeral_fs::allow(persistent_write, reason = "legacy")] std::fs::write(name, b)
            );
        } },
        // A `let` initializer.
        quote! { fn f() {
            let saved = #[ephemeral_fs::allow(persistent_write, reason = "legacy")] std::fs::write(p, b);
        } },
        // A method receiver and a binary operand.
        quote! { fn f() {
            let ok = (#[ephemeral_fs::allow(persistent_write, reason = "legacy")] std::fs::write(p, b)).is_ok();
        } },
        quote! { fn f() {
            let n = 1 + #[ephemeral_fs::allow(persistent_write, reason = "legacy")] g(p);
        } },
    ] {
        let (messages, item) = errors(quote!(), input.clone());
        assert_eq!(messages, [MESSAGE], "{input}");
        assert!(!item.contains("ephemeral_fs :: allow"), "{item}");
        assert_eq!(guards(&item), 0, "{item}");
    }
}

#[test]
fn allow_on_a_statement_inside_a_closure_block_is_an_exception() {
    let output = rewritten(
        quote!(),
        quote! { fn f() {
            names.iter().try_for_each(|name| {
                #[ephemeral_fs::allow(persistent_write, reason = "legacy export")]
                std::fs::write(name, b)?;
                std::fs::write(other, b)
            });
        } },
    );
    assert_eq!(guards(&output), 1, "{output}");
    assert!(
        output.contains("std :: fs :: write (name , b) ?"),
        "{output}"
    );
    assert!(!output.contains("ephemeral_fs :: allow"), "{output}");
}

// ---------------------------------------------------------------------------
// Size: a function of 10,000 statements.

#[test]
fn ten_thousand_statements_are_all_checked() {
    const STATEMENTS: usize = 10_000;
    let mut body = String::from("let tmp = tempfile::NamedTempFile::new()?;\n");
    for i in 0..STATEMENTS {
        body.push_str(&match i % 5 {
            0 => "fs::write(&tmp, b)?;\n".to_owned(),
            1 => "std::fs::write(p, b)?;\n".to_owned(),
            2 => format!("let x{i} = {i}u32 + x;\n"),
            3 => "#[ephemeral_fs::allow(persistent_write, reason = \"legacy\")] std::fs::write(p, b)?;\n".to_owned(),
            _ => "assert!(fs::remove_file(p).is_ok());\n".to_owned(),
        });
    }
    let source =
        format!("fn huge(p: &str, b: &[u8], x: u32) -> std::io::Result<()> {{ {body} Ok(()) }}");

    let analysis = run(quote!(), tokens(&source));
    assert!(analysis.error.is_none());
    let per_kind = STATEMENTS / 5;
    let denied = analysis
        .findings
        .iter()
        .filter(|f| f.lint == Lint::PersistentWrite && f.level == Level::Deny)
        .count();
    let allowed = analysis
        .findings
        .iter()
        .filter(|f| f.lint == Lint::PersistentWrite && f.level == Level::Allow)
        .count();
    assert_eq!(denied, 3 * per_kind);
    assert_eq!(allowed, per_kind);
    assert_eq!(analysis.findings.len(), 4 * per_kind);

    let output = expand(quote!(), tokens(&source)).to_string();
    assert_eq!(guards(&output), 3 * per_kind);
    assert!(!output.contains("compile_error"));
    assert!(!output.contains("ephemeral_fs :: allow"));
    assert_eq!(
        output.matches("assert ! (fs :: remove_file (").count(),
        per_kind
    );
}

// ---------------------------------------------------------------------------
// Depth. syn's parser and the macro's walk recurse once per nesting level.
// Without care, a debug build of the macro overflowed a 2 MiB stack at a
// depth of 54 (nested closures) to 553 (`a + a + ..`), and rustc crashed
// at about 720 parentheses, which it compiles fine itself. The expansion
// now runs on a grown stack: every shape is tested 1,000 deep, on a thread
// with the default test-thread stack.

const TEST_THREAD_STACK: usize = 2 * 1024 * 1024;

/// Expands `source` on a thread with the default test-thread stack and
/// returns the output.
fn expand_on_test_stack(source: String) -> String {
    std::thread::Builder::new()
        .stack_size(TEST_THREAD_STACK)
        .spawn(move || expand(TokenStream::new(), tokens(&source)).to_string())
        .expect("thread starts")
        .join()
        .expect("no panic")
}

const WRITE: &str = "fs::write(p, b)";

#[test]
fn deeply_parenthesized_write() {
    let depth = 1_000;
    let output = expand_on_test_stack(format!(
        "fn f() {{ let _ = {}{WRITE}{}; }}",
        "(".repeat(depth),
        ")".repeat(depth)
    ));
    assert_eq!(guards(&output), 1);
}

#[test]
fn deeply_right_nested_sum() {
    let depth = 1_000;
    let output = expand_on_test_stack(format!(
        "fn f() {{ let _ = {}{WRITE}.is_ok() as u8{}; }}",
        "a + (".repeat(depth),
        ")".repeat(depth)
    ));
    assert_eq!(guards(&output), 1);
}

#[test]
fn long_left_nested_sum() {
    let depth = 1_000;
    let output = expand_on_test_stack(format!(
        "fn f() {{ let _ = {}{WRITE}.is_ok() as u8; }}",
        "a + ".repeat(depth)
    ));
    assert_eq!(guards(&output), 1);
}

#[test]
fn deeply_nested_blocks() {
    let depth = 1_000;
    let output = expand_on_test_stack(format!(
        "fn f() {{ {} {WRITE}; {} }}",
        "{ ".repeat(depth),
        " }".repeat(depth)
    ));
    assert_eq!(guards(&output), 1);
}

#[test]
fn deeply_nested_closures() {
    let depth = 1_000;
    let output = expand_on_test_stack(format!(
        "fn f() {{ let _ = {}{WRITE}{}; }}",
        "|| { ".repeat(depth),
        " }".repeat(depth)
    ));
    assert_eq!(guards(&output), 1);
}

#[test]
fn long_method_chain_on_a_write() {
    let depth = 1_000;
    let output = expand_on_test_stack(format!(
        "fn f() {{ let _ = {WRITE}{}; }}",
        ".map(|x| x)".repeat(depth)
    ));
    assert_eq!(guards(&output), 1);
}

#[test]
fn deeply_nested_macro_arguments() {
    let depth = 1_000;
    let output = expand_on_test_stack(format!(
        "fn f() {{ {}{WRITE}.is_ok(){}; }}",
        "assert!(".repeat(depth),
        ")".repeat(depth)
    ));
    assert_eq!(guards(&output), 1);
}

// ---------------------------------------------------------------------------
// Code from `macro_rules!`: an `$e:expr` reaches the attribute wrapped in an
// invisible group.

#[test]
fn an_argument_in_an_invisible_group_is_checked() {
    let path = Group::new(Delimiter::None, quote!("/var/uploads/x"));
    let output = expand(
        quote!(),
        quote! { fn save(b: &[u8]) { std::fs::write(#path, b); } },
    )
    .to_string();
    assert!(
        output.contains(&format!("{GUARD} (\"/var/uploads/x\") , b)")),
        "{output}"
    );
}

#[test]
fn an_invisible_group_around_a_whole_call_is_checked() {
    let call = Group::new(Delimiter::None, quote!(std::fs::write(p, b)));
    let output = expand(quote!(), quote! { fn save() { let _ = #call; } }).to_string();
    assert_eq!(guards(&output), 1, "{output}");
}

// ---------------------------------------------------------------------------
// Literals: raw strings, escapes and non-UTF-8 bytes are guarded as written.

#[test]
fn unusual_literals_are_guarded_verbatim() {
    for literal in [
        r#"r"C:\x""#,
        r####"r#"/var/"quoted""#"####,
        r####"r###"/var/x"###"####,
        r#""/var/\u{1F4BE}/\x7f""#,
        r#""""#,
    ] {
        let output = rewritten(
            quote!(),
            tokens(&format!("fn f() {{ std::fs::write({literal}, b); }}")),
        );
        assert!(
            output.contains(&format!("{GUARD} ({literal})")),
            "{literal}: {output}"
        );
    }
}

#[test]
fn os_str_from_bytes_is_guarded() {
    let output = rewritten(
        quote!(),
        quote! { fn f() { std::fs::write(OsStr::from_bytes(b"/var/\xff"), b); } },
    );
    assert!(
        output.contains(&format!("{GUARD} (OsStr :: from_bytes (b\"/var/\\xff\"))")),
        "{output}"
    );
}

#[test]
fn calls_spelled_inside_strings_are_left_alone() {
    let input = quote! {
        fn f() {
            println!("std::fs::write(\"/var/x\", b)");
            let doc = r#"tmp.keep(); #[ephemeral_fs::allow(temp_escape)]"#;
            log(b"fs::remove_file(p)");
        }
    };
    assert_eq!(rewritten(quote!(), input.clone()), input.to_string());
}

// ---------------------------------------------------------------------------
// Raw identifiers that mean what the macro reads.

#[test]
fn raw_identifiers_for_the_annotated_item_and_renames() {
    let output = rewritten(
        quote!(),
        quote! {
            fn r#fn(r#type: &[u8]) {
                use std::fs::write as r#save;
                let r#tmp = tempfile::NamedTempFile::new();
                r#save(r#match, r#type);
                std::fs::remove_file(r#tmp);
            }
        },
    );
    assert!(
        output.contains(&format!("r#save ({GUARD} (r#match) , r#type)")),
        "{output}"
    );
    assert!(
        output.contains(&format!("remove_file ({GUARD} (r#tmp))")),
        "{output}"
    );

    let output = rewritten(
        quote!(),
        quote! { mod r#impl { fn r#move() { fs::write(p, b); } } },
    );
    assert_eq!(guards(&output), 1, "{output}");
}

// ---------------------------------------------------------------------------
// Function qualifiers.

#[test]
fn unsafe_and_extern_functions_are_checked_like_any_other() {
    for input in [
        quote! { unsafe fn f() { unsafe { std::fs::write(p, b); } } },
        quote! { extern "C" fn f() { std::fs::write(p, b); } },
        quote! { unsafe extern "C" fn f() { std::fs::write(p, b); } },
        quote! { pub(crate) async unsafe fn f() { std::fs::write(p, b); } },
        quote! { trait T { unsafe fn f(&self) { std::fs::write(p, b); } } },
        quote! { impl S { extern "C" fn f() { std::fs::write(p, b); } } },
    ] {
        assert_eq!(guards(&rewritten(quote!(), input.clone())), 1, "{input}");
    }
}

#[test]
fn const_functions_keep_their_body() {
    for input in [
        quote! { const fn f(s: &S) -> u8 { s.keep() } },
        quote! { const unsafe extern "C" fn f(s: &S) -> u8 { s.keep() } },
        quote! { pub const fn f(s: S) -> u8 { S::keep(s) + s.persist() } },
        quote! { impl S { const fn f(&self) -> u8 { self.keep() } } },
    ] {
        assert_eq!(rewritten(quote!(), input.clone()), input.to_string());
    }
}

#[test]
fn macro_definitions_in_annotated_code_are_left_as_templates() {
    let input = quote! {
        fn f() {
            macro_rules! save { ($p:expr) => { std::fs::write($p, b"") }; }
            save!(tmp.path());
        }
    };
    assert_eq!(rewritten(quote!(), input.clone()), input.to_string());
}

// ---------------------------------------------------------------------------
// Regressions: each of these once slipped through or broke valid code.

#[test]
fn raw_identifiers_name_the_same_functions() {
    for source in [
        "fn f() { std::r#fs::write(\"/var/x\", b); }",
        "fn f() { std::fs::r#write(\"/var/x\", b); }",
        "fn f() { std::fs::File::r#create(\"/var/x\"); }",
        "fn f() { use std::fs::write as r#save; save(\"/var/x\", b); }",
        "fn f() { use std::fs::write as save; r#save(\"/var/x\", b); }",
    ] {
        assert_eq!(guards(&rewritten(quote!(), tokens(source))), 1, "{source}");
    }
    let output = rewritten(quote!(), tokens("fn f() { tmp.r#keep(); }"));
    assert!(
        output.contains("__ephemeral_fs_deny_temp_escape_in_place"),
        "{output}"
    );
    // ...and the user's own raw-named items still hide the std names.
    for source in [
        "mod m { mod r#fs { pub fn write(_: &str, _: &[u8]) {} } fn f() { fs::write(\"k\", b); } }",
        "fn f() { use std::fs::*; let r#copy = |s: &str, _: &[u8]| s.len(); copy(\"/var/x\", b); }",
    ] {
        assert_eq!(guards(&rewritten(quote!(), tokens(source))), 0, "{source}");
    }
    let output = rewritten(
        tokens("deny(r#persistent_read)"),
        tokens("fn f() { std::fs::read(p); }"),
    );
    assert!(output.contains("persistent_read (p)"), "{output}");
}

#[test]
fn const_contexts_inside_bodies_are_not_probed() {
    for source in [
        "fn f() -> usize { [0u8; L.keep()].len() }",
        "fn f() { let b: [u8; L.keep()] = [0; 4]; }",
        "fn f() { g::<{ L.keep() }>(); }",
    ] {
        let printed = syn::parse_str::<syn::Item>(source)
            .expect("parses")
            .to_token_stream()
            .to_string();
        assert_eq!(rewritten(quote!(), tokens(source)), printed, "{source}");
    }
    // The repeated value itself is ordinary code.
    let output = rewritten(
        quote!(),
        tokens("fn f() { let v = [fs::remove_file(p); 2]; }"),
    );
    assert_eq!(guards(&output), 1, "{output}");
}

#[test]
fn an_exception_on_a_statement_needs_the_allow_attribute_and_its_reason() {
    let (messages, output) = errors(
        quote!(),
        tokens(
            "fn f() { #[ephemeral_fs(allow(persistent_write))] std::fs::write(\"/var/x\", b); }",
        ),
    );
    assert_eq!(
        messages,
        [
            "a statement takes `#[ephemeral_fs::allow(<lint>, reason = \"...\")]`: an exception needs its reason"
        ]
    );
    assert_eq!(output, "fn f () { std :: fs :: write (\"/var/x\" , b) ; }");
}

#[test]
fn our_attributes_inside_macro_tokens_are_removed() {
    let output = rewritten(
        quote!(),
        tokens(
            "fn f() { run! { #[ephemeral_fs::allow(persistent_write, reason = \"x\")] std::fs::write(\"/var/x\", b)?; } }",
        ),
    );
    assert_eq!(
        output,
        "fn f () { run ! { std :: fs :: write (\"/var/x\" , b) ? ; } }"
    );
    let (messages, _) = errors(
        quote!(),
        tokens(
            "fn f() { assert!(#[ephemeral_fs::allow(persistent_write, reason = \"x\")] std::fs::write(&tmp, b).is_ok()); }",
        ),
    );
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].contains("goes on a statement or an item"),
        "{messages:?}"
    );
}

#[test]
fn after_an_argument_error_nested_levels_rewrite_nothing() {
    let (messages, output) = errors(
        tokens("bogus(persistent_write)"),
        tokens(
            "mod m { #[ephemeral_fs(deny(persistent_read))] pub fn f() { std::fs::read(\"/etc/hosts\"); } }",
        ),
    );
    assert_eq!(messages.len(), 1, "{messages:?}");
    // No guard and no attribute of ours; the import the nested attribute
    // used stays used.
    assert!(!output.contains(":: ephemeral_fs ::"), "{output}");
    assert!(!output.contains("# [ephemeral_fs"), "{output}");
}

#[test]
fn arguments_from_a_macro_fragment_are_read_through_the_invisible_group() {
    let fragment = Group::new(Delimiter::None, quote!(deny(persistent_read)));
    let output = rewritten(quote!(#fragment), tokens("fn f() { std::fs::read(p); }"));
    assert!(output.contains("persistent_read (p)"), "{output}");
}

#[test]
fn list_mistakes_get_precise_messages() {
    let item = || tokens("fn f() {}");
    for (args, expected) in [
        (
            "deny(persistent_write temp_escape)",
            vec!["expected `,` between lints"],
        ),
        (
            "deny(persistent_write = 1)",
            vec!["expected `,` or the end of the list after a lint name"],
        ),
        (
            "deny(persistant_write), warn()",
            vec![
                "unknown lint `persistant_write`: did you mean `persistent_write`? the lints are `persistent_write`, `temp_escape`, `persistent_read`, `local_volume` and `unguarded_request_path`",
                "`warn(..)` names no lint: expected one or more of `persistent_write`, `temp_escape`, `persistent_read`, `local_volume` and `unguarded_request_path`",
            ],
        ),
    ] {
        let (messages, _) = errors(tokens(args), item());
        assert_eq!(messages, expected, "{args}");
    }
}

#[test]
fn exception_mistakes_are_errors() {
    for (attribute, expected) in [
        (
            "#[ephemeral_fs::allow(temp_escape, temp_escape, reason = \"x\")]",
            "`temp_escape` is listed twice: remove one",
        ),
        (
            "#[ephemeral_fs::allow(temp_escape, reason = \"x\", reason = \"y\")]",
            "the reason is given twice: keep one",
        ),
        (
            "#[ephemeral_fs::allow(persistent_write, reason)]",
            "expected `reason = \"...\"`",
        ),
    ] {
        let (messages, _) = errors(quote!(), tokens(&format!("fn f() {{ {attribute} g(); }}")));
        assert_eq!(messages, [expected], "{attribute}");
    }
    for (attributes, expected) in [
        (
            "#[ephemeral_fs(deny(temp_escape))] #[ephemeral_fs(allow(temp_escape))]",
            "one `#[ephemeral_fs(..)]` per item: merge the levels into the first",
        ),
        (
            "#[ephemeral_fs = \"deny\"]",
            "expected `#[ephemeral_fs(deny(<lint>))]`, with levels in parentheses",
        ),
    ] {
        let (messages, _) = errors(
            quote!(),
            tokens(&format!("mod m {{ {attributes} fn f() {{}} }}")),
        );
        assert_eq!(messages, [expected], "{attributes}");
    }
}
