// The admin panel driven in Chromium exactly as a person would: the login page, the first-login
// time-zone gate, the list views, the creation forms, the bulk "Revoke tokens" action. Used by
// `setup`, `teardown` and revocation on real instances. Every step verifies its own effect.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumExecutable, launchOptions, NO_BROWSER_REASON } from '../browser/chromium.js';
import { ConfigError } from '../config/errors.js';
import { profilePath, type Profile } from '../profile/profile.js';
import type { SecretRegistry } from '../redact/secrets.js';
import { PanelError } from './http-panel.js';
import { PANEL, SEL, type PanelClient, type PanelTokenRow } from './suitecrm.js';

export class TimezoneGateError extends PanelError {}

export interface BrowserPanelOptions {
  baseUrl: string;
  profile: Profile;
  secrets: SecretRegistry;
  /** Pass the first-login time-zone gate (changes the admin's preferences); else TimezoneGateError. */
  acceptTimezonePrompt?: boolean;
  /** Where failure screenshots go (secret fields masked). */
  screenshotDir?: string;
}

export class BrowserPanel {
  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
    private readonly opts: BrowserPanelOptions,
  ) {}

  static async open(opts: BrowserPanelOptions): Promise<BrowserPanel> {
    if (!chromiumExecutable()) throw new ConfigError(NO_BROWSER_REASON);
    const browser = await chromium.launch(launchOptions());
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return new BrowserPanel(browser, page, opts);
  }

  close(): Promise<void> {
    return this.browser.close();
  }

  private url(u: string): string {
    return `${this.opts.baseUrl.replace(/\/+$/, '')}${profilePath(this.opts.profile, `/${u}`)}`;
  }

  private async goto(u: string): Promise<void> {
    await this.page.goto(this.url(u));
    if (await this.page.locator(SEL.timezoneSubmit).count()) {
      await this.passTimezoneGate();
      await this.page.goto(this.url(u));
    }
  }

  /** Masked screenshot of the current page (secret fields blacked out), for failure reports. */
  async screenshot(name: string): Promise<string | undefined> {
    if (!this.opts.screenshotDir) return undefined;
    mkdirSync(this.opts.screenshotDir, { recursive: true });
    const file = path.join(this.opts.screenshotDir, `${name}.png`);
    await this.page
      .screenshot({ path: file, fullPage: true, mask: [this.page.locator(`${SEL.password}, ${SEL.secretInput}, input[type=password], input[name=csrf_token]`)] })
      .catch(() => undefined);
    return file;
  }

  private async registerCookies(): Promise<void> {
    for (const c of await this.page.context().cookies()) if (c.name === PANEL.sessionCookie) this.opts.secrets.register(c.value, 'cookie');
  }

  /** Clicks something that submits a form and waits for the page the POST redirects to. */
  private async clickAndLoad(selector: string): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.page.locator(selector).first().click()]);
  }

  /** Types a secret without `fill` (the test runner titles fill steps with the value: reports would hold it). */
  private async fillSecret(selector: string, value: string): Promise<void> {
    await this.page.locator(selector).evaluate((el, v) => {
      (el as HTMLInputElement).value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, value);
  }

  async login(username: string, password: string): Promise<void> {
    this.opts.secrets.register(password, 'password');
    await this.page.goto(this.url(PANEL.login));
    await this.page.fill(SEL.userName, username);
    await this.fillSecret(SEL.password, password);
    await this.clickAndLoad(SEL.loginButton);
    await this.registerCookies();
    if (/action=Login/.test(this.page.url())) {
      const msg = (await this.page.locator(SEL.loginError).allTextContents()).map((s) => s.trim()).filter(Boolean).join(' ');
      throw new PanelError(`the admin login was refused${msg ? `: "${msg}"` : ''} (check CRM_ADMIN_USERNAME / CRM_ADMIN_PASSWORD)`);
    }
  }

  /** The logged-in user's record id (SuiteCRM's ck_login_id_20 cookie). */
  async userId(): Promise<string | undefined> {
    return (await this.page.context().cookies()).find((c) => c.name === PANEL.userIdCookie)?.value;
  }

  private async passTimezoneGate(): Promise<void> {
    if (!this.opts.acceptTimezonePrompt) {
      const tz = await this.page.locator(SEL.timezoneSelect).inputValue().catch(() => 'the preselected zone');
      throw new TimezoneGateError(
        `the admin user has never confirmed a time zone: SuiteCRM shows its first-login gate on every page. Passing it saves the admin's time zone preference (${tz}) and marks the first login done; rerun with --accept-admin-timezone-prompt to allow that`,
      );
    }
    await this.clickAndLoad(SEL.timezoneSubmit);
  }

  async listClients(): Promise<PanelClient[]> {
    await this.goto(PANEL.clients);
    return this.page.$$eval(
      SEL.listRows,
      (trs, sel) =>
        trs.flatMap((tr) => {
          const id = (tr.querySelector(sel.rowCheckbox) as HTMLInputElement | null)?.value;
          if (!id) return [];
          return [{ id, name: tr.querySelector(sel.clientName)?.textContent?.trim() ?? '', grant: tr.querySelector(sel.clientGrant)?.textContent?.trim() ?? '' }];
        }),
      { rowCheckbox: SEL.rowCheckbox, clientName: SEL.clientName, clientGrant: SEL.clientGrant },
    );
  }

  /** Fills the whole form before the first click on #SAVE (the facts' SAVE-click quirk). */
  async createClient(name: string, grant: 'password' | 'client_credentials', secret: string, user?: { id: string; name: string }): Promise<string> {
    this.opts.secrets.register(secret, 'client_secret');
    await this.goto(grant === 'password' ? PANEL.newPasswordClient : PANEL.newCredentialsClient);
    await this.page.fill(SEL.clientNameInput, name);
    await this.fillSecret(SEL.secretInput, secret);
    if (grant === 'client_credentials') {
      if (!user) throw new PanelError('a client_credentials client needs an associated user');
      await this.page.fill(SEL.assignedUserName, user.name);
      await this.page.locator(SEL.assignedUserId).evaluate((el, v) => ((el as HTMLInputElement).value = v), user.id);
    }
    await this.clickAndLoad(SEL.save);
    const id = new URL(this.page.url()).searchParams.get('record');
    if (!id) throw new PanelError(`saving client "${name}" did not lead to its detail view`);
    return id;
  }

  async deleteClient(id: string): Promise<void> {
    await this.goto(PANEL.clientDetail(id));
    this.page.once('dialog', (d) => void d.accept());
    await this.page.click(SEL.actionsMenu);
    await this.clickAndLoad(SEL.deleteButton);
  }

  /** Rows of a tokens list page (default: the not-yet-revoked ones, newest first). */
  async tokenRows(url: string = PANEL.unrevokedTokens): Promise<PanelTokenRow[]> {
    await this.goto(url);
    const rows = await this.page.$$eval(
      SEL.listRows,
      (trs, sel) =>
        trs.flatMap((tr) => {
          const box = tr.querySelector(sel.rowCheckbox) as HTMLInputElement | null;
          if (!box) return [];
          // No named helper in here: tsx would wrap it in __name(), which the page does not have.
          return [
            {
              rowId: box.value,
              clientName: tr.querySelector(sel.tokenClient)?.textContent?.trim() ?? null,
              userName: tr.querySelector(sel.tokenUser)?.textContent?.trim() ?? '',
              revoked: !!(tr.querySelector(sel.tokenRevoked) as HTMLInputElement | null)?.checked,
              created: tr.querySelector(sel.tokenCreated)?.textContent?.trim() ?? '',
              accessExpires: tr.querySelector(sel.tokenAccessExpires)?.textContent?.trim() ?? '',
            },
          ];
        }),
      SEL,
    );
    if (rows.some((r) => r.clientName === null)) {
      await this.screenshot('tokens-list-unrecognised');
      throw new PanelError(`the tokens list has no ${SEL.tokenClient} cells: the panel's markup differs from SuiteCRM 7.14 (see docs/admin-panel.md)`);
    }
    return rows.map((r) => ({ ...r, clientName: r.clientName ?? '' }));
  }

  /** Checks exactly these rows and runs the bulk "Revoke tokens" action (never "Select All"),
   * then proves on the list that each is shown revoked. */
  async revokeRows(rowIds: readonly string[]): Promise<void> {
    if (!rowIds.length) return;
    await this.goto(PANEL.unrevokedTokens);
    for (const id of rowIds) await this.page.check(`${SEL.rowCheckbox}[value="${id}"]`);
    await this.page.click(SEL.bulkMenu);
    await this.clickAndLoad(SEL.bulkRevoke);
    const stillListed = new Set((await this.tokenRows()).map((r) => r.rowId));
    const notRevoked: string[] = [];
    for (const id of rowIds) {
      if (stillListed.has(id)) notRevoked.push(id);
      // A single row (panel revocation in a check) is also proven by its own Revoked box.
      else if (rowIds.length === 1 && !(await this.tokenRows(PANEL.tokensById(id))).find((r) => r.rowId === id)?.revoked) notRevoked.push(id);
    }
    if (notRevoked.length) {
      await this.screenshot('revoke-not-applied');
      throw new PanelError(`the bulk "Revoke tokens" action returned normally but ${notRevoked.length} of ${rowIds.length} rows are still not revoked`);
    }
  }
}
