// Pure vocabulary of checks: no HTTP, no Playwright. A check turns evidence (recorded exchanges,
// decoded tokens) into a verdict with a reason a person can act on.

export type Severity = 'must' | 'should' | 'advisory';

/** The RFC 2119 / RFC 8174 keyword of the sentence a check cites, or `profile` when the check judges
 * what a vendor profile promises beyond the RFCs. The severity follows from it (severityOf). */
export type Keyword = 'MUST' | 'MUST NOT' | 'REQUIRED' | 'SHALL' | 'SHALL NOT' | 'SHOULD' | 'SHOULD NOT' | 'RECOMMENDED' | 'MAY' | 'OPTIONAL' | 'profile';

export function severityOf(keyword: Keyword): Severity {
  if (['MUST', 'MUST NOT', 'REQUIRED', 'SHALL', 'SHALL NOT'].includes(keyword)) return 'must';
  if (['SHOULD', 'SHOULD NOT', 'RECOMMENDED'].includes(keyword)) return 'should';
  return 'advisory';
}

/** What a check needs from the target before it can run; unmet → skipped with a reason. */
export type Requirement =
  /** Tokens by whichever grant the profile offers and the credentials allow (fixtures/tokens.ts):
   * any access token; one acting for the test user; a pair with a refresh token; two clients. */
  | 'tokens:access'
  | 'tokens:user'
  | 'tokens:refresh'
  | 'tokens:second-client'
  /** A token request the harness sends in one step (password or client_credentials). */
  | 'tokens:direct'
  /** The profile's clients may authenticate with HTTP Basic (token.clientAuth lists client_secret_basic). */
  | 'client-auth:basic'
  /** A particular grant, for checks about that grant itself. */
  | 'grant:password'
  | 'grant:client_credentials'
  | 'grant:authorization_code'
  | 'second-client'
  | 'admin:revoke-token'
  | 'admin:revoke-client'
  | 'admin-panel'
  | 'logout'
  | 'jwt-access-tokens'
  | 'public-key'
  | 'wait:access-expiry'
  | 'wait:refresh-expiry'
  | 'resource-api'
  /** The profile documents a static API key (apiKey). */
  | 'api-key'
  /** The profile documents one session per user and platform (session.onePerPlatform). */
  | 'platform-sessions'
  /** The profile documents the text of the expired-token error (vendorErrors.expiredToken). */
  | 'vendor-expired-error'
  /** An administrator can regenerate the user's API key (reference target only: real keys are live). */
  | 'admin:regenerate-api-key'

  | 'pkce:S256'
  | 'second-code-client'
  | 'admin:revoke-code'
  | 'signing-key'
  | 'spare-client'
  | 'limited-user'
  /** The profile declares an RFC 7009 revocation endpoint (revocation.path). */
  | 'revocation-endpoint';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  /** Raw body text (bounded by the client's size limit). */
  text: string;
  /** Parsed JSON when the body parsed, else undefined. */
  json?: unknown;
}

export interface Exchange {
  request: RecordedRequest;
  /** Absent when the transport failed (timeout, reset); `transportError` says why. */
  response?: RecordedResponse;
  transportError?: string;
  durationMs: number;
}

/** What a check's evaluate() concludes from its evidence. `inconclusive`: the evidence cannot decide
 * (e.g. the control request was refused too, or the server offered nothing to judge); it never
 * counts as a pass. */
export type Outcome = (
  | { verdict: 'pass'; note?: string }
  | { verdict: 'fail'; reason: string }
  | { verdict: 'inconclusive'; reason: string }
) & {
  /** The verdict went through a control (src/checks/conditions.ts controlled()): the self-test then
   * needs a fault that breaks that control and sees `inconclusive`. */
  controlled?: true;
};

export interface CheckDef<E = Exchange> {
  /** Stable id = spec file path under specs/ (oauth2/refresh/reuse-rejected → oauth2.refresh.reuse-rejected). */
  id: string;
  title: string;
  /** e.g. "RFC 6749 §5.1"; at least one. */
  specRefs: readonly string[];
  severity: Severity;
  /** The keyword of the cited sentence that `severity` follows (see severityOf). */
  keyword: Keyword;
  requires?: readonly Requirement[];
  /** Self-test matrix: how many targets may be evaluated at once (a browser flow wants few). */
  matrixConcurrency?: number;
  evaluate(evidence: E): Outcome;
}

export const pass = (note?: string): Outcome => (note ? { verdict: 'pass', note } : { verdict: 'pass' });
export const fail = (reason: string): Outcome => ({ verdict: 'fail', reason });
export const inconclusive = (reason: string): Outcome => ({ verdict: 'inconclusive', reason });

/** Area of a check = the first segment of its id (oauth2, bearer, jsonapi, security…). */
export function areaOf(id: string): string {
  return id.split('.')[0] ?? id;
}

/** Every outcome must pass: the first failure is the verdict, else the first inconclusive one (an
 * observed failure outweighs a condition that could not be judged). */
export function all(...outcomes: Outcome[]): Outcome {
  const notes: string[] = [];
  for (const o of outcomes) {
    if (o.verdict === 'fail') return o;
    if (o.verdict === 'pass' && o.note) notes.push(o.note);
  }
  return outcomes.find((o) => o.verdict === 'inconclusive') ?? pass(notes.join('; ') || undefined);
}
