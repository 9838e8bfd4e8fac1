// The one place secrets are masked. Every secret is registered where it is born (config, token
// responses, codes); every exit (step titles, errors, attachments, reports) goes through mask().
// Shape patterns are the safety net for secrets nobody registered (a token in another worker,
// a JWT a hostile target invents).

export type SecretKind =
  | 'client_secret'
  | 'password'
  | 'access_token'
  | 'refresh_token'
  | 'code'
  | 'api_key'
  | 'admin_secret'
  | 'cookie'
  | 'secret';

/** Secrets shorter than this are still masked, but only as whole words, so "admin" as a
 * password does not shred every word that contains it. */
const WHOLE_WORD_BELOW = 8;

const JWT_SHAPE = /eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
// SuiteCRM (league/oauth2-server + defuse) refresh tokens and codes: "def50200" + hex payload.
const DEFUSE_SHAPE = /def50200[0-9a-f]{24,}/gi;
const BEARER_VALUE = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/gi;
const SECRET_PARAM =
  /\b(access_token|refresh_token|client_secret|password|code|code_verifier|apikey|api_key|oauth-token|admin_secret)=([^&\s"'<]+)/gi;
const SECRET_JSON =
  /("(?:access_token|refresh_token|client_secret|password|code|code_verifier|apikey|api_key|adminSecret|admin_secret)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi;
const SECRET_HEADER = /^((?:authorization|oauth-token|apikey|cookie|set-cookie|x-admin-secret)\s*:\s*).+$/gim;
/** Canary credentials made by the embedded target: distinctive so a scan can prove absence. */
export const CANARY_MARKER = 'CNRY';
export const CANARY_SHAPE = /CNRY[0-9a-f]{12,}/g;

export class SecretRegistry {
  private readonly exact = new Map<string, SecretKind>();
  private sorted: string[] | null = null;

  register(value: string | undefined | null, kind: SecretKind = 'secret'): void {
    if (typeof value !== 'string' || value.length < 3) return;
    if (this.exact.has(value)) return;
    this.exact.set(value, kind);
    this.sorted = null;
    // Encoded forms leak too (a password in a form body, a secret inside a Basic header).
    const enc = encodeURIComponent(value);
    if (enc !== value) this.exact.set(enc, kind);
    const json = JSON.stringify(value).slice(1, -1);
    if (json !== value) this.exact.set(json, kind);
  }

  get size(): number {
    return this.exact.size;
  }

  values(): string[] {
    return [...this.exact.keys()];
  }

  mask(text: string): string {
    if (!text) return text;
    let out = text;
    if (this.exact.size > 0) {
      // Longest first, so a token that contains a shorter secret is masked whole.
      this.sorted ??= [...this.exact.keys()].sort((a, b) => b.length - a.length);
      for (const secret of this.sorted) {
        if (!out.includes(secret)) continue;
        const label = `[REDACTED:${this.exact.get(secret)}]`;
        if (secret.length < WHOLE_WORD_BELOW) {
          out = out.replace(new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(secret)}(?![A-Za-z0-9])`, 'g'), label);
        } else {
          out = out.split(secret).join(label);
        }
      }
    }
    return maskShapes(out);
  }

  /** Masks every string inside a JSON-like value (for attachments). */
  maskValue<T>(value: T): T {
    return JSON.parse(this.mask(JSON.stringify(value))) as T;
  }
}

/** Pattern-only masking, for places that do not know the registered values. */
export function maskShapes(text: string): string {
  return text
    .replace(JWT_SHAPE, '[REDACTED:jwt]')
    .replace(DEFUSE_SHAPE, '[REDACTED:opaque_token]')
    .replace(CANARY_SHAPE, '[REDACTED:canary]')
    .replace(BEARER_VALUE, (_m, scheme: string) => `${scheme} [REDACTED]`)
    .replace(SECRET_PARAM, (_m, name: string) => `${name}=[REDACTED]`)
    .replace(SECRET_JSON, (_m, key: string) => `${key}"[REDACTED]"`)
    .replace(SECRET_HEADER, (_m, name: string) => `${name}[REDACTED]`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Process-wide registry: each Playwright worker and the CLI process have their own. */
export const secrets = new SecretRegistry();

/** An Error whose message and stack have passed through the registry. */
export function redactError(err: unknown, registry: SecretRegistry = secrets): Error {
  if (err instanceof Error) {
    const safe = new Error(registry.mask(err.message));
    safe.name = err.name;
    safe.stack = registry.mask(err.stack ?? `${err.name}: ${err.message}`);
    return safe;
  }
  return new Error(registry.mask(String(err)));
}
