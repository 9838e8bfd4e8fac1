// Authorization codes and pending authorization requests of the SuiteCRM 7.15 dialect (PR #8291:
// "approve once" codes are deleted after use, "approve always" codes stay marked revoked and the
// user+client pair is remembered). One store per target core.
import { randomBytes, randomUUID } from 'node:crypto';
import type { TargetCore, TokenRow } from '../../core.js';

export type Decision = 'once' | 'always';

export interface PendingRequest {
  id: string;
  clientId: string;
  redirectUri: string;
  /** Whether the authorization request itself carried redirect_uri (RFC 6749 §4.1.3). */
  redirectUriGiven: boolean;
  state?: string;
  challenge?: string;
  challengeMethod?: string;
  /** Set once the user has logged in on the login page. */
  userId?: string;
  createdAt: number;
}

export interface CodeRow {
  /** Row id the admin panel shows (never the code). */
  id: string;
  code: string;
  clientId: string;
  userId: string;
  redirectUri: string;
  redirectUriGiven: boolean;
  challenge?: string;
  challengeMethod?: string;
  decision: Decision;
  issuedAt: number;
  expiresAt: number;
  /** Admin-panel revocation, or an "always" code after its use. */
  revoked: boolean;
  /** Tokens issued from this code: revoked when the code is presented again (RFC 6749 §4.1.2). */
  issued: TokenRow[];
}

export class CodeStore {
  readonly pending = new Map<string, PendingRequest>();
  readonly codes = new Map<string, CodeRow>();
  /** "once" codes are deleted after use; the store remembers them to revoke on replay. */
  readonly used = new Map<string, CodeRow>();
  /** user id + client id pairs approved "always". */
  readonly remembered = new Set<string>();

  constructor(readonly core: TargetCore) {}

  /** Seconds a code lives: the target's setting, or an hour under the code-lifetime-one-hour fault. */
  get ttlSeconds(): number {
    return this.core.fault('code-lifetime-one-hour') ? 3600 : (this.core.options.codeTtlSeconds ?? 600);
  }

  newPending(p: Omit<PendingRequest, 'id' | 'createdAt'>): PendingRequest {
    const req: PendingRequest = { ...p, id: randomBytes(16).toString('hex'), createdAt: this.core.now() };
    this.pending.set(req.id, req);
    return req;
  }

  issueCode(req: PendingRequest, decision: Decision): CodeRow {
    const now = this.core.now();
    const row: CodeRow = {
      id: randomUUID(),
      code: `def50200${randomBytes(96).toString('hex')}`,
      clientId: req.clientId,
      userId: req.userId!,
      redirectUri: req.redirectUri,
      redirectUriGiven: req.redirectUriGiven,
      ...(req.challenge ? { challenge: req.challenge } : {}),
      ...(req.challengeMethod ? { challengeMethod: req.challengeMethod } : {}),
      decision,
      issuedAt: now,
      expiresAt: now + this.ttlSeconds,
      revoked: false,
      issued: [],
    };
    this.codes.set(row.code, row);
    this.pending.delete(req.id);
    if (decision === 'always') this.remembered.add(`${row.userId}:${row.clientId}`);
    return row;
  }

  isRemembered(userId: string, clientId: string): boolean {
    return this.remembered.has(`${userId}:${clientId}`);
  }

  /** Marks a code used: "once" codes leave the table, "always" codes stay marked revoked. */
  consume(row: CodeRow): void {
    if (row.decision === 'always') row.revoked = true;
    else this.codes.delete(row.code);
    this.used.set(row.code, row);
  }

  /** What the admin panel lists: never the code itself. */
  list(): { id: string; client_id: string; user_id: string; expires: number; approval: Decision; revoked: boolean }[] {
    return [...this.codes.values()].map((c) => ({
      id: c.id,
      client_id: c.clientId,
      user_id: c.userId,
      expires: c.expiresAt,
      approval: c.decision,
      revoked: c.revoked,
    }));
  }
}

const stores = new WeakMap<TargetCore, CodeStore>();

export function codeStore(core: TargetCore): CodeStore {
  let s = stores.get(core);
  if (!s) stores.set(core, (s = new CodeStore(core)));
  return s;
}
