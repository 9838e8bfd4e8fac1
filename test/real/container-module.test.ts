// Tests that need a container engine: skipped (with the reason) where none answers, run for real in
// .github/workflows/conformance.yml. One SuiteCRM for the file: the first start builds and installs.
import { expect, test } from '@playwright/test';
import { importSPKI, jwtVerify } from 'jose';
import { HttpClient } from '../../src/client/http.js';
import { OAuthClient } from '../../src/client/oauth.js';
import { probeContainerEngine } from '../../src/container/engine.js';
import { SuiteCrmContainer, type StartedSuiteCrm } from '../../src/container/suitecrm-container.js';
import { archiveChecksum, DEFAULT_SUITECRM_VERSION } from '../../src/container/versions.js';
import { loadProfile } from '../../src/profile/profile.js';
import { SecretRegistry } from '../../src/redact/secrets.js';

const VERSION = process.env.CRM_TEST_SUITECRM_VERSION ?? DEFAULT_SUITECRM_VERSION;

test.describe.configure({ mode: 'serial', timeout: 20 * 60_000 });

let crm: StartedSuiteCrm | undefined;
const registry = new SecretRegistry();

test.beforeAll(async () => {
  const engine = await probeContainerEngine();
  test.skip(!engine.available, `needs a container engine: ${engine.detail}`);
  test.skip(process.env.CRM_SKIP_CONTAINER_TESTS === '1', 'CRM_SKIP_CONTAINER_TESTS=1');
  test.skip(!archiveChecksum(VERSION), `no recorded sha256 of SuiteCRM-${VERSION}.zip (docker/suitecrm/SHA256SUMS or CRM_SUITECRM_SHA256)`);
  crm = await new SuiteCrmContainer(VERSION)
    .withTokenLifetimes(3, 6)
    .withSecretRegistry(registry)
    .withProgress((l) => process.stderr.write(`${l}\n`))
    .start();
});

test.afterAll(async () => {
  await crm?.stop();
});

const oauth = (c: StartedSuiteCrm) =>
  new OAuthClient(new HttpClient(c.getBaseUrl()), loadProfile('suitecrm-7.14'), { ...c.getAdminCredentials(), client: c.getClientCredentials(), ccClient: c.getClientCredentialsGrantClient() }, registry);

test('the seeded password client gets a token whose lifetime is the one asked for', async () => {
  const t = await oauth(crm!).obtain('password');
  expect(t.expiresIn).toBe(3);
  expect(t.refreshToken).toBeTruthy();
});

test('the seeded client_credentials client acts as its associated user', async () => {
  const o = oauth(crm!);
  const t = await o.obtain('client_credentials');
  const ex = await o.http.send('/Api/V8/module/Accounts?page[size]=1', { headers: { authorization: `Bearer ${t.accessToken}` } });
  expect(ex.response?.status).toBe(200);
});

test('the refresh token issued by the password grant expires after the refresh lifetime', async () => {
  const o = oauth(crm!);
  const t = await o.obtain('password');
  await new Promise((r) => setTimeout(r, 7_000));
  const ex = await o.tokenRequest(o.refreshParams(t.refreshToken!));
  expect(ex.response?.status).toBe(401);
});

test('the public key read from the container verifies the issued JWT (RS256, observed §3.1)', async () => {
  const t = await oauth(crm!).obtain('password');
  const key = await importSPKI(crm!.getPublicKeyPem()!, 'RS256');
  const { protectedHeader } = await jwtVerify(t.accessToken, key);
  expect(protectedHeader.alg).toBe('RS256');
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
