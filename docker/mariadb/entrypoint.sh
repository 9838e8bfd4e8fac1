#!/bin/bash
# First start: create the database and its user from MARIADB_DATABASE / MARIADB_USER /
# MARIADB_PASSWORD on a server that listens on no port, then serve for real. The server logs
# "ready for connections … port: 3306" only then: that line is the readiness signal.
set -euo pipefail

log() { echo "[mariadb] $*"; }
for v in MARIADB_DATABASE MARIADB_USER MARIADB_PASSWORD; do
  [ -n "${!v:-}" ] || { log "error: $v is not set" >&2; exit 1; }
done
[[ "$MARIADB_DATABASE" =~ ^[A-Za-z0-9_]+$ ]] || { log "error: MARIADB_DATABASE must be [A-Za-z0-9_]+" >&2; exit 1; }
[[ "$MARIADB_USER" =~ ^[A-Za-z0-9_]+$ ]] || { log "error: MARIADB_USER must be [A-Za-z0-9_]+" >&2; exit 1; }

DATA=/var/lib/mysql
MARK="$DATA/.crm-conformance-initialised"
if [ ! -f "$MARK" ]; then
  [ -d "$DATA/mysql" ] || mariadb-install-db --user=mysql --datadir="$DATA" >/dev/null
  mariadbd --user=mysql --skip-networking --socket=/run/mysqld/init.sock &
  pid=$!
  for _ in $(seq 1 120); do
    mariadb-admin --socket=/run/mysqld/init.sock ping --silent >/dev/null 2>&1 && break
    sleep 0.25
  done
  # The password reaches SQL as a quoted literal, never a command line.
  esc() { printf '%s' "$1" | sed "s/\\\\/\\\\\\\\/g; s/'/\\\\'/g"; }
  mariadb --socket=/run/mysqld/init.sock <<SQL
CREATE DATABASE IF NOT EXISTS \`$MARIADB_DATABASE\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;
CREATE USER IF NOT EXISTS '$MARIADB_USER'@'%' IDENTIFIED BY '$(esc "$MARIADB_PASSWORD")';
GRANT ALL PRIVILEGES ON \`$MARIADB_DATABASE\`.* TO '$MARIADB_USER'@'%';
FLUSH PRIVILEGES;
SQL
  mariadb-admin --socket=/run/mysqld/init.sock shutdown
  wait "$pid" || true
  touch "$MARK"
  log "created database $MARIADB_DATABASE and user $MARIADB_USER"
fi
exec mariadbd --user=mysql "$@"
