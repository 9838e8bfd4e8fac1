// SuiteCRM 7.14.6's "OAuth2 Clients and Tokens" admin panel (index.php?module=…&action=…), imitated
// from the workspace notes facts/suitecrm-7.14-admin-ui.md and checked against a real 7.14.6 in a container.
// Like the real one it guards state-changing requests by their Referer (SugarApplication::
// checkHTTPReferer); conformant mode adds what the faithful faults take away: an HttpOnly session
// cookie and client deletion that revokes the client's tokens.
import { randomBytes } from 'node:crypto';
import { send, type Client, type Ctx, type Router, type TargetCore, type User } from '../../../core.js';
import * as html from './html.js';

interface Session {
  userId?: string;
  loginFailed?: boolean;
}

interface TokenFilter {
  id?: string;
  revoked?: boolean;
}

interface PanelState {
  sessions: Map<string, Session>;
  /** The last list filter, saved in the user's preferences and re-applied on a plain visit (real quirk). */
  savedFilter: Map<string, TokenFilter>;
  /** Users whose time zone preference (`ut`) is set; the others meet the first-login gate. */
  timezoneSet: Set<string>;
}

const states = new WeakMap<TargetCore, PanelState>();

function state(core: TargetCore): PanelState {
  let s = states.get(core);
  if (!s) {
    s = { sessions: new Map(), savedFilter: new Map(), timezoneSet: new Set() };
    // A fresh install's admin never confirmed a time zone (opt-in: `serve --admin-first-login`).
    if (!core.options.adminFirstLogin) for (const id of core.users.keys()) s.timezoneSet.add(id);
    states.set(core, s);
  }
  return s;
}

/** SuiteCRM record ids: 36 characters of hex with dashes, not RFC 4122 UUIDs. */
export function suiteId(): string {
  const h = randomBytes(16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The user's display format (m/d/Y H:i, UTC): minute precision, as the list views show it. */
export function userDate(epochSeconds: number | undefined): string {
  if (epochSeconds === undefined) return '';
  const d = new Date(epochSeconds * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

function cookies(ctx: Ctx): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (ctx.req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

function sessionCookie(ctx: Ctx, id: string): string {
  const httpOnly = ctx.core.fault('admin-session-cookie-not-httponly') ? '' : '; HttpOnly';
  return `PHPSESSID=${id}; path=/; SameSite=Lax${httpOnly}`;
}

function newSession(ctx: Ctx, carry: Partial<Session> = {}): [string, Session] {
  const id = randomBytes(13).toString('hex');
  const s: Session = { ...carry };
  state(ctx.core).sessions.set(id, s);
  return [id, s];
}

function params(ctx: Ctx): URLSearchParams {
  const p = new URLSearchParams(ctx.url.search);
  if (ctx.method === 'POST') for (const [k, v] of new URLSearchParams(ctx.body)) p.set(k, v); // body wins
  return p;
}

function all(ctx: Ctx, name: string): string[] {
  return ctx.method === 'POST' ? new URLSearchParams(ctx.body).getAll(name) : [];
}

function redirect(ctx: Ctx, status: 301 | 302, location: string, ...setCookies: string[]): void {
  if (setCookies.length) ctx.res.setHeader('set-cookie', setCookies);
  send(ctx, status, '', { location });
}

function render(ctx: Ctx, body: string, setCookie?: string): void {
  send(ctx, 200, body, { 'content-type': 'text/html; charset=UTF-8', ...(setCookie ? { 'set-cookie': setCookie } : {}) });
}

const LOGIN_URL = 'index.php?action=Login&module=Users';

// SugarApplication::checkHTTPReferer (include/MVC/SugarApplication.php, 7.14.6), on by default.
/** Actions any Referer may request. */
const REFERER_FREE_ACTIONS = new Set(['index', 'ListView', 'DetailView', 'EditView', 'oauth', 'authorize', 'Authenticate', 'Login', 'SupportPortal']);
const MODIFY_ACTIONS = new Set(['massupdate', 'configuredashlet', 'import', 'importvcardsave', 'inlinefieldsave', 'wlsave', 'quicksave']);
const MODIFY_MODULES: Record<string, true | readonly string[]> = { Administration: true, Users: ['changepassword', 'generatepassword'] };

/** SugarApplication::isModifyAction: save*, delete*, the global list, and whole modules. */
export function isModifyAction(module: string, action: string): boolean {
  const a = action.toLowerCase();
  if (a.startsWith('save') || a.startsWith('delete') || MODIFY_ACTIONS.has(a)) return true;
  const m = MODIFY_MODULES[module];
  return m === true || (Array.isArray(m) && m.includes(action));
}

/** The host a Referer names, or undefined when there is none (or it is not a URL). */
function refererHost(ctx: Ctx): string | undefined {
  const r = ctx.req.headers.referer;
  if (!r) return undefined;
  try {
    return new URL(r).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return '';
  }
}

/** True when the guard refuses the request: no Referer on a modifying action, or a Referer whose host is
 * neither the server's name nor 127.0.0.1 / localhost / the server's own address (whatever the port). */
export function refererRefused(ctx: Ctx, module: string, action: string): boolean {
  if (ctx.core.fault('admin-no-referer-guard') || REFERER_FREE_ACTIONS.has(action)) return false;
  const host = refererHost(ctx);
  if (host === undefined) return isModifyAction(module, action);
  const serverName = (ctx.req.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  const serverAddr = (ctx.req.socket.localAddress ?? '').replace(/^::ffff:/, '');
  return ![serverName, '127.0.0.1', 'localhost', serverAddr].includes(host);
}

function clientView(core: TargetCore, c: Client): html.ClientView {
  return { id: c.id, name: c.name, grant: c.grants[0] ?? '', userName: c.userId ? (core.users.get(c.userId)?.userName ?? '') : '' };
}

export function adminPanel(ctx: Ctx): void {
  const core = ctx.core;
  const st = state(core);
  const p = params(ctx);
  const module = p.get('module') ?? '';
  const action = p.get('action') ?? '';
  const sid = cookies(ctx).PHPSESSID;
  let session = sid ? st.sessions.get(sid) : undefined;

  if (module === 'Users' && action === 'Login') {
    if (!session) {
      const [id] = newSession(ctx);
      return render(ctx, html.loginPage(false), sessionCookie(ctx, id));
    }
    const failed = !!session.loginFailed;
    session.loginFailed = false;
    return render(ctx, html.loginPage(failed));
  }
  if (module === 'Users' && action === 'Authenticate' && ctx.method === 'POST') return authenticate(ctx, sid, p);
  const user = session?.userId ? core.users.get(session.userId) : undefined;
  if (!session || !user) return redirect(ctx, 301, LOGIN_URL);
  session = session!;
  if (refererRefused(ctx, module, action)) return render(ctx, html.xsrfPage(refererHost(ctx) || (ctx.req.headers.host ?? '').replace(/:\d+$/, ''), action));

  if (module === 'Users' && action === 'SaveTimezone' && ctx.method === 'POST') {
    st.timezoneSet.add(user.id);
    return redirect(ctx, 302, 'index.php?module=Home&action=index');
  }
  // First-login gate: every module page is replaced by the time-zone box (URL unchanged).
  if (!st.timezoneSet.has(user.id)) return render(ctx, html.timezoneGate());

  if (module === 'OAuth2Clients' || module === 'OAuth2Tokens') {
    if (!user.isAdmin) return render(ctx, html.page('Error', '<p class="error">Unauthorized access to administration.</p>'));
    return module === 'OAuth2Clients' ? clients(ctx, action, p) : tokens(ctx, action, p);
  }
  if (module === 'Administration') return render(ctx, html.adminIndex());
  render(ctx, html.homePage());
}

function authenticate(ctx: Ctx, sid: string | undefined, p: URLSearchParams): void {
  const core = ctx.core;
  const user: User | undefined = core.userByName(p.get('user_name') ?? '');
  const ok = !!user && user.password === p.get('username_password') && !core.fault('admin-login-fails');
  const st = state(core);
  if (!ok) {
    const existing = sid ? st.sessions.get(sid) : undefined;
    if (existing) {
      existing.loginFailed = true;
      return redirect(ctx, 302, 'index.php?module=Users&action=Login');
    }
    const [id] = newSession(ctx, { loginFailed: true });
    return redirect(ctx, 302, 'index.php?module=Users&action=Login', sessionCookie(ctx, id));
  }
  // The session id is rotated at login.
  if (sid) st.sessions.delete(sid);
  const [id] = newSession(ctx, { userId: user.id });
  const next = st.timezoneSet.has(user.id) ? 'index.php?module=Home&action=index' : 'index.php?module=Users&action=Wizard';
  redirect(ctx, 302, next, sessionCookie(ctx, id), `ck_login_id_20=${user.id}; path=/`, 'ck_login_language_20=en_us; path=/');
}

function clients(ctx: Ctx, action: string, p: URLSearchParams): void {
  const core = ctx.core;
  const live = () => [...core.clients.values()].filter((c) => !c.deleted);
  switch (action) {
    case 'EditViewPassword':
    case 'EditView':
      return render(ctx, html.clientForm('password'));
    case 'EditViewCredentials':
      return render(ctx, html.clientForm('client_credentials'));
    case 'DetailView': {
      const c = core.clients.get(p.get('record') ?? '');
      if (!c || c.deleted) return redirect(ctx, 301, 'index.php?module=OAuth2Clients&action=index');
      return render(ctx, html.clientDetail(clientView(core, c)));
    }
    case 'Save': {
      if (ctx.method !== 'POST') break;
      const name = p.get('name') ?? '';
      if (!name || core.fault('admin-client-save-broken')) return render(ctx, html.page('Error', '<p class="error">Missing required field: Name</p>'));
      const grant = p.get('allowed_grant_type') === 'client_credentials' ? 'client_credentials' : 'password';
      const userId = p.get('assigned_user_id') ?? '';
      const secret = p.get('new_secret') ?? '';
      const c: Client = {
        id: suiteId(),
        name,
        // An empty secret on create leaves it NULL: the client can never authenticate.
        secret: secret || `\u0000unset-${randomBytes(8).toString('hex')}`,
        grants: [grant],
        ...(grant === 'client_credentials' && userId ? { userId } : {}),
      };
      core.clients.set(c.id, c);
      return redirect(ctx, 301, `index.php?module=OAuth2Clients&action=DetailView&record=${c.id}`);
    }
    case 'Delete': {
      if (ctx.method !== 'POST') break;
      deleteClient(core, p.get('record') ?? '');
      return redirect(ctx, 301, 'index.php?module=OAuth2Clients&action=index');
    }
    default:
      break;
  }
  render(ctx, html.clientsList(live().map((c) => clientView(core, c))));
}

/** Soft delete. Real SuiteCRM orphans the token rows and leaves them working (faithful fault). */
function deleteClient(core: TargetCore, id: string): void {
  const c = core.clients.get(id);
  if (!c || c.deleted) return;
  c.deleted = true;
  if (core.fault('admin-client-delete-keeps-tokens')) return;
  for (const row of core.tokens.values()) if (row.clientId === id) row.revoked = true;
}

function tokens(ctx: Ctx, action: string, p: URLSearchParams): void {
  const core = ctx.core;
  // Soft-deleted rows (logged out, rotated out) are not listed; revoked and expired ones are.
  const visible = () =>
    [...core.tokens.values()].filter((r) => !r.loggedOut && !r.rotatedOut).sort((a, b) => b.createdAt - a.createdAt);
  if (ctx.method === 'POST' && (action === 'MassUpdate' || action === 'RevokeTokens')) {
    if (!core.fault('admin-revoke-silently-ignored')) {
      // "Select All" revokes every listed token, whatever the filter (real controller).
      const ids = new URLSearchParams(ctx.body).get('select_entire_list') === '1' ? visible().map((r) => r.rowId) : all(ctx, 'mass[]');
      for (const r of visible()) if (ids.includes(r.rowId)) r.revoked = true;
    }
    return redirect(ctx, 301, 'index.php?module=OAuth2Tokens&action=index');
  }
  const filter = listFilter(ctx, p);
  const rows = visible()
    .filter((r) => (!filter.id || r.rowId === filter.id) && (filter.revoked === undefined || r.revoked === filter.revoked))
    .slice(0, 20)
    .map((r): html.TokenView => {
      const c = core.clients.get(r.clientId);
      return {
        rowId: r.rowId,
        clientName: c && !c.deleted ? c.name : '',
        userName: core.users.get(r.userId)?.userName ?? '',
        revoked: r.revoked,
        created: userDate(r.createdAt),
        accessExpires: userDate(r.accessExpires),
        refreshExpires: userDate(r.refreshExpires),
      };
    });
  const clientField = core.fault('admin-tokens-list-selector-moved') ? 'client_name' : 'oauth2client_name';
  render(ctx, html.tokensList(rows, clientField));
}

/** `query=true&searchFormTab=…` sets (and saves) the filter; a plain visit re-applies the saved one. */
function listFilter(ctx: Ctx, p: URLSearchParams): TokenFilter {
  const st = state(ctx.core);
  const userId = st.sessions.get(cookies(ctx).PHPSESSID ?? '')?.userId ?? '';
  if (p.get('query') !== 'true') return st.savedFilter.get(userId) ?? {};
  const f: TokenFilter = {};
  if (p.get('searchFormTab') === 'basic_search' && p.get('id_basic')) f.id = p.get('id_basic')!;
  const rev = p.get('token_is_revoked_advanced');
  if (p.get('searchFormTab') === 'advanced_search' && (rev === '0' || rev === '1')) f.revoked = rev === '1';
  st.savedFilter.set(userId, f);
  return f;
}

export function registerAdminPanel(router: Router): void {
  router.on('GET', '/', (ctx) => redirect(ctx, 301, LOGIN_URL));
  router.on('GET', '/index.php', adminPanel);
  router.on('POST', '/index.php', adminPanel);
}
