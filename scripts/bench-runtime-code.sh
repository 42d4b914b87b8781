#!/usr/bin/env bash
# Run-time cost of the guard, measured without timing noise:
#   1. In a release build, each guarded operation and the same std call
#      compile to the same machine code: the linker gives both symbols one
#      address.
#   2. Under callgrind, 1,000 more calls cost the same number of
#      instructions either way (needs valgrind).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/benches/target}
cargo build -q --release --manifest-path "$root/benches/Cargo.toml" --bin callgrind-ops
bin="$CARGO_TARGET_DIR/release/callgrind-ops"

echo "| operation | std symbol | guarded symbol | same code |"
echo "|---|---|---|---|"
status=0
for op in write create create_dir_all; do
    plain=$(nm -C "$bin" | awk -v f="ephemeral_fs_benches::ops::plain_$op" '$3 == f { print $1 }')
    guarded=$(nm -C "$bin" | awk -v f="ephemeral_fs_benches::ops::guarded_$op" '$3 == f { print $1 }')
    same=no
    [ -n "$plain" ] && [ "$plain" = "$guarded" ] && same=yes
    [ "$same" = yes ] || status=1
    echo "| $op | 0x$plain | 0x$guarded | $same |"
done

if command -v valgrind >/dev/null; then
    echo
    echo "| operation | std: instructions per 1,000 calls | guarded | ratio |"
    echo "|---|---|---|---|"
    count() {
        valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" "$3" 2>&1 |
            grep -oP 'refs:\s+\K[0-9,]+' | tr -d ,
    }
    for op in write create create_dir_all; do
        std=$(( $(count "$op" std 2000) - $(count "$op" std 1000) ))
        guarded=$(( $(count "$op" ephemeral_fs 2000) - $(count "$op" ephemeral_fs 1000) ))
        echo "| $op | $std | $guarded | $(echo "scale=3; $guarded / $std" | bc) |"
    done
fi
exit $status
