// A certified OAuth 2.0 / OpenID Connect server as an external reference: node oidc-provider
// (OpenID Certified), configured as a deployment would be, on 127.0.0.1 only. Beside it, the API
// it protects: a small RFC 6750 resource server that accepts the provider's access tokens (opaque:
// looked up in the provider's own store, as introspection would; JWT: RFC 9068 §4 validation with
// the provider's key).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createLocalJWKSet, jwtVerify, type JWK } from 'jose';
import Provider, { type ClientMetadata, type Configuration } from 'oidc-provider';

export type AccessTokenFormat = 'opaque' | 'jwt';

export interface StartedProvider {
  baseUrl: string;
  /** CRM_* variables of a URL run against it (secrets: keep out of reports). */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Never contacted: the harness catches the redirect (port 9 = discard). */
const REDIRECT = 'http://127.0.0.1:9/crm-conformance/callback';
const SCOPE = 'api:read';

export interface ProviderOptions {
  format: AccessTokenFormat;
  /** Short lifetimes, so the expiry checks run within the wait budget. */
  accessSeconds: number;
  refreshSeconds: number;
  codeSeconds: number;
}

const secret = () => randomBytes(24).toString('base64url');

export async function startOidcProvider(opts: ProviderOptions): Promise<StartedProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const resource = `${baseUrl}/api`;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...(privateKey.export({ format: 'jwk' }) as JWK), kid: 'crm-conformance', use: 'sig', alg: 'RS256' };
  const clients = {
    code: { id: 'crm-conformance-code', secret: secret() },
    code2: { id: 'crm-conformance-code-2', secret: secret() },
    cc: { id: 'crm-conformance-cc', secret: secret() },
  };
  const codeClient = (c: { id: string; secret: string }, redirect: string): ClientMetadata => ({
    client_id: c.id,
    client_secret: c.secret,
    redirect_uris: [redirect],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  });
  const configuration: Configuration = {
    clients: [
      codeClient(clients.code, REDIRECT),
      codeClient(clients.code2, `${REDIRECT}/2`),
      {
        client_id: clients.cc.id,
        client_secret: clients.cc.secret,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [secret()] },
    scopes: ['openid', 'offline_access', SCOPE],
    features: {
      // The provider's own login and consent pages (a deployment writes its own; these stand for them).
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: SCOPE,
          audience: resource,
          accessTokenTTL: opts.accessSeconds,
          accessTokenFormat: opts.format,
          ...(opts.format === 'jwt' ? { jwt: { sign: { alg: 'RS256' } } } : {}),
        }),
      },
    },
    pkce: { methods: ['S256'], required: () => true },
    rotateRefreshToken: true,
    ttl: {
      AccessToken: opts.accessSeconds,
      ClientCredentials: opts.accessSeconds,
      RefreshToken: opts.refreshSeconds,
      AuthorizationCode: opts.codeSeconds,
      Interaction: 600,
      Session: 600,
      Grant: 600,
    },
    // findAccount of a deployment: every login names an account (devInteractions check no password).
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
  };
  const provider = new Provider(baseUrl, configuration);
  provider.proxy = false;
  // Clickjacking protection of the interaction pages (RFC 6749 §10.13): a deployment's own
  // middleware, as oidc-provider's documentation asks of deployments.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path.startsWith('/interaction')) {
      ctx.set('x-frame-options', 'DENY');
      ctx.set('content-security-policy', "frame-ancestors 'none'");
    }
  });
  const keys = createLocalJWKSet({ keys: [{ ...(publicKey.export({ format: 'jwk' }) as JWK), kid: jwk.kid, alg: 'RS256', use: 'sig' }] });
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (req.url?.startsWith('/api/')) void api(req, res);
    else callback(req, res);
  });

  async function active(token: string): Promise<boolean> {
    // Self-contained: oidc-provider stores no JWT access token, so the signature and claims decide.
    if (opts.format === 'jwt') {
      const verified = await jwtVerify(token, keys, { issuer: baseUrl, audience: resource, algorithms: ['RS256'], typ: 'at+jwt', requiredClaims: ['exp', 'iat', 'jti'] }).catch(
        () => undefined,
      );
      return !!verified;
    }
    const found = (await provider.AccessToken.find(token).catch(() => undefined)) ?? (await provider.ClientCredentials.find(token).catch(() => undefined));
    if (!found || found.isExpired) return false;
    const aud = (found as unknown as { aud?: string | string[] }).aud;
    return aud === undefined || aud === resource || (Array.isArray(aud) && aud.includes(resource));
  }

  /** GET /api/me: RFC 6750 §2.1 (header only), §3 (challenges), §3.1 (error codes). */
  async function api(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const challenge = (error?: string) => `Bearer realm="crm-conformance api"${error ? `, error="${error}"` : ''}`;
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
      res.end(JSON.stringify(body));
    };
    const auth = req.headers.authorization;
    if (!auth) return send(401, { error: 'unauthorized' }, { 'www-authenticate': challenge() });
    const m = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/i.exec(auth);
    if (!m) return send(400, { error: 'invalid_request' }, { 'www-authenticate': challenge('invalid_request') });
    if (!(await active(m[1]!))) return send(401, { error: 'invalid_token' }, { 'www-authenticate': challenge('invalid_token') });
    send(200, { data: { scope: SCOPE } });
  }

  const env: Record<string, string> = {
    CRM_AUTHCODE_CLIENT_ID: clients.code.id,
    CRM_AUTHCODE_CLIENT_SECRET: clients.code.secret,
    CRM_AUTHCODE_REDIRECT_URI: REDIRECT,
    CRM_AUTHCODE_CLIENT2_ID: clients.code2.id,
    CRM_AUTHCODE_CLIENT2_SECRET: clients.code2.secret,
    CRM_AUTHCODE_CLIENT2_REDIRECT_URI: `${REDIRECT}/2`,
    CRM_CC_CLIENT_ID: clients.cc.id,
    CRM_CC_CLIENT_SECRET: clients.cc.secret,
    CRM_USERNAME: 'crm-conformance-user',
    CRM_PASSWORD: secret(),
    CRM_ACCESS_TOKEN_TTL: String(opts.accessSeconds),
    CRM_REFRESH_TOKEN_TTL: String(opts.refreshSeconds),
    CRM_AUTHCODE_TTL: String(opts.codeSeconds),
    ...(opts.format === 'jwt'
      ? {
          CRM_JWT_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
          CRM_JWT_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        }
      : {}),
  };
  return {
    baseUrl,
    env,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
