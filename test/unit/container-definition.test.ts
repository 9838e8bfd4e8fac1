// The container target's definition, checked without an engine. Where a value must match SuiteCRM,
// the evidence is named: files of SuiteCRM 7.14.6 read while writing this, and what a real 7.14.6
// in the container answered (docs/container.md).
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { credentialsFromEnv } from '../../src/config/credentials.js';
import { targetInfo } from '../../src/config/target-info.js';
import { ConfigError } from '../../src/config/errors.js';
import {
  ADMIN_USER_ID,
  checkTtl,
  containerMaxWait,
  databaseEnv,
  DB_ALIAS,
  DB_READY,
  dateIntervalSpec,
  DEFAULT_CONTAINER_TTL,
  expiresInMatches,
  harnessEnv,
  installEnv,
  LIMITED_USER,
  makeRunSecrets,
  secretHash,
  secretValues,
  seedSpec,
  type ContainerOptions,
} from '../../src/container/definition.js';
import { chooseTarget } from '../../src/cli/target-choice.js';
import { containerTargetOptions } from '../../src/container/index.js';
import { contextDigest, contextFiles, imageRef } from '../../src/container/images.js';
import {
  archiveSource,
  CHECKSUMS_FILE,
  DEFAULT_SUITECRM_VERSION,
  MARIADB_CONTEXT,
  parseChecksums,
  pinnedGitSource,
  resolveSource,
  sourceIdentity,
  SUITECRM_CONTEXT,
  versionTraits,
} from '../../src/container/versions.js';
import { loadProfile } from '../../src/profile/profile.js';
import { SecretRegistry } from '../../src/redact/secrets.js';

const ctx = (f: string) => readFileSync(path.join(SUITECRM_CONTEXT, f), 'utf8');
const opts: ContainerOptions = { version: '7.14.6', accessTtlSeconds: 90, refreshTtlSeconds: 120 };

/** A throwaway archive with its sum, for the source checks. */
function tempArchive(name: string, content = 'not really a tarball'): { file: string; sha: string; done: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'crmc-archive-'));
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return { file, sha: createHash('sha256').update(content).digest('hex'), done: () => rmSync(dir, { recursive: true, force: true }) };
}

test.describe('versions and sources', () => {
  test('7.14.x and 7.15.x are accepted; other lines are a ConfigError naming the pinned default', () => {
    expect(versionTraits('7.14.6')).toEqual({ version: '7.14.6', authorizationCode: false });
    expect(versionTraits('7.15.0').authorizationCode).toBe(true);
    for (const bad of ['8.0.1', '7.13.9', '7.14', 'latest']) expect(() => versionTraits(bad)).toThrow(/such as 7\.14\.6/);
  });

  test('the pinned default has a git source whose commit id is recorded (the tag the observed facts were taken on)', () => {
    expect(pinnedGitSource(DEFAULT_SUITECRM_VERSION)).toEqual({
      kind: 'git',
      version: '7.14.6',
      tag: 'v7.14.6',
      commit: 'e572230abd0dad205b24a96acce72590b20bf69d',
      repository: 'https://github.com/salesagility/SuiteCRM.git',
    });
    expect(resolveSource('7.14.6')).toMatchObject({ kind: 'git' });
    expect(() => resolveSource('7.14.5')).toThrow(/no pinned source for SuiteCRM 7\.14\.5.*--suitecrm-archive/);
  });

  test('SHA256SUMS records the 7.14.6 archive with vendor/ (the shared workspace copy) and parses strictly', () => {
    const sums = parseChecksums(readFileSync(CHECKSUMS_FILE, 'utf8'));
    expect(sums.get('SuiteCRM-7.14.6.tar.xz')).toBe('d224ef16ae9161f80a038433026103e6fb90bf2180602f27274db8b3ababff8a');
    expect(() => parseChecksums('xyz  SuiteCRM-7.14.6.zip')).toThrow(/not a "<sha256>  <file>" line/);
  });

  test('a local archive: recorded sum by file name, else the given one; a mismatch or no sum is one exit-2 line', () => {
    const a = tempArchive('SuiteCRM-custom-7.14.6.tar.gz');
    try {
      expect(() => archiveSource('7.14.6', a.file)).toThrow(/no sha256 for SuiteCRM-custom-7\.14\.6\.tar\.gz.*--suitecrm-sha256/);
      expect(archiveSource('7.14.6', a.file, a.sha.toUpperCase())).toMatchObject({ kind: 'archive', name: 'SuiteCRM-custom-7.14.6.tar.gz', sha256: a.sha, sumFrom: 'given' });
      expect(() => archiveSource('7.14.6', a.file, 'b'.repeat(64))).toThrow(/sha256 is [0-9a-f]{64}, but --suitecrm-sha256 says b{64}/);
      expect(() => archiveSource('7.14.6', a.file, 'nope')).toThrow(ConfigError);
      const sums = path.join(path.dirname(a.file), 'SUMS');
      writeFileSync(sums, `${'c'.repeat(64)}  SuiteCRM-custom-7.14.6.tar.gz\n`);
      expect(() => archiveSource('7.14.6', a.file, undefined, sums)).toThrow(/SHA256SUMS records c{64}/);
      writeFileSync(sums, `${a.sha}  SuiteCRM-custom-7.14.6.tar.gz\n`);
      expect(archiveSource('7.14.6', a.file, undefined, sums).sumFrom).toBe('SHA256SUMS');
    } finally {
      a.done();
    }
    expect(() => archiveSource('7.14.6', '/nonexistent/SuiteCRM.tar.xz')).toThrow(/no such file/);
    const rar = tempArchive('SuiteCRM.rar');
    try {
      expect(() => archiveSource('7.14.6', rar.file, rar.sha)).toThrow(/must be a \.tar\.xz, \.tar\.gz, \.tgz, \.zip archive/);
    } finally {
      rar.done();
    }
    expect(() => resolveSource('7.14.6', undefined, 'a'.repeat(64))).toThrow(/--suitecrm-sha256 checks a --suitecrm-archive/);
  });

  test('the build step checks the archive with the same rules before unpacking, and refuses trees that are not a 7.x source with vendor/', () => {
    const fetch = ctx('fetch-source.sh');
    expect(fetch.indexOf('sha256sum "$archive"')).toBeLessThan(fetch.indexOf('tar -xJf'));
    expect(fetch).toContain('$share/SHA256SUMS');
    expect(fetch).toContain('rev-parse HEAD');
    expect(fetch).toContain('composer install -q --no-dev');
    for (const guard of ['suitecrm_version.php', 'vendor/autoload.php', 'config.php']) expect(fetch).toContain(guard);
  });
});

test.describe('images', () => {
  test('every image starts FROM debian:bookworm (Debian\'s php8.2 + apache2, mariadb-server): no registry image', () => {
    for (const dir of [SUITECRM_CONTEXT, MARIADB_CONTEXT]) {
      const df = readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
      expect(df).toMatch(/^ARG BASE_IMAGE=debian:bookworm$/m);
      expect(df).toMatch(/^FROM \$\{BASE_IMAGE\}$/m);
      expect(df.match(/^FROM /gm)).toHaveLength(1);
    }
    expect(ctx('Dockerfile')).toContain('libapache2-mod-php8.2');
    expect(readFileSync(path.join(MARIADB_CONTEXT, 'Dockerfile'), 'utf8')).toContain('mariadb-server');
  });

  test("mod_rewrite is enabled and AllowOverride lets SuiteCRM's .htaccess route /Api (Debian's default is None)", () => {
    expect(ctx('Dockerfile')).toMatch(/a2enmod rewrite/);
    expect(ctx('apache-suitecrm.conf')).toMatch(/<Directory \/var\/www\/html>[\s\S]*AllowOverride All/);
  });

  test('every file the Dockerfiles copy exists in their build context', () => {
    for (const dir of [SUITECRM_CONTEXT, MARIADB_CONTEXT]) {
      const df = readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
      for (const m of df.matchAll(/^COPY ((?:[\w./-]+ )+)\S+$/gm)) for (const f of m[1]!.trim().split(' ')) expect(contextFiles(dir).some((x) => x === f || x.startsWith(f)), `${dir}: ${f}`).toBe(true);
    }
  });

  test('the cached tag changes with the build context, the source and the base image, and not between runs', () => {
    const spec = { repository: 'crm-conformance/suitecrm', label: '7.14.6', context: SUITECRM_CONTEXT, buildArgs: {}, identities: ['base1', 'archive x 1'], what: 'x' };
    expect(imageRef(spec)).toBe(imageRef(spec));
    expect(imageRef(spec)).toMatch(/^crm-conformance\/suitecrm:7\.14\.6-[0-9a-f]{12}$/);
    expect(imageRef({ ...spec, identities: ['base2', 'archive x 1'] })).not.toBe(imageRef(spec));
    expect(imageRef({ ...spec, identities: ['base1', 'archive x 2'] })).not.toBe(imageRef(spec));
    const copy = mkdtempSync(path.join(os.tmpdir(), 'crmc-ctx-'));
    try {
      cpSync(SUITECRM_CONTEXT, copy, { recursive: true });
      expect(contextDigest(copy, ['i'])).toBe(contextDigest(SUITECRM_CONTEXT, ['i']));
      // An archive dropped into source/ is identified by its sum, never hashed as a context file.
      writeFileSync(path.join(copy, 'source', 'SuiteCRM-7.14.6.tar.xz'), 'x');
      expect(contextDigest(copy, ['i'])).toBe(contextDigest(SUITECRM_CONTEXT, ['i']));
      writeFileSync(path.join(copy, 'install.sh'), '#!/bin/bash\n');
      expect(contextDigest(copy, ['i'])).not.toBe(contextDigest(SUITECRM_CONTEXT, ['i']));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
    expect(sourceIdentity(resolveSource('7.14.6'))).toContain('e572230abd0dad205b24a96acce72590b20bf69d');
  });
});

test.describe('network, environment, readiness', () => {
  const run = makeRunSecrets(opts);

  test('MariaDB gets the database, user and per-run password SuiteCRM is told to use', () => {
    const db = databaseEnv(run);
    const crm = installEnv(opts, run, 'http://127.0.0.1:32768');
    expect(crm.SUITECRM_DB_HOST).toBe(DB_ALIAS);
    expect(db).toEqual({ MARIADB_DATABASE: crm.SUITECRM_DB_NAME, MARIADB_USER: crm.SUITECRM_DB_USER, MARIADB_PASSWORD: crm.SUITECRM_DB_PASSWORD });
    const ep = readFileSync(path.join(MARIADB_CONTEXT, 'entrypoint.sh'), 'utf8');
    for (const v of Object.keys(db)) expect(ep).toContain(v);
  });

  test('the install script reads exactly the SUITECRM_* variables the definition sets; site_url is the URL the harness uses', () => {
    const env = installEnv(opts, run, 'http://127.0.0.1:32768');
    expect(env.SUITECRM_SITE_URL).toBe('http://127.0.0.1:32768');
    const script = ctx('install.sh') + ctx('silent-install-config.php') + ctx('seed.php');
    const read = new Set([...script.matchAll(/\b(SUITECRM_[A-Z_]*[A-Z])\b/g)].map((m) => m[1]!));
    read.delete('SUITECRM_VERSION'); // set by the image
    read.delete('SUITECRM_INSTALL_ON_START'); // compose only
    expect([...read].sort()).toEqual(Object.keys(env).sort());
  });

  test('readiness is the installer\'s own completion, not "Apache answers"', () => {
    const install = ctx('install.sh');
    expect(install).toContain('grep -q "is now complete!"');
    expect(install).toContain("'installer_locked' => true");
    // The container's start wait only covers Apache; suitecrm-install runs after it (suitecrm-container.ts).
    expect(ctx('entrypoint.sh')).toContain('[suitecrm] apache starting');
    expect(DB_READY.test("Version: '10.11.19-MariaDB-0+deb12u1'  socket: '/run/mysqld/mysqld.sock'  port: 3306  Debian 12")).toBe(true);
    expect(DB_READY.test("Version: '10.11.19-MariaDB-0+deb12u1'  socket: '/run/mysqld/init.sock'  port: 0  Debian 12")).toBe(false);
  });

  test('secrets are fresh per run and never the same twice', () => {
    const other = makeRunSecrets(opts);
    expect(other.adminPassword).not.toBe(run.adminPassword);
    expect(other.clients.map((c) => c.secret)).not.toEqual(run.clients.map((c) => c.secret));
    expect(other.users[0]!.password).not.toBe(run.users[0]!.password);
  });

  test('the OAuth2 key pair is made private to the web server (league CryptKey rejects looser modes)', () => {
    expect(ctx('install.sh')).toMatch(/chmod 600 "\$dir\/private\.key"/);
    expect(ctx('install.sh')).toContain('chown www-data:www-data "$dir/private.key"');
  });
});

test.describe('seed: through SuiteCRM\'s own beans', () => {
  const run = makeRunSecrets(opts);
  const spec = seedSpec(run) as { clients: Array<Record<string, string>>; users: Array<Record<string, unknown>>; records?: unknown };

  test('clients carry only the sha256 of their secret, as ClientRepository::validateClient compares it', () => {
    const text = JSON.stringify(spec);
    for (const c of run.clients) {
      expect(text).not.toContain(c.secret);
      expect(spec.clients.find((x) => x.id === c.id)!.secretSha256).toBe(secretHash(c.secret));
    }
    expect(secretHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  test('grants are league identifiers; the client_credentials client acts as the admin; a spare client exists for revocation checks', () => {
    expect(spec.clients.map((c) => c.grant).sort()).toEqual(['client_credentials', 'password', 'password', 'password']);
    expect(spec.clients.find((c) => c.grant === 'client_credentials')!.userId).toBe(ADMIN_USER_ID);
    expect(run.clients.map((c) => c.role)).toContain('spareClient');
  });

  test('7.15 adds an authorization_code client with its redirect URI', () => {
    const r = makeRunSecrets({ version: '7.15.0' });
    expect(r.clients.find((c) => c.role === 'authCodeClient')).toMatchObject({ grant: 'authorization_code', redirectUri: 'http://127.0.0.1:8976/callback' });
  });

  test('a non-admin user whose role denies Accounts (the ACL checks), and the admin past the time-zone gate', () => {
    expect(spec.users).toEqual([expect.objectContaining({ userName: LIMITED_USER, denyModules: ['Accounts'] })]);
    expect(ctx('seed.php')).toContain("setPreference('ut', 1, 0, 'global')");
    expect(ctx('seed.php')).toContain('ACL_ALLOW_DISABLED');
  });

  test('no records: the checks make (and delete) the records they need, pagination included', () => {
    expect(spec.records).toBeUndefined();
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

  test("both refresh-token issuers get the refresh lifetime (the password grant keeps league's P1M default otherwise)", () => {
    expect(tpl).toContain('$password->setRefreshTokenTTL($refreshTtl)');
    expect(tpl).toContain('$refresh->setRefreshTokenTTL($refreshTtl)');
  });

  test('it sits where CustomLoader::mergeCustomArray looks and loads the core file without itself', () => {
    expect(ctx('install.sh')).toContain('custom/application/Ext/Api/V8/middlewares.php');
    expect(tpl).toContain("__DIR__ . '/../../../../../Api/V8/Config/services/middlewares.php'");
    const redirect = tpl.indexOf('CustomLoader::setCustomPath($crmConformanceCustomPath . ');
    const include = tpl.indexOf('include __DIR__');
    const restore = tpl.indexOf('CustomLoader::setCustomPath($crmConformanceCustomPath);');
    expect(redirect).toBeGreaterThan(0);
    expect(include).toBeGreaterThan(redirect);
    expect(restore).toBeGreaterThan(include);
  });

  test('whole seconds only, validated before anything starts; the wait budget covers the refresh lifetime', () => {
    expect(ctx('install.sh')).toContain('s/__ACCESS_TTL__/$ACCESS_TTL/');
    expect(() => checkTtl(10, 30)).not.toThrow();
    expect(() => checkTtl(0, 30)).toThrow(RangeError);
    expect(() => checkTtl(1.5, 30)).toThrow(RangeError);
    expect(() => checkTtl(30, 10)).toThrow(/must not be shorter/);
    expect(installEnv(opts, makeRunSecrets(opts), 'http://x')).toMatchObject({ SUITECRM_ACCESS_TOKEN_TTL: '90', SUITECRM_REFRESH_TOKEN_TTL: '120' });
    expect(containerMaxWait()).toBe(DEFAULT_CONTAINER_TTL.refreshSeconds + 30);
  });

  test('the defaults outlive the minute SuiteCRM\'s panel rewrites a revoked row\'s expiry to, plus the revocation itself', () => {
    const precision = loadProfile('suitecrm-7.14').admin?.revokeExpiryPrecisionSeconds;
    expect(precision).toBe(60);
    expect(DEFAULT_CONTAINER_TTL.accessSeconds).toBeGreaterThanOrEqual(precision! + 30);
    expect(DEFAULT_CONTAINER_TTL.refreshSeconds).toBeGreaterThanOrEqual(precision! + 30);
  });

  test('expires_in is exp − now in league: up to 2 s under the lifetime counts as the lifetime', () => {
    expect(expiresInMatches(90, 90)).toBe(true);
    expect(expiresInMatches(89, 90)).toBe(true);
    expect(expiresInMatches(88, 90)).toBe(true);
    expect(expiresInMatches(87, 90)).toBe(false);
    expect(expiresInMatches(91, 90)).toBe(false);
    expect(expiresInMatches(3600, 90)).toBe(false);
    expect(expiresInMatches(undefined, 90)).toBe(false);
  });

  test('CLI options: defaults, a refresh default never below the access lifetime, bad values are exit-2 errors', () => {
    const profile = loadProfile('suitecrm-7.14');
    expect(containerTargetOptions({ profile })).toMatchObject({ version: '7.14.6', accessSeconds: 90, refreshSeconds: 120, source: { kind: 'git' } });
    expect(containerTargetOptions({ profile, accessTtlSeconds: 200 })).toMatchObject({ accessSeconds: 200, refreshSeconds: 200 });
    expect(() => containerTargetOptions({ profile, accessTtlSeconds: 0 })).toThrow(ConfigError);
    expect(() => containerTargetOptions({ profile, suitecrmVersion: '8.0.0' })).toThrow(ConfigError);
    expect(() => containerTargetOptions({ profile: loadProfile('flexie') })).toThrow(/speaks/);
  });
});

test.describe('handing the instance to the harness', () => {
  const run = makeRunSecrets(opts);

  test('the CRM_* environment yields every credential the embedded target offers, so both run the same checks', () => {
    const env = harnessEnv('http://127.0.0.1:32768', opts, run, { publicKeyPem: '-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----\n', privateKeyPem: 'PRIVATE KEY' });
    const registry = new SecretRegistry();
    const creds = credentialsFromEnv(env, registry);
    const by = (role: string) => run.clients.find((c) => c.role === role)!;
    expect(creds).toEqual({
      client: { id: by('client').id, secret: by('client').secret },
      client2: { id: by('client2').id, secret: by('client2').secret },
      ccClient: { id: by('ccClient').id, secret: by('ccClient').secret },
      spareClient: { id: by('spareClient').id, secret: by('spareClient').secret },
      username: 'admin',
      password: run.adminPassword,
      limitedUser: { username: LIMITED_USER, password: run.users[0]!.password },
    });
    expect(env).toMatchObject({ CRM_BASE_URL: 'http://127.0.0.1:32768', CRM_ACCESS_TOKEN_TTL: '90', CRM_REFRESH_TOKEN_TTL: '120', CRM_ADMIN_USERNAME: 'admin', CRM_ADMIN_PASSWORD: run.adminPassword });
    expect(env.CRM_JWT_PUBLIC_KEY).toContain('BEGIN PUBLIC KEY');
    expect(env.CRM_JWT_PRIVATE_KEY).toBe('PRIVATE KEY');
  });

  test('every per-run secret is registered with the redactor and masked', () => {
    const registry = new SecretRegistry();
    for (const [v, kind] of secretValues(run)) registry.register(v, kind);
    const text = [run.adminPassword, run.dbPassword, ...run.users.map((u) => u.password), ...run.clients.map((c) => c.secret)].join(' | ');
    expect(registry.mask(text)).not.toMatch(/[0-9a-f]{16,}/);
  });

  test('reports name the target kind "container" (conformance-report schema), with the URL the suite used', () => {
    const info = targetInfo({ profile: 'suitecrm-7.14', target: { kind: 'url', baseUrl: 'http://127.0.0.1:32768', via: 'container' }, maxWaitSeconds: 60, reportsDir: '/tmp' });
    expect(info).toEqual({ kind: 'container', baseUrl: 'http://127.0.0.1:32768', profile: 'suitecrm-7.14' });
  });

  test('default resolution never escalates to a container build: only --target container starts one', async () => {
    const engine = { DOCKER_HOST: 'tcp://127.0.0.1:1' }; // a TCP DOCKER_HOST counts as an engine without a probe
    expect((await chooseTarget('auto', undefined, engine)).kind).toBe('embedded');
    expect((await chooseTarget('auto', undefined, engine)).notice).toMatch(/--target container starts a real SuiteCRM/);
    expect((await chooseTarget('container', undefined, engine)).kind).toBe('container');
  });
});
