use super::*;
use syn::parse_quote;

#[test]
fn plain_names_are_relative_normal_components() {
    for good in [r#""a.txt""#, r#""a/b.txt""#, r#""dir/""#] {
        let expr: Expr = syn::parse_str(good).unwrap();
        assert!(is_plain_name(&expr), "{good}");
    }
    for bad in [
        r#""""#,
        r#""../x""#,
        r#""a/../b""#,
        r#""/etc/passwd""#,
        r#""./a""#,
        r#""a/./b""#,
        r#""a//b""#,
        "name",
        r#"format!("a")"#,
        "1",
    ] {
        let expr: Expr = syn::parse_str(bad).unwrap();
        assert!(!is_plain_name(&expr), "{bad}");
    }
}

fn flow_in_a_block() -> Flow {
    let body: Block = parse_quote!({});
    let mut flow = Flow::for_body(&body);
    flow.open_block();
    flow
}

#[test]
fn bindings_follow_lets_and_stop_at_rebinding() {
    let mut flow = flow_in_a_block();
    let init: Expr = parse_quote!(dir.path().join("a"));
    flow.bind("p", false, flow.classify(&init), Some(0));
    let use_p: Expr = parse_quote!(&p);
    assert!(matches!(
        flow.classify(&use_p),
        Some(Origin::PathOf(PathOf { ref joins, local: Some(0), .. })) if joins == &["a"]
    ));
    flow.enter(false);
    flow.shadow("p");
    assert!(flow.classify(&use_p).is_none());
    flow.exit();
    assert!(flow.classify(&use_p).is_some());
    // Rebinding the owner's name does not: `p`'s `let` holds the owner.
    flow.shadow("dir");
    assert!(flow.classify(&use_p).is_some());
}

#[test]
fn mut_locals_are_refused() {
    let mut flow = flow_in_a_block();
    let borrowed: Expr = parse_quote!(tmp.path());
    flow.bind("a", true, flow.classify(&borrowed), Some(0));
    flow.bind("c", false, flow.classify(&borrowed), Some(1));
    let refused = |name: &str| {
        let expr: Expr = syn::parse_str(name).unwrap();
        matches!(flow.classify(&expr), Some(Origin::Refused(Refusal::PathOf)))
    };
    assert!(refused("a"));
    assert!(!refused("c"));
}

#[test]
fn uses_mark_the_lets_they_read() {
    let mut flow = flow_in_a_block();
    let root: Expr = parse_quote!(dir.path());
    flow.bind("base", false, flow.classify(&root), Some(0));
    let copy: Expr = parse_quote!(base);
    flow.bind("same", false, flow.classify(&copy), Some(1));
    let joined: Expr = parse_quote!(same.join("x"));
    flow.bind("file", false, flow.classify(&joined), Some(2));
    let Some(Origin::PathOf(file)) = flow.classify(&parse_quote!(file)) else {
        panic!("file is a path local");
    };
    assert!(matches!(file.owner, Owner::Held { slot: 0, .. }));
    flow.mark(file.local.unwrap());
    // The join is computed from the root's hold: the plain copy between
    // them is not read.
    assert_eq!(flow.close_block(1), vec![2, 0]);
}

#[test]
fn barriers_stop_lookups() {
    let mut flow = flow_in_a_block();
    let init: Expr = parse_quote!(tmp.path());
    flow.bind("p", false, flow.classify(&init), Some(0));
    flow.enter(true);
    let use_p: Expr = parse_quote!(p);
    assert!(flow.classify(&use_p).is_none());
}
