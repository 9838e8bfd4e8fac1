#!/bin/bash
# Build step (Dockerfile): puts the SuiteCRM source tree into /var/www/html, owned by www-data.
#   fetch-source.sh <version> [<sha256 of the local archive>]
# From the one archive in /tmp/suitecrm-source (checked against the given sum, else the one
# SHA256SUMS records for its file name), else from the git tag SOURCES pins (commit id checked)
# plus `composer install --no-dev` from the tag's own composer.lock.
set -euo pipefail

version="${1:?usage: fetch-source.sh <version> [sha256]}"
given="${2:-}"
share=/usr/local/share/suitecrm
in=/tmp/suitecrm-source
out=/tmp/suitecrm-unpacked
web=/var/www/html

die() { echo "suitecrm source: $*" >&2; exit 1; }

mapfile -t archives < <(find "$in" -maxdepth 1 -type f \( -name '*.tar.xz' -o -name '*.tar.gz' -o -name '*.tgz' -o -name '*.zip' \) | sort)
[ "${#archives[@]}" -le 1 ] || die "more than one archive in source/: ${archives[*]##*/}"
mkdir -p "$out"

if [ "${#archives[@]}" = 1 ]; then
  archive="${archives[0]}"
  name="${archive##*/}"
  want="$(echo "$given" | tr 'A-F' 'a-f')"
  [ -n "$want" ] || want="$(awk -v f="$name" '$1 !~ /^#/ && ($2 == f || $2 == "*" f) { print $1 }' "$share/SHA256SUMS")"
  [ -n "$want" ] || die "no sha256 for $name: give it (--suitecrm-sha256, build arg SUITECRM_SHA256) or record it in docker/suitecrm/SHA256SUMS"
  got="$(sha256sum "$archive" | cut -d' ' -f1)"
  [ "$got" = "$want" ] || die "$name has sha256 $got, expected $want"
  echo "suitecrm source: $name (sha256 $got verified)"
  case "$name" in
    *.zip) unzip -q "$archive" -d "$out" ;;
    *.tar.xz) tar -xJf "$archive" -C "$out" --no-same-owner ;;
    *) tar -xzf "$archive" -C "$out" --no-same-owner ;;
  esac
else
  read -r tag commit repo < <(awk -v v="$version" '$1 == v { print $2, $3, $4 }' "$share/SOURCES") || true
  [ -n "${commit:-}" ] || die "no archive in source/ and no pinned git source for SuiteCRM $version in docker/suitecrm/SOURCES"
  echo "suitecrm source: git tag $tag of $repo (must be commit $commit), then composer install --no-dev"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends git composer >/dev/null
  git -c advice.detachedHead=false clone -q --depth 1 --branch "$tag" "$repo" "$out/SuiteCRM"
  head="$(git -C "$out/SuiteCRM" rev-parse HEAD)"
  [ "$head" = "$commit" ] || die "tag $tag is commit $head, not the recorded $commit: refusing it"
  (cd "$out/SuiteCRM" && COMPOSER_ALLOW_SUPERUSER=1 composer install -q --no-dev --no-interaction --no-progress --optimize-autoloader)
  rm -rf "$out/SuiteCRM/.git"
  apt-get purge -y -qq --auto-remove git composer >/dev/null
  rm -rf /var/lib/apt/lists/* /root/.composer /root/.cache
fi

# The tree itself, or its one top-level directory (SuiteCRM-7.14.6/).
src="$out"
mapfile -t top < <(find "$out" -mindepth 1 -maxdepth 1)
if [ "${#top[@]}" = 1 ] && [ -d "${top[0]}" ]; then src="${top[0]}"; fi
[ -f "$src/suitecrm_version.php" ] || die "the source has no suitecrm_version.php: not a SuiteCRM 7 tree"
have="$(sed -n "s/^\$suitecrm_version *= *'\([^']*\)'.*/\1/p" "$src/suitecrm_version.php")"
[ "$have" = "$version" ] || die "the source is SuiteCRM $have, not $version: pass --suitecrm-version $have"
[ -f "$src/vendor/autoload.php" ] || die "the source has no vendor/ (a bare git archive): use a release archive or one with composer's vendor/"
[ ! -e "$src/config.php" ] || die "the source has a config.php: it is an installed instance, not a source tree"

rm -rf "$web"
mv "$src" "$web"
chown -R www-data:www-data "$web"
rm -rf "$out"
echo "suitecrm source: SuiteCRM $have in $web"
