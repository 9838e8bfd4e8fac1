// Secrets come only from the environment (or a .env file loaded into it), never from flags.
import type { HarnessCredentials } from '../client/oauth.js';
import { secrets, type SecretRegistry } from '../redact/secrets.js';

export const CREDENTIAL_VARS = {
  clientId: 'CRM_CLIENT_ID',
  clientSecret: 'CRM_CLIENT_SECRET',
  username: 'CRM_USERNAME',
  password: 'CRM_PASSWORD',
  client2Id: 'CRM_CLIENT2_ID',
  client2Secret: 'CRM_CLIENT2_SECRET',
  ccClientId: 'CRM_CC_CLIENT_ID',
  ccClientSecret: 'CRM_CC_CLIENT_SECRET',
  codeClientId: 'CRM_AUTHCODE_CLIENT_ID',
  codeClientSecret: 'CRM_AUTHCODE_CLIENT_SECRET',
  codeRedirectUri: 'CRM_AUTHCODE_REDIRECT_URI',
  codeClient2Id: 'CRM_AUTHCODE_CLIENT2_ID',
  codeClient2Secret: 'CRM_AUTHCODE_CLIENT2_SECRET',
  codeRedirectUri2: 'CRM_AUTHCODE_CLIENT2_REDIRECT_URI',
  spareClientId: 'CRM_SPARE_CLIENT_ID',
  spareClientSecret: 'CRM_SPARE_CLIENT_SECRET',
  referenceAdminSecret: 'CRM_REFERENCE_ADMIN_SECRET',
  jwtPublicKey: 'CRM_JWT_PUBLIC_KEY',
  apiKey: 'CRM_API_KEY',
  redirectUri: 'CRM_REDIRECT_URI',
  adminUsername: 'CRM_ADMIN_USERNAME',
  adminPassword: 'CRM_ADMIN_PASSWORD',
  limitedUsername: 'CRM_LIMITED_USERNAME',
  limitedPassword: 'CRM_LIMITED_PASSWORD',
} as const;

const pair = (env: NodeJS.ProcessEnv, id: string, secret: string) =>
  env[id] && env[secret] !== undefined ? { id: env[id]!, secret: env[secret]! } : undefined;

export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env, registry: SecretRegistry = secrets): HarnessCredentials {
  const v = CREDENTIAL_VARS;
  const creds: HarnessCredentials = {};
  const client = pair(env, v.clientId, v.clientSecret);
  const client2 = pair(env, v.client2Id, v.client2Secret);
  const ccClient = pair(env, v.ccClientId, v.ccClientSecret);
  if (client) creds.client = client;
  if (client2) creds.client2 = client2;
  if (ccClient) creds.ccClient = ccClient;
  const codeClient = pair(env, v.codeClientId, v.codeClientSecret);
  const codeClient2 = pair(env, v.codeClient2Id, v.codeClient2Secret);
  if (codeClient && env[v.codeRedirectUri]) creds.codeClient = { ...codeClient, redirectUri: env[v.codeRedirectUri]! };
  if (codeClient2 && env[v.codeRedirectUri2]) creds.codeClient2 = { ...codeClient2, redirectUri: env[v.codeRedirectUri2]! };
  const spareClient = pair(env, v.spareClientId, v.spareClientSecret);
  if (spareClient) creds.spareClient = spareClient;
  if (env[v.username]) creds.username = env[v.username]!;
  if (env[v.password] !== undefined) creds.password = env[v.password]!;
  if (env[v.apiKey]) creds.apiKey = env[v.apiKey]!;
  if (env[v.redirectUri]) creds.redirectUri = env[v.redirectUri]!;
  if (env[v.limitedUsername] && env[v.limitedPassword] !== undefined) {
    creds.limitedUser = { username: env[v.limitedUsername]!, password: env[v.limitedPassword]! };
  }
  registerCredentials(creds, registry);
  registry.register(env[v.referenceAdminSecret], 'admin_secret');
  registry.register(env[v.adminPassword], 'password');
  return creds;
}

export function registerCredentials(creds: HarnessCredentials, registry: SecretRegistry = secrets): void {
  registry.register(creds.password, 'password');
  for (const c of [creds.client, creds.client2, creds.ccClient, creds.codeClient, creds.codeClient2, creds.spareClient]) registry.register(c?.secret, 'client_secret');
  registry.register(creds.apiKey, 'api_key');
  registry.register(creds.limitedUser?.password, 'password');
}
