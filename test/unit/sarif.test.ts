// reports/conformance.sarif validates against the official SARIF 2.1.0 schema (@microsoft/jest-sarif)
// and names every failing check with its spec reference and a link to it.
import { expect, test } from '@playwright/test';
import { toSarif, specFileOf } from '../../src/report/sarif.js';
import { specLink } from '../../src/report/spec-links.js';
import { applyBaseline } from '../../src/report/baseline.js';
import { check, report, sarifValidator } from './reports.js';

interface SarifRun {
  tool: { driver: { rules: { id: string; helpUri?: string; help: { text: string; markdown: string }; defaultConfiguration: { level: string } }[] } };
  results: { ruleId: string; level: string; message: { text: string }; suppressions?: { justification: string }[]; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
}

test('spec references link to rfc-editor.org sections and JSON:API format-page sections', () => {
  expect(specLink('RFC 6749 §5.2')).toBe('https://www.rfc-editor.org/rfc/rfc6749#section-5.2');
  expect(specLink('RFC 9700 §4.14.2')).toBe('https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2');
  expect(specLink('RFC 9111 §5.4')).toBe('https://www.rfc-editor.org/rfc/rfc9111#section-5.4');
  expect(specLink('RFC 6749 §A.5')).toBe('https://www.rfc-editor.org/rfc/rfc6749#appendix-A.5');
  expect(specLink('RFC 7009')).toBe('https://www.rfc-editor.org/rfc/rfc7009');
  expect(specLink('JSON:API 1.0 §Pagination')).toBe('https://jsonapi.org/format/1.0/#fetching-pagination');
  expect(specLink('JSON:API 1.0 §Updating Relationships')).toBe('https://jsonapi.org/format/1.0/#crud-updating-relationships');
  expect(specLink('JSON:API 1.0 §Resource Linkage')).toBe('https://jsonapi.org/format/1.0/#document-resource-object-linkage');
  expect(specLink('JSON:API 1.0 §document-top-level')).toBe('https://jsonapi.org/format/1.0/#document-top-level');
  expect(specLink('JSON:API 1.0 §Something New')).toBe('https://jsonapi.org/format/1.0/');
  expect(specLink('JSON:API 1.1 errors')).toBe('https://jsonapi.org/format/1.1/');
  expect(specLink('OWASP ASVS 3.5.2')).toBeUndefined();
  expect(specFileOf('oauth2.refresh.reuse-rejected')).toBe('specs/oauth2/refresh/reuse-rejected.spec.ts');
});

test('the SARIF log validates and names every failing check, its spec reference and level', () => {
  const r = applyBaseline(
    report([
      check('oauth2.errors.no-server-error', 'fail'),
      check('bearer.raw-token-refused', 'fail', { severity: 'should', specRefs: ['RFC 6750 §2.1', 'JSON:API 1.0 §content-negotiation'] }),
      check('oauth2.password.grant-offered', 'fail', { severity: 'advisory', specRefs: ['RFC 9700 §2.4'] }),
      check('bearer.invalid-token-401', 'pass'),
      check('bearer.query-token-refused', 'skip'),
    ]),
    { entries: [{ checkId: 'bearer.raw-token-refused', reason: 'SuiteCRM accepts it' }] },
    '2026-01-01',
  );
  const sarif = toSarif(r);
  const validate = sarifValidator();
  expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  const run = (sarif.runs as SarifRun[])[0]!;
  expect(run.results.map((x) => [x.ruleId, x.level])).toEqual([
    ['oauth2.errors.no-server-error', 'error'],
    ['bearer.raw-token-refused', 'warning'],
    ['oauth2.password.grant-offered', 'note'],
  ]);
  expect(run.tool.driver.rules.map((x) => x.id)).toEqual(run.results.map((x) => x.ruleId));
  const raw = run.tool.driver.rules[1]!;
  expect(raw.helpUri).toBe('https://www.rfc-editor.org/rfc/rfc6750#section-2.1');
  expect(raw.help.text).toContain('RFC 6750 §2.1 (https://www.rfc-editor.org/rfc/rfc6750#section-2.1)');
  expect(raw.help.markdown).toContain('[JSON:API 1.0 §content-negotiation](https://jsonapi.org/format/1.0/#content-negotiation)');
  expect(run.results[1]!.suppressions?.[0]?.justification).toContain('SuiteCRM accepts it');
  expect(run.results[0]!.suppressions).toBeUndefined();
  expect(run.results[0]!.message.text).toContain('RFC 6749 §5.2');
  expect(run.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('specs/oauth2/errors/no-server-error.spec.ts');
});

test('a run without failures is a valid SARIF log with no results', () => {
  const sarif = toSarif(report([check('bearer.invalid-token-401', 'pass')]));
  expect(sarifValidator()(sarif)).toBe(true);
  expect((sarif.runs as SarifRun[])[0]!.results).toEqual([]);
});

test('the vendored schema is rejected by an invalid log (the validator is live)', () => {
  const validate = sarifValidator();
  expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
});
