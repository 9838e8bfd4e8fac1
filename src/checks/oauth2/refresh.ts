// Refresh-token lifecycle: rotation, reuse, binding to the client (RFC 6749 §6, RFC 9700 §4.14.2).
import { bodyObject, controlled, refusalFormat, tokenControl, tokenRefused } from '../conditions.js';
import { oauthErrorCheck, refusalCheck } from '../factories.js';
import { fail, inconclusive, pass, type CheckDef, type Exchange, type Outcome } from '../types.js';

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

/** The control is the first refresh: it must have issued a token. Without rotation, presenting the
 * token again is legitimate (RFC 6749 §6), so reuse cannot be judged: inconclusive, never pass. */
function whenRotated(e: ReuseEvidence, judge: () => Outcome): Outcome {
  return controlled([tokenControl('the first refresh', e.refreshed)], () =>
    rotated(e) ? judge() : inconclusive('the target does not rotate refresh tokens, so presenting one again is legitimate and reuse cannot be judged (see oauth2.refresh.rotation)'),
  );
}

/** For the confidential clients the harness uses, RFC 6749 §6 leaves rotation to the server ("The
 * authorization server MAY issue a new refresh token"); RFC 9700 §4.14.2 makes it (or sender-
 * constrained tokens) a MUST only for public clients. Advisory. */
export const refreshRotation: CheckDef<ReuseEvidence> = {
  id: 'oauth2.refresh.rotation',
  title: 'a refresh issues a new refresh token (rotation)',
  specRefs: ['RFC 6749 §6', 'RFC 9700 §4.14.2'],
  severity: 'advisory',
  keyword: 'MAY',
  requires: REQUIRES,
  evaluate: (e) =>
    controlled([tokenControl('the refresh (see oauth2.refresh.response-schema)', e.refreshed)], () =>
      rotated(e) ? pass() : fail('the refresh response returned the same refresh token (or none): no rotation'),
    ),
};

export const refreshReuseRejected: CheckDef<ReuseEvidence> = {
  id: 'oauth2.refresh.reuse-rejected',
  title: 'a rotated-out refresh token is rejected when presented again',
  specRefs: ['RFC 9700 §4.14.2', 'RFC 6749 §10.4'],
  severity: 'must',
  // §4.14.2: rotation means "The previous refresh token is invalidated"; servers MUST use it (or sender-constraining).
  keyword: 'MUST',
  requires: REQUIRES,
  evaluate: (e) => whenRotated(e, () => tokenRefused(e.reuse, 'the reused refresh token')),
};

export const refreshReuseInvalidGrant: CheckDef<ReuseEvidence> = {
  id: 'oauth2.refresh.reuse-invalid-grant',
  title: 'a reused refresh token gets 400 invalid_grant',
  specRefs: ['RFC 6749 §5.2'],
  severity: 'must',
  keyword: 'REQUIRED',
  requires: REQUIRES,
  evaluate: (e) => whenRotated(e, () => refusalFormat(e.reuse, { status: [400], error: ['invalid_grant'] }, 'the reused refresh token')),
};

const CROSS = [...REQUIRES, 'tokens:second-client'] as const;

export const refreshCrossClientRejected = refusalCheck({
  id: 'oauth2.refresh.cross-client-rejected',
  title: "a refresh token presented by another client is rejected",
  specRefs: ['RFC 6749 §6', 'RFC 6749 §10.4'],
  // §6: "The authorization server MUST: ... validate the refresh token" and that it was issued to the authenticated client.
  keyword: 'MUST',
  requires: CROSS,
  what: "another client's refresh token",
  control: "the second client's own credentials and the first client's own refresh",
});

export const refreshCrossClientInvalidGrant = oauthErrorCheck({
  id: 'oauth2.refresh.cross-client-invalid-grant',
  title: "another client's refresh token gets 400 invalid_grant",
  requires: CROSS,
  what: "another client's refresh token",
  control: "the second client's own credentials and the first client's own refresh",
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
