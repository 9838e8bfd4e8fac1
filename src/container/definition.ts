// The container target as plain data: build args, environment, network, ports, wait condition,
// seeding SQL and token lifetimes. Pure functions, so they are unit-tested without an engine;
// suitecrm-container.ts only hands them to Testcontainers.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { versionTraits } from './versions.js';

export const DB_IMAGE = 'mariadb:10.11';
/** The name SuiteCRM reaches MariaDB by on the shared network. */
export const DB_ALIAS = 'db';
export const DB_PORT = 3306;
export const DB_NAME = 'suitecrm';
export const DB_USER = 'suitecrm';
export const HTTP_PORT = 80;
export const ADMIN_USER = 'admin';
/** The silent installer creates the admin user with id "1" (observed: JWT `sub` "1" for admin). */
export const ADMIN_USER_ID = '1';
/** The entrypoint applies every *.sql here once, after the installer (docker/suitecrm/entrypoint.sh). */
export const SEED_DIR = '/docker-entrypoint-seed.d';
export const PUBLIC_KEY_PATH = '/var/www/html/Api/V8/OAuth2/public.key';
export const IMAGE_REPOSITORY = 'crm-conformance/suitecrm';

/** Short, but long enough that a token survives the few requests of one check on a slow runner. */
export const DEFAULT_CONTAINER_TTL = { accessSeconds: 10, refreshSeconds: 30 } as const;

export type SeedGrant = 'password' | 'client_credentials' | 'authorization_code';

export interface SeedClient {
  role: 'client' | 'client2' | 'ccClient' | 'authCodeClient';
  id: string;
  secret: string;
  name: string;
  grant: SeedGrant;
  /** Associated user: the user a client_credentials token acts as. */
  userId?: string;
  redirectUri?: string;
}

export interface RunSecrets {
  adminPassword: string;
  dbPassword: string;
  dbRootPassword: string;
  clients: SeedClient[];
}

export interface ContainerOptions {
  version: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  /** Where the harness's browser would land after /Api/authorize (7.15 authorization_code client). */
  redirectUri?: string;
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
  ];
  if (versionTraits(opts.version).authorizationCode) {
    clients.push(client('authCodeClient', 'authorization_code', 'authorization_code client', { redirectUri: opts.redirectUri ?? 'http://127.0.0.1:8976/callback' }));
  }
  return { adminPassword: `A1-${hex(12)}`, dbPassword: hex(16), dbRootPassword: hex(16), clients };
}

/** Every value that must never reach output, with the redactor's kind. */
export function secretValues(s: RunSecrets): Array<[string, 'password' | 'client_secret']> {
  return [
    [s.adminPassword, 'password'],
    [s.dbPassword, 'password'],
    [s.dbRootPassword, 'password'],
    ...s.clients.map((c) => [c.secret, 'client_secret'] as [string, 'client_secret']),
  ];
}

/** Build arguments of docker/suitecrm/Dockerfile; the checksum is verified inside the build. */
export function buildArgs(version: string, archiveSha256: string): Record<string, string> {
  const t = versionTraits(version);
  return { SUITECRM_VERSION: t.version, PHP_VERSION: t.phpVersion, SUITECRM_SHA256: archiveSha256 };
}

export function databaseEnv(s: RunSecrets): Record<string, string> {
  return {
    MARIADB_DATABASE: DB_NAME,
    MARIADB_USER: DB_USER,
    MARIADB_PASSWORD: s.dbPassword,
    MARIADB_ROOT_PASSWORD: s.dbRootPassword,
  };
}

/** MariaDB's entrypoint logs this twice: once for its init server, once when really serving. */
export const DB_READY = { message: /ready for connections/, times: 2 } as const;

/** What docker/suitecrm/entrypoint.sh reads (keep both in step; the unit test compares them). */
export function suiteCrmEnv(opts: ContainerOptions, s: RunSecrets): Record<string, string> {
  checkTtl(opts.accessTtlSeconds, opts.refreshTtlSeconds);
  return {
    SUITECRM_DB_HOST: DB_ALIAS,
    SUITECRM_DB_PORT: String(DB_PORT),
    SUITECRM_DB_NAME: DB_NAME,
    SUITECRM_DB_USER: DB_USER,
    SUITECRM_DB_PASSWORD: s.dbPassword,
    SUITECRM_ADMIN_USER: ADMIN_USER,
    SUITECRM_ADMIN_PASSWORD: s.adminPassword,
    SUITECRM_SITE_URL: `http://localhost`,
    SUITECRM_ACCESS_TOKEN_TTL: String(opts.accessTtlSeconds),
    SUITECRM_REFRESH_TOKEN_TTL: String(opts.refreshTtlSeconds),
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

// Ready = the token endpoint answers a bodiless POST with an OAuth error document (7.14.6: 400
// unsupported_grant_type, observed §3.3). Apache only starts after install + seeding, so this
// also waits for those; Apache's own 404/503 pages or a PHP fatal are "not yet".
export const TOKEN_ENDPOINT_WAIT = { path: '/Api/access_token', method: 'POST', statuses: [400, 401] } as const;

export function tokenEndpointStatusReady(status: number): boolean {
  return (TOKEN_ENDPOINT_WAIT.statuses as readonly number[]).includes(status);
}

export function tokenEndpointBodyReady(body: string): boolean {
  try {
    const j = JSON.parse(body) as { error?: unknown } | null;
    return typeof j?.error === 'string';
  } catch {
    return false;
  }
}

export function tokenEndpointReady(status: number, body: string): boolean {
  return tokenEndpointStatusReady(status) && tokenEndpointBodyReady(body);
}

/** Only the hash reaches the container: Api/V8/OAuth2/Repository/ClientRepository::validateClient
 * compares hash('sha256', $clientSecret) with oauth2clients.secret (OAuth2Clients::save hashes the same way). */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

const sqlString = (v: string | undefined): string => (v === undefined ? 'NULL' : `'${v.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`);

/** Columns written per client, from modules/OAuth2Clients/vardefs.php (7.14.6) plus the 'default'
 * SugarObject template (id, name, date_entered, date_modified, modified_user_id, created_by,
 * description, deleted). duration_* are what the admin UI writes (facts/suitecrm-7.14-admin-ui.md §6);
 * SuiteCRM ignores them for the lifetime. */
export const OAUTH2CLIENT_COLUMNS = [
  'id',
  'name',
  'date_entered',
  'date_modified',
  'modified_user_id',
  'created_by',
  'description',
  'deleted',
  'secret',
  'redirect_url',
  'is_confidential',
  'allowed_grant_type',
  'duration_value',
  'duration_amount',
  'duration_unit',
  'assigned_user_id',
] as const;

export function seedSql(clients: readonly SeedClient[]): string {
  const rows = clients.map((c) =>
    [
      sqlString(c.id),
      sqlString(c.name),
      'UTC_TIMESTAMP()',
      'UTC_TIMESTAMP()',
      sqlString(ADMIN_USER_ID),
      sqlString(ADMIN_USER_ID),
      sqlString('created by crm-conformance for one test run'),
      '0',
      sqlString(secretHash(c.secret)),
      sqlString(c.redirectUri),
      '1',
      sqlString(c.grant),
      '60',
      '1',
      sqlString('minute'),
      sqlString(c.userId),
    ].join(', '),
  );
  return (
    '-- OAuth2 clients of one crm-conformance run (secrets stored as sha256 hex, as SuiteCRM does)\n' +
    `INSERT INTO oauth2clients (${OAUTH2CLIENT_COLUMNS.join(', ')}) VALUES\n` +
    rows.map((r) => `  (${r})`).join(',\n') +
    ';\n'
  );
}

export interface ContainerFile {
  target: string;
  content: string;
}

export function seedFiles(s: RunSecrets): ContainerFile[] {
  return [{ target: `${SEED_DIR}/10-oauth2-clients.sql`, content: seedSql(s.clients) }];
}

/** The environment the Playwright child reads for a URL target (src/config/credentials.ts). */
export function harnessEnv(baseUrl: string, opts: ContainerOptions, s: RunSecrets, publicKeyPem?: string): Record<string, string> {
  const by = (role: SeedClient['role']) => s.clients.find((c) => c.role === role);
  const env: Record<string, string> = {
    CRM_BASE_URL: baseUrl,
    CRM_USERNAME: ADMIN_USER,
    CRM_PASSWORD: s.adminPassword,
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
  put('authCodeClient', 'CRM_AUTHCODE_CLIENT_ID', 'CRM_AUTHCODE_CLIENT_SECRET');
  const ac = by('authCodeClient');
  if (ac?.redirectUri) env.CRM_AUTHCODE_REDIRECT_URI = ac.redirectUri;
  if (publicKeyPem) env.CRM_JWT_PUBLIC_KEY = publicKeyPem;
  return env;
}
