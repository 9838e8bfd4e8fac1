// Profiles are data: profiles/<name>.json, or a user's own file that may extend a shipped one.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROFILES_DIR } from '../paths.js';
import { validate } from '../schema/validate.js';
import { ConfigError } from '../config/errors.js';

export type Grant = 'password' | 'client_credentials' | 'refresh_token' | 'authorization_code';

/** How a JSON:API resource API is laid out (resource checks); absent → those checks skip. */
export interface JsonApiLayout {
  /** Module the checks create, read, page and sort (its marker field holds the run marker). */
  primary: { module: string; markerField: string; attributes: Record<string, string> };
  /** Module linked to the primary one through `link`. */
  related: { module: string; markerField: string; link: string; reverseLink?: string };
  /** Modules only an administrator may read (SuiteCRM: OAuth2Clients, OAuth2Tokens). */
  adminModules?: string[];
  /** Path under basePath of a user's preferences ({id} = user id), private to that user. */
  userPreferences?: string;
  /** Where POST (create) and PATCH (update) go: the module root with type/id in the body, or the JSON:API URLs. */
  write: 'module-root' | 'resource-url';
  /** Relationship POST body: one resource identifier (SuiteCRM) or the JSON:API array. */
  relationshipBody: 'object' | 'array';
  /** Filter query for "field equals value", with {field} and {value} placeholders. */
  filterEquals: string;
  /** Filter query for "field starts with value" (the stale-record sweep). */
  filterPrefix: string;
  /** Query that narrows the primary module to records the suite never creates, so that paging stays
   * stable while other workers create and delete marked records (e.g. filter[account_type][eq]=Customer). */
  pagingFilter?: string;
  /** Where the OpenAPI 3.x description of this API comes from: the path the instance publishes it
   * at (fetched with a bearer token), or a file (made absolute when the profile is loaded). */
  openapi?: { path: string } | { file: string };
}

/** CSS selectors of the login page; absent members: the first form with a password field, its
 * first text or e-mail input, its password input, its first submit control. */
export interface LoginPage {
  username?: string;
  password?: string;
  submit?: string;
}

/** CSS selectors of the consent page's controls (buttons, or links followed with GET); absent
 * approve: the first submit control of the page's first form; absent deny/remember: the page has none. */
export interface ConsentPage {
  approve?: string;
  /** "Approve always" (the decision is remembered). */
  remember?: string;
  deny?: string;
}

/** The authorization request (RFC 6749 §4.1.1) and the pages a user passes on the way. */
export interface AuthorizeSpec {
  path: string;
  pkce?: ('S256' | 'plain')[];
  codeSeconds?: number;
  redirectUri?: string;
  /** The scope the request carries (RFC 6749 §3.3); absent: none sent. */
  scope?: string;
  /** Further request parameters the server needs (prompt=consent, audience, resource …). */
  params?: Record<string, string>;
  login?: LoginPage;
  consent?: ConsentPage;
}

export interface Profile {
  name: string;
  extends?: string;
  vendor: string;
  versions: string;
  description?: string;
  dialect: string;
  basePath?: string;
  token: {
    path: string;
    encoding: 'form' | 'json' | 'vnd.api+json';
    grants: Grant[];
    clientAuth: ('client_secret_post' | 'client_secret_basic' | 'none')[];
    extraParams?: Record<string, string>;
  };
  tokenPresentation: { header: string; scheme: string | null; queryParam?: string | null };
  accessToken: {
    format: 'jwt' | 'opaque';
    alg?: string;
    header?: Record<string, unknown>;
    requiredClaims?: string[];
    audience?: 'client_id' | 'any';
    scopesClaim?: boolean;
  };
  refreshToken?: { rotation?: boolean };
  resource: { style: 'jsonapi' | 'rest'; basePath?: string; probe: string; mediaType?: string; collectionPath?: string; jsonapi?: JsonApiLayout };
  logout?: { method: 'POST' | 'GET' | 'DELETE'; path: string } | null;
  /** The authorization endpoint (authorization_code grant); absent when the product has none. */
  authorize?: AuthorizeSpec | null;
  revocation?: { path: string } | null;
  admin?: { panel?: boolean; revokeExpiryPrecisionSeconds?: number };
  lifetimes: { accessSeconds: number; refreshSeconds: number | null; configurable?: string };
  checks?: { exclude?: { id: string; reason: string }[] };
  faithful?: { source: string; faults: string[] };
  preflight?: { wrongPrefixHint?: string };
  apiKey?: { header: string; queryParam?: string | null; regenerable?: boolean };
  session?: { platformParam?: string; onePerPlatform?: boolean };
  vendorErrors?: { expiredToken?: string };
}

export function shippedProfileNames(): string[] {
  return readdirSync(PROFILES_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

function readJson(file: string, what: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read ${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    const v = JSON.parse(text) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not a JSON object');
    return v as Record<string, unknown>;
  } catch (e) {
    throw new ConfigError(`${what} ${file} is not valid JSON: ${(e as Error).message}`);
  }
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object' && !Array.isArray(b)
        ? deepMerge(b as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}

/** A shipped name ("suitecrm-7.14") or the path of a user's profile file. Exit 2 on any problem. */
export function loadProfile(nameOrPath: string, seen: string[] = []): Profile {
  const isPath = nameOrPath.includes('/') || nameOrPath.endsWith('.json');
  let file: string;
  if (isPath) {
    file = path.resolve(nameOrPath);
    if (!existsSync(file)) throw new ConfigError(`profile file not found: ${file}`);
  } else {
    file = path.join(PROFILES_DIR, `${nameOrPath}.json`);
    if (!existsSync(file)) {
      throw new ConfigError(
        `unknown profile "${nameOrPath}"; known profiles: ${shippedProfileNames().join(', ')} (or pass the path of a profile file)`,
      );
    }
  }
  if (seen.includes(file)) throw new ConfigError(`profile ${file} extends itself (cycle: ${seen.join(' → ')})`);
  let raw = readJson(file, 'profile');
  anchorOpenApiFile(raw, path.dirname(file));
  if (typeof raw.extends === 'string') {
    // A file extends a shipped name, or another file named relative to itself.
    const ext = raw.extends.includes('/') || raw.extends.endsWith('.json') ? path.resolve(path.dirname(file), raw.extends) : raw.extends;
    const base = loadProfile(ext, [...seen, file]) as unknown as Record<string, unknown>;
    const { extends: _ignored, ...rest } = raw;
    raw = { ...deepMerge(base, rest), extends: raw.extends };
  }
  const res = validate('profile', raw);
  if (!res.valid) throw new ConfigError(`profile ${file} does not match schemas/profile.schema.json: ${res.errors}`);
  return raw as unknown as Profile;
}

/** A profile's `openapi.file` is relative to the profile file that names it (not to the cwd). */
function anchorOpenApiFile(raw: Record<string, unknown>, dir: string): void {
  const jsonapi = (raw.resource as { jsonapi?: { openapi?: { file?: unknown } } } | undefined)?.jsonapi;
  const file = jsonapi?.openapi?.file;
  if (typeof file === 'string' && !path.isAbsolute(file)) jsonapi!.openapi!.file = path.resolve(dir, file);
}

/** Joins the profile's base path (reverse-proxy prefix, /legacy) with an endpoint path. */
export function profilePath(profile: Profile, p: string): string {
  return `${profile.basePath ?? ''}${p}`;
}
