// SuiteCRM 7 V8 dialect: route table of Api/V8/Config/routes.php (7.14.6) as far as it is built.
import type { Router } from '../../core.js';
import { registerAdminPanel } from './admin-panel/index.js';
import { listModule, logout, readRecord } from './resources.js';
import { tokenEndpoint } from './token.js';

export function registerSuiteCrmV8(router: Router): void {
  router.on('POST', '/Api/access_token', tokenEndpoint);
  router.on('POST', '/Api/V8/logout', logout);
  router.on('GET', '/Api/V8/module/:module', listModule);
  router.on('GET', '/Api/V8/module/:module/:id', readRecord);
  registerAdminPanel(router);
}
