// Every check the suite knows, for the unit tests that tie checks, spec files and faults together.
import { BEARER_CHECKS } from './bearer.js';
import { CLIENT_AUTH_CHECKS } from './oauth2/client-auth.js';
import { ERROR_CHECKS } from './oauth2/errors.js';
import { EXPIRY_CHECKS } from './oauth2/expiry.js';
import { CLIENT_CREDENTIALS_CHECKS, PASSWORD_CHECKS, REFRESH_GRANT_CHECKS } from './oauth2/grant.js';
import { JWT_CHECKS } from './oauth2/jwt.js';
import { REFRESH_LIFECYCLE_CHECKS } from './oauth2/refresh.js';
import { REVOCATION_CHECKS } from './oauth2/revocation.js';
import { JSONAPI_CHECKS } from './jsonapi/index.js';
import type { CheckDef } from './types.js';

export const ALL_CHECKS: readonly CheckDef<never>[] = [
  ...PASSWORD_CHECKS,
  ...CLIENT_CREDENTIALS_CHECKS,
  ...REFRESH_GRANT_CHECKS,
  ...REFRESH_LIFECYCLE_CHECKS,
  ...JWT_CHECKS,
  ...ERROR_CHECKS,
  ...CLIENT_AUTH_CHECKS,
  ...EXPIRY_CHECKS,
  ...REVOCATION_CHECKS,
  ...BEARER_CHECKS,
  ...JSONAPI_CHECKS,
];
