/// Compile-pass cases: each builds and runs, asserting its behaviour. They do
/// not depend on the compiler's wording, so they run on any toolchain.
#[test]
fn pass() {
    trybuild::TestCases::new().pass("pass/*.rs");
}

/// Compile-fail cases, each pinned to the compiler's message in its
/// `.stderr`. rustc's wording and layout change between releases, so the
/// snapshots are pinned to the compiler that blessed them: on any other the
/// test is reported as ignored, with this reason, rather than failed or
/// passed without reading the messages. CI runs them on the pinned compiler
/// (`.ci/run` checks it). On every compiler, `fail_anywhere.rs` checks that
/// each case still fails, with its errors' codes and lints.
#[rustversion::attr(
    not(stable(1.95)),
    ignore = "the compile-fail snapshots are pinned to rustc 1.95; run them with that compiler"
)]
#[test]
fn fail() {
    trybuild::TestCases::new().compile_fail("fail/*.rs");
}
