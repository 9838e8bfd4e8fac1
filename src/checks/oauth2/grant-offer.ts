// Grants the deployment does not offer (the profile's token.grants): SuiteCRM 7.10.0 has no
// client_credentials, SugarCRM none, Flexie no password grant. Security outcome and wire format apart.
import { oauthError } from '../conditions.js';
import { refusalCheck } from '../factories.js';
import type { CheckDef } from '../types.js';

export const unofferedGrantRefused = refusalCheck({
  id: 'oauth2.errors.unoffered-grant-refused',
  title: 'a grant the deployment does not offer issues no token',
  specRefs: ['RFC 6749 §5.2', 'RFC 6749 §4.4'],
  requires: [],
  what: 'a grant the profile does not offer',
});

export const unofferedGrantUnsupported: CheckDef = {
  id: 'oauth2.errors.unoffered-grant-unsupported',
  title: 'a grant the deployment does not offer answers 400 unsupported_grant_type',
  specRefs: ['RFC 6749 §5.2'],
  severity: 'must',
  evaluate: (ex) => oauthError(ex, { status: [400], error: ['unsupported_grant_type'] }, 'a grant the profile does not offer'),
};

/** RFC 9700 §2.4: the password grant MUST NOT be used. Where the profile lists it (the harness
 * itself needs it there) the gather reports that as an advisory finding and skips; where it does
 * not, valid user credentials must still obtain no token. */
export const passwordGrantNotOffered = refusalCheck({
  id: 'oauth2.password.not-offered',
  title: 'the resource owner password credentials grant is not offered (advisory)',
  specRefs: ['RFC 9700 §2.4', 'RFC 6749 §10.7'],
  severity: 'advisory',
  requires: [],
  what: 'the password grant with valid user credentials',
});

export const GRANT_OFFER_CHECKS = [unofferedGrantRefused, unofferedGrantUnsupported, passwordGrantNotOffered];
