// What automation knows about SuiteCRM 7.14's admin panel (the workspace notes facts/suitecrm-7.14-admin-ui.md):
// direct URLs, stable selectors, form fields, and the pure logic of finding the harness's own rows.
import { jwtOrUndefined } from '../jwt/decode.js';

export const PANEL = {
  login: 'index.php?action=Login&module=Users',
  home: 'index.php?module=Home&action=index',
  clients: 'index.php?module=OAuth2Clients&action=index',
  tokens: 'index.php?module=OAuth2Tokens&action=index',
  newPasswordClient: 'index.php?module=OAuth2Clients&action=EditViewPassword',
  newCredentialsClient: 'index.php?module=OAuth2Clients&action=EditViewCredentials',
  clientDetail: (id: string) => `index.php?module=OAuth2Clients&action=DetailView&record=${encodeURIComponent(id)}`,
  /** Not-yet-revoked tokens, newest first (an explicit filter: the panel re-applies the last saved one otherwise). */
  unrevokedTokens: 'index.php?module=OAuth2Tokens&action=index&query=true&searchFormTab=advanced_search&token_is_revoked_advanced=0',
  tokensById: (rowId: string) => `index.php?module=OAuth2Tokens&action=index&query=true&searchFormTab=basic_search&id_basic=${encodeURIComponent(rowId)}`,
  sessionCookie: 'PHPSESSID',
  /** Set after login: the logged-in user's record id. */
  userIdCookie: 'ck_login_id_20',
} as const;

export const SEL = {
  userName: '#user_name',
  password: '#username_password',
  loginButton: 'input#bigbutton[name=Login]',
  loginError: 'span.error:not(#browser_warning):not(#ie_compatibility_mode_warning)',
  timezoneSubmit: 'form[action*="SaveTimezone"] input[type=submit]',
  timezoneSelect: 'form[action*="SaveTimezone"] select[name=timezone]',
  listRows: 'table.list.view tbody tr',
  rowCheckbox: 'input[name="mass[]"]',
  clientName: 'td[field=name]',
  clientGrant: 'td[field=allowed_grant_type]',
  tokenClient: 'td[field=oauth2client_name]',
  tokenUser: 'td[field=assigned_user_name]',
  tokenRevoked: 'td[field=token_is_revoked] input[type=checkbox]',
  tokenCreated: 'td[field=date_entered]',
  tokenAccessExpires: 'td[field=access_token_expires]',
  bulkMenu: '#actionLinkTop a.parent-dropdown-handler',
  bulkRevoke: '#actionLinkTop a[onclick="bulkRevokeTokens()"]',
  clientNameInput: '#name',
  secretInput: '#new_secret',
  assignedUserName: '#assigned_user_name',
  assignedUserId: '#assigned_user_id',
  save: '#SAVE',
  actionsMenu: '#tab-actions a',
  deleteButton: 'input#delete_button',
} as const;

/** Every client the harness creates is named with this prefix; nothing else is ever touched. */
export const CLIENT_PREFIX = 'crm-conformance-';

export type ClientRole = 'password' | 'password2' | 'cc';

export const CLIENT_ROLES: Record<ClientRole, { name: string; grant: 'password' | 'client_credentials' }> = {
  password: { name: `${CLIENT_PREFIX}password`, grant: 'password' },
  password2: { name: `${CLIENT_PREFIX}password-2`, grant: 'password' },
  cc: { name: `${CLIENT_PREFIX}client-credentials`, grant: 'client_credentials' },
};

export interface PanelClient {
  id: string;
  name: string;
  grant: string;
}

export interface PanelTokenRow {
  rowId: string;
  clientName: string;
  userName: string;
  revoked: boolean;
  /** As displayed: user format, minute precision. */
  created: string;
  accessExpires: string;
}

/** Parses "m/d/Y H:i" (the SuiteP en_us default); minutes since epoch in the user's (unknown) zone. */
export function displayMinutes(s: string): number | undefined {
  const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})/.exec(s.trim());
  if (!m) return undefined;
  return Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2]), Number(m[4]), Number(m[5])) / 60_000;
}

export interface RowExpectation {
  clientName: string;
  /** The access token's lifetime (exp − iat), seconds: created→expires in the row must match. */
  lifetimeSeconds: number;
}

export type RowMatch = { ok: true; row: PanelTokenRow; proof: string } | { ok: false; why: string };

/** The row of a token the harness just obtained: the only row that appeared since `before`, of the
 * harness's own client, not revoked, whose displayed lifetime matches the JWT's (time-zone free). */
export function identifyRow(before: ReadonlySet<string>, rows: readonly PanelTokenRow[], e: RowExpectation): RowMatch {
  const fresh = rows.filter((r) => !before.has(r.rowId));
  const ours = fresh.filter((r) => r.clientName === e.clientName && !r.revoked);
  if (ours.length !== 1) {
    return { ok: false, why: `${ours.length} new unrevoked rows of client "${e.clientName}" appeared (${fresh.length} new rows in all); expected exactly 1` };
  }
  const row = ours[0]!;
  const created = displayMinutes(row.created);
  const expires = displayMinutes(row.accessExpires);
  if (created === undefined || expires === undefined) return { ok: false, why: `row ${row.rowId}: unreadable dates "${row.created}" / "${row.accessExpires}"` };
  const shown = expires - created;
  const want = e.lifetimeSeconds / 60;
  if (Math.abs(shown - want) > 1) return { ok: false, why: `row ${row.rowId}: lifetime shown ${shown} min, the token's is ${want.toFixed(1)} min` };
  return { ok: true, row, proof: `only new row of "${e.clientName}" since the token was requested, lifetime ${shown} min matches exp − iat` };
}

/** Splits a joined Set-Cookie header (the HTTP client joins repeats with ", "). */
export function splitSetCookie(joined: string | undefined): string[] {
  return joined ? joined.split(/,\s*(?=[A-Za-z0-9_.-]+=)/) : [];
}

export function cookieAttributes(setCookie: string): { name: string; value: string; attrs: Set<string> } {
  const [pair, ...attrs] = setCookie.split(';').map((s) => s.trim());
  const i = (pair ?? '').indexOf('=');
  return { name: (pair ?? '').slice(0, i), value: (pair ?? '').slice(i + 1), attrs: new Set(attrs.map((a) => a.split('=')[0]!.toLowerCase())) };
}

/** True when a location after login points back at the login page (a failed login). */
export function isLoginFailure(location: string | undefined): boolean {
  return !location || /action=Login/.test(location);
}

/** The harness could not prove which row is its token's (another token of the same client appeared
 * at the same time): nothing was revoked; getting a new token and trying again is safe. */
export class UnprovenRowError extends Error {}

/** iat/exp/aud of a JWT access token, without verifying it (only to find its row). */
export function jwtTimes(token: string): { iat: number; exp: number; aud?: string } | undefined {
  const p = jwtOrUndefined(token)?.payload;
  if (!p || typeof p.iat !== 'number' || typeof p.exp !== 'number') return undefined;
  return { iat: p.iat, exp: p.exp, ...(typeof p.aud === 'string' ? { aud: p.aud } : {}) };
}
