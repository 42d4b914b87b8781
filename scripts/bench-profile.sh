#!/usr/bin/env bash
# Where the check's time goes, counted: callgrind over the `rustc`
# invocation of an incremental `cargo check` after a touch, in the crates
# of scripts/bench-check.sh without and with the attribute (WORKLOAD and
# STAGE_EVERY as there; real services are not profiled here). Instructions
# are counted, so the figures do not depend on the machine's load; they
# are not time. Needs valgrind (callgrind_annotate).
#
# Usage: scripts/bench-profile.sh [work-dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
command -v valgrind >/dev/null || { echo "needs valgrind" >&2; exit 1; }
VARIANTS="none ephemeral_fs" RUNS=1 SETTINGS=dev bash "$root/scripts/bench-check.sh" "$work" >/dev/null
cd "$work"

for variant in none ephemeral_fs; do
    crate="handlers_$variant"
    touch "$crate/src/lib.rs"
    # The compiler's own command line, as cargo runs it.
    rustc_command=$(cargo check -v -p "$crate" 2>&1 |
        sed -n "s/^ *Running \`\(.*--crate-name $crate .*\)\`\$/\1/p" | tail -n 1)
    # Once to bring the incremental cache up to date, once counted.
    touch "$crate/src/lib.rs"
    eval "$rustc_command" >/dev/null 2>&1
    touch "$crate/src/lib.rs"
    eval "valgrind --tool=callgrind --callgrind-out-file=$work/$variant.callgrind $rustc_command" >/dev/null 2>&1
done

# Inclusive counts of the stages, in millions.
inclusive() {
    callgrind_annotate --inclusive=yes --threshold=100 "$work/$1.callgrind" 2>/dev/null |
        awk -v symbol="$2" '
            { name = $0; sub(/^ *[0-9,]+ \([ 0-9.]+%\)  /, "", name); sub(/ \[.*$/, "", name) }
            name == symbol || name == "???:" symbol { gsub(/,/, "", $1); printf "%.0f\n", $1 / 1e6; exit }'
}
total() {
    callgrind_annotate "$work/$1.callgrind" 2>/dev/null |
        awk '/PROGRAM TOTALS/ { gsub(/,/, "", $1); printf "%.0f\n", $1 / 1e6; exit }'
}
echo "## callgrind: workload ${WORKLOAD:-sync}, one in ${STAGE_EVERY:-10} staging, million instructions"
echo
echo "| stage | million instructions |"
echo "|---|---|"
echo "| rustc, no attribute | $(total none) |"
echo "| rustc, #[ephemeral_fs] | $(total ephemeral_fs) |"
echo "| the macro | $(inclusive ephemeral_fs 'ephemeral_fs_macros::ephemeral_fs') |"
echo "| text scan, every item | $(inclusive ephemeral_fs 'ephemeral_fs_core::prescan::nothing_to_do') |"
echo "| of which the words and gates | $(inclusive ephemeral_fs 'ephemeral_fs_core::text_scan::may_rewrite') |"
echo "| of which the item's kind | $(inclusive ephemeral_fs 'ephemeral_fs_core::prescan::accepted_kind') |"
echo "| stack bound, items not skipped | $(inclusive ephemeral_fs 'ephemeral_fs_core::prescan::TokenScan::of') |"
echo "| syn's parse | $(inclusive ephemeral_fs 'syn::parse2') |"
echo "| the rewrite | $(inclusive ephemeral_fs 'ephemeral_fs_core::expand::analyze_with') |"
echo "| printing | $(inclusive ephemeral_fs 'quote::to_tokens::ToTokens::into_token_stream') |"
echo "| rustc's expansion, all of it (attribute) | $(inclusive ephemeral_fs '<rustc_expand::expand::MacroExpander>::expand_crate') |"
echo "| rustc's expansion, all of it (none) | $(inclusive none '<rustc_expand::expand::MacroExpander>::expand_crate') |"
echo "| the proc-macro call, both sides of the bridge | $(inclusive ephemeral_fs '<rustc_expand::proc_macro::AttrProcMacro as rustc_expand::base::AttrProcMacro>::expand') |"
echo "| rustc's analysis (attribute / none) | $(inclusive ephemeral_fs 'rustc_interface::passes::analysis') / $(inclusive none 'rustc_interface::passes::analysis') |"
