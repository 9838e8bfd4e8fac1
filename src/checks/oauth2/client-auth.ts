// Client authentication methods and request encodings the RFC makes mandatory.
import { accessGranted, describe, isSuccess } from '../conditions.js';
import { fail, pass, type CheckDef } from '../types.js';

export const basicAccepted: CheckDef = {
  id: 'oauth2.client-auth.basic-accepted',
  title: 'client authentication with HTTP Basic is accepted',
  specRefs: ['RFC 6749 §2.3.1'],
  severity: 'must',
  // "The authorization server MUST support the HTTP Basic authentication scheme for authenticating clients that were issued a client password."
  keyword: 'MUST',
  requires: ['tokens:direct', 'client-auth:basic'],
  evaluate: (ex) => (isSuccess(ex) ? pass() : fail(`client credentials sent with HTTP "Basic" were not accepted: ${describe(ex)}`)),
};

export const formEncodingAccepted: CheckDef = {
  id: 'oauth2.client-auth.form-encoding-accepted',
  title: 'an application/x-www-form-urlencoded token request is accepted',
  specRefs: ['RFC 6749 §4.3.2', 'RFC 6749 §4.4.2', 'RFC 6749 §3.2'],
  severity: 'must',
  // The token request's parameters (grant_type REQUIRED, …) are defined in the form-urlencoded body only.
  keyword: 'REQUIRED',
  requires: ['tokens:direct'],
  evaluate: (ex) => accessGranted(ex, 'form-encoded token request'),
};

export const CLIENT_AUTH_CHECKS = [basicAccepted, formEncodingAccepted];
