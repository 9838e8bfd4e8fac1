// SuiteCRM 7.15: the 7.14 V8 route table plus the authorization_code grant's /Api/authorize pages.
import type { Router } from '../../core.js';
import { registerAuthorize } from './authorize.js';
import { registerSuiteCrmV8 } from './index.js';

export function registerSuiteCrm715(router: Router): void {
  registerSuiteCrmV8(router);
  registerAuthorize(router);
}
