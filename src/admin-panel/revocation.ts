// Revocation through the admin panel in Chromium, for real instances: the harness finds the row of
// its own token (the list shows row ids, never the jti) by its own client, a before/after snapshot
// and the displayed lifetime, proves the match, and revokes exactly that row with the bulk action.
import type { Profile } from '../profile/profile.js';
import type { SecretRegistry } from '../redact/secrets.js';
import { BrowserPanel } from './browser-panel.js';
import { PanelError } from './http-panel.js';
import { identifyRow, jwtTimes, UnprovenRowError } from './suitecrm.js';

export interface PanelRevokerOptions {
  baseUrl: string;
  profile: Profile;
  secrets: SecretRegistry;
  username: string;
  password: string;
  screenshotDir?: string;
}

export interface PanelRevoker {
  via: 'admin-panel';
  beforeIssue(): Promise<void>;
  revokeToken(accessToken: string): Promise<void>;
  revokeClient(clientId: string): Promise<void>;
  close(): Promise<void>;
}

export function panelRevoker(o: PanelRevokerOptions): PanelRevoker {
  let session: Promise<BrowserPanel> | undefined;
  let before: Set<string> | undefined;
  // Never passes the time-zone gate during a run: that is setup's explicit choice.
  const panel = () =>
    (session ??= (async () => {
      const p = await BrowserPanel.open({ baseUrl: o.baseUrl, profile: o.profile, secrets: o.secrets, ...(o.screenshotDir ? { screenshotDir: o.screenshotDir } : {}) });
      await p.login(o.username, o.password);
      return p;
    })());
  const clientName = async (p: BrowserPanel, id: string) => {
    const c = (await p.listClients()).find((x) => x.id === id);
    if (!c) throw new PanelError(`client ${id} is not in the admin panel's clients list`);
    return c.name;
  };
  return {
    via: 'admin-panel',
    async beforeIssue() {
      before = new Set((await (await panel()).tokenRows()).map((r) => r.rowId));
    },
    async revokeToken(accessToken) {
      const p = await panel();
      const t = jwtTimes(accessToken);
      if (!t?.aud) throw new PanelError('the access token is not a JWT with aud/iat/exp: its row cannot be identified in the panel');
      if (!before) throw new PanelError('internal: no tokens-list snapshot was taken before the token was requested');
      const snapshot = before;
      before = undefined;
      const m = identifyRow(snapshot, await p.tokenRows(), { clientName: await clientName(p, t.aud), lifetimeSeconds: t.exp - t.iat });
      if (!m.ok) throw new UnprovenRowError(`cannot prove which tokens-list row is the harness's token, so nothing was revoked: ${m.why}`);
      await p.revokeRows([m.row.rowId]);
    },
    async revokeClient(clientId) {
      const p = await panel();
      const name = await clientName(p, clientId);
      for (let round = 0; round < 50; round++) {
        const ids = (await p.tokenRows()).filter((r) => r.clientName === name).map((r) => r.rowId);
        if (!ids.length) return;
        await p.revokeRows(ids);
      }
    },
    close: async () => {
      if (session) await (await session.catch(() => undefined))?.close();
    },
  };
}
