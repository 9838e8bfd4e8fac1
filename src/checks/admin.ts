// The CRM's own admin panel: session cookie, cross-site request forgery, and what deleting an
// OAuth client does to its tokens. Cookie and CSRF are OWASP ASVS Level 1 requirements (read as
// MUST); what deleting a client does is the panel's own promise (keyword `profile`, advisory).
import { cookieAttributes, isLoginFailure, splitSetCookie } from '../admin-panel/suitecrm.js';
import { controlled, describe, header, isSuccess, succeeds } from './conditions.js';
import { afterRefused } from './oauth2/revocation.js';
import { fail, inconclusive, pass, type CheckDef, type Exchange } from './types.js';

export interface SessionCookieEvidence {
  /** The login POST (its Set-Cookie and redirect). */
  login: Exchange;
  cookieName: string;
}

function loginSucceeded(ex: Exchange): boolean {
  const s = ex.response?.status ?? 0;
  return s >= 300 && s < 400 && !isLoginFailure(header(ex, 'location'));
}

export const sessionCookieHttpOnly: CheckDef<SessionCookieEvidence> = {
  id: 'admin.session-cookie-httponly',
  title: 'the admin session cookie is HttpOnly',
  // RFC 6265 §4.1.2.6 defines the HttpOnly attribute; ASVS V3.4.2 requires it on session cookies.
  specRefs: ['OWASP ASVS V3.4.2', 'RFC 6265 §4.1.2.6'],
  // OWASP ASVS states requirements as "Verify that…": a Level 1 requirement is read as MUST (as jsonapi.acl.*).
  severity: 'must',
  keyword: 'MUST',
  requires: ['admin-panel'],
  evaluate: (e) => {
    if (!loginSucceeded(e.login)) return inconclusive(`the admin login did not succeed (${describe(e.login)} → ${header(e.login, 'location') ?? 'no redirect'}), so no session cookie was set to judge`);
    const cookie = splitSetCookie(header(e.login, 'set-cookie')).map(cookieAttributes).find((c) => c.name === e.cookieName);
    if (!cookie) return fail(`the login response set no ${e.cookieName} cookie (the session id must be rotated at login)`);
    return cookie.attrs.has('httponly')
      ? pass(`${e.cookieName}: ${[...cookie.attrs].join(', ')}`)
      : fail(`${e.cookieName} is readable by scripts (no HttpOnly; attributes: ${[...cookie.attrs].join(', ') || 'none'})`);
  },
};

export interface CsrfEvidence {
  /** The same state change through the panel's own form, same origin (the control). */
  control: Exchange;
  controlName: string;
  /** A state-changing POST (create a client) with the session cookie, a foreign Origin and no anti-CSRF token. */
  forged: Exchange;
  /** The clients list afterwards. */
  listAfter: Exchange;
  probeName: string;
}

export const csrfProtection: CheckDef<CsrfEvidence> = {
  id: 'admin.csrf-protection',
  title: 'admin state-changing requests need an anti-CSRF token (or an equivalent origin check)',
  // RFC 6265 §8.2 names the threat (cookies are ambient authority: another site's form carries them)
  // without a keyword. OWASP ASVS states requirements as "Verify that…": a Level 1 requirement is read
  // as MUST (as jsonapi.acl.*).
  specRefs: ['OWASP ASVS V4.2.2', 'RFC 6265 §8.2'],
  severity: 'must',
  keyword: 'MUST',
  requires: ['admin-panel'],
  evaluate: (e) => {
    if (!isSuccess(e.listAfter)) return inconclusive(`the clients list could not be read afterwards (${describe(e.listAfter)}), so whether the forged request was obeyed is unknown`);
    const listed = (name: string) => (e.listAfter.response?.text ?? '').includes(name);
    return controlled([succeeds("the same client creation through the panel's own form", e.control, listed(e.controlName))], () =>
      listed(e.probeName)
        ? fail(`a cross-origin POST carrying only the session cookie (no anti-CSRF token) created client "${e.probeName}" (${describe(e.forged)}); only SameSite protects the panel`)
        : pass(`the forged request was not obeyed: ${describe(e.forged)}`),
    );
  },
};

export interface ClientDeletionEvidence {
  before: Exchange;
  deletion: Exchange;
  after: Exchange;
}

export const clientDeletionRevokesTokens: CheckDef<ClientDeletionEvidence> = {
  id: 'oauth2.revocation.client-deletion-revokes-tokens',
  title: 'deleting a client revokes the access tokens issued to it',
  specRefs: ['RFC 6749 §10.4', 'RFC 9700 §4.14'],
  severity: 'advisory',
  // No RFC says what deleting a client does to its tokens: the panel's promise.
  keyword: 'profile',
  requires: ['grant:password', 'admin-panel', 'resource-api'],
  evaluate: (e) => {
    const s = e.deletion.response?.status ?? 0;
    if (s < 200 || s >= 400) return inconclusive(`the client could not be deleted (${describe(e.deletion)}), so what deletion does to its tokens cannot be judged`);
    return afterRefused(e, "the deleted client's access token");
  },
};

export const ADMIN_PANEL_CHECKS = [sessionCookieHttpOnly, csrfProtection, clientDeletionRevokesTokens];
