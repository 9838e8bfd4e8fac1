// SARIF 2.1.0 (reports/conformance.sarif) for GitHub code scanning: one rule per failing check
// (rule id = check id), one result per failure, located at the check's spec file. Failures a
// baseline accepts are kept, with an external suppression carrying the baseline's reason.
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Severity } from '../checks/types.js';
import { TOOL_VERSION } from '../version.js';
import type { CheckResult, ConformanceReport } from './model.js';
import { specLink } from './spec-links.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, Result.level> = { must: 'error', should: 'warning', advisory: 'note' };

/** specs/oauth2/refresh/reuse-rejected.spec.ts for oauth2.refresh.reuse-rejected (id = path). */
export function specFileOf(checkId: string): string {
  return `specs/${checkId.split('.').join('/')}.spec.ts`;
}

function ruleOf(c: CheckResult): ReportingDescriptor {
  const refs = c.specRefs.map((r) => ({ ref: r, url: specLink(r) }));
  const help = `${c.title}. Severity: ${c.severity}. Specification: ${refs.map((r) => (r.url ? `${r.ref} (${r.url})` : r.ref)).join('; ')}.`;
  const markdown = `**${c.title}** (${c.severity})\n\nSpecification:\n${refs.map((r) => `- ${r.url ? `[${r.ref}](${r.url})` : r.ref}`).join('\n')}\n`;
  const url = refs.find((r) => r.url)?.url;
  return {
    id: c.id,
    name: c.id
      .split(/[.-]/)
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(''),
    shortDescription: { text: c.title },
    fullDescription: { text: `${c.title} (${c.specRefs.join(', ')})` },
    ...(url ? { helpUri: url } : {}),
    help: { text: help, markdown },
    defaultConfiguration: { level: LEVEL[c.severity] },
    properties: {
      tags: ['conformance', c.area, c.severity, ...c.specRefs],
      precision: 'very-high',
      'problem.severity': c.severity === 'advisory' ? 'recommendation' : LEVEL[c.severity] === 'error' ? 'error' : 'warning',
    },
  };
}

export function toSarif(report: ConformanceReport): Log {
  const failing = report.checks.filter((c) => c.verdict === 'fail');
  const rules = failing.map(ruleOf);
  const target = `${report.target.profile} at ${report.target.baseUrl}`;
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'crm-conformance',
            version: TOOL_VERSION,
            rules,
          },
        },
        automationDetails: { id: `crm-conformance/${report.target.profile}/` },
        // Checks the run could not judge are not results (no finding either way) but notifications:
        // error = the harness could not gather evidence, inconclusive = the evidence could not decide.
        invocations: [
          {
            executionSuccessful: !report.checks.some((c) => c.verdict === 'error'),
            startTimeUtc: report.startedAt,
            toolExecutionNotifications: report.checks
              .filter((c) => c.verdict === 'error' || c.verdict === 'inconclusive')
              .map((c) => ({
                descriptor: { id: c.id },
                level: c.verdict === 'error' ? 'error' : 'note',
                message: { text: `${c.id} ${c.verdict === 'error' ? 'could not gather evidence' : 'was inconclusive'}: ${c.reason ?? ''}${c.fix ? ` (fix: ${c.fix})` : ''}` },
              })),
          },
        ],
        results: failing.map((c, i) => ({
          ruleId: c.id,
          ruleIndex: i,
          level: LEVEL[c.severity],
          message: { text: `${c.id} failed against ${target}: ${c.reason ?? 'failed'} [${c.specRefs.join(', ')}]` },
          locations: [{ physicalLocation: { artifactLocation: { uri: specFileOf(c.id), uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } } }],
          partialFingerprints: { 'crmConformanceCheck/v1': `${c.id}:${report.target.profile}` },
          ...(c.baseline === 'accepted' ? { suppressions: [{ kind: 'external', status: 'accepted', justification: c.baselineNote ?? 'accepted by baseline' }] } : {}),
          properties: { severity: c.severity, specRefs: c.specRefs, ...(c.baseline ? { baseline: c.baseline } : {}) },
        })),
      },
    ],
  };
}
