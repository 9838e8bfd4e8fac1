#!/bin/bash
# Starts Apache in the foreground. SuiteCRM is installed by `suitecrm-install`: the harness runs it
# with `docker exec` once the URL it reaches the container by is known (so site_url is that URL);
# docker/compose.yml sets SUITECRM_INSTALL_ON_START=1 to install before Apache starts.
set -euo pipefail

if [ "${SUITECRM_INSTALL_ON_START:-}" = 1 ]; then
  suitecrm-install
fi

# Debian's envvars reads unset variables.
set +u
# shellcheck disable=SC1091
. /etc/apache2/envvars
set -u
mkdir -p "$APACHE_RUN_DIR" "$APACHE_LOCK_DIR" "$APACHE_LOG_DIR"
rm -f "$APACHE_PID_FILE"
echo "[suitecrm] apache starting (SuiteCRM ${SUITECRM_VERSION:-?} source in /var/www/html)"
exec apache2 -DFOREGROUND "$@"
