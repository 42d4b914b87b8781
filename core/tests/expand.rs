//! The expansion, token for token, on `quote!` inputs.

use ephemeral_fs_core::lints::{Level, Lint};
use proc_macro2::TokenStream;
use quote::quote;

mod support;

use support::{rewritten as expand, run};

fn error(args: TokenStream, input: TokenStream) -> (String, String) {
    let (messages, item) = support::errors(args, input);
    (messages.join("\n"), item)
}

const PROBES: &str = "# [allow (unused_imports)] use :: ephemeral_fs :: __private :: { FnValueFallback as _ , PathOfFallback as _ , PersistentRead as _ , PersistentWrite as _ , ProbeReceiver as _ , TempAdoptFallback as _ , TempEscape as _ , TempEscapeFallback as _ , UnseenBuilderFallback as _ , UnseenBuilderFlags as _ , } ;";

#[test]
fn code_without_filesystem_calls_is_unchanged() {
    let input = quote! {
        async fn handler(State(db): State<Db>, body: Bytes) -> Result<Json<Id>, Error> {
            let id = db.insert(&body).await?;
            let f = |x: u8| x + 1;
            println!("{}", f(1));
            write!(out, "{id}")?;
            storage::write(&id, body)?;
            Ok(Json(id))
        }
    };
    assert_eq!(expand(quote!(), input.clone()), input.to_string());
}

#[test]
fn guards_path_arguments_of_std_fs_calls() {
    let output = expand(
        quote!(),
        quote! {
            fn save(name: &str, body: &[u8]) -> io::Result<()> {
                std::fs::write(format!("/var/uploads/{name}"), body)
            }
        },
    );
    let expected = quote! {
        fn save(name: &str, body: &[u8]) -> io::Result<()> {
            std::fs::write(::ephemeral_fs::__private::persistent_write(format!("/var/uploads/{name}")), body)
        }
    };
    assert_eq!(output, expected.to_string());
}

#[test]
fn copy_checks_the_destination_and_reads_only_when_denied() {
    let output = expand(quote!(), quote! { fn f() { fs::copy(a, b); } });
    assert_eq!(
        output,
        quote! { fn f() { fs::copy(a, ::ephemeral_fs::__private::persistent_write(b)); } }
            .to_string()
    );
    let output = expand(
        quote!(deny(persistent_read)),
        quote! { fn f() { fs::copy(a, b); } },
    );
    assert_eq!(
        output,
        quote! { fn f() {
            fs::copy(
                ::ephemeral_fs::__private::persistent_read(a),
                ::ephemeral_fs::__private::persistent_write(b)
            );
        } }
        .to_string()
    );
}

#[test]
fn warn_level_uses_a_probe_and_imports_its_fallbacks() {
    let output = expand(
        quote!(warn(persistent_write)),
        quote! { fn f() { fs::remove_file(p); } },
    );
    let expected = format!(
        "fn f () {{ {PROBES} fs :: remove_file (:: ephemeral_fs :: __private :: Probe (p) . path_is_not_a_temp_file ()) ; }}"
    );
    assert_eq!(output, expected);
}

#[test]
fn follows_renames_globs_and_module_imports() {
    let output = expand(
        quote!(),
        quote! {
            mod handlers {
                use std::fs::{self as disk, File as F, write as save};
                fn a() { save(p, b); F::create(p); disk::remove_dir(p); }
                fn b() { use std::fs::*; remove_file(p); }
                mod inner { fn c() { save(p, b); F::create(p); } }
            }
        },
    );
    assert_eq!(
        output.matches("__private :: persistent_write").count(),
        4,
        "{output}"
    );
    assert!(
        output.contains("mod inner { fn c () { save (p , b) ; F :: create (p) ; } }"),
        "{output}"
    );
}

#[test]
fn own_modules_and_foreign_crates_are_left_alone() {
    let input = quote! {
        mod handlers {
            mod fs { pub fn write(_: &str, _: &[u8]) {} }
            use crate::blob::File;
            fn a() { fs::write("k", b); File::create("k"); self::fs::write("k", b); }
        }
    };
    assert_eq!(expand(quote!(), input.clone()), input.to_string());
}

#[test]
fn async_runtimes_fs_modules_are_checked() {
    let output = expand(
        quote!(),
        quote! { async fn f() { tokio::fs::write(p, b).await; } },
    );
    assert!(
        output.contains(
            "tokio :: fs :: write (:: ephemeral_fs :: __private :: persistent_write (p) , b)"
        ),
        "{output}"
    );
}

#[test]
fn re_exported_unix_sockets_are_checked() {
    // actix re-exports tokio's Unix sockets, as Rocket re-exports tokio.
    let output = expand(
        quote!(),
        quote! { mod m { use actix_rt::net::UnixListener; fn f() { UnixListener::bind(p); } } },
    );
    assert!(
        output.contains(
            "UnixListener :: bind (:: ephemeral_fs :: __private :: persistent_write (p))"
        ),
        "{output}"
    );
    // Imported outside the item, a Unix socket is std's, as `File` is.
    let output = expand(quote!(), quote! { fn f() { UnixDatagram::bind(p); } });
    assert!(
        output.contains(
            "UnixDatagram :: bind (:: ephemeral_fs :: __private :: persistent_write (p))"
        ),
        "{output}"
    );
}

#[test]
fn open_options_chains_are_writes_only_with_a_write_flag() {
    let read_only = quote! { fn f() { OpenOptions::new().read(true).open(p); File::options().write(false).open(p); } };
    assert_eq!(expand(quote!(), read_only.clone()), read_only.to_string());
    let output = expand(
        quote!(),
        quote! { fn f() { OpenOptions::new().append(true).open(p); } },
    );
    assert!(
        output.contains(". open (:: ephemeral_fs :: __private :: persistent_write (p))"),
        "{output}"
    );
    let output = expand(
        quote!(),
        quote! { fn f() { let mut opts = fs::OpenOptions::new(); opts.create(flag); opts.open(p); } },
    );
    assert!(
        output.contains("opts . open (:: ephemeral_fs :: __private :: persistent_write (p))"),
        "{output}"
    );
    let output = expand(
        quote!(),
        quote! { fn f() { DirBuilder::new().recursive(true).create(p); } },
    );
    assert!(
        output.contains(". create (:: ephemeral_fs :: __private :: persistent_write (p))"),
        "{output}"
    );
}

#[test]
fn escapes_probe_places_by_type_and_values_by_value() {
    let output = expand(quote!(), quote! { fn f() { tmp.keep(); } });
    let expected = format!(
        "fn f () {{ {PROBES} :: ephemeral_fs :: __private :: after (:: ephemeral_fs :: __private :: Probe (:: ephemeral_fs :: __private :: type_of (# [allow (unused_variables)] | | match tmp {{ ref __ephemeral_fs_place => :: core :: ptr :: from_ref (__ephemeral_fs_place) }})) . __ephemeral_fs_deny_temp_escape_in_place () , tmp . keep ()) ; }}"
    );
    assert_eq!(output, expected);
    let output = expand(
        quote!(),
        quote! { fn f() { NamedTempFile::new()?.keep(); } },
    );
    assert!(
        output.contains(":: ephemeral_fs :: __private :: Probe (NamedTempFile :: new () ?) . __ephemeral_fs_deny_temp_escape () . keep ()"),
        "{output}"
    );
    // In braces, a receiver stays one: as an argument, `unused_braces`.
    let output = expand(quote!(), quote! { fn f() { { s }.keep(); } });
    assert!(
        output.contains(
            "{ s } . __ephemeral_fs_probe () . __ephemeral_fs_deny_temp_escape () . keep ()"
        ),
        "{output}"
    );
    let output = expand(quote!(), quote! { fn f() { TempPath::from_path(p); } });
    assert!(
        output.contains(
            ":: ephemeral_fs :: __private :: Probe (TempPath :: from_path (p)) . __ephemeral_fs_deny_temp_adopt ()"
        ),
        "{output}"
    );
}

#[test]
fn impure_places_are_probed_by_type_and_evaluated_once() {
    // A place with a call in it: by its type, from a closure never called.
    let output = expand(quote!(), quote! { fn f() { files[next()].keep(); } });
    assert!(
        output.contains(":: ephemeral_fs :: __private :: after (:: ephemeral_fs :: __private :: Probe (:: ephemeral_fs :: __private :: type_of (# [allow (unused_variables)] | | & raw const files [:: ephemeral_fs :: __private :: value_of (& next ())])) . __ephemeral_fs_deny_temp_escape_in_place () , files [next ()] . keep ())"),
        "{output}"
    );
    // A place that starts from a value: the value goes through once.
    let output = expand(quote!(), quote! { fn f() { (tmp,).0.persist(dest); } });
    assert!(
        output.contains(":: ephemeral_fs :: __private :: projected ((tmp ,) , | __ephemeral_fs_root | :: ephemeral_fs :: __private :: Probe (:: ephemeral_fs :: __private :: type_behind (& (* __ephemeral_fs_root) . 0)) . __ephemeral_fs_deny_temp_escape_in_place ()) . 0 . persist (dest)"),
        "{output}"
    );
}

#[test]
fn harmless_switches_are_not_probed() {
    let input =
        quote! { fn f() { builder.keep(false); dir.disable_cleanup(false); cache::keep(x); } };
    assert_eq!(expand(quote!(), input.clone()), input.to_string());
    // A rename of tempfile's type in sight is tempfile's type.
    let output = expand(
        quote!(),
        quote! { fn f() { use tempfile::NamedTempFile as staged; staged::keep(x); } },
    );
    assert!(
        output.contains(
            "Probe (:: ephemeral_fs :: __private :: type_of (# [allow (unused_variables)] | | match x { ref __ephemeral_fs_place => :: core :: ptr :: from_ref (__ephemeral_fs_place) })) . __ephemeral_fs_deny_temp_escape_in_place () , staged :: keep (x))"
        ),
        "{output}"
    );
}

#[test]
fn functions_used_as_values_become_guarded_mirrors() {
    let output = expand(
        quote!(),
        quote! { fn f() { files.iter().try_for_each(fs::remove_file); } },
    );
    assert!(
        output.contains(":: ephemeral_fs :: __private :: with_witness (fs :: remove_file :: < & 'static str > , :: std :: fs :: remove_file :: < & 'static str > , :: ephemeral_fs :: fs :: remove_file)"),
        "{output}"
    );
    // Reads are only mirrored when denied.
    let input = quote! { fn f() { paths.iter().map(fs::read_to_string); } };
    assert_eq!(expand(quote!(), input.clone()), input.to_string());
}

#[test]
fn macro_arguments_are_checked() {
    let output = expand(
        quote!(),
        quote! {
            fn f() {
                assert!(fs::write(p, b).is_ok(), "saved {}", name);
                let v = vec![fs::remove_file(p); 2];
                my_macro!(x => fs::create_dir(p), y);
                println!("{}", name);
            }
        },
    );
    assert_eq!(
        output.matches("__private :: persistent_write").count(),
        3,
        "{output}"
    );
    assert!(output.contains("println ! (\"{}\" , name)"), "{output}");
}

#[test]
fn statement_exceptions_are_stripped_and_scoped() {
    let output = expand(
        quote!(),
        quote! {
            fn f() {
                #[ephemeral_fs::allow(persistent_write, reason = "legacy cache")]
                fs::write(a, b)?;
                fs::write(c, d)?;
            }
        },
    );
    assert_eq!(
        output,
        quote! { fn f() { fs::write(a, b)?; fs::write(::ephemeral_fs::__private::persistent_write(c), d)?; } }.to_string()
    );
}

#[test]
fn nested_attributes_set_levels_for_their_item() {
    let output = expand(
        quote!(),
        quote! {
            mod m {
                #[ephemeral_fs(allow(persistent_write))]
                fn legacy() { fs::write(a, b); }
                #[ephemeral_fs::ephemeral_fs]
                fn checked() { fs::write(a, b); }
            }
        },
    );
    assert!(
        output.contains("fn legacy () { fs :: write (a , b) ; }"),
        "{output}"
    );
    assert_eq!(
        output.matches("persistent_write (a)").count(),
        1,
        "{output}"
    );
    assert!(!output.contains("# [ephemeral_fs"), "{output}");
}

#[test]
fn misuse_reports_and_still_emits_the_stripped_item() {
    let (message, item) = error(
        quote!(),
        quote! {
            fn f() {
                #[ephemeral_fs::allow(persistent_write)]
                fs::write(a, b);
            }
        },
    );
    assert!(message.contains("needs a reason"), "{message}");
    assert_eq!(item, quote! { fn f() { fs::write(a, b); } }.to_string());

    let (message, item) = error(quote!(deny(persistant_read)), quote! { struct S; });
    assert!(
        message.contains("did you mean `persistent_read`?"),
        "{message}"
    );
    assert!(message.contains("not on a struct"), "{message}");
    assert_eq!(item, "struct S ;");
}

#[test]
fn allow_on_an_expression_is_an_error() {
    let (message, item) = error(
        quote!(),
        quote! { fn f() { g(#[ephemeral_fs::allow(temp_escape, reason = "x")] a); } },
    );
    assert!(
        message.contains("goes on a statement or an item"),
        "{message}"
    );
    assert_eq!(item, quote! { fn f() { g(a); } }.to_string());
}

#[test]
fn findings_carry_lint_level_and_operation() {
    let analysis = run(
        quote!(warn(temp_escape)),
        quote! {
            impl Handler {
                async fn upload(&self) {
                    fs::write(a, b);
                    std::fs::read(c);
                    tmp.keep();
                }
            }
        },
    );
    let found: Vec<(Lint, Level, String)> = analysis
        .findings
        .iter()
        .map(|f| (f.lint, f.level, f.operation.clone()))
        .collect();
    assert_eq!(
        found,
        vec![
            (
                Lint::PersistentWrite,
                Level::Deny,
                "std::fs::write".to_owned()
            ),
            (
                Lint::PersistentRead,
                Level::Allow,
                "std::fs::read".to_owned()
            ),
            (Lint::TempEscape, Level::Warn, ".keep()".to_owned()),
        ]
    );
}

#[test]
fn every_accepted_target_kind_is_rewritten() {
    for input in [
        quote! { fn f() { fs::write(a, b); } },
        quote! { impl T for S { fn f(&self) { fs::write(a, b); } } },
        quote! { trait T { fn f(&self) { fs::write(a, b); } fn g(&self); } },
        quote! { mod m { fn f() { fs::write(a, b); } } },
        // On a method of a plain impl, the macro receives it as a function.
        quote! { pub async fn f(&mut self) { fs::write(a, b); } },
        quote! { fn f<P: AsRef<Path>>(self: Box<Self>, p: P) { fs::write(a, b); } },
    ] {
        let output = expand(quote!(), input);
        assert!(output.contains("persistent_write (a)"), "{output}");
    }
}

#[test]
fn a_mod_declaration_is_an_error_on_the_attribute() {
    let (message, _) = error(quote!(), quote! { mod handlers; });
    assert!(
        message.contains("cannot see inside `mod handlers;`"),
        "{message}"
    );
}

#[test]
fn a_path_taken_from_a_place_is_decided_by_the_owner_type() {
    let output = expand(
        quote!(),
        quote! { fn f() { fs::write(tmp.path(), b); fs::write(make().path(), b); } },
    );
    // The path is tempfile's own, computed from the borrowed owner; the
    // user's chain is what any other owner runs.
    assert!(
        output.contains("fs :: write (:: ephemeral_fs :: __private :: Probe (& tmp) . __ephemeral_fs_deny_persistent_write_path (:: ephemeral_fs :: __private :: Probe (& tmp) . __ephemeral_fs_path (|| tmp . path ())) , b)"),
        "{output}"
    );
    // A place that is not a lone name is borrowed once.
    let indexed = expand(quote!(), quote! { fn f() { fs::write(&v[i].path(), b); } });
    assert!(
        indexed.contains("fs :: write (& match & v [i] { __ephemeral_fs_owner => :: ephemeral_fs :: __private :: Probe (__ephemeral_fs_owner) . __ephemeral_fs_deny_persistent_write_path (:: ephemeral_fs :: __private :: Probe (__ephemeral_fs_owner) . __ephemeral_fs_path (| | (* __ephemeral_fs_owner) . path ())) } , b)"),
        "{indexed}"
    );
    // Not a plain place: borrowing it would run `make()` twice.
    assert!(
        output.contains("persistent_write_path_of (make () . path ())"),
        "{output}"
    );
}

#[test]
fn const_contexts_are_not_probed() {
    let input = quote! { const fn f(s: &S) -> u8 { s.keep() } };
    assert_eq!(expand(quote!(), input.clone()), input.to_string());
    let input = quote! { fn f() { let x = const { S.keep() }; } };
    assert_eq!(expand(quote!(), input.clone()), input.to_string());
    let output = expand(
        quote!(),
        quote! { impl S { const fn a(&self) -> u8 { self.keep() } fn b(&self) { self.keep(); } } },
    );
    assert_eq!(
        output.matches("deny_temp_escape_in_place").count(),
        1,
        "{output}"
    );
}

#[test]
fn const_fn_leak_calls_are_checked_by_a_closure_never_called() {
    let output = expand(
        quote!(),
        quote! { const fn f(t: T) -> u8 { std::mem::forget(t); s.keep() } },
    );
    assert!(
        output.contains("std :: mem :: forget (:: ephemeral_fs :: __private :: checked_in_const (t , | __ephemeral_fs_root | :: ephemeral_fs :: __private :: Probe (:: ephemeral_fs :: __private :: type_of (| | __ephemeral_fs_root)) . __ephemeral_fs_deny_temp_forget ())) ; s . keep ()"),
        "{output}"
    );
    // An `allow` on the statement leaves it as written.
    let input = quote! { const fn f(t: T) { #[ephemeral_fs::allow(temp_escape, reason = "x")] std::mem::forget(t); } };
    assert_eq!(
        expand(quote!(), input),
        quote! { const fn f(t: T) { std::mem::forget(t); } }.to_string()
    );
}

#[test]
fn path_called_escapes_probe_their_receiver_argument() {
    // The receiver decides, whatever the path names: a trait, a generic
    // type, a module.
    let output = expand(
        quote!(),
        quote! { fn f() { NamedTempFile::persist(tmp, dest); Keep::keep(&5); TempDir::disable_cleanup(&mut dir, false); } },
    );
    assert!(
        output.contains("let __ephemeral_fs_receiver_0 = :: ephemeral_fs :: __private :: Probe (:: ephemeral_fs :: __private :: type_of (# [allow (unused_variables)] | | match tmp { ref __ephemeral_fs_place => :: core :: ptr :: from_ref (__ephemeral_fs_place) })) . __ephemeral_fs_persist_receiver () ; NamedTempFile :: persist (tmp , :: ephemeral_fs :: __private :: destination (dest , | __ephemeral_fs_dest | __ephemeral_fs_receiver_0 . __ephemeral_fs_deny_temp_persist_in_place (& * __ephemeral_fs_dest))) ;"),
        "{output}"
    );
    assert!(
        output.contains("Keep :: keep (:: ephemeral_fs :: __private :: Probe (& 5) . __ephemeral_fs_deny_temp_escape ())"),
        "{output}"
    );
    assert!(
        output.contains("TempDir :: disable_cleanup (& mut dir , false)"),
        "{output}"
    );
}

#[test]
fn locals_hide_imported_function_names() {
    let input = quote! {
        fn f(write: impl Fn(u8)) {
            use std::fs::*;
            let copy = body.to_vec();
            write(1);
            send(copy);
            items.iter().map(|remove_file| remove_file.len());
        }
    };
    assert_eq!(expand(quote!(), input.clone()), input.to_string());
    let output = expand(
        quote!(),
        quote! { fn f() { use std::fs::*; remove_file(p); } },
    );
    assert!(
        output.contains("remove_file (:: ephemeral_fs :: __private :: persistent_write (p))"),
        "{output}"
    );
}

#[test]
fn our_attributes_are_removed_from_every_item_and_arm() {
    let output = expand(
        quote!(),
        quote! {
            mod m {
                #[ephemeral_fs::allow(persistent_write, reason = "config")]
                pub struct Config;
                impl Config {
                    #[ephemeral_fs::allow(persistent_write, reason = "x")]
                    const A: u8 = 1;
                }
                fn f(x: Option<u8>) {
                    match x {
                        #[ephemeral_fs::allow(persistent_write, reason = "legacy")]
                        Some(_) => fs::write(a, b),
                        None => fs::write(c, d),
                    };
                }
            }
        },
    );
    assert!(!output.contains("ephemeral_fs :: allow"), "{output}");
    assert!(
        output.contains("Some (_) => fs :: write (a , b)"),
        "{output}"
    );
    assert!(
        output.contains(
            "None => fs :: write (:: ephemeral_fs :: __private :: persistent_write (c) , d)"
        ),
        "{output}"
    );
}

#[test]
fn match_guards_in_macros_are_checked() {
    let output = expand(
        quote!(),
        quote! { fn f() { matches!(x, Some(_) if fs::write(p, b).is_ok()); } },
    );
    assert!(
        output.contains("matches ! (x , Some (_) if fs :: write (:: ephemeral_fs :: __private :: persistent_write (p) , b) . is_ok ())"),
        "{output}"
    );
}

#[test]
fn temp_dir_joins_of_literals_are_decided_by_the_owner() {
    let output = expand(
        quote!(),
        quote! { fn f() { fs::write(dir.path().join("a").join("b.txt"), x); } },
    );
    assert!(
        output.contains(":: ephemeral_fs :: __private :: Probe (& dir) . __ephemeral_fs_deny_persistent_write_joined (:: ephemeral_fs :: __private :: Probe (& dir) . __ephemeral_fs_joined (& [\"a\" , \"b.txt\"] , || dir . path () . join (\"a\") . join (\"b.txt\")))"),
        "{output}"
    );
    for refused in [
        quote!(dir.path().join(name)),
        quote!(dir.path().join("../x")),
        quote!(dir.path().join("/var/x")),
        quote!(dir.path().join("a").join(name)),
    ] {
        let output = expand(quote!(), quote! { fn f() { fs::write(#refused, x); } });
        assert!(
            output.contains(":: ephemeral_fs :: __private :: persistent_write_joined ("),
            "{output}"
        );
    }
}

#[test]
fn path_locals_hold_their_owner_until_the_use() {
    let output = expand(
        quote!(),
        quote! { fn f() { let p = tmp.path().to_path_buf(); fs::write(&p, x); } },
    );
    assert!(
        output.contains("let __ephemeral_fs_owner_0 = & tmp ; let p = :: ephemeral_fs :: __private :: Probe (__ephemeral_fs_owner_0) . __ephemeral_fs_path_buf (|| (* __ephemeral_fs_owner_0) . path () . to_path_buf ()) ; :: ephemeral_fs :: __private :: held_through ((:: ephemeral_fs :: __private :: borrowed (__ephemeral_fs_owner_0) ,) , fs :: write (:: ephemeral_fs :: __private :: Probe (__ephemeral_fs_owner_0) . __ephemeral_fs_deny_persistent_write_path (& p) , x))"),
        "{output}"
    );
    // A `let` no check reads is left as written.
    let input = quote! { fn f() { let p = tmp.path().to_path_buf(); send(&p); } };
    assert_eq!(expand(quote!(), input.clone()), input.to_string());
    // `mut`, rebound, inner block, closure: not followed. The argument is
    // then guarded by its own type, or refused where the shape is one the
    // flow recognises but does not accept.
    for (body, guard) in [
        (
            quote! { let mut p = tmp.path(); fs::write(p, x); },
            "persistent_write_path_of (p)",
        ),
        (
            quote! { let p = tmp.path(); let p = other(); fs::write(p, x); },
            "persistent_write (p)",
        ),
        (
            quote! { { let p = tmp.path(); } fs::write(p, x); },
            "persistent_write (p)",
        ),
        (
            quote! { let p = tmp.path(); let f = move || fs::write(p, x); },
            "persistent_write (p)",
        ),
    ] {
        let output = expand(quote!(), quote! { fn f() { #body } });
        assert!(!output.contains("__ephemeral_fs_owner"), "{output}");
        let guard = format!("fs :: write (:: ephemeral_fs :: __private :: {guard} , x)");
        assert!(output.contains(&guard), "{guard} in {output}");
    }
    // The owner's name bound again: the `let` holds the first owner.
    let output = expand(
        quote!(),
        quote! { fn f() { let p = tmp.path(); let tmp = other(); fs::write(p, x); } },
    );
    assert!(
        output.contains("let __ephemeral_fs_owner_0 = & tmp ; let p =")
            && output.contains(
                "Probe (__ephemeral_fs_owner_0) . __ephemeral_fs_deny_persistent_write_path (p)"
            ),
        "{output}"
    );
}

#[test]
fn make_closures_leave_their_path_and_check_the_call() {
    let output = expand(
        quote!(),
        quote! { fn f() { Builder::new().make(|path| File::create(path)); } },
    );
    assert_eq!(
        output,
        "fn f () { :: ephemeral_fs :: __private :: persistent_write_make (Builder :: new () , | path | File :: create (path)) ; }"
    );
    // Another closure parameter, or a path the closure did not get, is checked.
    let output = expand(
        quote!(),
        quote! { fn f() { Builder::new().make(|path| File::create(other)); } },
    );
    assert!(!output.contains("persistent_write_make"), "{output}");
    assert!(output.contains("persistent_write (other)"), "{output}");
}

#[test]
fn persist_checks_its_destination_once() {
    // The destination stays in the call, evaluated after the receiver as
    // written; the check is a closure that is never called.
    let output = expand(
        quote!(),
        quote! { fn f() { tmp.persist(dir.child("a")?); } },
    );
    let expected = format!(
        "fn f () {{ {PROBES} let __ephemeral_fs_receiver_0 = :: ephemeral_fs :: __private :: Probe (:: ephemeral_fs :: __private :: type_of (# [allow (unused_variables)] | | match tmp {{ ref __ephemeral_fs_place => :: core :: ptr :: from_ref (__ephemeral_fs_place) }})) . __ephemeral_fs_persist_receiver () ; tmp . persist (:: ephemeral_fs :: __private :: destination (dir . child (\"a\") ? , | __ephemeral_fs_dest | __ephemeral_fs_receiver_0 . __ephemeral_fs_deny_temp_persist_in_place (& * __ephemeral_fs_dest))) ; }}"
    );
    assert_eq!(output, expected);
}

#[test]
fn persist_markers_go_before_the_statement_where_they_can() {
    // A closure's or an arm's expression body gets a block with the `let`
    // first; with the receiver bound inside the statement (a let chain's
    // pattern), no `let` can go before it: a `match` binds the marker there.
    let output = expand(
        quote!(),
        quote! { fn f() { let f = || tmp.persist(d); let r = match o { Some(t) => t.persist(d), None => 0 }; if let Some(u) = o && u.persist(d).is_ok() {} } },
    );
    assert!(
        output.contains("let f = | | { let __ephemeral_fs_receiver_0 ="),
        "{output}"
    );
    assert!(
        output.contains("Some (t) => { let __ephemeral_fs_receiver_1 ="),
        "{output}"
    );
    assert_eq!(
        output.matches("{ __ephemeral_fs_receiver =>").count(),
        1,
        "{output}"
    );
    // Two in one statement get a `let` each, in order, and the held owner
    // of a path local stays before its `let`.
    let output = expand(
        quote!(),
        quote! { fn f() { let p = a.persist(x) + b.persist(y); } },
    );
    let first = output
        .find("let __ephemeral_fs_receiver_0")
        .expect("first marker");
    let second = output
        .find("let __ephemeral_fs_receiver_1")
        .expect("second marker");
    let statement = output.find("let p =").expect("the statement");
    assert!(first < second && second < statement, "{output}");
}

#[test]
fn persist_into_a_struct_literal_expands() {
    // A struct literal cannot be a `match` scrutinee as written: the
    // expansion must still parse, and hand the literal to `persist` once.
    let output = expand(
        quote!(),
        quote! { fn f() { cache.persist(Entry { key: 3 }); } },
    );
    assert!(
        output.contains(
            "cache . persist (:: ephemeral_fs :: __private :: destination (Entry { key : 3 } ,"
        ),
        "{output}"
    );
    syn::parse_str::<syn::ItemFn>(&output).expect("the expansion parses");
}

#[test]
fn links_check_their_original_too() {
    let output = expand(quote!(), quote! { fn f() { fs::hard_link(a, b); } });
    assert!(
        output.contains("fs :: hard_link (:: ephemeral_fs :: __private :: persistent_write_link_original (a) , :: ephemeral_fs :: __private :: persistent_write (b))"),
        "{output}"
    );
    // A symbolic link may outlive its original: the original must be
    // inside a temp directory, even when it is a temp file's own path.
    let output = expand(
        quote!(),
        quote! { fn f() { fs::soft_link(tmp.path(), b); fs::soft_link(dir.path().join("a"), b); } },
    );
    assert!(
        output.contains("fs :: soft_link (:: ephemeral_fs :: __private :: persistent_write_symlink_original (tmp . path ()) ,"),
        "{output}"
    );
    assert!(
        output.contains("fs :: soft_link (:: ephemeral_fs :: __private :: Probe (& dir) . __ephemeral_fs_deny_persistent_write_joined ("),
        "{output}"
    );
}

#[test]
fn fs_err_and_async_fs_are_checked_like_std() {
    for call in [
        quote!(fs_err::write(p, x)),
        quote!(fs_err::tokio::write(p, x)),
        quote!(fs_err::File::create(p)),
        quote!(async_fs::write(p, x)),
    ] {
        let output = expand(quote!(), quote! { fn f() { #call; } });
        assert!(output.contains("persistent_write (p)"), "{output}");
    }
    let output = expand(
        quote!(),
        quote! { fn f() { use fs_err as fs; fs::remove_file(p); fs_err::OpenOptions::new().append(true).open(q); } },
    );
    assert!(output.contains("persistent_write (p)"), "{output}");
    assert!(output.contains("persistent_write (q)"), "{output}");
}

#[test]
fn nested_attributes_keep_their_import_used() {
    let output = expand(
        quote!(),
        quote! { mod m { use ephemeral_fs::ephemeral_fs; #[ephemeral_fs(deny(persistent_read))] fn f() {} } },
    );
    assert_eq!(
        output,
        "mod m { use ephemeral_fs :: ephemeral_fs ; fn f () { } # [allow (unused_imports)] use ephemeral_fs as _ ; }"
    );
}

#[test]
fn text_macros_keep_their_tokens() {
    for input in [
        quote! { fn f() { stringify!(std::fs::write(p, b"x")); } },
        quote! { fn f() { ::core::concat!("a", stringify!(tmp.keep())); } },
        quote! { fn f() { std::stringify!(tmp.keep()); } },
    ] {
        assert_eq!(expand(quote!(), input.clone()), input.to_string());
    }
    // Not std's: a `stringify` defined in sight, or a path into another crate.
    for input in [
        quote! { fn f() { macro_rules! stringify { ($e:expr) => { $e }; } stringify!(std::fs::write(p, b"x")); } },
        quote! { fn f() { other::stringify!(std::fs::write(p, b"x")); } },
    ] {
        let output = expand(quote!(), input);
        assert!(output.contains("persistent_write (p)"), "{output}");
    }
}

#[test]
fn values_keep_their_type_arguments() {
    let output = expand(
        quote!(),
        quote! { fn f() { let w = std::fs::write::<&NamedTempFile, Vec<u8>>; } },
    );
    assert!(
        output.contains("with_witness (std :: fs :: write :: < & NamedTempFile , Vec < u8 > > , :: std :: fs :: write :: < & NamedTempFile , Vec < u8 > > , :: ephemeral_fs :: fs :: write :: < & NamedTempFile , Vec < u8 > >)"),
        "{output}"
    );
    let output = expand(
        quote!(),
        quote! { fn f() { let w = fs::write::<_, &[u8]>; } },
    );
    assert!(
        output.contains("with_witness (fs :: write :: < & 'static str , & [u8] > , :: std :: fs :: write :: < & 'static str , & [u8] > , :: ephemeral_fs :: fs :: write :: < _ , & [u8] >)"),
        "{output}"
    );
}

#[test]
fn copy_as_a_value_checks_its_source_where_reads_are_denied() {
    let copy = quote! { fn f() { let cp = std::fs::copy; } };
    let output = expand(quote!(), copy.clone());
    assert!(
        output.contains(":: ephemeral_fs :: fs :: copy)"),
        "{output}"
    );
    let output = expand(quote!(deny(persistent_read)), copy.clone());
    assert!(
        output.contains(":: ephemeral_fs :: fs :: copy_from_temp_to_temp)"),
        "{output}"
    );
    let output = expand(
        quote!(deny(persistent_read), allow(persistent_write)),
        copy.clone(),
    );
    assert!(
        output.contains(":: ephemeral_fs :: fs :: copy_from_temp)"),
        "{output}"
    );
    let output = expand(quote!(allow(persistent_write)), copy.clone());
    assert_eq!(output, copy.to_string());
}

#[test]
fn persist_leaves_a_destination_with_a_closure_in_place() {
    let output = expand(
        quote!(),
        quote! { fn f() { table.persist(Box::new(|s| s.len())); } },
    );
    let expected = format!(
        "fn f () {{ {PROBES} let __ephemeral_fs_receiver_0 = :: ephemeral_fs :: __private :: Probe (:: ephemeral_fs :: __private :: type_of (# [allow (unused_variables)] | | match table {{ ref __ephemeral_fs_place => :: core :: ptr :: from_ref (__ephemeral_fs_place) }})) . __ephemeral_fs_persist_receiver () ; table . persist (:: ephemeral_fs :: __private :: destination (Box :: new (| s | s . len ()) , | __ephemeral_fs_dest | __ephemeral_fs_receiver_0 . __ephemeral_fs_deny_temp_persist_in_place (& * __ephemeral_fs_dest))) ; }}"
    );
    assert_eq!(output, expected);
}

#[test]
fn receivers_are_probed_without_references_where_rustc_forbids_them() {
    // Below a local: a raw pointer, which a packed field allows.
    let output = expand(quote!(), quote! { fn f() { packed.tmp.keep(); } });
    assert!(
        output.contains("type_of (# [allow (unused_variables)] | | & raw const packed . tmp)"),
        "{output}"
    );
    // Below a `static mut` or a `const`: a `ref` binding.
    let output = expand(quote!(), quote! { fn f() { STATE.keep(); } });
    assert!(
        output.contains(
            "type_of (# [allow (unused_variables)] | | match STATE { ref __ephemeral_fs_place => :: core :: ptr :: from_ref (__ephemeral_fs_place) })"
        ),
        "{output}"
    );
}

#[test]
fn escape_receivers_named_by_a_macro_or_a_const_are_read_by_type() {
    // A macro may name a place: probing it by value would move it.
    let output = expand(quote!(), quote! { fn f() { lease_of!(row).keep(); } });
    assert!(
        output.contains("type_of (# [allow (unused_variables)] | | match lease_of ! (row) { ref __ephemeral_fs_place =>"),
        "{output}"
    );
    assert!(output.contains("lease_of ! (row) . keep ())"), "{output}");
    // A `const` in sight, named in lower case, is no local: no raw pointer
    // to a field of the temporary it stands for.
    let output = expand(
        quote!(),
        quote! { fn f() { const config: Config = Config::new(); config.lease.keep(); } },
    );
    assert!(
        output.contains("type_of (# [allow (unused_variables)] | | match config . lease { ref __ephemeral_fs_place =>"),
        "{output}"
    );
    // Below a local, a raw pointer: a packed field may not be borrowed.
    let output = expand(quote!(), quote! { fn f() { row.lease.keep(); } });
    assert!(
        output.contains("type_of (# [allow (unused_variables)] | | & raw const row . lease)"),
        "{output}"
    );
}

#[test]
fn path_locals_are_followed_through_tokio_join_but_not_user_macros() {
    // tokio's `join!` and `try_join!` bind nothing the caller sees: a path
    // local stays followed in their arguments and after them. A user macro
    // may bind a name it is handed: not followed in its arguments either.
    let output = expand(
        quote!(),
        quote! { async fn f() { let p = tmp.path().to_path_buf(); tokio::join!(a(), b()); tokio::fs::write(&p, x).await; } },
    );
    assert!(
        output.contains("__ephemeral_fs_deny_persistent_write_path (& p)"),
        "{output}"
    );
    let output = expand(
        quote!(),
        quote! { fn f() { let p = tmp.path().to_path_buf(); with!(p, "/var/x", std::fs::write(&p, x)); } },
    );
    assert!(output.contains("persistent_write (& p)"), "{output}");
    assert!(
        !output.contains("__ephemeral_fs_deny_persistent_write_path"),
        "{output}"
    );
}
