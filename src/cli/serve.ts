// `crm-conformance serve`: the reference target on its own, for integration work and for testing
// `run --base-url` against a known instance. Credentials go to a 0600 file, never to the console.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/errors.js';
import { loadProfile } from '../profile/profile.js';
import type { Profile } from '../profile/profile.js';
import { startReferenceTarget, type StartedTarget, type TargetMode } from '../target/server.js';
import { parseCommand, type CommandSpec, type FlagSpec } from './args.js';
import { dotenvLine } from '../config/dotenv.js';

export const SERVE_FLAGS: Record<string, FlagSpec> = {
  profile: { type: 'string', value: 'NAME|FILE', help: 'dialect to speak', default: 'suitecrm-7.14' },
  mode: { type: 'string', value: 'M', help: 'conformant | faithful', default: 'conformant' },
  fault: { type: 'list', value: 'NAME', help: 'switch on named faults (crm-conformance faults)' },
  port: { type: 'number', help: 'port on 127.0.0.1', default: 'any free port' },
  'access-ttl': { type: 'number', value: 'S', help: 'access-token lifetime in seconds', default: "the profile's (3600 for SuiteCRM)" },
  'refresh-ttl': { type: 'number', value: 'S', help: 'refresh-token lifetime in seconds', default: "the profile's (2592000 for SuiteCRM)" },
  'code-ttl': { type: 'number', value: 'S', help: 'authorization-code lifetime in seconds (short, so the code-expiry check runs)', default: '5' },
  hostile: { type: 'string', value: 'NAME', help: 'a hostile behaviour instead of a working CRM (docs/robustness.md)' },
  'admin-first-login': { type: 'boolean', help: "admin panel: the admin has never confirmed a time zone (a fresh install's first-login gate)" },
  'credentials-file': { type: 'string', value: 'FILE', help: 'where to write the credentials (mode 0600)', default: '.crm-conformance/serve.env' },
};

export const SERVE_COMMAND: CommandSpec = { name: 'serve', summary: 'start the reference target on 127.0.0.1 until interrupted; its credentials go to a file, never to the console', flags: SERVE_FLAGS };

export async function serveCommand(argv: readonly string[], signal?: AbortSignal): Promise<number> {
  const { flags } = parseCommand(argv, SERVE_COMMAND);
  const profile = loadProfile((flags.profile as string | undefined) ?? 'suitecrm-7.14');
  const mode = ((flags.mode as string | undefined) ?? 'conformant') as TargetMode;
  if (mode !== 'conformant' && mode !== 'faithful') throw new ConfigError(`--mode must be conformant or faithful, got "${String(mode)}"`);
  const port = flags.port as number | undefined;
  if (port !== undefined && (!Number.isInteger(port) || port > 65535)) throw new ConfigError(`--port must be an integer 0–65535, got ${port}`);
  const target = await startReferenceTarget({
    profile,
    mode,
    faults: (flags.fault as string[] | undefined) ?? [],
    accessTtlSeconds: (flags['access-ttl'] as number | undefined) ?? profile.lifetimes.accessSeconds,
    refreshTtlSeconds: (flags['refresh-ttl'] as number | undefined) ?? profile.lifetimes.refreshSeconds ?? 2_592_000,
    ...(flags['code-ttl'] !== undefined ? { codeTtlSeconds: flags['code-ttl'] as number } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(flags.hostile ? { hostile: flags.hostile as string } : {}),
    ...(flags['admin-first-login'] ? { adminFirstLogin: true } : {}),
  });
  const file = path.resolve((flags['credentials-file'] as string | undefined) ?? '.crm-conformance/serve.env');
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const keyFile = `${file.replace(/\.env$/, '')}.public.pem`;
  writeFileSync(keyFile, target.publicKeyPem, { mode: 0o644 });
  const c = target.credentials;
  // The reference target is a test double: its signing key may go into the 0600 credentials file,
  // so the checks that sign tokens with chosen claims run against `serve` too.
  const privateKeyFile = `${file.replace(/\.env$/, '')}.private.pem`;
  writeFileSync(privateKeyFile, target.core.keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { mode: 0o600 });
  const optional: Record<string, string> = {
    ...(c.spareClient ? { CRM_SPARE_CLIENT_ID: c.spareClient.id, CRM_SPARE_CLIENT_SECRET: c.spareClient.secret } : {}),
    ...(c.codeClient
      ? { CRM_AUTHCODE_CLIENT_ID: c.codeClient.id, CRM_AUTHCODE_CLIENT_SECRET: c.codeClient.secret, CRM_AUTHCODE_REDIRECT_URI: c.codeClient.redirectUri }
      : {}),
    ...(c.codeClient2
      ? { CRM_AUTHCODE_CLIENT2_ID: c.codeClient2.id, CRM_AUTHCODE_CLIENT2_SECRET: c.codeClient2.secret, CRM_AUTHCODE_CLIENT2_REDIRECT_URI: c.codeClient2.redirectUri }
      : {}),
    ...(c.codeClient ? { CRM_AUTHCODE_TTL: String(target.codeTtlSeconds) } : {}),
    CRM_JWT_PRIVATE_KEY: privateKeyFile,
    ...(c.limitedUser ? { CRM_LIMITED_USERNAME: c.limitedUser.username, CRM_LIMITED_PASSWORD: c.limitedUser.password } : {}),
  };
  const lines = { ...referenceEnv(target, profile, keyFile), ...optional };
  writeFileSync(file, `${Object.entries(lines).map(([k, v]) => dotenvLine(k, v)).join('\n')}\n`, { mode: 0o600 });
  const rel = path.relative(process.cwd(), file);
  process.stdout.write(
    `reference target (${profile.name}, ${mode}${flags.hostile ? `, hostile: ${String(flags.hostile)}` : ''}${target.faults.length ? `, faults: ${target.faults.join(', ')}` : ''}) listening on ${target.baseUrl}\n` +
      `credentials: ${rel} (mode 0600)\n` +
      `test it:     npx crm-conformance run --env-file ${rel}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    signal?.addEventListener('abort', stop);
  });
  await target.close();
  return 0;
}

/** The CRM_* variables that point `run --base-url` at a reference target (secrets included:
 * only for a 0600 file or a child process environment). */
export function referenceEnv(target: StartedTarget, profile: Profile, publicKey: string): Record<string, string> {
  const c = target.credentials;
  return {
    CRM_BASE_URL: target.baseUrl,
    CRM_PROFILE: profile.name,
    CRM_CLIENT_ID: c.client.id,
    CRM_CLIENT_SECRET: c.client.secret,
    CRM_USERNAME: c.username,
    CRM_PASSWORD: c.password,
    CRM_CLIENT2_ID: c.client2.id,
    CRM_CLIENT2_SECRET: c.client2.secret,
    CRM_CC_CLIENT_ID: c.ccClient.id,
    CRM_CC_CLIENT_SECRET: c.ccClient.secret,
    CRM_REFERENCE_ADMIN_SECRET: target.adminSecret,
    // The admin panel's administrator (the same account as the API user here).
    CRM_ADMIN_USERNAME: c.username,
    CRM_ADMIN_PASSWORD: c.password,
    CRM_JWT_PUBLIC_KEY: publicKey,
    CRM_ACCESS_TOKEN_TTL: String(target.accessTtlSeconds),
    CRM_REFRESH_TOKEN_TTL: String(target.refreshTtlSeconds),
    // Dialects with an API key (Flexie) or an authorization-code client.
    ...(c.apiKey ? { CRM_API_KEY: c.apiKey } : {}),
    ...(c.redirectUri ? { CRM_REDIRECT_URI: c.redirectUri } : {}),
  };
}
