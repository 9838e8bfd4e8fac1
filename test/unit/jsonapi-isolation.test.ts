// Test-data isolation on the embedded target: records a test creates are removed by its cleanup even
// when the test fails, and a worker-start sweep removes marked records of other runs only.
import { expect, test } from '@playwright/test';
import { resolveTarget } from '../../fixtures/target.js';
import { CreatedRecords, MARKER_PREFIX, OPENAPI_FILE_ENV, ResourceClient, resources, runMarker, sweepStaleRecords } from '../../fixtures/jsonapi.js';
import { ExpirySession } from '../../fixtures/expiry.js';
import { finishHarness, makeHarness } from '../../fixtures/index.js';
import { loadProfile } from '../../src/profile/profile.js';

const profile = loadProfile('suitecrm-7.14');

async function embedded() {
  return resolveTarget({ profile: profile.name, target: { kind: 'embedded', mode: 'conformant' }, maxWaitSeconds: 6, reportsDir: '/tmp' }, profile);
}

async function markedNames(api: ResourceClient): Promise<string[]> {
  const ex = await api.list('Accounts', 'page[size]=1000');
  return resources(ex).flatMap((r) => {
    const n = r.attributes?.name;
    return typeof n === 'string' && n.startsWith(MARKER_PREFIX) ? [n] : [];
  });
}

test('records created by a failing test are removed by its cleanup', async () => {
  const target = await embedded();
  try {
    const api = (await ResourceClient.forCleanup(target, profile))!;
    const created = new CreatedRecords();
    const tracked = new ResourceClient(api.http, profile, api.token, created);
    await tracked.createMarked('Accounts', 'isolation');
    await tracked.createMarked('Contacts', 'isolation');
    expect(created.count).toBe(2);
    await expect(Promise.reject(new Error('the check failed'))).rejects.toThrow();
    await created.cleanup(target, profile);
    expect(await markedNames(api)).toEqual([]);
  } finally {
    await target.close();
  }
});

test('a coverage step that fails (no OpenAPI document) never keeps the records of the test', async () => {
  const target = await embedded();
  const saved = process.env[OPENAPI_FILE_ENV];
  process.env[OPENAPI_FILE_ENV] = '/nonexistent/openapi.json';
  try {
    const h = makeHarness(target, new ExpirySession(target));
    const tracked = await ResourceClient.forHarness(h);
    await tracked.createMarked('Accounts', 'coverage fails');
    expect(h.created.count).toBe(1);
    const annotations: { type: string; description?: string }[] = [];
    await finishHarness(h, annotations);
    expect(annotations).toEqual([]);
    expect(await markedNames((await ResourceClient.forCleanup(target, profile))!)).toEqual([]);
  } finally {
    if (saved === undefined) delete process.env[OPENAPI_FILE_ENV];
    else process.env[OPENAPI_FILE_ENV] = saved;
    await target.close();
  }
});

test('the sweep removes marked records of other runs, never this run\'s nor unmarked ones', async () => {
  const target = await embedded();
  try {
    const api = (await ResourceClient.forCleanup(target, profile))!;
    const before = resources(await api.list('Accounts', 'page[size]=1000')).length;
    await api.create('Accounts', { name: `${MARKER_PREFIX}00000000 stale left by an interrupted run` });
    const mine = await api.createMarked('Accounts', 'current run');
    expect(await sweepStaleRecords(target, profile)).toBe(1);
    const names = await markedNames(api);
    expect(names).toEqual([mine.attributes.name]);
    expect(names[0]!.startsWith(runMarker())).toBe(true);
    expect(resources(await api.list('Accounts', 'page[size]=1000')).length).toBe(before + 1);
  } finally {
    await target.close();
  }
});
