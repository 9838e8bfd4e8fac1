// Grants the deployment does not offer (the profile's token.grants): SuiteCRM 7.10.0 has no
// client_credentials, SugarCRM none, Flexie no password grant. Security outcome and wire format apart;
// the control is a grant the deployment does offer, which must issue a token.
import { controlled, describe, granted, tokenControls } from '../conditions.js';
import { oauthErrorCheck, refusalCheck, type RefusalEvidence } from '../factories.js';
import { fail, inconclusive, pass, type CheckDef } from '../types.js';

const CONTROL = 'a token request by a grant the profile offers';

/** That a grant the profile leaves out is not served is the profile's own statement. */
export const unofferedGrantRefused = refusalCheck({
  id: 'oauth2.errors.unoffered-grant-refused',
  title: 'a grant the deployment does not offer issues no token',
  specRefs: ['RFC 6749 §5.2', 'RFC 6749 §4.4'],
  keyword: 'profile',
  requires: [],
  what: 'a grant the profile does not offer',
  control: CONTROL,
});

export const unofferedGrantUnsupported = oauthErrorCheck({
  id: 'oauth2.errors.unoffered-grant-unsupported',
  title: 'a grant the deployment does not offer answers 400 unsupported_grant_type',
  requires: [],
  what: 'a grant the profile does not offer',
  control: CONTROL,
  status: [400],
  error: ['unsupported_grant_type'],
});

/**
 * RFC 9700 §2.4: "The resource owner password credentials grant [RFC6749] MUST NOT be used."
 * Judged on what the deployment does: the password grant with valid user credentials. Where it
 * issues a token the deployment offers the grant: an honest `fail`, reported at advisory severity (a
 * known departure from the MUST NOT's severity, see docs/severities.md): the sentence forbids using
 * the grant, the finding is about the deployment offering it, and integrations (and this harness,
 * where the profile lists the grant) may still depend on it. The control: the client obtains a token
 * by a grant the profile offers.
 */
export const passwordGrantNotOffered: CheckDef<RefusalEvidence> = {
  id: 'oauth2.password.not-offered',
  title: 'the resource owner password credentials grant is not offered (advisory)',
  specRefs: ['RFC 9700 §2.4', 'RFC 6749 §10.7'],
  severity: 'advisory',
  keyword: 'MUST NOT',
  requires: [],
  evaluate: (e) =>
    // A 2xx without a token is no refusal, nor is a request that got no answer: neither passes.
    controlled(tokenControls(CONTROL, e.control), () =>
      !e.attempt.response
        ? inconclusive(`the password grant request got no answer at all: ${describe(e.attempt)}`)
        : granted(e.attempt)
        ? fail(`the deployment offers the password grant: valid user credentials obtained a token (${describe(e.attempt)}); RFC 9700 §2.4 says it MUST NOT be used`)
        : pass(describe(e.attempt)),
    ),
};

export const GRANT_OFFER_CHECKS = [unofferedGrantRefused, unofferedGrantUnsupported, passwordGrantNotOffered];
