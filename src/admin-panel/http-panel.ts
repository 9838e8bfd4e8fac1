// The admin panel over plain HTTP (form posts with the session cookie, as a browser sends them):
// cheap enough for checks in every self-test project. Tolerant: it reports what happened and leaves
// judging to the checks. Like a browser, every POST names the page its form came from as Referer:
// SuiteCRM refuses state-changing requests without a same-host Referer (its XSRF guard).
import type { Exchange } from '../checks/types.js';
import type { HttpClient } from '../client/http.js';
import { profilePath, type Profile } from '../profile/profile.js';
import type { SecretRegistry } from '../redact/secrets.js';
import { attr, findForm, hiddenPairs, parseForms, select, selectFirst, text } from '../html/forms.js';
import { cookieAttributes, PANEL, splitSetCookie, type PanelTokenRow } from './suitecrm.js';

/** The id of the record a Save created: SuiteCRM redirects to its detail view (`…&record=<id>`). */
export function savedRecordId(ex: Exchange): string | undefined {
  const id = /[?&]record=([^&]+)/.exec(ex.response?.headers.location ?? '')?.[1];
  return id ? decodeURIComponent(id) : undefined;
}

export class PanelError extends Error {}

type Fields = [string, string][];

/** Hidden inputs of the form with this id (what a browser would submit besides the visible fields). */
export function hiddenFields(html: string, formId: string): Fields {
  return hiddenPairs(findForm(html, `form#${formId}`));
}

/** Token rows of a list page; undefined when the page has no recognisable tokens table. */
export function parseTokenRows(html: string): PanelTokenRow[] | undefined {
  const out: PanelTokenRow[] = [];
  for (const tr of select(html, 'tr')) {
    const box = selectFirst(tr, 'input[name="mass[]"]');
    if (!box) continue;
    const cell = (field: string) => selectFirst(tr, `td[field="${field}"]`);
    if (!cell('oauth2client_name')) return undefined;
    out.push({
      rowId: attr(box, 'value') ?? '',
      clientName: text(cell('oauth2client_name')),
      userName: text(cell('assigned_user_name')),
      revoked: !!selectFirst(tr, 'td[field="token_is_revoked"] input[checked]'),
      created: text(cell('date_entered')),
      accessExpires: text(cell('access_token_expires')),
    });
  }
  return out;
}

/** Hidden fields with some set the way a button's onclick sets them before submitting (SuiteCRM's
 * forms carry `action` empty or `EditView` and let the Save/Delete button's script fill it in). */
export function setFields(fields: Fields, values: Record<string, string>): Fields {
  return [...fields.filter(([k]) => !(k in values)), ...Object.entries(values)];
}

export class HttpPanel {
  private cookies = new Map<string, string>();
  /** The last page fetched: what a browser would send as Referer when submitting its form. */
  private lastPage: string | undefined;

  constructor(
    readonly http: HttpClient,
    private readonly profile: Profile,
    private readonly secrets: SecretRegistry,
  ) {}

  private path(url: string): string {
    return profilePath(this.profile, `/${url}`);
  }

  private keep(ex: Exchange): Exchange {
    for (const c of splitSetCookie(ex.response?.headers['set-cookie'])) {
      const { name, value } = cookieAttributes(c);
      if (name === PANEL.sessionCookie) this.secrets.register(value, 'cookie');
      this.cookies.set(name, value);
    }
    return ex;
  }

  private cookieHeader(): Record<string, string> {
    return this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }

  get(url: string): Promise<Exchange> {
    this.lastPage = this.http.url(this.path(url));
    return this.http.send(this.path(url), { headers: this.cookieHeader() }).then((ex) => this.keep(ex));
  }

  /** A form POST; `headers` may override the same-host Referer (the CSRF probe sends a foreign one). */
  post(url: string, fields: Fields, headers: Record<string, string> = {}): Promise<Exchange> {
    const body = fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
    const referer = this.lastPage ?? this.http.url(this.path('index.php'));
    return this.http
      .send(this.path(url), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', referer, ...this.cookieHeader(), ...headers }, body })
      .then((ex) => this.keep(ex));
  }

  /** The login page then the minimal Authenticate POST; returns that POST (its Set-Cookie, its redirect). */
  async login(username: string, password: string): Promise<Exchange> {
    await this.get(PANEL.login);
    return this.post('index.php', [
      ['module', 'Users'],
      ['action', 'Authenticate'],
      ['user_name', username],
      ['username_password', password],
    ]);
  }

  /** Passes the first-login time-zone gate if it shows (only for targets the harness owns). */
  async passTimezoneGate(html: string): Promise<boolean> {
    const form = parseForms(html).find((f) => /SaveTimezone/.test(f.action ?? ''));
    if (!form) return false;
    await this.post(form.action!, [...hiddenPairs(form), ['timezone', 'UTC']]);
    return true;
  }

  /** GET a panel page, passing the gate once when allowed. */
  async page(url: string, acceptGate: boolean): Promise<Exchange> {
    const ex = await this.get(url);
    if (acceptGate && (await this.passTimezoneGate(ex.response?.text ?? ''))) return this.get(url);
    return ex;
  }

  /** Creates a password client the way its form does; returns the new id (from the redirect) or undefined. */
  async createPasswordClient(name: string, secret: string, acceptGate: boolean): Promise<{ exchange: Exchange; id?: string }> {
    const form = await this.page(PANEL.newPasswordClient, acceptGate);
    const hidden = hiddenFields(form.response?.text ?? '', 'EditPassword').filter(([k]) => k !== 'is_confidential');
    // The Save button: `_form.action.value='Save'`.
    const fields = setFields(hidden.length ? hidden : [['module', 'OAuth2Clients'], ['record', ''], ['allowed_grant_type', 'password']], { action: 'Save' });
    const exchange = await this.post('index.php', [...fields, ['name', name], ['new_secret', secret], ['is_confidential', '0'], ['is_confidential', '1']]);
    const id = savedRecordId(exchange);
    return { exchange, ...(id ? { id } : {}) };
  }

  async deleteClient(id: string): Promise<Exchange> {
    const detail = await this.get(PANEL.clientDetail(id));
    const hidden = hiddenFields(detail.response?.text ?? '', 'formDetailView');
    // The Delete button: return_module, return_action=ListView, action=Delete (after its confirm()).
    const fields = hidden.length ? hidden : [['module', 'OAuth2Clients'], ['record', id]] satisfies Fields;
    return this.post('index.php', setFields(fields, { return_module: 'OAuth2Clients', return_action: 'ListView', action: 'Delete' }));
  }

  async tokenRows(): Promise<PanelTokenRow[] | undefined> {
    const ex = await this.get(PANEL.unrevokedTokens);
    return parseTokenRows(ex.response?.text ?? '');
  }

  /** The bulk "Revoke tokens" POST for these row ids (never select_entire_list). */
  async revokeRows(rowIds: readonly string[]): Promise<Exchange> {
    const list = await this.get(PANEL.unrevokedTokens);
    const hidden = hiddenFields(list.response?.text ?? '', 'MassUpdate').filter(([k]) => k !== 'select_entire_list');
    const base: Fields = hidden.length ? hidden : [['module', 'OAuth2Tokens'], ['action', 'MassUpdate'], ['massupdate', 'true']];
    return this.post('index.php?module=OAuth2Tokens&action=RevokeTokens', [...base, ['select_entire_list', '0'], ...rowIds.map((id): [string, string] => ['mass[]', id])]);
  }

}
