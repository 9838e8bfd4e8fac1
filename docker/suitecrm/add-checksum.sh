#!/bin/sh
# Prints the SHA256SUMS line of an official SuiteCRM release archive (run where github.com is reachable),
# so a maintainer can compare it with the published sum and commit it.
set -eu
version="${1:?usage: add-checksum.sh <version, e.g. 7.14.6>}"
case "$version" in 7.1[45].[0-9]*) ;; *) echo "unsupported version: $version" >&2; exit 2 ;; esac
file="SuiteCRM-${version}.zip"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
curl -fsSL -o "$tmp/$file" "https://github.com/salesagility/SuiteCRM/releases/download/v${version}/${file}"
(cd "$tmp" && sha256sum "$file")
