// The Testcontainers module itself (src/container): its getters, the seeded clients and users, the
// lifetimes it was asked for (the password grant's refresh tokens included), `await using`. Runs
// after the verdict diff in the same worker, on the cached images; skipped like it.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { importSPKI, jwtVerify } from 'jose';
import { HttpClient } from '../../src/client/http.js';
import { OAuthClient } from '../../src/client/oauth.js';
import { parseDotenv } from '../../src/config/dotenv.js';
import { expiresInMatches } from '../../src/container/definition.js';
import { SuiteCrmContainer, type StartedSuiteCrm } from '../../src/container/suitecrm-container.js';
import { chromiumExecutable, NO_BROWSER_REASON } from '../../src/browser/chromium.js';
import { runCli } from '../cli/cli.js';
import { needs, SHARED_DIR } from '../shared.js';
import { loadProfile } from '../../src/profile/profile.js';
import { SecretRegistry } from '../../src/redact/secrets.js';

const ARCHIVE = process.env.CRM_SUITECRM_ARCHIVE ?? path.join(SHARED_DIR, 'suitecrm', 'SuiteCRM-7.14.6.tar.xz');

test.describe.configure({ mode: 'serial', timeout: 20 * 60_000 });

let crm: StartedSuiteCrm | undefined;
const registry = new SecretRegistry();

test.beforeAll(async () => {
  needs(existsSync(ARCHIVE), `needs the SuiteCRM 7.14.6 source archive, absent at ${ARCHIVE}: set CRM_SUITECRM_ARCHIVE=<file>`);
  const tc = await import('testcontainers');
  const engine = await tc.getContainerRuntimeClient().then(
    () => undefined,
    (e: Error) => e.message.split('\n')[0],
  );
  needs(engine === undefined, `needs a container engine (${engine}): \`bash .ci/run\` installs and starts Docker`);
  crm = await new SuiteCrmContainer('7.14.6').withArchive(ARCHIVE).withTokenLifetimes(3, 6).withSecretRegistry(registry).start();
});

test.afterAll(async () => {
  await crm?.stop();
});

const oauth = (c: StartedSuiteCrm) =>
  new OAuthClient(new HttpClient(c.getBaseUrl()), loadProfile('suitecrm-7.14'), { ...c.getAdminCredentials(), client: c.getClientCredentials(), ccClient: c.getClientCredentialsGrantClient() }, registry);

test('the seeded password client gets a token whose lifetime is the one asked for', async () => {
  const t = await oauth(crm!).obtain('password');
  expect(expiresInMatches(t.expiresIn, 3)).toBe(true);
  expect(t.refreshToken).toBeTruthy();
});

test('the seeded client_credentials client acts as its associated user; the limited user is denied Accounts', async () => {
  const o = oauth(crm!);
  const t = await o.obtain('client_credentials');
  const ex = await o.http.send('/Api/V8/module/Accounts?page[size]=1', { headers: { authorization: `Bearer ${t.accessToken}` } });
  expect(ex.response?.status).toBe(200);
  const u = crm!.getLimitedUser();
  const limited = o.toTokenSet(await o.tokenRequest({ ...o.passwordParams(), username: u.username, password: u.password }), 'limited user');
  const denied = await o.http.send('/Api/V8/module/Accounts?page[size]=1', { headers: { authorization: `Bearer ${limited.accessToken}` } });
  expect(denied.response?.status).toBe(400);
  expect(denied.response?.text).toContain('AccessDeniedException');
});

test('the refresh token issued by the password grant expires after the refresh lifetime', async () => {
  const o = oauth(crm!);
  const t = await o.obtain('password');
  await new Promise((r) => setTimeout(r, 7_500));
  const ex = await o.tokenRequest(o.refreshParams(t.refreshToken!));
  expect(ex.response?.status).toBe(401);
});

test('the public key read from the container verifies the issued JWT (RS256)', async () => {
  const t = await oauth(crm!).obtain('password');
  const key = await importSPKI(crm!.getPublicKeyPem()!, 'RS256');
  // lcobucci/jwt 4 writes iat/nbf with microseconds: nbf can be a fraction of a second after jose's "now".
  const { protectedHeader } = await jwtVerify(t.accessToken, key, { clockTolerance: 5 });
  expect(protectedHeader.alg).toBe('RS256');
});

test('setup and teardown drive the real admin panel in Chromium: three clients made, usable, then revoked and removed', async () => {
  needs(!!chromiumExecutable(), NO_BROWSER_REASON);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'crmc-setup-'));
  const envPath = path.join(dir, '.env');
  const admin = crm!.getAdminCredentials();
  // Asynchronous (a blocked event loop would leave the client's keep-alive sockets to go stale unnoticed).
  const env = { ...process.env, CRM_ADMIN_USERNAME: admin.username, CRM_ADMIN_PASSWORD: admin.password };
  const cli = (args: string[]) => runCli([...args, '--base-url', crm!.getBaseUrl(), '--env-path', envPath, '--reports-dir', dir], { env, timeoutMs: 300_000 });
  try {
    const up = await cli(['setup']);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stdout).toContain('created client "crm-conformance-client-credentials"');
    const made = parseDotenv(readFileSync(envPath, 'utf8'), envPath);
    registry.register(made.CRM_CLIENT_SECRET, 'client_secret');
    const o = new OAuthClient(new HttpClient(crm!.getBaseUrl()), loadProfile('suitecrm-7.14'), { ...admin, client: { id: made.CRM_CLIENT_ID!, secret: made.CRM_CLIENT_SECRET! } }, registry);
    expect((await o.obtain('password')).accessToken).toBeTruthy();
    const down = await cli(['teardown']);
    expect(down.code, down.stderr).toBe(0);
    expect(down.stdout).toContain('3 client(s) removed');
    expect((await o.tokenRequest(o.passwordParams())).response?.status).not.toBe(200);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('await using stops both containers and the network', async () => {
  const c = crm!;
  crm = undefined;
  {
    await using _ = c;
  }
  const ex = await new HttpClient(c.getBaseUrl(), { timeoutMs: 2000, maxBodyBytes: 1024 }).send('/Api/access_token', { method: 'POST' });
  expect(ex.response).toBeUndefined();
});
