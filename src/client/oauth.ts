// Talking to a CRM in its profile's dialect: token grants and resource requests. Tolerant on purpose:
// helpers extract what they need and never judge a response; judging is the checks' job, so a
// fault in one behaviour fails only the checks about that behaviour.
import type { Exchange } from '../checks/types.js';
import { profilePath, type Profile } from '../profile/profile.js';
import type { SecretRegistry } from '../redact/secrets.js';
import { basicAuth, formEncode, type HttpClient, type SendInit } from './http.js';
import { describe } from '../checks/conditions.js';

export interface ClientCreds {
  id: string;
  secret: string;
}

/** What the harness knows about accounts on the target; absent members make checks skip. */
export interface HarnessCredentials {
  username?: string;
  password?: string;
  client?: ClientCreds;
  client2?: ClientCreds;
  ccClient?: ClientCreds;
  /** Static API key of the test user (profiles with apiKey). */
  apiKey?: string;
  /** Redirect URI registered for `client` (authorization_code). */
  redirectUri?: string;
  /** authorization_code clients and their registered redirect URIs. */
  codeClient?: CodeClientCreds;
  codeClient2?: CodeClientCreds;
  /** A password client the revocation checks may revoke whole (never the main one). */
  spareClient?: ClientCreds;
  /** A non-admin user denied the profile's primary module (ACL checks). */
  limitedUser?: { username: string; password: string };
}

export interface CodeClientCreds extends ClientCreds {
  redirectUri: string;
}

export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  expiresIn?: number;
  /** When the request was sent (ms since epoch): lifetimes count from here. */
  requestedAt: number;
  exchange: Exchange;
}

/** A setup step failed: the check cannot produce evidence (its verdict is `error`, never the
 * target's failure). The message names what broke; `fix` what the user can do about it. */
export class PreconditionError extends Error {
  constructor(
    message: string,
    readonly fix?: string,
  ) {
    super(message);
    this.name = 'PreconditionError';
  }
}

export type Encoding = Profile['token']['encoding'];

const CONTENT_TYPE: Record<Encoding, string> = {
  form: 'application/x-www-form-urlencoded',
  json: 'application/json',
  'vnd.api+json': 'application/vnd.api+json',
};

export interface TokenRequestOptions {
  encoding?: Encoding;
  /** Send client credentials as HTTP Basic instead of body parameters. */
  basic?: ClientCreds;
  headers?: Record<string, string>;
  /** Exact body to send (malformed-request checks); `params` is then ignored. */
  rawBody?: string;
}

export class OAuthClient {
  constructor(
    readonly http: HttpClient,
    readonly profile: Profile,
    readonly creds: HarnessCredentials,
    readonly secrets: SecretRegistry,
  ) {}

  get tokenPath(): string {
    return profilePath(this.profile, this.profile.token.path);
  }

  async tokenRequest(params: Record<string, unknown>, opts: TokenRequestOptions = {}): Promise<Exchange> {
    const encoding = opts.encoding ?? this.profile.token.encoding;
    const all = { ...(this.profile.token.extraParams ?? {}), ...params };
    const body =
      opts.rawBody ??
      (encoding === 'form' ? formEncode(all as Record<string, string>) : JSON.stringify(all));
    const headers: Record<string, string> = { 'content-type': CONTENT_TYPE[encoding], accept: 'application/json', ...opts.headers };
    if (encoding === 'vnd.api+json') headers.accept = 'application/vnd.api+json';
    if (opts.basic) headers.authorization = basicAuth(opts.basic.id, opts.basic.secret);
    const ex = await this.http.send(this.tokenPath, { method: 'POST', headers, body });
    this.registerIssued(ex);
    return ex;
  }

  /** Every token a response carries is a secret from the moment it arrives. */
  private registerIssued(ex: Exchange): void {
    const j = ex.response?.json as Record<string, unknown> | undefined;
    if (!j || typeof j !== 'object') return;
    this.secrets.register(j.access_token as string, 'access_token');
    this.secrets.register(j.refresh_token as string, 'refresh_token');
    this.secrets.register(j.id_token as string, 'access_token');
  }

  private need<K extends keyof HarnessCredentials>(key: K, env: string): NonNullable<HarnessCredentials[K]> {
    const v = this.creds[key];
    if (!v) throw new PreconditionError(`no ${String(key)} credentials configured (${env})`);
    return v as NonNullable<HarnessCredentials[K]>;
  }

  clientParams(client: ClientCreds): Record<string, string> {
    return { client_id: client.id, client_secret: client.secret };
  }

  /** RFC 7009 §2.1: POST token (+ token_type_hint) to the profile's revocation endpoint, the client
   * authenticated as at the token endpoint (HTTP Basic where the profile prefers it). */
  revoke(token: string, hint: 'access_token' | 'refresh_token' | undefined, client: ClientCreds): Promise<Exchange> {
    const r = this.profile.revocation;
    if (!r) throw new PreconditionError(`profile ${this.profile.name} has no RFC 7009 revocation endpoint`);
    const basic = this.profile.token.clientAuth[0] === 'client_secret_basic';
    const params: Record<string, string> = { token, ...(hint ? { token_type_hint: hint } : {}), ...(basic ? {} : this.clientParams(client)) };
    const headers: Record<string, string> = { 'content-type': CONTENT_TYPE.form, accept: 'application/json' };
    if (basic) headers.authorization = basicAuth(client.id, client.secret);
    return this.http.send(profilePath(this.profile, r.path), { method: 'POST', headers, body: formEncode(params) });
  }

  passwordParams(client?: ClientCreds): Record<string, string> {
    const c = client ?? this.need('client', 'CRM_CLIENT_ID / CRM_CLIENT_SECRET');
    return {
      grant_type: 'password',
      ...this.clientParams(c),
      username: this.need('username', 'CRM_USERNAME'),
      password: this.need('password', 'CRM_PASSWORD'),
    };
  }

  clientCredentialsParams(): Record<string, string> {
    return { grant_type: 'client_credentials', ...this.clientParams(this.need('ccClient', 'CRM_CC_CLIENT_ID / CRM_CC_CLIENT_SECRET')) };
  }

  refreshParams(refreshToken: string, client?: ClientCreds): Record<string, string> {
    const c = client ?? this.need('client', 'CRM_CLIENT_ID / CRM_CLIENT_SECRET');
    return { grant_type: 'refresh_token', ...this.clientParams(c), refresh_token: refreshToken };
  }

  get client2(): ClientCreds {
    return this.need('client2', 'CRM_CLIENT2_ID / CRM_CLIENT2_SECRET');
  }

  /** A grant whose tokens a check needs as input; throws a PreconditionError if none came back. */
  async obtain(grant: 'password' | 'client_credentials', client?: ClientCreds): Promise<TokenSet> {
    const params = grant === 'password' ? this.passwordParams(client) : this.clientCredentialsParams();
    return this.toTokenSet(await this.tokenRequest(params), `${grant} grant`);
  }

  async refresh(refreshToken: string, client?: ClientCreds): Promise<TokenSet> {
    return this.toTokenSet(await this.tokenRequest(this.refreshParams(refreshToken, client)), 'refresh_token grant');
  }

  toTokenSet(ex: Exchange, what: string): TokenSet {
    const j = ex.response?.json as Record<string, unknown> | undefined;
    if (!j || typeof j.access_token !== 'string') {
      throw new PreconditionError(
        `could not obtain tokens with the ${what}: ${describe(ex)}`,
        'check the credentials and that the profile describes how this server issues tokens (docs/profiles.md); the exchange is attached',
      );
    }
    return {
      accessToken: j.access_token,
      ...(typeof j.refresh_token === 'string' ? { refreshToken: j.refresh_token } : {}),
      ...(typeof j.expires_in === 'number' ? { expiresIn: j.expires_in } : {}),
      requestedAt: Date.now() - ex.durationMs,
      exchange: ex,
    };
  }
}

/** Resource requests, presenting the token the way the profile says. */
export class ApiClient {
  constructor(
    readonly http: HttpClient,
    readonly profile: Profile,
  ) {}

  authHeaders(token: string): Record<string, string> {
    const p = this.profile.tokenPresentation;
    return { [p.header.toLowerCase()]: p.scheme ? `${p.scheme} ${token}` : token };
  }

  get probePath(): string {
    return profilePath(this.profile, this.profile.resource.probe);
  }

  private accept(): Record<string, string> {
    return { accept: this.profile.resource.mediaType ?? 'application/json' };
  }

  /** The profile's probe request with the token as the profile presents it. */
  probe(token: string): Promise<Exchange> {
    return this.http.send(this.probePath, { headers: { ...this.accept(), ...this.authHeaders(token) } });
  }

  /** The probe request with caller-chosen headers (no token added). */
  probeWith(headers: Record<string, string>, query = ''): Promise<Exchange> {
    const sep = this.probePath.includes('?') ? '&' : '?';
    return this.http.send(query ? `${this.probePath}${sep}${query}` : this.probePath, { headers: { ...this.accept(), ...headers } });
  }

  send(path: string, init: SendInit & { token?: string } = {}): Promise<Exchange> {
    const { token, ...rest } = init;
    return this.http.send(profilePath(this.profile, path), {
      ...rest,
      headers: { ...this.accept(), ...(token ? this.authHeaders(token) : {}), ...(rest.headers ?? {}) },
    });
  }

  logout(token: string): Promise<Exchange> {
    const l = this.profile.logout;
    if (!l) throw new PreconditionError(`profile ${this.profile.name} has no logout endpoint`);
    return this.send(l.path, { method: l.method, token });
  }
}
