#!/usr/bin/env bash
# `cargo check` cost of the attribute in a user's crate, side by side.
#
# Generates a workspace with one crate per variant, each holding the same
# 1,000 handler functions of realistic shape (one in ten stages a temp
# file), and times an incremental `cargo check` after touching the source:
#   none          no attribute
#   ephemeral_fs  #[ephemeral_fs]
#   identity      a syn attribute that parses the fn, visits it, prints it
#                 (the floor of any attribute that parses its item)
#   tracing       #[tracing::instrument(skip_all)]
#   expanded      the ephemeral_fs variant's source, expanded ahead of time
#                 (benches' `expand-file`): what rustc checks after the
#                 macro ran, without running it. ephemeral_fs - expanded is
#                 the proc macro's time; expanded - none, the checking of the
#                 code it generates.
# in three settings: the default dev profile, CARGO_INCREMENTAL=0, and proc
# macros built with opt-level 3. Each figure is the median, min and max of
# RUNS runs, and its ratio to `none` in the same setting. The runs of the
# variants are interleaved, so that a slow spell on a shared machine falls
# on all of them alike.
#
# WORKLOAD=async swaps the ten-line handlers for async ones twice their
# size, with closures, `match`, macros and an async block, whose temp-file
# handlers stage through `dir.path().join(..)` and locals.
#
# Usage: scripts/bench-check.sh [work-dir]   (RUNS=7 HANDLERS=1000 by default)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
runs=${RUNS:-7}
handlers=${HANDLERS:-1000}
workload=${WORKLOAD:-sync}
mkdir -p "$work"
cd "$work"

# VARIANTS="none ephemeral_fs" and SETTINGS="dev" narrow a run down.
read -r -a variants <<< "${VARIANTS:-none ephemeral_fs expanded identity tracing}"
settings=${SETTINGS:-"dev incremental0 opt3"}

cat > Cargo.toml <<TOML
[workspace]
resolver = "3"
members = ["identity", $(printf '"handlers_%s", ' "${variants[@]}")]
TOML

mkdir -p identity/src
cat > identity/Cargo.toml <<'TOML'
[package]
name = "identity"
version = "0.0.0"
edition = "2021"

[lib]
proc-macro = true

[dependencies]
quote = "1"
syn = { version = "3", features = ["full", "visit-mut"] }
TOML
cat > identity/src/lib.rs <<'RS'
use proc_macro::TokenStream;
use quote::ToTokens;
use syn::visit_mut::VisitMut;

struct NoOp;
impl VisitMut for NoOp {}

#[proc_macro_attribute]
pub fn identity(_args: TokenStream, item: TokenStream) -> TokenStream {
    let mut function = syn::parse_macro_input!(item as syn::ItemFn);
    NoOp.visit_item_fn_mut(&mut function);
    function.into_token_stream().into()
}
RS

# The handlers: the same source for every variant but the attribute line.
generate() {
    local attribute=$1
    python3 - "$attribute" "$handlers" "$workload" <<'PY'
import sys
attribute, count, workload = sys.argv[1], int(sys.argv[2]), sys.argv[3]
print("#![allow(dead_code, unused_variables)]")
print("use std::collections::HashMap;")
print("pub struct Db { rows: HashMap<u64, String> }")
print("pub struct Req { pub id: u64, pub name: String, pub tags: Vec<String>, pub body: Vec<u8> }")
print("#[derive(Debug)] pub struct Resp { pub status: u16, pub body: String }")
for i in range(count):
    if attribute:
        print(attribute)
    if workload == "async" and i % 10 == 0:
        print(f"""pub async fn handler_{i}(db: &Db, req: Req) -> std::io::Result<Resp> {{
    let dir = tempfile::TempDir::new()?;
    let staged = dir.path().join("upload.bin");
    std::fs::write(&staged, &req.body)?;
    let tmp = tempfile::NamedTempFile::new()?;
    std::fs::copy(&staged, tmp.path())?;
    let bytes = std::fs::read(tmp.path())?;
    let name = req.name.trim().to_lowercase();
    Ok(Resp {{ status: 201, body: format!("{{name}}: {{}} bytes", bytes.len() + {i}) }})
}}""")
    elif workload == "async":
        print(f"""pub async fn handler_{i}(db: &Db, req: Req) -> Result<Resp, String> {{
    let row = db.rows.get(&req.id).cloned().ok_or_else(|| format!("no row {{}}", req.id))?;
    let tags: Vec<String> = req
        .tags
        .iter()
        .filter(|t| !t.is_empty())
        .map(|t| t.to_lowercase())
        .collect();
    let total = async {{ tags.iter().map(|t| t.len()).sum::<usize>() }}.await;
    match req.name.as_str() {{
        "" => return Err("empty name".to_owned()),
        name if name.len() > {64 + i % 5} => return Err(format!("name too long: {{}}", name.len())),
        _ => {{}}
    }}
    assert!(total < usize::MAX, "overflow in {{}}", req.id);
    let parts = vec![row, req.name.clone(), tags.join(",")];
    let body = parts.join("/");
    Ok(Resp {{ status: 200 + {i % 3}, body }})
}}""")
    elif i % 10 == 0:
        print(f"""pub fn handler_{i}(db: &Db, req: &Req) -> std::io::Result<Resp> {{
    let tmp = tempfile::NamedTempFile::new()?;
    std::fs::write(&tmp, &req.body)?;
    let staged = std::fs::read(tmp.path())?;
    let name = req.name.trim().to_lowercase();
    let size = staged.len() + {i};
    Ok(Resp {{ status: 201, body: format!("{{name}}: {{size}} bytes") }})
}}""")
    else:
        print(f"""pub fn handler_{i}(db: &Db, req: &Req) -> Result<Resp, String> {{
    let row = db.rows.get(&req.id).ok_or_else(|| format!("no row {{}}", req.id))?;
    let tags: Vec<&str> = req.tags.iter().map(|t| t.as_str()).filter(|t| !t.is_empty()).collect();
    if tags.len() > {i % 7 + 3} {{
        return Err(format!("too many tags: {{}}", tags.len()));
    }}
    let name = req.name.trim().to_lowercase();
    let body = format!("{{row}}/{{name}}/{{}}", tags.join(","));
    Ok(Resp {{ status: 200 + {i % 3}, body }})
}}""")
PY
}

declare -A attribute=(
    [none]=""
    [ephemeral_fs]="#[ephemeral_fs::ephemeral_fs]"
    [identity]="#[identity::identity]"
    [tracing]="#[tracing::instrument(skip_all)]"
    [expanded]="#[ephemeral_fs::ephemeral_fs]"
)
declare -A dependency=(
    [none]=""
    [ephemeral_fs]="ephemeral-fs = { path = \"$root/runtime\" }"
    [identity]="identity = { path = \"../identity\" }"
    [tracing]="tracing = \"0.1\""
    [expanded]="ephemeral-fs = { path = \"$root/runtime\" }"
)
for variant in "${variants[@]}"; do
    mkdir -p "handlers_$variant/src"
    cat > "handlers_$variant/Cargo.toml" <<TOML
[package]
name = "handlers_$variant"
version = "0.0.0"
edition = "2021"

[dependencies]
tempfile = "3"
${dependency[$variant]}
TOML
    generate "${attribute[$variant]}" > "handlers_$variant/src/lib.rs"
done
if [[ " ${variants[*]} " == *" expanded "* ]]; then
    cargo build -q --release --manifest-path "$root/benches/Cargo.toml" --bin expand-file
    "$root/benches/target/release/expand-file" handlers_expanded/src/lib.rs > expanded.rs
    mv expanded.rs handlers_expanded/src/lib.rs
fi

now() { date +%s.%N; }

# median min max of a list of seconds
stats() {
    sort -g | awk '{ t[NR] = $1 } END { printf "%.3f %.3f %.3f\n", t[int((NR + 1) / 2)], t[1], t[NR] }'
}

report() {
    local setting=$1
    echo
    echo "### $setting"
    echo
    local -A times=()
    for variant in "${variants[@]}"; do
        cargo check -q -p "handlers_$variant" # warm: dependencies and a first check
    done
    for _ in $(seq "$runs"); do
        for variant in "${variants[@]}"; do
            touch "handlers_$variant/src/lib.rs"
            local start end
            start=$(now)
            cargo check -q -p "handlers_$variant"
            end=$(now)
            times[$variant]+="$(echo "$end - $start" | bc -l) "
        done
    done
    echo "| variant | median | min – max | ratio to none |"
    echo "|---|---|---|---|"
    local base=""
    for variant in "${variants[@]}"; do
        read -r median low high < <(printf '%s\n' ${times[$variant]} | stats)
        [ -n "$base" ] || base=$median
        printf '| %s | %.2f s | %.2f – %.2f s | %.2f |\n' "$variant" "$median" "$low" "$high" "$(echo "$median / $base" | bc -l)"
    done
}

echo "## cargo check after a touch: $handlers handlers, one in ten stages a temp file, $runs runs"
for setting in $settings; do
    case $setting in
        dev) report "dev profile (incremental)" ;;
        incremental0) CARGO_INCREMENTAL=0 report "CARGO_INCREMENTAL=0" ;;
        opt3) CARGO_PROFILE_DEV_BUILD_OVERRIDE_OPT_LEVEL=3 report "proc macros at opt-level 3 (build-override)" ;;
    esac
done

# Expansion size, when a nightly toolchain can print it.
if cargo +nightly --version >/dev/null 2>&1; then
    echo
    echo "### expanded source size"
    echo
    echo "| variant | bytes | ratio to none |"
    echo "|---|---|---|"
    base=""
    for variant in "${variants[@]}"; do
        bytes=$(cargo +nightly rustc -q -p "handlers_$variant" --profile check -- -Zunpretty=expanded 2>/dev/null | wc -c)
        [ -n "$base" ] || base=$bytes
        printf '| %s | %d | %.2f |\n' "$variant" "$bytes" "$(echo "$bytes / $base" | bc -l)"
    done
fi
