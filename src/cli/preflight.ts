// Before any check runs against a URL: is it there, does it speak the profile's dialect, and do
// the configured credentials work? Each problem is one ConfigError (exit 2), never 56 failures.
import { bodyObject, describe } from '../checks/conditions.js';
import { HttpClient } from '../client/http.js';
import { OAuthClient, type HarnessCredentials } from '../client/oauth.js';
import { CREDENTIAL_VARS } from '../config/credentials.js';
import { ConfigError } from '../config/errors.js';
import { loadProfile, profilePath, shippedProfileNames, type Profile } from '../profile/profile.js';
import { secrets } from '../redact/secrets.js';

type DirectGrant = 'password' | 'client_credentials';

/** The grants the harness requests in one step that the profile offers (password first), each with
 * the variables it still lacks. */
function directGrants(profile: Profile, creds: HarnessCredentials, env: NodeJS.ProcessEnv): { grant: DirectGrant; missing: string[] }[] {
  const v = CREDENTIAL_VARS;
  const out: { grant: DirectGrant; missing: string[] }[] = [];
  if (profile.token.grants.includes('password')) {
    out.push({ grant: 'password', missing: [v.clientId, v.clientSecret, v.username, v.password].filter((name) => env[name] === undefined) });
  }
  if (profile.token.grants.includes('client_credentials')) out.push({ grant: 'client_credentials', missing: creds.ccClient ? [] : [v.ccClientId, v.ccClientSecret] });
  return out;
}

/** Token paths of the shipped profiles that answer an OAuth 2.0 error at this URL, with the
 * profiles behind each: a URL without SuiteCRM 8's /legacy, or a SuiteCRM 7 site tested as
 * SuiteCRM 8, names the profiles that fit. */
export async function profilesSpokenAt(http: HttpClient, current: Profile): Promise<{ path: string; names: string[] }[]> {
  const byPath = new Map<string, { profile: Profile; names: string[] }>();
  for (const name of shippedProfileNames()) {
    const p = loadProfile(name);
    const path = profilePath(p, p.token.path);
    if (path === profilePath(current, current.token.path)) continue;
    const entry = byPath.get(path) ?? { profile: p, names: [] };
    entry.names.push(name);
    byPath.set(path, entry);
  }
  const found: { path: string; names: string[] }[] = [];
  for (const [path, { profile, names }] of byPath) {
    const ex = await new OAuthClient(http, profile, {}, secrets).tokenRequest({});
    if (typeof bodyObject(ex)?.error === 'string') found.push({ path, names });
  }
  return found;
}

export async function preflight(baseUrl: string, profile: Profile, creds: HarnessCredentials, env: NodeJS.ProcessEnv, timeoutMs = 5000): Promise<void> {
  const http = new HttpClient(baseUrl, { timeoutMs, maxBodyBytes: 1024 * 1024 });
  const oauth = new OAuthClient(http, profile, creds, secrets);
  const probe = await oauth.tokenRequest({});
  if (!probe.response) throw new ConfigError(`cannot reach ${baseUrl}: ${probe.transportError ?? 'no answer'}`);
  const body = bodyObject(probe);
  if (typeof body?.error !== 'string') {
    const others = await profilesSpokenAt(http, profile);
    const hint = others.length
      ? ` (an OAuth 2.0 token endpoint answers at ${others.map((o) => `${o.path}: use --profile ${o.names.join(' or ')}`).join('; ')}${profile.preflight?.wrongPrefixHint ? `; ${profile.preflight.wrongPrefixHint}` : ''})`
      : profile.preflight?.wrongPrefixHint
        ? ` (${profile.preflight.wrongPrefixHint})`
        : '';
    throw new ConfigError(
      `${baseUrl} does not speak the ${profile.name} dialect: POST ${oauth.tokenPath} answered ${describe(probe)}, expected an OAuth 2.0 JSON error${hint}`,
    );
  }
  const grants = directGrants(profile, creds, env);
  // Profiles without a direct grant (Flexie's authorization code) verify their login in the checks.
  if (!grants.length) return;
  // Credentials for one grant suffice: checks that need another skip, saying what to set.
  const usable = grants.find((g) => !g.missing.length);
  if (!usable) {
    const sets = grants.map((g) => `${g.missing.join(', ')}${grants.length > 1 ? ` (${g.grant} grant)` : ''}`).join(', or ');
    throw new ConfigError(`missing credentials: set ${sets} in the environment or .env`);
  }
  const grant = usable.grant;
  const ex = await oauth.tokenRequest(grant === 'password' ? oauth.passwordParams() : oauth.clientCredentialsParams());
  const j = bodyObject(ex);
  if (typeof j?.access_token === 'string') return;
  const code = typeof j?.error === 'string' ? j.error : '';
  const what =
    code === 'invalid_client'
      ? grant === 'password'
        ? `the client credentials (${CREDENTIAL_VARS.clientId} / ${CREDENTIAL_VARS.clientSecret})`
        : `the client credentials (${CREDENTIAL_VARS.ccClientId} / ${CREDENTIAL_VARS.ccClientSecret})`
      : grant === 'password'
        ? `the user credentials (${CREDENTIAL_VARS.username} / ${CREDENTIAL_VARS.password})`
        : 'the token request';
  const detail = typeof j?.error_description === 'string' ? `: ${j.error_description}` : '';
  throw new ConfigError(secrets.mask(`${baseUrl} rejected ${what}: ${describe(ex)}${detail}`));
}
