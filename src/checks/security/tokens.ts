// Forged and tampered access tokens are refused on a resource request (RFC 8725, RFC 7519, RFC
// 9068). The security outcome (refused at all: any 4xx, so a 403 refusal of an alg "none" token
// passes) and the wire format (the 401 of RFC 6750 §3.1, security.tokens.refusal-401) are separate
// checks. The control: the genuine token the forgeries were made from is accepted on the same request.
import { succeeds, controlled, judgeEach, notAccepted, ofRefusals, status401, type Labeled } from '../conditions.js';
import { severityOf, type CheckDef, type Exchange, type Keyword, type Outcome, type Requirement } from '../types.js';

export interface ForgeryEvidence {
  /** Each forged token's resource request, labelled with how it was made. */
  probes: Labeled[];
  /** The genuine token on the same request (the control). */
  control: Exchange;
}

const genuineWorks = (e: ForgeryEvidence) => succeeds('the genuine token the forgeries were made from, on the same request', e.control);

export function evaluateForgeries(e: ForgeryEvidence): Outcome {
  return controlled([genuineWorks(e)], () =>
    judgeEach(e.probes, (ex, label) => notAccepted(ex, `a token with ${label}`), 'no forged token was presented'),
  );
}

function forgery(name: string, title: string, specRefs: string[], keyword: Keyword, requires: Requirement[] = []): CheckDef<ForgeryEvidence> {
  return {
    id: `security.tokens.${name}`,
    title,
    specRefs,
    severity: severityOf(keyword),
    keyword,
    requires: ['jwt-access-tokens', 'tokens:access', ...requires],
    evaluate: evaluateForgeries,
  };
}

// RFC 9068 §4: "The resource server MUST reject any JWT in which the value of "alg" is "none"."
export const algNoneRefused = forgery('alg-none-refused', 'an unsigned token (alg "none") is refused', ['RFC 9068 §4', 'RFC 8725 §3.1', 'RFC 8725 §2.1'], 'MUST');
// RFC 8725 §3.1: "each key MUST be used with exactly one algorithm, and this MUST be checked when the cryptographic operation is performed."
export const algorithmConfusionRefused = forgery(
  'algorithm-confusion-refused',
  "a token HS256-signed with the server's RSA public key is refused",
  ['RFC 8725 §3.1', 'RFC 8725 §2.1'],
  'MUST',
  ['public-key'],
);
// RFC 8725 §3.3: "All cryptographic operations used in the JWT MUST be validated and the entire JWT MUST be rejected if any of them fail to validate."
export const signatureStrippedRefused = forgery('signature-stripped-refused', 'a token with its signature removed is refused', ['RFC 8725 §3.3', 'RFC 7519 §7.2', 'RFC 7515 §5.2'], 'MUST');
export const signatureAlteredRefused = forgery('signature-altered-refused', 'a token with an altered signature byte is refused', ['RFC 8725 §3.3', 'RFC 7519 §7.2', 'RFC 7515 §5.2'], 'MUST');
export const claimTamperedRefused = forgery('claim-tampered-refused', 'a token whose sub or exp was changed without re-signing is refused', ['RFC 8725 §3.3', 'RFC 7519 §7.2', 'RFC 7515 §5.2'], 'MUST');
// RFC 9068 §4: "The resource server MUST use the keys provided by the authorization server." (RFC 8725 §3.10: jku/kid, SHOULD.)
export const injectedKeyRefused = forgery(
  'injected-key-refused',
  'tokens naming an attacker key in their header (jwk, jku, kid) are refused',
  ['RFC 9068 §4', 'RFC 8725 §3.10', 'RFC 7515 §4.1.3'],
  'MUST',
);
// RFC 7519 §4.1.5: "the current date/time MUST be after or equal to the not-before date/time listed in the "nbf" claim."
export const nbfFutureRefused = forgery('nbf-future-refused', 'a validly signed token whose nbf lies in the future is refused', ['RFC 7519 §4.1.5'], 'MUST', ['signing-key']);
// RFC 7519 §4.1.3: "If the principal processing the claim does not identify itself with a value in the "aud" claim when this claim is present, then the JWT MUST be rejected."
export const audOtherClientRefused = forgery('aud-other-client-refused', 'a validly signed token whose aud names another client is refused', ['RFC 7519 §4.1.3'], 'MUST', ['signing-key']);
// RFC 7519 makes exp OPTIONAL; for JWT access tokens RFC 9068 §2.2 makes it REQUIRED and §4 says "The
// current time MUST be before the time represented by the "exp" claim", which no token without exp meets.
export const expRequired = forgery('exp-required', 'a validly signed token without exp is refused', ['RFC 9068 §4', 'RFC 9068 §2.2', 'RFC 7519 §4.1.4'], 'MUST', ['signing-key']);

/** RFC 6750 §3.1 invalid_token: "The resource SHOULD respond with the HTTP 401 (Unauthorized)
 * status code". The wire format of the refusals the security checks above judge; an accepted forgery
 * is their finding, not this one's. */
export const forgeryRefusal401: CheckDef<ForgeryEvidence> = {
  id: 'security.tokens.refusal-401',
  title: 'the refusal of a forged token is a 401',
  specRefs: ['RFC 6750 §3.1'],
  severity: 'should',
  keyword: 'SHOULD',
  requires: ['jwt-access-tokens', 'tokens:access'],
  evaluate: (e) =>
    controlled([genuineWorks(e)], () =>
      ofRefusals(
        e.probes.map((p) => ({ label: `a token with ${p.label}`, ex: p.ex })),
        'the security.tokens.* checks',
        status401,
      ),
    ),
};

export const TOKEN_FORGERY_CHECKS: readonly CheckDef<never>[] = [
  algNoneRefused,
  algorithmConfusionRefused,
  signatureStrippedRefused,
  signatureAlteredRefused,
  claimTamperedRefused,
  injectedKeyRefused,
  nbfFutureRefused,
  audOtherClientRefused,
  expRequired,
  forgeryRefusal401,
] as readonly CheckDef<never>[];
