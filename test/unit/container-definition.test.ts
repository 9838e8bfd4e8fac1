// The container target's definition, checked without an engine. Where a value must match SuiteCRM,
// the evidence is named: files of salesagility/SuiteCRM (7.14 line) read while writing this, and
// ../shared/facts/suitecrm-7.14-observed.md (a live 7.14.6).
import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { credentialsFromEnv } from '../../src/config/credentials.js';
import { targetInfo } from '../../src/config/target-info.js';
import { ConfigError } from '../../src/config/errors.js';
import {
  ADMIN_USER_ID,
  buildArgs,
  checkTtl,
  databaseEnv,
  DB_ALIAS,
  dateIntervalSpec,
  harnessEnv,
  makeRunSecrets,
  OAUTH2CLIENT_COLUMNS,
  secretHash,
  secretValues,
  seedFiles,
  seedSql,
  SEED_DIR,
  suiteCrmEnv,
  tokenEndpointReady,
  type ContainerOptions,
} from '../../src/container/definition.js';
import { chooseTarget } from '../../src/cli/target-choice.js';
import { containerTargetOptions } from '../../src/container/index.js';
import { cachedImageName } from '../../src/container/suitecrm-container.js';
import {
  archiveChecksum,
  CHECKSUMS_FILE,
  DEFAULT_SUITECRM_VERSION,
  parseChecksums,
  requireArchiveChecksum,
  SUITECRM_CONTEXT,
  versionTraits,
} from '../../src/container/versions.js';
import { loadProfile } from '../../src/profile/profile.js';
import { SecretRegistry } from '../../src/redact/secrets.js';
import { PROJECT_ROOT } from '../../src/paths.js';

const ctx = (f: string) => readFileSync(path.join(SUITECRM_CONTEXT, f), 'utf8');
const opts: ContainerOptions = { version: '7.14.6', accessTtlSeconds: 10, refreshTtlSeconds: 30 };
const SHA = 'a'.repeat(64);

test.describe('versions and build arguments', () => {
  test('7.14.x and 7.15.x are accepted; other lines are a ConfigError naming the pinned default', () => {
    expect(versionTraits('7.14.6')).toMatchObject({ archiveName: 'SuiteCRM-7.14.6.zip', authorizationCode: false });
    expect(versionTraits('7.15.0').authorizationCode).toBe(true);
    for (const bad of ['8.0.1', '7.13.4', '7.14', 'latest', '7.14.6; rm -rf /']) {
      expect(() => versionTraits(bad)).toThrow(ConfigError);
    }
    expect(() => versionTraits('8.0.1')).toThrow(/7\.14\.6/);
  });

  test('the release archive is the GitHub release asset (it ships vendor/; the tag source archive does not)', () => {
    expect(versionTraits('7.14.6').archiveUrl).toBe('https://github.com/salesagility/SuiteCRM/releases/download/v7.14.6/SuiteCRM-7.14.6.zip');
    expect(ctx('Dockerfile')).toContain('https://github.com/salesagility/SuiteCRM/releases/download/v${SUITECRM_VERSION}/${archive}');
  });

  test('build args carry the version, the PHP line and the checksum the build verifies', () => {
    expect(buildArgs('7.14.6', SHA)).toEqual({ SUITECRM_VERSION: '7.14.6', PHP_VERSION: '8.2', SUITECRM_SHA256: SHA });
  });

  test('the Dockerfile defaults match the pinned version and PHP line, and it declares every build arg', () => {
    const df = ctx('Dockerfile');
    expect(df).toMatch(new RegExp(`^ARG SUITECRM_VERSION=${DEFAULT_SUITECRM_VERSION.replace(/\./g, '\\.')}$`, 'm'));
    expect(df).toMatch(new RegExp(`^ARG PHP_VERSION=${versionTraits(DEFAULT_SUITECRM_VERSION).phpVersion}$`, 'm'));
    for (const arg of Object.keys(buildArgs(DEFAULT_SUITECRM_VERSION, SHA))) expect(df).toMatch(new RegExp(`^ARG ${arg}\\b`, 'm'));
    expect(df).toMatch(/^FROM php:\$\{PHP_VERSION\}-apache-bookworm$/m);
  });

  test('the build verifies the archive with sha256sum before unpacking it', () => {
    const df = ctx('Dockerfile');
    const check = df.indexOf('sha256sum -c');
    expect(check).toBeGreaterThan(0);
    expect(df.indexOf('unzip -q')).toBeGreaterThan(check);
    expect(df).toContain('/usr/local/share/suitecrm/SHA256SUMS');
  });

  test('mod_rewrite is enabled and AllowOverride lets SuiteCRM\'s .htaccess route /Api (observed §1)', () => {
    expect(ctx('Dockerfile')).toMatch(/a2enmod rewrite/);
    expect(ctx('apache-suitecrm.conf')).toMatch(/<Directory \/var\/www\/html>[\s\S]*AllowOverride All/);
  });

  test('every file the Dockerfile copies exists in the build context', () => {
    for (const m of ctx('Dockerfile').matchAll(/^COPY (\S+) /gm)) expect(() => ctx(m[1]!)).not.toThrow();
  });

  test('SHA256SUMS parses; malformed lines are rejected', () => {
    expect(() => parseChecksums(readFileSync(CHECKSUMS_FILE, 'utf8'))).not.toThrow();
    expect(parseChecksums(`# c\n${SHA}  SuiteCRM-7.14.6.zip\n`).get('SuiteCRM-7.14.6.zip')).toBe(SHA);
    expect(() => parseChecksums('abc  SuiteCRM-7.14.6.zip')).toThrow(/not a/);
  });

  test('the pinned default release has a recorded checksum', () => {
    // Known gap: written on a machine without a route to github.com, so the sum could not be taken.
    test.fixme(archiveChecksum(DEFAULT_SUITECRM_VERSION, {}) === undefined, 'sha256 of SuiteCRM-7.14.6.zip not recorded yet: run docker/suitecrm/add-checksum.sh 7.14.6 where github.com is reachable');
    expect(archiveChecksum(DEFAULT_SUITECRM_VERSION, {})).toMatch(/^[0-9a-f]{64}$/);
  });

  test('without a recorded sum the start fails fast with exit-2 advice; CRM_SUITECRM_SHA256 supplies one', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sums-'));
    try {
      const file = path.join(dir, 'SHA256SUMS');
      writeFileSync(file, '# none\n');
      expect(archiveChecksum('7.15.0', {}, file)).toBeUndefined();
      expect(archiveChecksum('7.15.0', { CRM_SUITECRM_SHA256: SHA.toUpperCase() }, file)).toBe(SHA);
      expect(() => archiveChecksum('7.15.0', { CRM_SUITECRM_SHA256: 'nope' }, file)).toThrow(ConfigError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    if (!archiveChecksum('7.15.9', {})) expect(() => requireArchiveChecksum('7.15.9', {})).toThrow(/add-checksum\.sh 7\.15\.9.*CRM_SUITECRM_SHA256/);
  });

  test('the cached image tag changes with the build context and the archive sum, not between runs', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ctx-'));
    try {
      cpSync(SUITECRM_CONTEXT, dir, { recursive: true });
      const a = cachedImageName('7.14.6', SHA, dir);
      expect(cachedImageName('7.14.6', SHA, dir)).toBe(a);
      expect(a).toMatch(/^crm-conformance\/suitecrm:7\.14\.6-[0-9a-f]{12}$/);
      expect(cachedImageName('7.14.6', 'b'.repeat(64), dir)).not.toBe(a);
      writeFileSync(path.join(dir, 'entrypoint.sh'), `${ctx('entrypoint.sh')}\n# edited\n`);
      expect(cachedImageName('7.14.6', SHA, dir)).not.toBe(a);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test.describe('network, environment, wait strategy', () => {
  const run = makeRunSecrets(opts);

  test('MariaDB gets the database, user and per-run passwords SuiteCRM is told to use', () => {
    const db = databaseEnv(run);
    const crm = suiteCrmEnv(opts, run);
    expect(crm.SUITECRM_DB_HOST).toBe(DB_ALIAS);
    expect(db.MARIADB_DATABASE).toBe(crm.SUITECRM_DB_NAME);
    expect(db.MARIADB_USER).toBe(crm.SUITECRM_DB_USER);
    expect(db.MARIADB_PASSWORD).toBe(crm.SUITECRM_DB_PASSWORD);
  });

  test('the entrypoint reads exactly the SUITECRM_* variables the definition sets (and compose.yml sets)', () => {
    const read = new Set([...ctx('entrypoint.sh').matchAll(/\bSUITECRM_[A-Z_]+/g), ...ctx('silent-install-config.php').matchAll(/\bSUITECRM_[A-Z_]+/g)].map((m) => m[0]));
    read.delete('SUITECRM_VERSION'); // baked into the image by the Dockerfile
    expect([...read].sort()).toEqual(Object.keys(suiteCrmEnv(opts, run)).sort());
    const compose = readFileSync(path.join(PROJECT_ROOT, 'docker', 'compose.yml'), 'utf8');
    for (const name of read) expect(compose).toContain(`${name}:`);
  });

  test('secrets are fresh per run and never the same twice', () => {
    const other = makeRunSecrets(opts);
    expect(other.adminPassword).not.toBe(run.adminPassword);
    expect(other.clients.map((c) => c.secret)).not.toEqual(run.clients.map((c) => c.secret));
    expect(new Set(run.clients.map((c) => c.id)).size).toBe(run.clients.length);
  });

  test('ready = the token endpoint answers a bodiless POST with an OAuth error (observed §3.3: 400 unsupported_grant_type)', () => {
    const observed = '{"error":"unsupported_grant_type","error_description":"The authorization grant type is not supported by the authorization server.","hint":"Check that all required parameters have been provided","message":"The authorization grant type is not supported by the authorization server."}';
    expect(tokenEndpointReady(400, observed)).toBe(true);
    expect(tokenEndpointReady(404, '<html>Not Found</html>')).toBe(false);
    expect(tokenEndpointReady(500, '')).toBe(false);
    expect(tokenEndpointReady(503, '{"error":"x"}')).toBe(false);
    expect(tokenEndpointReady(400, '<html>installer</html>')).toBe(false);
  });

  test('the entrypoint starts Apache only after install, keys and seeding (so the wait covers them)', () => {
    const ep = ctx('entrypoint.sh');
    // The main block (after the function definitions) calls the steps in this order.
    let at = ep.indexOf('\nwait_for_db\n');
    for (const step of ['  silent_install\n', '  oauth2_keys\n', '  encryption_key\n', '  seed\n', '\ntoken_lifetimes\n', '\nexec "$@"']) {
      const next = ep.indexOf(step, at);
      expect(next, step).toBeGreaterThan(at);
      at = next;
    }
  });

  test('the OAuth2 key pair is made private to the web server (league CryptKey rejects looser modes)', () => {
    const ep = ctx('entrypoint.sh');
    expect(ep).toContain('Api/V8/OAuth2'); // ApiConfig::OAUTH2_PRIVATE_KEY / OAUTH2_PUBLIC_KEY
    expect(ep).toMatch(/chmod 600 "\$dir\/private\.key"/);
    expect(ep).toMatch(/oauth2_encryption_key/); // 7.14 middlewares.php reads $sugar_config['oauth2_encryption_key']
  });
});

test.describe('seeding SQL against the 7.14 schema', () => {
  // modules/OAuth2Clients/vardefs.php (7.14 line, stored version 84d456aa): own fields plus the
  // 'default' (= basic) SugarObject template, include/SugarObjects/templates/basic/vardefs.php.
  const VARDEF_DB_FIELDS = ['id', 'name', 'secret', 'redirect_url', 'is_confidential', 'allowed_grant_type', 'duration_value', 'duration_amount', 'duration_unit', 'assigned_user_id'];
  const BASIC_TEMPLATE_DB_FIELDS = ['id', 'name', 'date_entered', 'date_modified', 'modified_user_id', 'created_by', 'description', 'deleted'];
  const run = makeRunSecrets(opts);
  const sql = seedSql(run.clients);

  test('every column written is a database field of oauth2clients (vardefs + basic template)', () => {
    const schema = new Set([...VARDEF_DB_FIELDS, ...BASIC_TEMPLATE_DB_FIELDS]);
    for (const c of OAUTH2CLIENT_COLUMNS) expect(schema.has(c), c).toBe(true);
    expect(sql).toContain(`INSERT INTO oauth2clients (${OAUTH2CLIENT_COLUMNS.join(', ')})`);
  });

  test('secrets are stored as sha256 hex, as ClientRepository::validateClient compares them; the plain secret never enters the container', () => {
    for (const c of run.clients) {
      expect(sql).toContain(`'${secretHash(c.secret)}'`);
      expect(sql).not.toContain(c.secret);
    }
    expect(secretHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  test('allowed_grant_type is the league grant identifier ClientRepository compares with ===', () => {
    expect(run.clients.map((c) => c.grant)).toEqual(['password', 'password', 'client_credentials']);
    for (const g of ['password', 'client_credentials']) expect(sql).toContain(`'${g}'`);
  });

  test('the client_credentials client has an associated user (observed §3.1: without one V8 resources answer 400)', () => {
    const cc = run.clients.find((c) => c.grant === 'client_credentials')!;
    expect(cc.userId).toBe(ADMIN_USER_ID);
    expect(sql).toMatch(new RegExp(`'${cc.id}'.*'client_credentials'.*'${ADMIN_USER_ID}'\\)`));
  });

  test('7.15 adds an authorization_code client with its redirect URI in redirect_url', () => {
    const r = makeRunSecrets({ version: '7.15.0', redirectUri: 'http://127.0.0.1:9999/cb' });
    const ac = r.clients.find((c) => c.role === 'authCodeClient')!;
    expect(ac).toMatchObject({ grant: 'authorization_code', redirectUri: 'http://127.0.0.1:9999/cb' });
    expect(seedSql(r.clients)).toMatch(/'http:\/\/127\.0\.0\.1:9999\/cb', 1, 'authorization_code'/);
    expect(makeRunSecrets({ version: '7.14.6' }).clients.some((c) => c.grant === 'authorization_code')).toBe(false);
  });

  test('values are SQL-quoted', () => {
    const s = seedSql([{ role: 'client', id: "x'y", secret: 's', name: "O'Brien\\", grant: 'password' }]);
    expect(s).toContain(`'x''y'`);
    expect(s).toContain(`'O''Brien\\\\'`);
  });

  test('the seed file lands where the entrypoint applies *.sql', () => {
    expect(seedFiles(run)).toEqual([{ target: `${SEED_DIR}/10-oauth2-clients.sql`, content: sql }]);
    expect(ctx('entrypoint.sh')).toContain(`SEED_DIR=${SEED_DIR}`);
  });
});

test.describe('token lifetimes, the way 7.14.6 reads them', () => {
  const tpl = ctx('token-ttl.php.tpl');

  test('lifetimes are DateInterval specs in seconds (middlewares.php passes DateInterval literals PT1H / P1M)', () => {
    expect(dateIntervalSpec(10)).toBe('PT10S');
    expect(tpl).toContain("new \\DateInterval('PT__ACCESS_TTL__S')");
    expect(tpl).toContain("new \\DateInterval('PT__REFRESH_TTL__S')");
  });

  test('the override re-enables the three grants 7.14.6 enables, each with the access lifetime', () => {
    for (const g of ['new ClientCredentialsGrant()', 'new PasswordGrant(', 'new RefreshTokenGrant(']) expect(tpl).toContain(g);
    expect(tpl.match(/enableGrantType\([^;]*\$accessTtl\)/g)).toHaveLength(3);
  });

  test('both refresh-token issuers get the refresh lifetime (the password grant keeps league\'s P1M default otherwise)', () => {
    expect(tpl).toContain('$password->setRefreshTokenTTL($refreshTtl)');
    expect(tpl).toContain('$refresh->setRefreshTokenTTL($refreshTtl)');
  });

  test('it sits where CustomLoader::mergeCustomArray looks (custom/application/Ext/Api/V8/ + basename) and loads the core file without itself', () => {
    const ep = ctx('entrypoint.sh');
    expect(ep).toContain('custom/application/Ext/Api/V8/middlewares.php');
    // From custom/application/Ext/Api/V8/ five levels up is the SuiteCRM root.
    expect(tpl).toContain("__DIR__ . '/../../../../../Api/V8/Config/services/middlewares.php'");
    expect('custom/application/Ext/Api/V8'.split('/')).toHaveLength(5);
    const redirect = tpl.indexOf('CustomLoader::setCustomPath($crmConformanceCustomPath . ');
    const include = tpl.indexOf('include __DIR__');
    const restore = tpl.indexOf('CustomLoader::setCustomPath($crmConformanceCustomPath);');
    expect(redirect).toBeGreaterThan(0);
    expect(include).toBeGreaterThan(redirect);
    expect(restore).toBeGreaterThan(include);
  });

  test('the entrypoint substitutes whole seconds only and refuses a release whose files changed shape', () => {
    const ep = ctx('entrypoint.sh');
    expect(ep).toContain('s/__ACCESS_TTL__/$ACCESS_TTL/');
    expect(ep).toMatch(/\^\[1-9\]\[0-9\]/);
    expect(ep).toContain('grep -q "mergeCustomArray"');
    expect(ep).toContain('grep -q "function setCustomPath"');
  });

  test('lifetimes are validated before anything starts', () => {
    expect(() => checkTtl(10, 30)).not.toThrow();
    expect(() => checkTtl(0, 30)).toThrow(RangeError);
    expect(() => checkTtl(1.5, 30)).toThrow(RangeError);
    expect(() => checkTtl(30, 10)).toThrow(/must not be shorter/);
    expect(suiteCrmEnv(opts, makeRunSecrets(opts))).toMatchObject({ SUITECRM_ACCESS_TOKEN_TTL: '10', SUITECRM_REFRESH_TOKEN_TTL: '30' });
  });

  test('CLI options: defaults, a refresh default never below the access lifetime, bad values are exit-2 errors', () => {
    const profile = loadProfile('suitecrm-7.14');
    const env = { CRM_SUITECRM_SHA256: SHA };
    expect(containerTargetOptions({ profile, env })).toEqual({ version: '7.14.6', accessSeconds: 10, refreshSeconds: 30 });
    expect(containerTargetOptions({ profile, env, accessTtlSeconds: 45 })).toMatchObject({ accessSeconds: 45, refreshSeconds: 45 });
    expect(() => containerTargetOptions({ profile, env, accessTtlSeconds: 0 })).toThrow(ConfigError);
    expect(() => containerTargetOptions({ profile, env, suitecrmVersion: '8.0.0' })).toThrow(ConfigError);
  });
});

test.describe('handing the instance to the harness', () => {
  const run = makeRunSecrets(opts);

  test('the CRM_* environment yields exactly the credentials the suite uses against a URL target', () => {
    const env = harnessEnv('http://127.0.0.1:32768', opts, run, '-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----\n');
    const registry = new SecretRegistry();
    const creds = credentialsFromEnv(env, registry);
    const by = (role: string) => run.clients.find((c) => c.role === role)!;
    expect(creds).toEqual({
      client: { id: by('client').id, secret: by('client').secret },
      client2: { id: by('client2').id, secret: by('client2').secret },
      ccClient: { id: by('ccClient').id, secret: by('ccClient').secret },
      username: 'admin',
      password: run.adminPassword,
    });
    expect(env).toMatchObject({ CRM_BASE_URL: 'http://127.0.0.1:32768', CRM_ACCESS_TOKEN_TTL: '10', CRM_REFRESH_TOKEN_TTL: '30' });
    expect(env.CRM_JWT_PUBLIC_KEY).toContain('BEGIN PUBLIC KEY');
  });

  test('every per-run secret is registered with the redactor and masked', () => {
    const registry = new SecretRegistry();
    for (const [v, kind] of secretValues(run)) registry.register(v, kind);
    const text = [run.adminPassword, run.dbPassword, ...run.clients.map((c) => c.secret)].join(' | ');
    expect(registry.mask(text)).not.toMatch(/[0-9a-f]{16,}/);
  });

  test('reports name the target kind "container" (conformance-report schema), with the URL the suite used', () => {
    const info = targetInfo({ profile: 'suitecrm-7.14', target: { kind: 'url', baseUrl: 'http://127.0.0.1:32768', via: 'container' }, maxWaitSeconds: 60, reportsDir: '/tmp' });
    expect(info).toEqual({ kind: 'container', baseUrl: 'http://127.0.0.1:32768', profile: 'suitecrm-7.14' });
    expect(targetInfo({ profile: 'p', target: { kind: 'url', baseUrl: 'http://x' }, maxWaitSeconds: 1, reportsDir: '/tmp' }).kind).toBe('url');
  });

  test('default resolution: with an engine, the container only when the pinned release can be built', async () => {
    const engine = { DOCKER_HOST: 'tcp://127.0.0.1:1' }; // a TCP DOCKER_HOST counts as an engine without a probe
    const buildable = archiveChecksum(DEFAULT_SUITECRM_VERSION, {}) !== undefined;
    expect((await chooseTarget('auto', undefined, engine)).kind).toBe(buildable ? 'container' : 'embedded');
    if (!buildable) expect((await chooseTarget('auto', undefined, engine)).notice).toMatch(/checksum is not recorded/);
    expect((await chooseTarget('auto', undefined, { ...engine, CRM_SUITECRM_SHA256: SHA })).kind).toBe('container');
    expect((await chooseTarget('container', undefined, engine)).kind).toBe('container');
  });
});
