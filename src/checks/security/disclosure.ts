// Information disclosure (OWASP ASVS V7) and CORS policy of the API. No RFC sentence asks these of
// a token endpoint or an API; OWASP ASVS does ("Verify that…"): Level 1 read as MUST, Level 2 as
// SHOULD (docs/severities.md).
import { header } from '../conditions.js';
import { fail, inconclusive, pass, type CheckDef, type Exchange, type Outcome } from '../types.js';

export interface EchoEvidence {
  /** Failed requests and the secret each submitted (evidence only: never printed). */
  probes: { label: string; ex: Exchange; secret: string }[];
}

/** No request, or none answered: nothing to judge (a probe without an answer is skipped by the judges). */
function unheard(probes: readonly { ex: Exchange }[]): Outcome | undefined {
  if (probes.length === 0) return inconclusive('no request was made');
  if (!probes.some((p) => p.ex.response)) return inconclusive(`none of the ${probes.length} requests got an answer, so there is nothing to judge`);
  return undefined;
}

export function evaluateNoEcho(e: EchoEvidence): Outcome {
  const none = unheard(e.probes);
  if (none) return none;
  const leaks = e.probes.filter((p) => {
    const text = p.ex.response?.text ?? '';
    return text.includes(p.secret) || text.includes(encodeURIComponent(p.secret)) || text.includes(JSON.stringify(p.secret).slice(1, -1));
  });
  return leaks.length ? fail(`the error body echoes the submitted secret: ${leaks.map((l) => l.label).join('; ')}`) : pass();
}

export const noSecretEcho: CheckDef<EchoEvidence> = {
  id: 'security.disclosure.no-secret-echo',
  title: 'an error response never echoes a submitted password or client secret',
  // A Level 2 requirement: SHOULD. RFC 6749 §10.7: with the password grant "the password could
  // unintentionally be disclosed to an attacker (e.g., via log files or other records kept by the
  // client)", where an echoed error body ends up (its keyword, for minimising the grant, is SHOULD too).
  specRefs: ['OWASP ASVS V7.1.1', 'RFC 6749 §10.7'],
  severity: 'should',
  keyword: 'SHOULD',
  requires: ['tokens:direct'],
  evaluate: evaluateNoEcho,
};

/** Markers of a stack trace or framework debug page (PHP, Slim, Node, Java, Python). */
const TRACE = /(#\d+ \/[^\s]+\(\d+\)|Stack trace:|<h2>Trace<\/h2>|Traceback \(most recent call last\)|\n\s+at [\w.<>$]+ \(|Exception in thread|\.php on line \d+)/;

export function evaluateNoStackTrace(probes: readonly { label: string; ex: Exchange }[]): Outcome {
  const none = unheard(probes);
  if (none) return none;
  // A JSON error document escapes slashes ("#0 \/var\/www\/…"): judge the unescaped text too.
  const bad = probes.filter((p) => TRACE.test((p.ex.response?.text ?? '').replace(/\\\//g, '/')));
  return bad.length ? fail(`a stack trace is disclosed for: ${bad.map((b) => b.label).join('; ')}`) : pass(`${probes.length} malformed requests, no stack trace`);
}

export const noStackTrace: CheckDef<{ label: string; ex: Exchange }[]> = {
  id: 'security.disclosure.no-stack-trace',
  title: 'malformed parameters (client_id[]=x, …) never produce a stack trace',
  specRefs: ['OWASP ASVS V7.4.1', 'RFC 6749 §5.2'],
  severity: 'must',
  keyword: 'MUST',
  requires: ['tokens:direct'],
  evaluate: evaluateNoStackTrace,
};

export function evaluateNoCorsWildcard(probes: readonly { label: string; ex: Exchange }[]): Outcome {
  const none = unheard(probes);
  if (none) return none;
  const wild = probes.filter((p) => header(p.ex, 'access-control-allow-origin')?.trim() === '*');
  return wild.length
    ? fail(`Access-Control-Allow-Origin: * on ${wild.map((w) => w.label).join(', ')}: any web page may read these responses`)
    : pass();
}

export const noCorsWildcard: CheckDef<{ label: string; ex: Exchange }[]> = {
  id: 'security.cors.no-wildcard',
  title: 'the token endpoint and the API do not allow every origin (Access-Control-Allow-Origin: *)',
  // A Level 1 requirement ("uses a strict allow list of trusted domains"), read as MUST. RFC 6454 §3
  // is the same-origin isolation a wildcard gives up (principles, no keyword).
  specRefs: ['OWASP ASVS V14.5.3', 'RFC 6454 §3'],
  severity: 'must',
  keyword: 'MUST',
  evaluate: evaluateNoCorsWildcard,
};

export const DISCLOSURE_CHECKS: readonly CheckDef<never>[] = [noSecretEcho, noStackTrace, noCorsWildcard] as readonly CheckDef<never>[];
