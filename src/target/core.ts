// Reference-target core: HTTP plumbing, routing, in-memory state and the fault switchboard.
// Dialect modules (dialects/*) register their routes on it.
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Profile } from '../profile/profile.js';
import { CANARY_MARKER } from '../redact/secrets.js';
import { newKeyPair, referenceKeyPair, type KeyPair } from './jwt.js';
import type { FaultName } from './faults/index.js';

export interface User {
  id: string;
  userName: string;
  password: string;
  isAdmin: boolean;
  /** Modules the user's role denies (module ACL of the V8 resource API). */
  deniedModules?: readonly string[];
}

export interface Client {
  id: string;
  name: string;
  secret: string;
  grants: string[];
  /** Associated user (client_credentials acts as this user). */
  userId?: string;
  deleted?: boolean;
  /** Registered redirect URIs (authorization_code clients). */
  redirectUris?: string[];
}

export interface TokenRow {
  rowId: string;
  jti: string;
  accessToken: string;
  clientId: string;
  userId: string;
  grant: string;
  createdAt: number;
  accessExpires: number;
  refreshToken?: string;
  refreshExpires?: number;
  /** Admin panel "revoke" (token_is_revoked=1). */
  revoked: boolean;
  /** Revoked at the RFC 7009 endpoint: the access token, the refresh token (separately: faults
   * let one outlive the other). */
  accessRevoked?: boolean;
  refreshRevoked?: boolean;
  /** Soft-deleted by logout. */
  loggedOut: boolean;
  /** Soft-deleted because its refresh token was used. */
  rotatedOut: boolean;
}

export interface TargetCredentials {
  username: string;
  password: string;
  /** Password-grant client. */
  client: { id: string; secret: string };
  /** A second password client, for cross-client checks. */
  client2: { id: string; secret: string };
  /** client_credentials client with an associated user. */
  ccClient: { id: string; secret: string };
  /** Dialects with API keys (Flexie): the admin user's current key. */
  apiKey?: string;
  /** Dialects with authorization_code: the redirect URI registered for `client`. */
  redirectUri?: string;
  /** authorization_code clients with a registered redirect URI (profiles with an authorize endpoint). */
  codeClient?: { id: string; secret: string; redirectUri: string };
  codeClient2?: { id: string; secret: string; redirectUri: string };
  /** A password client the harness may revoke as a whole (never the main one). */
  spareClient?: { id: string; secret: string };
  /** A non-admin user whose role denies Accounts (module ACL checks). */
  limitedUser: { username: string; password: string };
}

/** Never contacted: the harness catches the redirect (port 9 = discard, refused if anything leaks). */
export const CODE_REDIRECT_URI = 'http://127.0.0.1:9/crm-conformance/callback';

export interface CoreOptions {
  profile: Profile;
  faults: readonly string[];
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  /** Admin panel: the admin never confirmed a time zone (fresh install), so the first-login gate shows. */
  adminFirstLogin?: boolean;
  /** Signing keys to use instead of fresh ones (the self-test shares one pair per worker). */
  keys?: KeyPair;
  /** Authorization-code lifetime (authorization_code grant). */
  codeTtlSeconds?: number;
}

/** Canary-shaped random value: a scan for CNRY… proves no embedded secret leaked. */
export function canary(bytes = 12): string {
  return `${CANARY_MARKER}${randomBytes(bytes).toString('hex')}`;
}

export class TargetCore {
  readonly faults: ReadonlySet<string>;
  readonly keys: KeyPair;
  /** Signing key of the jwt-signed-with-unpublished-key fault: made lazily, never published. */
  private shadowKeys?: KeyPair;
  readonly users = new Map<string, User>();
  readonly clients = new Map<string, Client>();
  /** By access token string (the JWT), so a jti fault cannot confuse the store. */
  readonly tokens = new Map<string, TokenRow>();
  readonly refreshIndex = new Map<string, TokenRow>();
  /** Module records (V8 resources): module name → id → attributes (all strings, as SuiteCRM). */
  readonly records = new Map<string, Map<string, Record<string, string>>>();
  readonly adminSecret = canary(16);
  readonly credentials: TargetCredentials;

  constructor(readonly options: CoreOptions) {
    this.faults = new Set(options.faults);
    this.keys = options.keys ?? referenceKeyPair();
    const admin: User = { id: '1', userName: 'admin', password: canary(), isAdmin: true };
    this.users.set(admin.id, admin);
    const limited: User = { id: randomUUID(), userName: 'limited', password: canary(), isAdmin: false, deniedModules: ['Accounts'] };
    this.users.set(limited.id, limited);
    const mk = (name: string, grants: string[], userId?: string): Client => {
      const c: Client = { id: randomUUID(), name, secret: canary(), grants, ...(userId ? { userId } : {}) };
      this.clients.set(c.id, c);
      return c;
    };
    const a = mk('crm-conformance password', ['password']);
    const b = mk('crm-conformance password 2', ['password']);
    const cc = mk('crm-conformance client credentials', ['client_credentials'], admin.id);
    this.credentials = {
      username: admin.userName,
      password: admin.password,
      client: { id: a.id, secret: a.secret },
      client2: { id: b.id, secret: b.secret },
      ccClient: { id: cc.id, secret: cc.secret },
      limitedUser: { username: limited.userName, password: limited.password },
    };
    const spare = mk('crm-conformance spare (revoked by checks)', ['password']);
    this.credentials.spareClient = { id: spare.id, secret: spare.secret };
    if (options.profile.token.grants.includes('authorization_code')) {
      const codeClient = (name: string, path: string) => {
        const c = mk(name, ['authorization_code']);
        c.redirectUris = [`${CODE_REDIRECT_URI}${path}`];
        return { id: c.id, secret: c.secret, redirectUri: c.redirectUris[0]! };
      };
      this.credentials.codeClient = codeClient('crm-conformance authorization code', '');
      this.credentials.codeClient2 = codeClient('crm-conformance authorization code 2', '/2');
    }
  }

  get profile(): Profile {
    return this.options.profile;
  }

  fault(name: FaultName): boolean {
    return this.faults.has(name);
  }

  now(): number {
    return Date.now() / 1000;
  }

  signingKeys(): KeyPair {
    if (!this.fault('jwt-signed-with-unpublished-key')) return this.keys;
    this.shadowKeys ??= newKeyPair();
    return this.shadowKeys;
  }

  verificationKeys() {
    return this.shadowKeys ? [this.keys.publicKey, this.shadowKeys.publicKey] : [this.keys.publicKey];
  }

  userByName(name: string): User | undefined {
    for (const u of this.users.values()) if (u.userName === name) return u;
    return undefined;
  }
}

// ---------------------------------------------------------------- HTTP plumbing

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  url: URL;
  /** Path after the profile's basePath. */
  path: string;
  params: Record<string, string>;
  body: string;
  core: TargetCore;
  /** Keys fetched from the presented token's jku header: only under the bearer-jku-trusted fault. */
  jkuKeys?: readonly JsonWebKey[];
}

export type Handler = (ctx: Ctx) => void | Promise<void>;

interface Route {
  method: string;
  re: RegExp;
  keys: string[];
  handler: Handler;
}

export class Router {
  private readonly routes: Route[] = [];

  on(method: string, pattern: string, handler: Handler): this {
    const keys: string[] = [];
    const re = new RegExp(
      `^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:([A-Za-z]+)/g, (_m, k: string) => {
        keys.push(k);
        return '([^/]+)';
      })}$`,
    );
    this.routes.push({ method, re, keys, handler });
    return this;
  }

  /** Route match, or the methods the path allows (for 405), or nothing (404). */
  match(method: string, path: string): { handler: Handler; params: Record<string, string> } | { allow: string[] } | undefined {
    const allow: string[] = [];
    for (const r of this.routes) {
      const m = r.re.exec(path);
      if (!m) continue;
      if (r.method === method || r.method === '*') {
        const params: Record<string, string> = {};
        r.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1]!)));
        return { handler: r.handler, params };
      }
      allow.push(r.method);
    }
    return allow.length ? { allow } : undefined;
  }
}

export function send(ctx: Ctx, status: number, body: string, headers: Record<string, string> = {}): void {
  if (ctx.res.headersSent) return;
  // SuiteCRM's .htaccess allows every origin on every /Api response (observed §2).
  const cors: Record<string, string> = ctx.core.fault('cors-wildcard') ? { 'access-control-allow-origin': '*' } : {};
  ctx.res.writeHead(status, { 'x-content-type-options': 'nosniff', ...cors, ...headers });
  ctx.res.end(body);
}

/** Compact JSON (token endpoint, OAuth errors). */
export function sendJson(ctx: Ctx, status: number, value: unknown, headers: Record<string, string> = {}): void {
  send(ctx, status, JSON.stringify(value), { 'content-type': 'application/json', ...headers });
}

/** Pretty-printed JSON:API document, as SuiteCRM's V8 layer writes them. */
export function sendDocument(ctx: Ctx, status: number, doc: unknown, headers: Record<string, string> = {}): void {
  send(ctx, status, JSON.stringify(doc, null, 4), {
    'content-type': 'application/vnd.api+json',
    accept: 'application/vnd.api+json',
    ...headers,
  });
}

/** Slim's HTML error pages (404/405), which come before authentication. */
export function sendSlimHtml(ctx: Ctx, status: 404 | 405 | 500, allow?: string[], detail?: string): void {
  // Slim 3's handlers answer in the Accept header's format ("+json" counts as JSON); 500s carry the
  // details SuiteCRM's Api/Core/Config/slim.php switches on (displayErrorDetails: true): observed.
  const json = /json/i.test(ctx.req.headers.accept ?? '');
  if (json && status !== 500) {
    const message = status === 404 ? 'Not found' : `Method not allowed. Must be one of: ${(allow ?? []).join(', ')}`;
    return send(ctx, status, JSON.stringify({ message }), { 'content-type': 'application/json', ...(allow ? { allow: allow.join(', ') } : {}) });
  }
  if (json) {
    const error = {
      type: 'TypeError',
      code: 0,
      message: detail ?? '',
      file: '/var/www/html/data/BeanFactory.php',
      line: 127,
      trace: ['#0 /var/www/html/Api/V8/BeanDecorator/BeanManager.php(65): BeanFactory::getBean()', '#1 {main}'],
    };
    return send(ctx, 500, JSON.stringify({ message: 'Slim Application Error', error: [error] }, null, 4).replace(/\//g, '\\/'), { 'content-type': 'application/json' });
  }
  const title = status === 404 ? 'Page Not Found' : status === 405 ? 'Method not allowed' : 'Slim Application Error';
  const text =
    status === 405
      ? `Method not allowed. Must be one of: <strong>${(allow ?? []).join(', ')}</strong>`
      : status === 404
        ? 'The page you are looking for could not be found.'
        : `<h2>Details</h2><div><strong>Type:</strong> TypeError</div><div><strong>Message:</strong> ${detail ?? ''}</div><h2>Trace</h2><pre>#0 /var/www/html/vendor/league/oauth2-server/src/Grant/AbstractGrant.php(178)</pre>`;
  send(ctx, status, `<html><head><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`, {
    'content-type': 'text/html;charset=UTF-8',
    ...(allow ? { allow: allow.join(', ') } : {}),
  });
}

export function readBody(req: IncomingMessage, limit = 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
