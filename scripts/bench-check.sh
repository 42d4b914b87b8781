#!/usr/bin/env bash
# `cargo check` cost of the attribute in a user's crate, side by side.
#
# Builds crates that differ only in the attribute on their handlers, and
# times an incremental `cargo check` after touching the source:
#   none          no attribute
#   ephemeral_fs  #[ephemeral_fs]
#   expanded      the ephemeral_fs variant's source, expanded ahead of time
#                 (benches' `expand-file`): what rustc checks after the
#                 macro ran, without running it. ephemeral_fs - expanded is
#                 the proc macro's time; expanded - none, the checking of the
#                 code it generates.
#   floor         an attribute that returns its input: the compiler's own
#                 round trip of the item through a proc macro
#   identity      a syn attribute that parses the fn, visits it, prints it
#                 (the floor of any attribute that parses its item)
#   tracing       #[tracing::instrument(skip_all)]
# in three settings: the default dev profile, CARGO_INCREMENTAL=0, and proc
# macros built with opt-level 3. Each figure is the median, min and max of
# RUNS runs, and its ratio to `none` in the same setting. The runs of the
# variants are interleaved, so that a slow spell on a shared machine falls
# on all of them alike.
#
# WORKLOAD picks the handlers:
#   sync    1,000 ten-line handlers; one in STAGE_EVERY (10; 0 for none)
#           stages an upload in a temp file
#   async   async handlers twice that size, with closures, `match`, macros
#           and an async block; the staging ones go through
#           `dir.path().join(..)` and locals
#   errors  fifteen-line handlers with string work, a `match`, a `for`
#           loop, `String::new()` and an early
#           `Err(std::io::Error::new(ErrorKind::InvalidInput, ..))`: the
#           words of real handlers; the staging ones use a NamedTempFile
#   real    the handler modules of real services from crates.io
#           (scripts/real-services.sh; SERVICES picks them), each built with
#           its own pinned dependencies, their free functions copied into
#           inline modules up to about HANDLERS functions (benches'
#           `replicate-handlers`); the functions that write to local paths
#           on purpose carry `#[ephemeral_fs(warn(..))]`
#
# Usage: scripts/bench-check.sh [work-dir]   (RUNS=7 HANDLERS=1000 by default)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
runs=${RUNS:-7}
handlers=${HANDLERS:-1000}
workload=${WORKLOAD:-sync}
stage_every=${STAGE_EVERY:-10}
mkdir -p "$work"
work=$(cd "$work" && pwd)
cd "$work"

# VARIANTS="none ephemeral_fs" and SETTINGS="dev" narrow a run down.
read -r -a variants <<< "${VARIANTS:-none ephemeral_fs expanded floor identity tracing}"
settings=${SETTINGS:-"dev incremental0 opt3"}
[ "$workload" != real ] || settings=${SETTINGS:-dev}

if [[ " ${variants[*]} " == *" expanded "* ]] || [ "$workload" = real ]; then
    cargo build -q --release --manifest-path "$root/benches/Cargo.toml" --bin expand-file --bin replicate-handlers
fi
tools="$root/benches/target/release"

cat > Cargo.toml <<TOML
[workspace]
resolver = "3"
members = ["identity", "floor", $([ "$workload" = real ] || printf '"handlers_%s", ' "${variants[@]}")]
TOML

mkdir -p floor/src
cat > floor/Cargo.toml <<'TOML'
[package]
name = "floor"
version = "0.0.0"
edition = "2021"

[lib]
proc-macro = true
TOML
cat > floor/src/lib.rs <<'RS'
use proc_macro::TokenStream;

#[proc_macro_attribute]
pub fn floor(_args: TokenStream, item: TokenStream) -> TokenStream {
    item
}
RS

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
    python3 - "$attribute" "$handlers" "$workload" "$stage_every" <<'PY'
import sys
attribute, count, workload, every = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
print("#![allow(dead_code, unused_variables)]")
print("use std::collections::HashMap;")
if workload == "errors":
    print("use std::io::ErrorKind;")
print("pub struct Db { rows: HashMap<u64, String> }")
print("pub struct Req { pub id: u64, pub name: String, pub tags: Vec<String>, pub body: Vec<u8> }")
print("#[derive(Debug)] pub struct Resp { pub status: u16, pub body: String }")
for i in range(count):
    if attribute:
        print(attribute)
    stages = every > 0 and i % every == 0
    if workload == "errors":
        staging = f"""
    let tmp = tempfile::NamedTempFile::new()?;
    std::fs::write(tmp.path(), body.as_bytes())?;
    let body = std::fs::read_to_string(tmp.path())?;""" if stages else ""
        print(f"""pub fn handler_{i}(db: &Db, req: &Req) -> std::io::Result<Resp> {{
    let name = req.name.trim().to_lowercase();
    if name.is_empty() {{
        return Err(std::io::Error::new(ErrorKind::InvalidInput, "empty"));
    }}
    let mut body = String::new();
    for tag in &req.tags {{
        match tag.as_str() {{
            "" => continue,
            t if t.len() > {8 + i % 5} => body.push_str(&t[..8]),
            t => body.push_str(t),
        }}
        body.push(',');
    }}{staging}
    let status = if db.rows.contains_key(&req.id) {{ 200 }} else {{ 404 }};
    Ok(Resp {{ status: status + {i % 3}, body: format!("{{name}}/{{body}}") }})
}}""")
    elif workload == "async" and stages:
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
    elif stages:
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
    [floor]="#[floor::floor]"
    [identity]="#[identity::identity]"
    [tracing]="#[tracing::instrument(skip_all)]"
    [expanded]="#[ephemeral_fs::ephemeral_fs]"
)
declare -A dependency=(
    [none]=""
    [ephemeral_fs]="ephemeral-fs = { path = \"$root/runtime\" }"
    [floor]="floor = { path = \"$work/floor\" }"
    [identity]="identity = { path = \"$work/identity\" }"
    [tracing]="tracing = \"0.1\""
    [expanded]="ephemeral-fs = { path = \"$root/runtime\" }"
)

# The crate each variant checks, and the file a touch invalidates.
declare -A manifest=() touched=() target=()

synthetic() {
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
        manifest[$variant]="$work/handlers_$variant/Cargo.toml"
        touched[$variant]="$work/handlers_$variant/src/lib.rs"
    done
    if [[ " ${variants[*]} " == *" expanded "* ]]; then
        "$tools/expand-file" handlers_expanded/src/lib.rs > expanded.rs
        mv expanded.rs handlers_expanded/src/lib.rs
    fi
}

# Handler modules of each real service, relative to its root.
declare -A handler_files=(
    [pastor]="src/handlers/file.rs src/handlers/auth.rs src/handlers/ui.rs"
    [esetres]="src/router/files.rs src/router/buckets.rs src/router/cache.rs src/router/mod.rs"
    [rustypaste]="src/server.rs"
    [microbin]="src/endpoints/create.rs src/endpoints/edit.rs src/endpoints/pasta.rs src/endpoints/remove.rs src/endpoints/file.rs src/endpoints/list.rs src/endpoints/admin.rs src/endpoints/auth_admin.rs src/endpoints/auth_upload.rs src/endpoints/archive.rs src/endpoints/qr.rs src/endpoints/guide.rs src/endpoints/errors.rs src/endpoints/static_resources.rs"
)

# One service: a copy per variant, its handler files replicated, each
# checked in a target directory of its own. In one shared directory,
# switching between variants (whose dependency graphs differ) re-checked
# far more than the touched crate: medians of three to four times the
# minimums. The dependencies still build once: a variant's directory
# starts as a copy of the previous variant's (see `warm`).
real() {
    local service=$1 version source
    read -r _ version source < <("$root/scripts/real-services.sh" "$work/services" "$service")
    local files=${handler_files[$service]}
    read -r functions skipped warned < <(cd "$source" && "$tools/replicate-handlers" count $files)
    local copies=$(( (handlers + functions - 1) / functions ))
    echo "$service $version: $functions functions in its handler modules, $copies copies: $((functions * copies)) annotated;" \
        "the fast path skips $skipped of $functions, $warned write to local paths on purpose (warn level)" >&2
    real_summary+="$service $version: $functions handler functions × $copies copies = $((functions * copies)); fast path skips $skipped of $functions; $warned at warn level"$'\n'
    for variant in "${variants[@]}"; do
        local dir="$work/real/$service/$variant"
        rm -rf "$dir"
        mkdir -p "$(dirname "$dir")"
        cp -r "$source" "$dir"
        local as=$variant
        [ "$variant" != expanded ] || as=ephemeral_fs
        for file in $files; do
            "$tools/replicate-handlers" copy "$source/$file" "$copies" "$as" > "$dir/$file"
            if [ "$variant" = expanded ]; then
                "$tools/expand-file" "$dir/$file" > "$dir/$file.expanded"
                mv "$dir/$file.expanded" "$dir/$file"
            fi
        done
        # Its own workspace, not the one around it.
        printf '\n[workspace]\n' >> "$dir/Cargo.toml"
        # The published manifest is normalized, one table per dependency,
        # so the variant's dependency is one more table.
        if [ -n "${dependency[$variant]}" ]; then
            local name=${dependency[$variant]%% =*} spec=${dependency[$variant]#*= }
            case $spec in
                "{"*) spec=$(echo "$spec" | sed -e 's/^{ *//' -e 's/ *}$//') ;;
                *) spec="version = $spec" ;;
            esac
            grep -q "^\[dependencies\.$name\]" "$dir/Cargo.toml" ||
                printf '\n[dependencies.%s]\n%s\n' "$name" "$spec" >> "$dir/Cargo.toml"
        fi
        manifest[$variant]="$dir/Cargo.toml"
        touched[$variant]="$dir/${files%% *}"
        target[$variant]="$work/real/$service/target/$variant"
        rm -rf "${target[$variant]}"
    done
}

check() {
    local variant=$1
    if [ "$workload" = real ]; then
        CARGO_TARGET_DIR="${target[$variant]}" cargo check -q --manifest-path "${manifest[$variant]}" 2>/dev/null
    else
        cargo check -q -p "handlers_$variant"
    fi
}

# Dependencies and a first check. A real service's variant starts from a
# copy of the previous variant's target directory, so that only what
# differs between them builds again.
warm() {
    local variant=$1 previous=$2
    if [ "$workload" = real ] && [ -n "$previous" ] && [ ! -d "${target[$variant]}" ]; then
        cp -a "${target[$previous]}" "${target[$variant]}"
    fi
    check "$variant"
}

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
    local previous=""
    for variant in "${variants[@]}"; do
        warm "$variant" "$previous"
        previous=$variant
    done
    for _ in $(seq "$runs"); do
        for variant in "${variants[@]}"; do
            touch "${touched[$variant]}"
            local start end
            start=$(now)
            check "$variant"
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

settings_reports() {
    for setting in $settings; do
        case $setting in
            dev) report "dev profile (incremental)" ;;
            incremental0) CARGO_INCREMENTAL=0 report "CARGO_INCREMENTAL=0" ;;
            opt3) CARGO_PROFILE_DEV_BUILD_OVERRIDE_OPT_LEVEL=3 report "proc macros at opt-level 3 (build-override)" ;;
        esac
    done
}

echo "## cargo check after a touch: workload $workload, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start, $runs runs"
if [ "$workload" = real ]; then
    real_summary=""
    for service in ${SERVICES:-pastor esetres rustypaste}; do
        real "$service"
        echo
        echo "## $service"
        settings_reports
        # A target directory per variant takes gigabytes; one service's at a time.
        rm -rf "$work/real/$service/target"
    done
    echo
    printf '%s' "$real_summary"
    exit 0
fi
synthetic
if [ "$stage_every" -gt 0 ]; then
    echo "$handlers handlers, one in $stage_every stages a temp file"
else
    echo "$handlers handlers, none stages a temp file"
fi
settings_reports

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
