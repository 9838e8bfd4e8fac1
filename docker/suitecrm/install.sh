#!/bin/bash
# suitecrm-install: SuiteCRM's silent installer against the database container, then what the
# installer does not do (OAuth2 keys, encryption key), short token lifetimes, and the seed.
# Idempotent: a second run only re-applies lifetimes. Exit 0 only when the installer itself
# reported completion ("The setup of SuiteCRM … is now complete!"). Lines start with "[suitecrm]";
# no secret is ever printed.
#
# Environment: SUITECRM_DB_{HOST,PORT,NAME,USER,PASSWORD}, SUITECRM_ADMIN_{USER,PASSWORD},
# SUITECRM_SITE_URL (the URL clients use: SuiteCRM builds absolute redirects from it),
# optional SUITECRM_ACCESS_TOKEN_TTL / SUITECRM_REFRESH_TOKEN_TTL (seconds),
# SUITECRM_PHP_DISPLAY_ERRORS (Off | On; a deployment variant), SUITECRM_SEED_JSON (seed.php).
set -euo pipefail

WEB=/var/www/html
SHARE=/usr/local/share/suitecrm
SEED_DIR=/docker-entrypoint-seed.d
MARK="$WEB/.crm-conformance-installed"
T0=$(date +%s)

log() {
  local line="[suitecrm] $*"
  echo "$line"
  # Under `docker exec` also into the container's log, where the harness shows progress.
  if [ "$(readlink "/proc/$$/fd/1")" != "$(readlink /proc/1/fd/1 2>/dev/null)" ]; then echo "$line" >/proc/1/fd/1 2>/dev/null || true; fi
}
die() { log "error: $*" >&2; exit 1; }

for v in SUITECRM_DB_HOST SUITECRM_DB_PORT SUITECRM_DB_NAME SUITECRM_DB_USER SUITECRM_DB_PASSWORD \
         SUITECRM_ADMIN_USER SUITECRM_ADMIN_PASSWORD SUITECRM_SITE_URL; do
  [ -n "${!v:-}" ] || die "$v is not set"
done
ACCESS_TTL="${SUITECRM_ACCESS_TOKEN_TTL:-}"
REFRESH_TTL="${SUITECRM_REFRESH_TOKEN_TTL:-}"

# The password travels in the environment, never on a command line.
export MYSQL_PWD="$SUITECRM_DB_PASSWORD"
db() { mysql --protocol=tcp -h "$SUITECRM_DB_HOST" -P "$SUITECRM_DB_PORT" -u "$SUITECRM_DB_USER" "$SUITECRM_DB_NAME" "$@"; }
as_web() { runuser -u www-data -- "$@"; }

wait_for_db() {
  for _ in $(seq 1 120); do
    if db -e 'SELECT 1' >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  die "the database at $SUITECRM_DB_HOST:$SUITECRM_DB_PORT did not answer within 60 s"
}

apache_answers() { curl -s -o /dev/null --max-time 2 "http://127.0.0.1/"; }

STARTED_APACHE=0
ensure_apache() {
  for _ in $(seq 1 40); do apache_answers && return 0; sleep 0.25; done
  # Install on start (docker/compose.yml): no Apache yet, so run one for the installer.
  apache2ctl start
  STARTED_APACHE=1
  for _ in $(seq 1 60); do apache_answers && return 0; sleep 0.25; done
  die "Apache does not answer on port 80"
}

stop_own_apache() {
  [ "$STARTED_APACHE" = 1 ] || return 0
  apache2ctl stop || true
  for _ in $(seq 1 60); do apache_answers || return 0; sleep 0.25; done
}

silent_install() {
  log "running the SuiteCRM ${SUITECRM_VERSION:-} silent installer (site_url $SUITECRM_SITE_URL)"
  php "$SHARE/silent-install-config.php" "$WEB/config_si.php"
  chown www-data:www-data "$WEB/config_si.php"
  chmod 600 "$WEB/config_si.php"
  # Driven over HTTP: the installer's CLI path fails on 7.14 ("Bad data passed in").
  local out=/tmp/silent-install.html
  curl -sS -o "$out" --max-time 900 "http://127.0.0.1/install.php?goto=SilentInstall&cli=true" || true
  rm -f "$WEB/config_si.php"
  # Readiness is the installer's own verdict (install/performSetup.php's closing page), not "Apache answers".
  if ! grep -q "is now complete!" "$out"; then
    # Validation errors come back as "Exit 1" lines; never print the page wholesale (it may quote input).
    grep -o -i -E '(error[^<]{0,160}|Exit [0-9]+)' "$out" | head -5 | sed 's/^/[suitecrm]   /' >&2 || true
    die "the silent installer did not report completion"
  fi
  [ -f "$WEB/config.php" ] || die "the installer reported completion but wrote no config.php"
  grep -q "'installer_locked' => true" "$WEB/config.php" || die "config.php does not lock the installer"
  local bottle
  bottle="$(sed -n 's:.*<bottle>\(.*\)</bottle>.*:\1:p' "$out" | head -1)"
  log "installer: complete${bottle:+ ($bottle)}"
}

oauth2_keys() {
  local dir="$WEB/Api/V8/OAuth2"
  if [ ! -s "$dir/private.key" ]; then
    log "generating the OAuth2 RSA key pair (the installer does not)"
    openssl genrsa -out "$dir/private.key" 2048 2>/dev/null
    openssl rsa -in "$dir/private.key" -pubout -out "$dir/public.key" 2>/dev/null
  fi
  # league/oauth2-server refuses keys readable by others.
  chown www-data:www-data "$dir/private.key" "$dir/public.key"
  chmod 600 "$dir/private.key" "$dir/public.key"
}

encryption_key() {
  # 7.14 reads $sugar_config['oauth2_encryption_key'] (the installer writes one); without it SuiteCRM
  # falls back to the constant 'SCRM-DEFK': never accept that.
  if ! grep -q "'oauth2_encryption_key' => '[^']\{16,\}'" "$WEB/config.php" "$WEB/config_override.php" 2>/dev/null; then
    log "adding oauth2_encryption_key to config_override.php"
    local key
    key="$(php -r 'echo base64_encode(random_bytes(32));')"
    [ -f "$WEB/config_override.php" ] || echo '<?php' >"$WEB/config_override.php"
    echo "\$sugar_config['oauth2_encryption_key'] = '$key';" >>"$WEB/config_override.php"
    chown www-data:www-data "$WEB/config_override.php"
  fi
}

token_lifetimes() {
  local target="$WEB/custom/application/Ext/Api/V8/middlewares.php"
  if [ -z "$ACCESS_TTL" ] && [ -z "$REFRESH_TTL" ]; then
    rm -f "$target"
    log "token lifetimes: SuiteCRM's own (access 1 h, refresh 1 month)"
    return
  fi
  [[ "$ACCESS_TTL" =~ ^[1-9][0-9]{0,4}$ ]] || die "SUITECRM_ACCESS_TOKEN_TTL must be whole seconds, got '$ACCESS_TTL'"
  [[ "$REFRESH_TTL" =~ ^[1-9][0-9]{0,6}$ ]] || die "SUITECRM_REFRESH_TOKEN_TTL must be whole seconds, got '$REFRESH_TTL'"
  # The override wraps what these files contain; refuse a release where they changed shape.
  grep -q "mergeCustomArray" "$WEB/Api/V8/Config/services/middlewares.php" || die "Api/V8/Config/services/middlewares.php has no CustomLoader::mergeCustomArray: the lifetime override does not fit this release"
  grep -q "function setCustomPath" "$WEB/Api/Core/Loader/CustomLoader.php" || die "CustomLoader::setCustomPath is missing: the lifetime override does not fit this release"
  mkdir -p "$(dirname "$target")"
  sed -e "s/__ACCESS_TTL__/$ACCESS_TTL/" -e "s/__REFRESH_TTL__/$REFRESH_TTL/" "$SHARE/token-ttl.php.tpl" >"$target"
  chown -R www-data:www-data "$WEB/custom/application"
  php -l "$target" >/dev/null || die "the lifetime override does not parse"
  log "token lifetimes: access ${ACCESS_TTL} s, refresh ${REFRESH_TTL} s (password and refresh grants)"
}

display_errors() {
  local v="${SUITECRM_PHP_DISPLAY_ERRORS:-Off}"
  case "$v" in On | Off) ;; *) die "SUITECRM_PHP_DISPLAY_ERRORS must be On or Off, got '$v'" ;; esac
  printf '; priority=95\n; the deployment variant chosen at install (suitecrm-install)\ndisplay_errors = %s\n' "$v" >/etc/php/8.2/mods-available/suitecrm-variant.ini
  phpenmod suitecrm-variant
  # mod_php reads ini files at start: a graceful restart applies a change.
  if [ "$v" = On ]; then log "PHP display_errors On (deployment variant)"; apache2ctl graceful 2>/dev/null || true; fi
}

seed() {
  shopt -s nullglob
  local f
  for f in "$SEED_DIR"/*.sql; do
    log "applying $(basename "$f")"
    db <"$f"
  done
  if [ -n "${SUITECRM_SEED_JSON:-}" ]; then
    log "seeding through SuiteCRM's beans (seed.php)"
    (cd "$WEB" && SUITECRM_SEED_JSON="$SUITECRM_SEED_JSON" as_web php -d error_reporting='E_ALL & ~E_WARNING & ~E_NOTICE & ~E_DEPRECATED' "$SHARE/seed.php") | sed 's/^/[suitecrm] seed: /'
  fi
}

if [ -f "$MARK" ]; then
  log "already installed"
  token_lifetimes
  exit 0
fi
wait_for_db
ensure_apache
silent_install
oauth2_keys
encryption_key
token_lifetimes
display_errors
seed
touch "$MARK"
stop_own_apache
log "installed in $(( $(date +%s) - T0 )) s"
