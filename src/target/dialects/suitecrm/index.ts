// SuiteCRM 7 V8 dialect: route table of Api/V8/Config/routes.php (7.14.6) as far as it is built.
import type { Router } from '../../core.js';
import { registerAdminPanel } from './admin-panel/index.js';
import {
  createRecord,
  deleteRecord,
  deleteRelationship,
  getRelationship,
  listModule,
  logout,
  metaFields,
  metaModules,
  postRelationship,
  postRelationshipByType,
  readRecord,
  swaggerDocument,
  updateRecord,
  updateRecordAtUrl,
  userPreferences,
} from './resources.js';
import { tokenEndpoint } from './token.js';

export function registerSuiteCrmV8(router: Router): void {
  router.on('POST', '/Api/access_token', tokenEndpoint);
  router.on('POST', '/Api/V8/logout', logout);
  router.on('GET', '/Api/V8/meta/modules', metaModules);
  router.on('GET', '/Api/V8/meta/fields/:module', metaFields);
  router.on('GET', '/Api/V8/meta/swagger.json', swaggerDocument);
  router.on('GET', '/Api/V8/user-preferences/:id', userPreferences);
  router.on('POST', '/Api/V8/module', createRecord);
  router.on('PATCH', '/Api/V8/module', updateRecord);
  router.on('GET', '/Api/V8/module/:module', listModule);
  router.on('GET', '/Api/V8/module/:module/:id', readRecord);
  registerAdminPanel(router);
  // Conformant JSON:API address of an update; the patch-only-at-module-root fault answers 405 here.
  router.on('PATCH', '/Api/V8/module/:module/:id', updateRecordAtUrl);
  router.on('DELETE', '/Api/V8/module/:module/:id', deleteRecord);
  router.on('POST', '/Api/V8/module/:module/:id/relationships', postRelationshipByType);
  router.on('GET', '/Api/V8/module/:module/:id/relationships/:link', getRelationship);
  router.on('POST', '/Api/V8/module/:module/:id/relationships/:link', postRelationship);
  router.on('DELETE', '/Api/V8/module/:module/:id/relationships/:link/:relatedId', deleteRelationship);
}
