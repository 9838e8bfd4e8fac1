// Project-relative locations, resolved from this file so the CLI works from any cwd.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMAS_DIR = path.join(PROJECT_ROOT, 'schemas');
export const PROFILES_DIR = path.join(PROJECT_ROOT, 'profiles');
export const DEFAULT_REPORTS_DIR = path.join(PROJECT_ROOT, 'reports');
