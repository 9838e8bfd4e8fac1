// Revocation by an administrator and by logout: the tokens stop working.
import { accessRefused, describe, isSuccess, tokenRefused } from '../conditions.js';
import { all, fail, pass, type CheckDef, type Exchange, type Outcome } from '../types.js';

export interface BeforeAfter {
  before: Exchange;
  after: Exchange;
}

/** The token worked before (else a note) and is refused with 401 after. */
export function afterRefused(e: BeforeAfter, what: string): Outcome {
  return all(
    accessRefused(e.after, what, [401]),
    pass(isSuccess(e.before) ? undefined : `the token was already refused before: ${describe(e.before)}`),
  );
}

export const adminRevokesAccessToken: CheckDef<BeforeAfter> = {
  id: 'oauth2.revocation.admin-revokes-access-token',
  title: 'an access token revoked by an administrator is refused',
  specRefs: ['RFC 6750 §3.1', 'RFC 7009 §2.2', 'RFC 9700 §4.14'],
  severity: 'must',
  requires: ['tokens:access', 'admin:revoke-token', 'resource-api'],
  evaluate: (e) => afterRefused(e, 'the revoked access token'),
};

export const adminRevokesRefreshToken: CheckDef = {
  id: 'oauth2.revocation.admin-revokes-refresh-token',
  title: 'the refresh token of an administrator-revoked token is refused',
  specRefs: ['RFC 7009 §2.2', 'RFC 6749 §10.4', 'RFC 9700 §4.14'],
  severity: 'must',
  requires: ['tokens:refresh', 'admin:revoke-token'],
  evaluate: (ex) => tokenRefused(ex, 'the refresh token of a revoked token'),
};

export interface LogoutEvidence {
  logout: Exchange;
  after: Exchange;
}

function afterLogout(e: LogoutEvidence, judge: (after: Exchange) => Outcome): Outcome {
  return isSuccess(e.logout) ? judge(e.after) : fail(`logout did not succeed: ${describe(e.logout)}`);
}

export const logoutRevokesAccessToken: CheckDef<LogoutEvidence> = {
  id: 'oauth2.revocation.logout-revokes-access-token',
  title: 'after logout the access token is refused',
  specRefs: ['RFC 7009 §2.2', 'RFC 6750 §3.1'],
  severity: 'must',
  requires: ['tokens:access', 'logout', 'resource-api'],
  evaluate: (e) => afterLogout(e, (after) => accessRefused(after, 'the logged-out access token', [401])),
};

export const logoutRevokesRefreshToken: CheckDef<LogoutEvidence> = {
  id: 'oauth2.revocation.logout-revokes-refresh-token',
  title: 'after logout the refresh token is refused',
  specRefs: ['RFC 7009 §2.1', 'RFC 9700 §4.14'],
  severity: 'should',
  requires: ['tokens:refresh', 'logout'],
  evaluate: (e) => afterLogout(e, (after) => tokenRefused(after, 'the refresh token after logout')),
};

export const REVOCATION_CHECKS = [adminRevokesAccessToken, adminRevokesRefreshToken, logoutRevokesAccessToken, logoutRevokesRefreshToken];
