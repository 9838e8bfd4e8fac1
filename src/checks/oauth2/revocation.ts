// Revocation by an administrator and by logout: the tokens stop working. Whether an action revokes
// a token is the deployment's (an admin "revoke", a logout); that a revoked token is then refused is
// RFC 6749's: the resource server "MUST validate the access token" (§7), the authorization server
// "MUST … validate the refresh token" (§6). Each judges a refusal against its control: the token
// worked before (access), or a sibling refresh token of the same client still works (refresh: using
// the token itself would consume it).
import { succeeds, controlled, describe, isSuccess, notAccepted, tokenControl, tokenRefused, type Control } from '../conditions.js';
import { inconclusive, type CheckDef, type Exchange, type Outcome } from '../types.js';

export interface BeforeAfter {
  before: Exchange;
  after: Exchange;
}

/** The token worked before (the control) and is not accepted after. */
export function afterRefused(e: BeforeAfter, what: string, controls: readonly Control[] = []): Outcome {
  return controlled([succeeds('the same token on the same request before', e.before), ...controls], () => notAccepted(e.after, what));
}

export const adminRevokesAccessToken: CheckDef<BeforeAfter> = {
  id: 'oauth2.revocation.admin-revokes-access-token',
  title: 'an access token revoked by an administrator is refused',
  specRefs: ['RFC 6749 §7', 'RFC 6750 §3.1', 'RFC 9700 §4.14'],
  severity: 'must',
  keyword: 'MUST',
  requires: ['tokens:access', 'admin:revoke-token', 'resource-api'],
  evaluate: (e) => afterRefused(e, 'the revoked access token'),
};

export interface RefreshAfter {
  /** The refresh request with the revoked (or logged-out) token. */
  after: Exchange;
  /** A sibling refresh token of the same client, refreshed (the control). */
  control: Exchange;
}

export const adminRevokesRefreshToken: CheckDef<RefreshAfter> = {
  id: 'oauth2.revocation.admin-revokes-refresh-token',
  title: 'the refresh token of an administrator-revoked token is refused',
  specRefs: ['RFC 6749 §6', 'RFC 6749 §10.4', 'RFC 9700 §4.14'],
  severity: 'must',
  keyword: 'MUST',
  requires: ['tokens:refresh', 'admin:revoke-token'],
  evaluate: (e) =>
    controlled([tokenControl('a sibling refresh token of the same client, not revoked', e.control)], () => tokenRefused(e.after, 'the refresh token of a revoked token')),
};

export interface LogoutEvidence {
  /** The token on a resource request before logout (the control of the access check). */
  before: Exchange;
  logout: Exchange;
  after: Exchange;
  /** A refresh token of another session of the same client, refreshed (the control of the refresh check). */
  control: Exchange;
}

function afterLogout(e: LogoutEvidence, judge: () => Outcome): Outcome {
  return isSuccess(e.logout) ? judge() : inconclusive(`the logout itself did not succeed (${describe(e.logout)}), so what it revokes cannot be judged`);
}

/** The profile's logout ends the session (that is what it is for), so its access token is a revoked
 * token the resource server must refuse (RFC 6749 §7). */
export const logoutRevokesAccessToken: CheckDef<LogoutEvidence> = {
  id: 'oauth2.revocation.logout-revokes-access-token',
  title: 'after logout the access token is refused',
  specRefs: ['RFC 6749 §7', 'RFC 6750 §3.1'],
  severity: 'must',
  keyword: 'MUST',
  requires: ['tokens:access', 'logout', 'resource-api'],
  evaluate: (e) =>
    controlled([succeeds('the same token on the same request before logout', e.before)], () => afterLogout(e, () => notAccepted(e.after, 'the logged-out access token'))),
};

/** RFC 9700 §4.14.2: "Authorization servers MAY revoke refresh tokens automatically in case of a
 * security event, such as: password change; logout at the authorization server." Advisory. */
export const logoutRevokesRefreshToken: CheckDef<LogoutEvidence> = {
  id: 'oauth2.revocation.logout-revokes-refresh-token',
  title: 'after logout the refresh token is refused',
  specRefs: ['RFC 9700 §4.14.2', 'RFC 6749 §6'],
  severity: 'advisory',
  keyword: 'MAY',
  requires: ['tokens:refresh', 'logout'],
  evaluate: (e) =>
    controlled([tokenControl('a refresh token of another session of the same client', e.control)], () =>
      afterLogout(e, () => tokenRefused(e.after, 'the refresh token after logout')),
    ),
};

export const REVOCATION_CHECKS = [adminRevokesAccessToken, adminRevokesRefreshToken, logoutRevokesAccessToken, logoutRevokesRefreshToken];
