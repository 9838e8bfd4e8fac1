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
  referenceAdminSecret: 'CRM_REFERENCE_ADMIN_SECRET',
  jwtPublicKey: 'CRM_JWT_PUBLIC_KEY',
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
  if (env[v.username]) creds.username = env[v.username]!;
  if (env[v.password] !== undefined) creds.password = env[v.password]!;
  if (env[v.limitedUsername] && env[v.limitedPassword] !== undefined) {
    creds.limitedUser = { username: env[v.limitedUsername]!, password: env[v.limitedPassword]! };
  }
  registerCredentials(creds, registry);
  registry.register(env[v.referenceAdminSecret], 'admin_secret');
  return creds;
}

export function registerCredentials(creds: HarnessCredentials, registry: SecretRegistry = secrets): void {
  registry.register(creds.password, 'password');
  registry.register(creds.limitedUser?.password, 'password');
  for (const c of [creds.client, creds.client2, creds.ccClient]) registry.register(c?.secret, 'client_secret');
}
