// What one Playwright run is asked to do. The CLI writes it to the environment of the Playwright
// process; playwright.config.ts and the fixtures read it. Never holds a secret.
import { DEFAULT_REPORTS_DIR } from '../paths.js';
import type { TargetMode } from '../target/server.js';

export const RUN_ENV = 'CRM_CONFORMANCE_RUN';

export type TargetSpec =
  | {
      kind: 'embedded';
      mode: TargetMode;
      faults?: string[];
      accessTtlSeconds?: number;
      refreshTtlSeconds?: number;
    }
  /** `via: 'container'`: a SuiteCRM the CLI started for this run (reports say kind "container"). */
  | { kind: 'url'; baseUrl: string; via?: 'container' };

export interface RunSpec {
  profile: string;
  target: TargetSpec;
  /** Longest a check may wait for a token to expire (seconds). */
  maxWaitSeconds: number;
  reportsDir: string;
  workers?: number;
  httpTimeoutMs?: number;
}

export const DEFAULT_RUN: RunSpec = {
  profile: 'suitecrm-7.14',
  target: { kind: 'embedded', mode: 'conformant' },
  maxWaitSeconds: 60,
  reportsDir: DEFAULT_REPORTS_DIR,
};

export function runSpecFromEnv(env: NodeJS.ProcessEnv = process.env): RunSpec {
  const raw = env[RUN_ENV];
  if (!raw) return DEFAULT_RUN;
  return { ...DEFAULT_RUN, ...(JSON.parse(raw) as Partial<RunSpec>) };
}
