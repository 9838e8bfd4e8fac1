// Browser choice: Playwright's own Chromium when installed, else Debian's /usr/bin/chromium.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function playwrightChromium(): string | undefined {
  try {
    const p = chromium.executablePath();
    return p && existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

/** The executable to launch, or undefined when no browser is installed. */
export function chromiumExecutable(): string | undefined {
  return playwrightChromium() ?? SYSTEM_CHROMIUM.find((p) => existsSync(p));
}

export function launchOptions(): { executablePath?: string; args: string[] } {
  const own = playwrightChromium();
  const exe = own ? undefined : SYSTEM_CHROMIUM.find((p) => existsSync(p));
  return {
    ...(exe ? { executablePath: exe } : {}),
    // Closed network: background services would only make refused connections.
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  };
}

export const NO_BROWSER_REASON =
  'no Chromium found: install Debian\'s (apt-get install -y chromium) or Playwright\'s own (npx playwright install chromium)';
