// Every check the suite knows, for the unit tests that tie checks, spec files and faults together.
import { ADMIN_PANEL_CHECKS } from './admin.js';
import { BEARER_CHECKS } from './bearer.js';
import { CLIENT_AUTH_CHECKS } from './oauth2/client-auth.js';
import { ERROR_CHECKS } from './oauth2/errors.js';
import { EXPIRY_CHECKS } from './oauth2/expiry.js';
import { CLIENT_CREDENTIALS_CHECKS, PASSWORD_CHECKS, REFRESH_GRANT_CHECKS } from './oauth2/grant.js';
import { JWT_CHECKS } from './oauth2/jwt.js';
import { REFRESH_LIFECYCLE_CHECKS } from './oauth2/refresh.js';
import { REVOCATION_CHECKS } from './oauth2/revocation.js';
import { AUTHORIZATION_CODE_CHECKS } from './oauth2/authorization-code.js';
import { TOKEN_FORGERY_CHECKS } from './security/tokens.js';
import { DISCLOSURE_CHECKS } from './security/disclosure.js';
import { PRIVILEGED_CHECKS } from './security/privileged.js';
import { REVOCATION_DEPTH_CHECKS } from './security/revocation.js';
import { JSONAPI_CHECKS } from './jsonapi/index.js';
import type { CheckDef } from './types.js';
import { GRANT_OFFER_CHECKS } from './oauth2/grant-offer.js';
import { REVOCATION_ENDPOINT_CHECKS } from './oauth2/revocation-endpoint.js';
import { CLIENT_REVOCATION_CHECKS } from './oauth2/client-revocation.js';
import { APIKEY_CHECKS } from './apikey.js';
import { SESSION_CHECKS } from './session.js';
import { BEARER_VENDOR_CHECKS } from './bearer-vendor.js';

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
  ...GRANT_OFFER_CHECKS,
  ...REVOCATION_ENDPOINT_CHECKS,
  ...CLIENT_REVOCATION_CHECKS,
  ...APIKEY_CHECKS,
  ...SESSION_CHECKS,
  ...BEARER_VENDOR_CHECKS,
  ...ADMIN_PANEL_CHECKS,
  ...AUTHORIZATION_CODE_CHECKS,
  ...TOKEN_FORGERY_CHECKS,
  ...DISCLOSURE_CHECKS,
  ...PRIVILEGED_CHECKS,
  ...REVOCATION_DEPTH_CHECKS,
  ...JSONAPI_CHECKS,
];
