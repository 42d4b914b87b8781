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
# in three settings: the default dev profile, CARGO_INCREMENTAL=0, and proc
# macros built with opt-level 3. Each figure is the median, min and max of
# RUNS runs, and its ratio to `none` in the same setting.
#
# Usage: scripts/bench-check.sh [work-dir]   (RUNS=7 HANDLERS=1000 by default)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
runs=${RUNS:-7}
handlers=${HANDLERS:-1000}
mkdir -p "$work"
cd "$work"

variants=(none ephemeral_fs identity tracing)

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
    python3 - "$attribute" "$handlers" <<'PY'
import sys
attribute, count = sys.argv[1], int(sys.argv[2])
print("#![allow(dead_code, unused_variables)]")
print("use std::collections::HashMap;")
print("pub struct Db { rows: HashMap<u64, String> }")
print("pub struct Req { pub id: u64, pub name: String, pub tags: Vec<String>, pub body: Vec<u8> }")
print("#[derive(Debug)] pub struct Resp { pub status: u16, pub body: String }")
for i in range(count):
    if attribute:
        print(attribute)
    if i % 10 == 0:
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
)
declare -A dependency=(
    [none]=""
    [ephemeral_fs]="ephemeral-fs = { path = \"$root/runtime\" }"
    [identity]="identity = { path = \"../identity\" }"
    [tracing]="tracing = \"0.1\""
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

now() { date +%s.%N; }

# median min max of the runs, in seconds
time_checks() {
    local variant=$1
    cargo check -q -p "handlers_$variant" # warm: dependencies and a first check
    local times=()
    for _ in $(seq "$runs"); do
        touch "handlers_$variant/src/lib.rs"
        local start end
        start=$(now)
        cargo check -q -p "handlers_$variant"
        end=$(now)
        times+=("$(echo "$end - $start" | bc -l)")
    done
    printf '%s\n' "${times[@]}" | sort -g | awk '{ t[NR] = $1 } END { printf "%.3f %.3f %.3f\n", t[int((NR + 1) / 2)], t[1], t[NR] }'
}

report() {
    local setting=$1
    echo
    echo "### $setting"
    echo
    echo "| variant | median | min – max | ratio to none |"
    echo "|---|---|---|---|"
    local base=""
    for variant in "${variants[@]}"; do
        read -r median low high < <(time_checks "$variant")
        [ -n "$base" ] || base=$median
        printf '| %s | %.2f s | %.2f – %.2f s | %.2f |\n' "$variant" "$median" "$low" "$high" "$(echo "$median / $base" | bc -l)"
    done
}

echo "## cargo check after a touch: $handlers handlers, one in ten stages a temp file, $runs runs"
report "dev profile (incremental)"
CARGO_INCREMENTAL=0 report "CARGO_INCREMENTAL=0"
CARGO_PROFILE_DEV_BUILD_OVERRIDE_OPT_LEVEL=3 report "proc macros at opt-level 3 (build-override)"

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
