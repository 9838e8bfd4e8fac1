// The redactor masks registered secrets in every encoding and token shapes nobody registered;
// the scanner finds what slipped through, inside zips and the HTML report's embedded data.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { scanForSecrets, unzip } from '../../src/redact/scan.js';
import { maskShapes, redactError, SecretRegistry } from '../../src/redact/secrets.js';

const JWT = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4IiwianRpIjoiYWJjIn0.c2lnbmF0dXJlLWJ5dGVz';

test('registered secrets are masked raw, URL-encoded and JSON-escaped', () => {
  const r = new SecretRegistry();
  r.register('p@ss w"rd!x', 'password');
  const out = r.mask(`a=p%40ss%20w%22rd!x {"password":"p@ss w\\"rd!x"} raw p@ss w"rd!x`);
  expect(out).not.toContain('p@ss');
  expect(out).not.toContain('p%40ss');
  expect(out).toContain('[REDACTED');
});

test('short secrets are masked only as whole words', () => {
  const r = new SecretRegistry();
  r.register('admin', 'password');
  expect(r.mask('user admin logged in to administration')).toBe('user [REDACTED:password] logged in to administration');
});

test('shapes nobody registered: JWTs, defuse refresh tokens, canaries, Bearer values, secret params and JSON members', () => {
  const s = maskShapes(
    `${JWT} def50200${'ab'.repeat(40)} CNRY0123456789abcdef Bearer abcdefghijk client_secret=hunter2&x=1 {"refresh_token": "r1"}\nAuthorization: Basic Zm9vOmJhcg==`,
  );
  expect(s).not.toMatch(/eyJ|def50200ab|CNRY0123|abcdefghijk|hunter2|"r1"|Zm9v/);
});

test('redactError masks message and stack', () => {
  const r = new SecretRegistry();
  r.register('CNRYsecretsecret', 'client_secret');
  const e = redactError(new Error('bad CNRYsecretsecret'), r);
  expect(e.message).toBe('bad [REDACTED:client_secret]');
  expect(e.stack).not.toContain('CNRYsecretsecret');
});

function zip(name: string, content: string): Buffer {
  const data = deflateRawSync(Buffer.from(content));
  const nameBuf = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt16LE(nameBuf.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt16LE(nameBuf.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = local.length + nameBuf.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBuf.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, nameBuf, data, central, nameBuf, end]);
}

test('the scanner unpacks zips and base64 zips embedded in HTML', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scan-'));
  const z = zip('trace.trace', `{"headers":{"authorization":"Bearer ${JWT}"}}`);
  expect([...unzip(z).values()][0]!.toString()).toContain(JWT);
  writeFileSync(path.join(dir, 'trace.zip'), z);
  writeFileSync(path.join(dir, 'index.html'), `<script>window.report="data:application/zip;base64,${zip('data.json', `${randomBytes(300).toString('hex')} CNRYfeedfacecafe0001`).toString('base64')}"</script>`);
  writeFileSync(path.join(dir, 'clean.txt'), 'nothing to see [REDACTED:jwt]');
  const leaks = scanForSecrets([dir]);
  expect(leaks.map((l) => `${path.basename(l.file)} ${l.kind}`).sort()).toEqual([
    'index.html!base64!data.json canary credential',
    'trace.zip!trace.trace JWT-shaped string',
  ]);
  expect(JSON.stringify(leaks)).not.toContain(JWT);
});

test('the scanner finds registered secrets of 6+ characters', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scan-'));
  writeFileSync(path.join(dir, 'junit.xml'), '<failure>password hunter22 was wrong</failure>');
  expect(scanForSecrets([dir], ['hunter22'], { shapes: false })).toHaveLength(1);
  expect(scanForSecrets([dir], ['other1'], { shapes: false })).toHaveLength(0);
});
