#!/bin/sh
# Makes the base image debian:bookworm when no registry has it (a machine without Docker Hub):
# debootstrap --variant=minbase from a Debian mirror, then `docker import`. Every image of the
# container target is built FROM it. Idempotent: does nothing when the image exists.
#
#   docker/base/build.sh                 # mirror from /etc/apt/sources.list.d/debian.sources, else deb.debian.org
#   DEBIAN_MIRROR=http://ftp.de.debian.org/debian docker/base/build.sh
#   docker/base/build.sh --pull-first    # try `docker pull debian:bookworm` before building
#
# Needs root (debootstrap) and debootstrap itself (apt-get install debootstrap).
set -eu

IMAGE="${BASE_IMAGE:-debian:bookworm}"
SUITE=bookworm

log() { echo "[base] $*" >&2; }

if docker image inspect "$IMAGE" >/dev/null 2>&1; then
  log "$IMAGE exists"
  exit 0
fi

if [ "${1:-}" = "--pull-first" ] && timeout 60 docker pull -q "$IMAGE" >/dev/null 2>&1; then
  log "pulled $IMAGE"
  exit 0
fi

command -v debootstrap >/dev/null 2>&1 || { log "debootstrap is not installed (apt-get install -y debootstrap)"; exit 2; }
[ "$(id -u)" = 0 ] || { log "debootstrap needs root"; exit 2; }

# The host's own Debian mirror when it has one (deb822 or one-line format), else Debian's CDN.
mirror="${DEBIAN_MIRROR:-}"
if [ -z "$mirror" ] && [ -r /etc/apt/sources.list.d/debian.sources ]; then
  mirror="$(awk '/^URIs:/ && $2 ~ /\/debian\/?$/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources)"
fi
if [ -z "$mirror" ] && [ -r /etc/apt/sources.list ]; then
  mirror="$(awk '$1 == "deb" && $2 ~ /\/debian\/?$/ { print $2; exit }' /etc/apt/sources.list)"
fi
mirror="${mirror:-http://deb.debian.org/debian}"
security="${DEBIAN_SECURITY_MIRROR:-$(echo "$mirror" | sed 's#/debian/*$#/debian-security#')}"

root="$(mktemp -d /tmp/crm-conformance-base.XXXXXX)"
trap 'rm -rf "$root"' EXIT INT TERM
t0=$(date +%s)
log "debootstrap --variant=minbase $SUITE from $mirror (about a minute)"
debootstrap --variant=minbase "$SUITE" "$root" "$mirror" >"$root.log" 2>&1 || { tail -20 "$root.log" >&2; rm -f "$root.log"; exit 1; }
rm -f "$root.log"

# The same suites as Debian's own image: main, updates, security.
cat >"$root/etc/apt/sources.list" <<SOURCES
deb $mirror $SUITE main
deb $mirror $SUITE-updates main
deb $security $SUITE-security main
SOURCES
# Small image, no recommends: what Debian's docker image configures.
printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' >"$root/etc/apt/apt.conf.d/90-no-recommends"
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/tmp/* 2>/dev/null || true

tar --numeric-owner -C "$root" -c . | docker import \
  --change 'CMD ["bash"]' \
  --change 'ENV LANG=C.UTF-8' \
  --change "LABEL org.opencontainers.image.source=debootstrap org.crm-conformance.mirror=$mirror" \
  - "$IMAGE" >/dev/null
log "imported $IMAGE in $(( $(date +%s) - t0 )) s ($(docker image inspect -f '{{.Size}}' "$IMAGE" | awk '{ printf "%d MB", $1 / 1e6 }'))"
