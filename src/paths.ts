// Project-relative locations, resolved from this file so the CLI works from any cwd.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMAS_DIR = path.join(PROJECT_ROOT, 'schemas');
export const PROFILES_DIR = path.join(PROJECT_ROOT, 'profiles');
export const DEFAULT_REPORTS_DIR = path.join(PROJECT_ROOT, 'reports');

/**
 * Environment of a Playwright child running this package's TypeScript (config, specs, fixtures).
 * Playwright transpiles only files outside node_modules; installed from npm, the package lives
 * inside one, so the child (and its workers, through NODE_OPTIONS) load tsx's loader instead.
 */
export function playwrightEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (!PROJECT_ROOT.split(path.sep).includes('node_modules')) return env;
  return { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --import tsx`.trim() };
}
