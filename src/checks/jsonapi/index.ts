// Every JSON:API resource check (issue #5).
import { ACL_CHECKS } from './acl.js';
import { CRUD_CHECKS } from './crud.js';
import { DOCUMENT_CHECKS } from './documents.js';
import { ERROR_CHECKS } from './errors.js';
import { FETCHING_CHECKS } from './fetching.js';
import { OPENAPI_CHECKS } from './openapi.js';
import { PAGINATION_CHECKS } from './pagination.js';
import { RELATIONSHIP_CHECKS } from './relationships.js';

export const JSONAPI_CHECKS = [
  ...DOCUMENT_CHECKS,
  ...CRUD_CHECKS,
  ...ERROR_CHECKS,
  ...PAGINATION_CHECKS,
  ...FETCHING_CHECKS,
  ...RELATIONSHIP_CHECKS,
  ...ACL_CHECKS,
  ...OPENAPI_CHECKS,
] as const;

/** Checks that need a password-grant token on the resource API (all of them). */
export const JSONAPI_CHECK_IDS: readonly string[] = JSONAPI_CHECKS.map((c) => c.id);
