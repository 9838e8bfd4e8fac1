// The container target as plain data: environment, network alias, seed, token lifetimes and the
// CRM_* hand-over to the harness. Pure functions, unit-tested without an engine; suitecrm-container.ts
// only hands them to Testcontainers.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { versionTraits } from './versions.js';

/** The name SuiteCRM reaches MariaDB by on the run's private network. */
export const DB_ALIAS = 'db';
export const DB_PORT = 3306;
export const DB_NAME = 'suitecrm';
export const DB_USER = 'suitecrm';
export const HTTP_PORT = 80;
export const ADMIN_USER = 'admin';
/** The silent installer creates the admin user with id "1" (observed: JWT `sub` "1" for admin). */
export const ADMIN_USER_ID = '1';
export const LIMITED_USER = 'crm-conformance-limited';
export const PUBLIC_KEY_PATH = '/var/www/html/Api/V8/OAuth2/public.key';
export const PRIVATE_KEY_PATH = '/var/www/html/Api/V8/OAuth2/private.key';
export const SUITECRM_REPOSITORY = 'crm-conformance/suitecrm';
export const MARIADB_REPOSITORY = 'crm-conformance/mariadb';
/** Debian 12's mariadb-server, the database the facts were observed with. */
export const MARIADB_VERSION = '10.11';
/** Every container, network and image of ours carries it (leftover sweeps, `docker ps --filter`). */
export const LABEL = 'org.crm-conformance';

/** Short enough for the expiry checks to wait them out, long enough to survive SuiteCRM's admin panel:
 * revoking a token there rewrites its row's expiry times to whole minutes (the list's display format),
 * and SuiteCRM refuses a token whose stored expiry has passed. With less than a minute plus the few
 * seconds a panel revocation takes, a revoked token is refused as expired whatever the revocation did,
 * and the revocation checks cannot judge (fixtures/flows.ts requireRefusalAttributable). The
 * refresh lifetime covers the password grant's refresh tokens too (docker/suitecrm/token-ttl.php.tpl). */
export const DEFAULT_CONTAINER_TTL = { accessSeconds: 90, refreshSeconds: 120 } as const;

/** The expiry checks' wait budget on the container: the refresh lifetime plus a margin. */
export function containerMaxWait(refreshSeconds: number = DEFAULT_CONTAINER_TTL.refreshSeconds): number {
  return refreshSeconds + 30;
}

export type SeedGrant = 'password' | 'client_credentials' | 'authorization_code';

export interface SeedClient {
  role: 'client' | 'client2' | 'ccClient' | 'spareClient' | 'authCodeClient';
  id: string;
  secret: string;
  name: string;
  grant: SeedGrant;
  /** Associated user (the user a client_credentials token acts as): a user id or a seeded user name. */
  userId?: string;
  redirectUri?: string;
}

export interface SeedUser {
  userName: string;
  password: string;
  /** Modules the user's role disables (SuiteCRM ACL "access: Disabled", every other action None). */
  denyModules: string[];
}

export interface RunSecrets {
  adminPassword: string;
  dbPassword: string;
  clients: SeedClient[];
  users: SeedUser[];
}

export interface ContainerOptions {
  version: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  /** Where the harness's browser would land after /Api/authorize (7.15 authorization_code client). */
  redirectUri?: string;
  /** PHP's display_errors, a deployment setting (docs/container.md): Debian's production default is Off. */
  displayErrors?: 'On' | 'Off';
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** Fresh credentials for one run: nothing is reused between runs, nothing is fixed in the repo. */
export function makeRunSecrets(opts: Pick<ContainerOptions, 'version' | 'redirectUri'>): RunSecrets {
  const client = (role: SeedClient['role'], grant: SeedGrant, name: string, extra: Partial<SeedClient> = {}): SeedClient => ({
    role,
    id: randomUUID(),
    secret: hex(24),
    name: `crm-conformance ${name}`,
    grant,
    ...extra,
  });
  const clients = [
    client('client', 'password', 'password client'),
    client('client2', 'password', 'second password client'),
    client('ccClient', 'client_credentials', 'client_credentials client', { userId: ADMIN_USER_ID }),
    client('spareClient', 'password', 'spare client (revoked by checks)'),
  ];
  if (versionTraits(opts.version).authorizationCode) {
    clients.push(client('authCodeClient', 'authorization_code', 'authorization_code client', { redirectUri: opts.redirectUri ?? 'http://127.0.0.1:8976/callback' }));
  }
  return {
    adminPassword: `A1-${hex(12)}`,
    dbPassword: hex(16),
    clients,
    users: [{ userName: LIMITED_USER, password: `L1-${hex(12)}`, denyModules: ['Accounts'] }],
  };
}

/** Every value that must never reach output, with the redactor's kind. */
export function secretValues(s: RunSecrets): Array<[string, 'password' | 'client_secret']> {
  return [
    [s.adminPassword, 'password'],
    [s.dbPassword, 'password'],
    ...s.users.map((u) => [u.password, 'password'] as [string, 'password']),
    ...s.clients.map((c) => [c.secret, 'client_secret'] as [string, 'client_secret']),
  ];
}

/** What docker/mariadb/entrypoint.sh reads (the official image's variable names). */
export function databaseEnv(s: RunSecrets): Record<string, string> {
  return { MARIADB_DATABASE: DB_NAME, MARIADB_USER: DB_USER, MARIADB_PASSWORD: s.dbPassword };
}

/** MariaDB logs the port only when it really serves (the init phase listens on port 0). */
export const DB_READY = /port: 3306\s/;
/** docker/suitecrm/entrypoint.sh's last line before Apache takes over. */
export const APACHE_STARTING = /\[suitecrm\] apache starting/;

/** What docker/suitecrm/install.sh reads; `siteUrl` is the URL the harness reaches the container by
 * (SuiteCRM builds absolute redirects from site_url). Keep in step with install.sh (unit-tested). */
export function installEnv(opts: ContainerOptions, s: RunSecrets, siteUrl: string): Record<string, string> {
  checkTtl(opts.accessTtlSeconds, opts.refreshTtlSeconds);
  return {
    SUITECRM_DB_HOST: DB_ALIAS,
    SUITECRM_DB_PORT: String(DB_PORT),
    SUITECRM_DB_NAME: DB_NAME,
    SUITECRM_DB_USER: DB_USER,
    SUITECRM_DB_PASSWORD: s.dbPassword,
    SUITECRM_ADMIN_USER: ADMIN_USER,
    SUITECRM_ADMIN_PASSWORD: s.adminPassword,
    SUITECRM_SITE_URL: siteUrl,
    SUITECRM_ACCESS_TOKEN_TTL: String(opts.accessTtlSeconds),
    SUITECRM_REFRESH_TOKEN_TTL: String(opts.refreshTtlSeconds),
    SUITECRM_PHP_DISPLAY_ERRORS: opts.displayErrors ?? 'Off',
    SUITECRM_SEED_JSON: JSON.stringify(seedSpec(s)),
  };
}

export function checkTtl(accessSeconds: number, refreshSeconds: number): void {
  for (const [name, v] of [['access', accessSeconds], ['refresh', refreshSeconds]] as const) {
    if (!Number.isInteger(v) || v < 1 || v > 86_400) throw new RangeError(`${name}-token lifetime must be a whole number of seconds in 1..86400, got ${v}`);
  }
  if (refreshSeconds < accessSeconds) throw new RangeError(`the refresh-token lifetime (${refreshSeconds} s) must not be shorter than the access-token lifetime (${accessSeconds} s)`);
}

/** league/oauth2-server takes lifetimes as PHP DateInterval specs ('PT1H' in 7.14.6): seconds as 'PT<n>S'. */
export function dateIntervalSpec(seconds: number): string {
  return `PT${seconds}S`;
}

/** league/oauth2-server answers `expires_in` = exp − now, computed a moment after it set exp: a token
 * asked with a 10 s lifetime may say 9. Anything in [asked − 2, asked] is the asked lifetime. */
export function expiresInMatches(expiresIn: number | undefined, askedSeconds: number): boolean {
  return expiresIn !== undefined && expiresIn <= askedSeconds && expiresIn >= askedSeconds - 2;
}

/** Only the hash reaches the container: Api/V8/OAuth2/Repository/ClientRepository::validateClient
 * compares hash('sha256', $clientSecret) with oauth2clients.secret (OAuth2Clients::save hashes the same way). */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The JSON docker/suitecrm/seed.php reads: SuiteCRM's own beans write users, roles, clients, records. */
export function seedSpec(s: RunSecrets): Record<string, unknown> {
  return {
    admin: { timezone: 'UTC' },
    users: s.users.map((u) => ({ userName: u.userName, password: u.password, lastName: u.userName, denyModules: u.denyModules })),
    clients: s.clients.map((c) => ({
      id: c.id,
      name: c.name,
      secretSha256: secretHash(c.secret),
      grant: c.grant,
      ...(c.userId ? { userId: c.userId } : {}),
      ...(c.redirectUri ? { redirectUri: c.redirectUri } : {}),
    })),
  };
}

/** The environment the Playwright child reads for a URL target (src/config/credentials.ts,
 * fixtures/target.ts): everything the embedded target offers, so both run the same checks. */
export function harnessEnv(baseUrl: string, opts: ContainerOptions, s: RunSecrets, keys: { publicKeyPem?: string; privateKeyPem?: string } = {}): Record<string, string> {
  const by = (role: SeedClient['role']) => s.clients.find((c) => c.role === role);
  const limited = s.users.find((u) => u.denyModules.length);
  const env: Record<string, string> = {
    CRM_BASE_URL: baseUrl,
    CRM_USERNAME: ADMIN_USER,
    CRM_PASSWORD: s.adminPassword,
    // The admin panel (setup/teardown, panel revocation in Chromium, the admin.* checks).
    CRM_ADMIN_USERNAME: ADMIN_USER,
    CRM_ADMIN_PASSWORD: s.adminPassword,
    CRM_ACCESS_TOKEN_TTL: String(opts.accessTtlSeconds),
    CRM_REFRESH_TOKEN_TTL: String(opts.refreshTtlSeconds),
  };
  const put = (role: SeedClient['role'], idVar: string, secretVar: string) => {
    const c = by(role);
    if (c) Object.assign(env, { [idVar]: c.id, [secretVar]: c.secret });
  };
  put('client', 'CRM_CLIENT_ID', 'CRM_CLIENT_SECRET');
  put('client2', 'CRM_CLIENT2_ID', 'CRM_CLIENT2_SECRET');
  put('ccClient', 'CRM_CC_CLIENT_ID', 'CRM_CC_CLIENT_SECRET');
  put('spareClient', 'CRM_SPARE_CLIENT_ID', 'CRM_SPARE_CLIENT_SECRET');
  put('authCodeClient', 'CRM_AUTHCODE_CLIENT_ID', 'CRM_AUTHCODE_CLIENT_SECRET');
  const ac = by('authCodeClient');
  if (ac?.redirectUri) env.CRM_AUTHCODE_REDIRECT_URI = ac.redirectUri;
  if (limited) Object.assign(env, { CRM_LIMITED_USERNAME: limited.userName, CRM_LIMITED_PASSWORD: limited.password });
  if (keys.publicKeyPem) env.CRM_JWT_PUBLIC_KEY = keys.publicKeyPem;
  if (keys.privateKeyPem) env.CRM_JWT_PRIVATE_KEY = keys.privateKeyPem;
  return env;
}
