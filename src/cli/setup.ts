// `crm-conformance setup` / `teardown`: provision and remove the harness's OAuth2 clients through
// the CRM's admin panel in Chromium. Admin credentials only from CRM_ADMIN_USERNAME /
// CRM_ADMIN_PASSWORD; secrets go to a 0600 env file and never to the console.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BrowserPanel, TimezoneGateError } from '../admin-panel/browser-panel.js';
import { PanelError } from '../admin-panel/http-panel.js';
import { provisionClients, ROLE_VARS, teardownClients } from '../admin-panel/provision.js';
import { CREDENTIAL_VARS } from '../config/credentials.js';
import { dotenvLine, loadDotenv, parseDotenv } from '../config/dotenv.js';
import { ConfigError } from '../config/errors.js';
import { loadProfile, type Profile } from '../profile/profile.js';
import { secrets } from '../redact/secrets.js';
import { parseCommand, type CommandSpec, type FlagSpec } from './args.js';

const COMMON: Record<string, FlagSpec> = {
  'base-url': { type: 'string', value: 'URL', help: 'URL of the CRM', default: 'CRM_BASE_URL' },
  profile: { type: 'string', value: 'NAME|FILE', help: 'profile (must have admin.panel)', default: 'CRM_PROFILE, else suitecrm-7.14' },
  // Not --env-file: Node 20 itself parses that flag anywhere on the command line and exits when the file is missing.
  'env-path': { type: 'string', value: 'FILE', help: 'env file to write (setup) / read (teardown) the client variables', default: './.env' },
  'accept-admin-timezone-prompt': {
    type: 'boolean',
    help: "pass SuiteCRM's first-login time-zone gate (saves the admin user's time zone preference)",
  },
  'reports-dir': { type: 'string', value: 'DIR', help: 'where failure screenshots go (secret fields masked)', default: './reports' },
};

export const SETUP_FLAGS = COMMON;
export const TEARDOWN_FLAGS = COMMON;

const ADMIN_NOTE = 'Needs CRM_ADMIN_USERNAME and CRM_ADMIN_PASSWORD (an administrator of the CRM) in the environment or the env file.';
export const SETUP_COMMAND: CommandSpec = { name: 'setup', summary: "create the harness's OAuth2 clients through the admin panel (in Chromium) and write them to the env file", flags: COMMON, notes: ADMIN_NOTE };
export const TEARDOWN_COMMAND: CommandSpec = { name: 'teardown', summary: "revoke the tokens of the harness's clients, then delete the clients", flags: COMMON, notes: ADMIN_NOTE };

interface Context {
  profile: Profile;
  baseUrl: string;
  envFile: string;
  username: string;
  password: string;
  accept: boolean;
  screenshotDir: string;
}

function context(argv: readonly string[], command: string, env: NodeJS.ProcessEnv): Context {
  const spec = command === 'setup' ? SETUP_COMMAND : TEARDOWN_COMMAND;
  const { flags } = parseCommand(argv, spec);
  const envFile = path.resolve((flags['env-path'] as string | undefined) ?? '.env');
  loadDotenv(envFile, env, false);
  const profile = loadProfile((flags.profile as string | undefined) ?? env.CRM_PROFILE ?? 'suitecrm-7.14');
  if (!profile.admin?.panel) throw new ConfigError(`profile ${profile.name} has no admin panel to drive`);
  const baseUrl = (flags['base-url'] as string | undefined) ?? env.CRM_BASE_URL;
  if (!baseUrl) throw new ConfigError(`${command} needs --base-url or CRM_BASE_URL`);
  const username = env[CREDENTIAL_VARS.adminUsername];
  const password = env[CREDENTIAL_VARS.adminPassword];
  if (!username || !password) throw new ConfigError(`${command} needs CRM_ADMIN_USERNAME and CRM_ADMIN_PASSWORD in the environment (an administrator of the CRM)`);
  secrets.register(password, 'password');
  return {
    profile,
    baseUrl,
    envFile,
    username,
    password,
    accept: !!flags['accept-admin-timezone-prompt'],
    screenshotDir: path.join(path.resolve((flags['reports-dir'] as string | undefined) ?? 'reports'), 'admin-panel'),
  };
}

async function withPanel<T>(c: Context, step: string, fn: (p: BrowserPanel) => Promise<T>): Promise<T> {
  const panel = await BrowserPanel.open({ baseUrl: c.baseUrl, profile: c.profile, secrets, acceptTimezonePrompt: c.accept, screenshotDir: c.screenshotDir });
  try {
    await panel.login(c.username, c.password);
    return await fn(panel);
  } catch (e) {
    if (e instanceof TimezoneGateError) throw new ConfigError(e.message);
    const shot = await panel.screenshot(`${step}-failed`);
    if (e instanceof PanelError) throw new ConfigError(`${step} failed: ${e.message}${shot ? ` (screenshot: ${path.relative(process.cwd(), shot)})` : ''}`);
    throw e;
  } finally {
    await panel.close();
  }
}

/** Rewrites only `vars` (and drops `remove`) in the env file, keeping every other line; mode 0600. */
function updateEnvFile(file: string, vars: Record<string, string>, remove: readonly string[] = []): void {
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split(/\r?\n/) : [];
  const keyOf = (l: string) => /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(l.trim())?.[1];
  const kept = lines.filter((l) => {
    const k = keyOf(l);
    return l.trim() !== '' && !(k && (k in vars || remove.includes(k)));
  });
  const text = [...kept, ...Object.entries(vars).map(([k, v]) => dotenvLine(k, v))].join('\n');
  writeFileSync(file, text ? `${text}\n` : '', { mode: 0o600 });
  chmodSync(file, 0o600);
}

const log = (line: string) => process.stdout.write(`${secrets.mask(line)}\n`);

export async function setupCommand(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const c = context(argv, 'setup', env);
  const known = existsSync(c.envFile) ? parseDotenv(readFileSync(c.envFile, 'utf8'), c.envFile) : {};
  const { vars } = await withPanel(c, 'setup', (p) => provisionClients(p, c.username, known, log));
  for (const [k, v] of Object.entries(vars)) if (k.endsWith('SECRET')) secrets.register(v, 'client_secret');
  updateEnvFile(c.envFile, { CRM_BASE_URL: c.baseUrl, CRM_PROFILE: c.profile.name, ...vars });
  log(
    `wrote ${path.relative(process.cwd(), c.envFile) || c.envFile} (mode 0600): ${Object.keys(vars).join(', ')}\n` +
      'run needs, besides: CRM_USERNAME / CRM_PASSWORD (the API user; may be the admin) and, for revocation through the panel, CRM_ADMIN_USERNAME / CRM_ADMIN_PASSWORD',
  );
  return 0;
}

export async function teardownCommand(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const c = context(argv, 'teardown', env);
  const n = await withPanel(c, 'teardown', (p) => teardownClients(p, log));
  if (existsSync(c.envFile)) updateEnvFile(c.envFile, {}, Object.values(ROLE_VARS).flatMap((v) => [v.id, v.secret]));
  log(n ? `teardown done: ${n} client(s) removed` : 'nothing to remove: no client named crm-conformance-… exists');
  return 0;
}
