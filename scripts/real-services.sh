#!/usr/bin/env bash
# Downloads the real web services pinned in corpus/services/services.toml
# from crates.io into DIR/<name>-<version>/, checking each .crate against its
# pinned sha256. Nothing is built: the audit only reads their source.
#
#   scripts/real-services.sh DIR [NAME...]
#
# Prints one line per service, `<name> <version> <directory>`, on stdout
# (progress goes to stderr). A directory already unpacked from the pinned
# .crate is kept. Without NAMEs, every service in the list.
set -euo pipefail

if [ $# -lt 1 ]; then
    echo "usage: $0 DIR [NAME...]" >&2
    exit 2
fi
dir=$1
shift
here=$(cd "$(dirname "$0")/.." && pwd)
list="$here/corpus/services/services.toml"
# The registry's download endpoint, as the index's config.json names it.
download=${CRATES_IO_DOWNLOAD:-https://static.crates.io/crates}

for tool in curl sha256sum tar; do
    command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done

# `name version sha256` per [[service]] table; the list is ours and keeps
# each key on one line, so no TOML parser is needed.
pins=$(awk -F' = ' '
    /^\[\[service\]\]/ { if (name != "") print name, version, sha; name = version = sha = "" }
    $1 == "name" { name = $2 } $1 == "version" { version = $2 } $1 == "sha256" { sha = $2 }
    END { if (name != "") print name, version, sha }
' "$list" | tr -d '"')

wanted() {
    [ $# -eq 1 ] && return 0
    local name=$1
    shift
    for n in "$@"; do [ "$n" = "$name" ] && return 0; done
    return 1
}

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
found=0
while read -r name version sha; do
    [ -n "$name" ] || continue
    wanted "$name" "$@" || continue
    found=$((found + 1))
    target="$dir/$name-$version"
    stamp="$target/.crate-sha256"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sha" ]; then
        echo "$name $version: already in $target" >&2
    else
        crate=$(mktemp "$dir/.$name-$version.XXXXXX.crate")
        echo "$name $version: downloading" >&2
        if ! curl -fsSL --retry 3 -o "$crate" "$download/$name/$name-$version.crate"; then
            rm -f "$crate"
            echo "$name $version: download failed from $download" >&2
            exit 1
        fi
        actual=$(sha256sum "$crate" | cut -d' ' -f1)
        if [ "$actual" != "$sha" ]; then
            rm -f "$crate"
            echo "$name $version: sha256 $actual, but the list pins $sha" >&2
            exit 1
        fi
        rm -rf "$target"
        # A .crate is a gzipped tar of one directory, <name>-<version>/.
        tar -xzf "$crate" -C "$dir" "$name-$version"
        rm -f "$crate"
        echo "$sha" >"$stamp"
    fi
    echo "$name $version $target"
done <<<"$pins"

if [ $# -gt 0 ] && [ "$found" -ne $# ]; then
    echo "some of \`$*\` are not in $list" >&2
    exit 1
fi
