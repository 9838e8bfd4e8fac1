// Forged and tampered access tokens are refused on a resource request (RFC 8725, RFC 7519).
import { accessRefused } from '../conditions.js';
import { all, fail, type CheckDef, type Outcome, type Requirement } from '../types.js';

export interface ForgeryEvidence {
  /** Each forged token's resource request, labelled with how it was made. */
  probes: { label: string; ex: import('../types.js').Exchange }[];
}

export function evaluateForgeries(e: ForgeryEvidence): Outcome {
  if (e.probes.length === 0) return fail('no forged token was presented');
  return all(...e.probes.map((p) => accessRefused(p.ex, `a token with ${p.label}`)));
}

function forgery(name: string, title: string, specRefs: string[], requires: Requirement[] = [], severity: 'must' | 'should' = 'must'): CheckDef<ForgeryEvidence> {
  return {
    id: `security.tokens.${name}`,
    title,
    specRefs,
    severity,
    requires: ['jwt-access-tokens', 'tokens:access', ...requires],
    evaluate: evaluateForgeries,
  };
}

export const algNoneRefused = forgery('alg-none-refused', 'an unsigned token (alg "none") is refused with 401', ['RFC 8725 §2.1', 'RFC 8725 §3.1']);
export const algorithmConfusionRefused = forgery(
  'algorithm-confusion-refused',
  "a token HS256-signed with the server's RSA public key is refused with 401",
  ['RFC 8725 §2.1', 'RFC 8725 §3.1'],
  ['public-key'],
);
export const signatureStrippedRefused = forgery('signature-stripped-refused', 'a token with its signature removed is refused with 401', ['RFC 8725 §3.1', 'RFC 7515 §5.2']);
export const signatureAlteredRefused = forgery('signature-altered-refused', 'a token with an altered signature byte is refused with 401', ['RFC 7515 §5.2']);
export const claimTamperedRefused = forgery('claim-tampered-refused', 'a token whose sub or exp was changed without re-signing is refused with 401', ['RFC 7515 §5.2', 'RFC 8725 §3.1']);
export const injectedKeyRefused = forgery(
  'injected-key-refused',
  'tokens naming an attacker key in their header (jwk, jku, kid) are refused with 401',
  ['RFC 8725 §2.1', 'RFC 8725 §3.10', 'RFC 7515 §4.1.3'],
);
export const nbfFutureRefused = forgery('nbf-future-refused', 'a validly signed token whose nbf lies in the future is refused with 401', ['RFC 7519 §4.1.5'], ['signing-key']);
export const audOtherClientRefused = forgery('aud-other-client-refused', 'a validly signed token whose aud names another client is refused with 401', ['RFC 7519 §4.1.3'], ['signing-key']);
export const expRequired = forgery('exp-required', 'a validly signed token without exp is refused with 401', ['RFC 8725 §3.10', 'RFC 7519 §4.1.4'], ['signing-key'], 'should');

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
] as readonly CheckDef<never>[];
