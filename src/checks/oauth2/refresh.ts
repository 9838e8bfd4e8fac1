// Refresh-token lifecycle: rotation, reuse, binding to the client (RFC 6749 §6, RFC 9700 §4.14.2).
import { bodyObject, describe, isSuccess, oauthError, tokenRefused } from '../conditions.js';
import { oauthErrorCheck, refusalCheck } from '../factories.js';
import { fail, pass, type CheckDef, type Exchange, type Outcome } from '../types.js';

export interface ReuseEvidence {
  /** The refresh token used first. */
  original: string;
  /** The refresh that consumed it. */
  refreshed: Exchange;
  /** The same original token presented again. */
  reuse: Exchange;
}

const REQUIRES = ['tokens:refresh'] as const;

function rotated(e: ReuseEvidence): boolean {
  const next = bodyObject(e.refreshed)?.refresh_token;
  return typeof next === 'string' && next !== e.original;
}

/** Without rotation, reusing the token is legitimate; the rotation check reports that instead. */
function whenRotated(e: ReuseEvidence, judge: () => Outcome): Outcome {
  if (!isSuccess(e.refreshed)) return fail(`the first refresh did not succeed: ${describe(e.refreshed)}`);
  return rotated(e) ? judge() : pass('the target does not rotate refresh tokens; reuse is not judged (see oauth2.refresh.rotation)');
}

export const refreshRotation: CheckDef<ReuseEvidence> = {
  id: 'oauth2.refresh.rotation',
  title: 'a refresh issues a new refresh token (rotation)',
  specRefs: ['RFC 9700 §4.14.2', 'RFC 6749 §6'],
  severity: 'should',
  requires: REQUIRES,
  evaluate(e) {
    if (!isSuccess(e.refreshed)) return fail(`the refresh did not succeed: ${describe(e.refreshed)}`);
    return rotated(e) ? pass() : fail('the refresh response returned the same refresh token (or none): no rotation');
  },
};

export const refreshReuseRejected: CheckDef<ReuseEvidence> = {
  id: 'oauth2.refresh.reuse-rejected',
  title: 'a rotated-out refresh token is rejected when presented again',
  specRefs: ['RFC 9700 §4.14.2', 'RFC 6749 §10.4'],
  severity: 'must',
  requires: REQUIRES,
  evaluate: (e) => whenRotated(e, () => tokenRefused(e.reuse, 'the reused refresh token')),
};

export const refreshReuseInvalidGrant: CheckDef<ReuseEvidence> = {
  id: 'oauth2.refresh.reuse-invalid-grant',
  title: 'a reused refresh token gets 400 invalid_grant',
  specRefs: ['RFC 6749 §5.2'],
  severity: 'must',
  requires: REQUIRES,
  evaluate: (e) => whenRotated(e, () => oauthError(e.reuse, { status: [400], error: ['invalid_grant'] }, 'reused refresh token')),
};

const CROSS = [...REQUIRES, 'tokens:second-client'] as const;

export const refreshCrossClientRejected = refusalCheck({
  id: 'oauth2.refresh.cross-client-rejected',
  title: "a refresh token presented by another client is rejected",
  specRefs: ['RFC 6749 §6', 'RFC 6749 §10.4'],
  requires: CROSS,
  what: "another client's refresh token",
});

export const refreshCrossClientInvalidGrant = oauthErrorCheck({
  id: 'oauth2.refresh.cross-client-invalid-grant',
  title: "another client's refresh token gets 400 invalid_grant",
  requires: CROSS,
  what: "another client's refresh token",
  status: [400],
  error: ['invalid_grant'],
});

export const REFRESH_LIFECYCLE_CHECKS = [
  refreshRotation,
  refreshReuseRejected,
  refreshReuseInvalidGrant,
  refreshCrossClientRejected,
  refreshCrossClientInvalidGrant,
];
