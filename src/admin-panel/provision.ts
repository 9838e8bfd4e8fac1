// What `setup` and `teardown` do on the instance, through the admin panel in Chromium. Only clients
// named with CLIENT_PREFIX are ever changed; anything else is reported and left alone.
import { randomBytes } from 'node:crypto';
import { BrowserPanel } from './browser-panel.js';
import { PanelError } from './http-panel.js';
import { CLIENT_PREFIX, CLIENT_ROLES, type ClientRole, type PanelClient } from './suitecrm.js';

export const ROLE_VARS: Record<ClientRole, { id: string; secret: string }> = {
  password: { id: 'CRM_CLIENT_ID', secret: 'CRM_CLIENT_SECRET' },
  password2: { id: 'CRM_CLIENT2_ID', secret: 'CRM_CLIENT2_SECRET' },
  cc: { id: 'CRM_CC_CLIENT_ID', secret: 'CRM_CC_CLIENT_SECRET' },
};

export type Log = (line: string) => void;

/** Revokes every listed, unrevoked token of a client (bulk action, ≤ one page at a time). */
export async function revokeAllTokensOf(panel: BrowserPanel, name: string): Promise<number> {
  let total = 0;
  for (let round = 0; round < 100; round++) {
    const ids = (await panel.tokenRows()).filter((r) => r.clientName === name).map((r) => r.rowId);
    if (!ids.length) return total;
    await panel.revokeRows(ids);
    total += ids.length;
  }
  throw new PanelError(`tokens of "${name}" keep appearing; stopped after 100 rounds`);
}

/** Revoke first (deleting a SuiteCRM client leaves its tokens working), then delete. */
export async function removeClient(panel: BrowserPanel, c: PanelClient, log: Log): Promise<void> {
  if (!c.name.startsWith(CLIENT_PREFIX)) throw new PanelError(`refusing to touch client "${c.name}" (${c.id}): setup did not create it`);
  const n = await revokeAllTokensOf(panel, c.name);
  await panel.deleteClient(c.id);
  log(`removed client "${c.name}" after revoking ${n} token(s)`);
}

export interface SetupResult {
  vars: Record<string, string>;
}

/** Creates (or reuses, when `known` holds a working id+secret for it) the three clients. */
export async function provisionClients(panel: BrowserPanel, adminName: string, known: Record<string, string | undefined>, log: Log): Promise<SetupResult> {
  const userId = await panel.userId();
  const existing = await panel.listClients();
  const vars: Record<string, string> = {};
  for (const role of Object.keys(CLIENT_ROLES) as ClientRole[]) {
    const { name, grant } = CLIENT_ROLES[role];
    const v = ROLE_VARS[role];
    const same = existing.filter((c) => c.name === name);
    const reusable = same.length === 1 && same[0]!.id === known[v.id] && known[v.secret];
    if (reusable) {
      vars[v.id] = same[0]!.id;
      vars[v.secret] = known[v.secret]!;
      log(`reusing client "${name}" (its secret is in the env file)`);
      continue;
    }
    // Ours but its secret is unknown (or duplicated): replace it.
    for (const c of same) await removeClient(panel, c, log);
    const secret = randomBytes(24).toString('hex');
    if (grant === 'client_credentials' && !userId) throw new PanelError('cannot tell the logged-in admin\'s user id (no ck_login_id_20 cookie) to associate with the client_credentials client');
    const id = await panel.createClient(name, grant, secret, grant === 'client_credentials' ? { id: userId!, name: adminName } : undefined);
    vars[v.id] = id;
    vars[v.secret] = secret;
    log(`created client "${name}" (${grant === 'password' ? 'password grant' : `client credentials, associated user ${adminName}`})`);
  }
  return { vars };
}

/** Every client setup made (by name prefix), tokens revoked first. */
export async function teardownClients(panel: BrowserPanel, log: Log): Promise<number> {
  const ours = (await panel.listClients()).filter((c) => c.name.startsWith(CLIENT_PREFIX));
  for (const c of ours) await removeClient(panel, c, log);
  return ours.length;
}
