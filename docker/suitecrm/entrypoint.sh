#!/bin/bash
# First start: silent install against the database container, OAuth2 keys, token lifetimes, seed SQL.
# Later starts (same container) skip what is done. Progress lines start with "[suitecrm]" so a
# caller can show them; no secret is ever printed.
set -euo pipefail

WEB=/var/www/html
SEED_DIR=/docker-entrypoint-seed.d
MARK="$WEB/.crm-conformance-installed"

log() { echo "[suitecrm] $*"; }
die() { echo "[suitecrm] error: $*" >&2; exit 1; }

for v in SUITECRM_DB_HOST SUITECRM_DB_PORT SUITECRM_DB_NAME SUITECRM_DB_USER SUITECRM_DB_PASSWORD \
         SUITECRM_ADMIN_USER SUITECRM_ADMIN_PASSWORD SUITECRM_SITE_URL; do
  [ -n "${!v:-}" ] || die "$v is not set"
done
ACCESS_TTL="${SUITECRM_ACCESS_TOKEN_TTL:-}"
REFRESH_TTL="${SUITECRM_REFRESH_TOKEN_TTL:-}"

# The password travels in the environment, never on a command line.
export MYSQL_PWD="$SUITECRM_DB_PASSWORD"
db() { mysql --protocol=tcp -h "$SUITECRM_DB_HOST" -P "$SUITECRM_DB_PORT" -u "$SUITECRM_DB_USER" "$SUITECRM_DB_NAME" "$@"; }

wait_for_db() {
  log "waiting for the database at $SUITECRM_DB_HOST:$SUITECRM_DB_PORT"
  for _ in $(seq 1 120); do
    if db -e 'SELECT 1' >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  die "the database did not answer within 120 s"
}

silent_install() {
  log "running SuiteCRM ${SUITECRM_VERSION:-} silent installer (takes 1-3 minutes)"
  php /usr/local/share/suitecrm/silent-install-config.php "$WEB/config_si.php"
  chown www-data:www-data "$WEB/config_si.php"
  # The installer is driven over HTTP: its CLI path fails on 7.14 ("Bad data passed in").
  apache2ctl start
  local ok=0
  for _ in $(seq 1 30); do
    if curl -s -o /dev/null "http://127.0.0.1/"; then ok=1; break; fi
    sleep 1
  done
  [ "$ok" = 1 ] || die "apache did not start for the installer"
  curl -sSL -o /tmp/silent-install.html --max-time 900 "http://127.0.0.1/install.php?goto=SilentInstall&cli=true" || true
  apache2ctl stop || true
  # The foreground Apache started below must find port 80 free.
  for _ in $(seq 1 30); do
    if ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1/"; then break; fi
    sleep 1
  done
  rm -f "$WEB/config_si.php"
  [ -f "$WEB/config.php" ] || { tail -c 2000 /tmp/silent-install.html >&2 || true; die "the silent installer wrote no config.php"; }
  grep -q "'installer_locked' => true" "$WEB/config.php" || log "warning: config.php does not lock the installer"
}

oauth2_keys() {
  local dir="$WEB/Api/V8/OAuth2"
  mkdir -p "$dir"
  if [ ! -s "$dir/private.key" ]; then
    log "generating the OAuth2 RSA key pair"
    openssl genrsa -out "$dir/private.key" 2048 2>/dev/null
    openssl rsa -in "$dir/private.key" -pubout -out "$dir/public.key" 2>/dev/null
  fi
  # league/oauth2-server's CryptKey refuses keys readable by others (SuiteCRM checks permissions off Windows).
  chown www-data:www-data "$dir/private.key" "$dir/public.key"
  chmod 600 "$dir/private.key" "$dir/public.key"
}

encryption_key() {
  # 7.14 reads $sugar_config['oauth2_encryption_key'] (middlewares.php; the installer's defaults
  # generate one). Without it SuiteCRM falls back to the constant 'SCRM-DEFK': never accept that.
  if ! grep -q "'oauth2_encryption_key' => '[^']\{16,\}'" "$WEB/config.php" "$WEB/config_override.php" 2>/dev/null; then
    log "adding oauth2_encryption_key to config_override.php"
    local key
    key="$(php -r 'echo base64_encode(random_bytes(32));')"
    [ -f "$WEB/config_override.php" ] || echo '<?php' > "$WEB/config_override.php"
    echo "\$sugar_config['oauth2_encryption_key'] = '$key';" >> "$WEB/config_override.php"
    chown www-data:www-data "$WEB/config_override.php"
  fi
}

token_lifetimes() {
  local target="$WEB/custom/application/Ext/Api/V8/middlewares.php"
  if [ -z "$ACCESS_TTL" ] && [ -z "$REFRESH_TTL" ]; then
    rm -f "$target"
    log "token lifetimes: SuiteCRM defaults (access 1 h, refresh 1 month)"
    return
  fi
  [[ "$ACCESS_TTL" =~ ^[1-9][0-9]{0,4}$ ]] || die "SUITECRM_ACCESS_TOKEN_TTL must be whole seconds, got '$ACCESS_TTL'"
  [[ "$REFRESH_TTL" =~ ^[1-9][0-9]{0,6}$ ]] || die "SUITECRM_REFRESH_TOKEN_TTL must be whole seconds, got '$REFRESH_TTL'"
  # The override wraps what these files contain; refuse a release where they changed shape.
  grep -q "mergeCustomArray" "$WEB/Api/V8/Config/services/middlewares.php" || die "Api/V8/Config/services/middlewares.php has no CustomLoader::mergeCustomArray: the lifetime override does not fit this release"
  grep -q "function setCustomPath" "$WEB/Api/Core/Loader/CustomLoader.php" || die "CustomLoader::setCustomPath is missing: the lifetime override does not fit this release"
  mkdir -p "$(dirname "$target")"
  sed -e "s/__ACCESS_TTL__/$ACCESS_TTL/" -e "s/__REFRESH_TTL__/$REFRESH_TTL/" /usr/local/share/suitecrm/token-ttl.php.tpl > "$target"
  chown -R www-data:www-data "$WEB/custom/application/Ext/Api"
  php -l "$target" >/dev/null || die "the lifetime override does not parse"
  log "token lifetimes: access ${ACCESS_TTL} s, refresh ${REFRESH_TTL} s"
}

seed() {
  shopt -s nullglob
  local f
  for f in "$SEED_DIR"/*.sql; do
    log "applying $(basename "$f")"
    db < "$f"
  done
}

wait_for_db
if [ ! -f "$MARK" ]; then
  silent_install
  oauth2_keys
  encryption_key
  seed
  touch "$MARK"
else
  log "already installed"
  oauth2_keys
fi
token_lifetimes
log "ready: starting apache"
exec "$@"
