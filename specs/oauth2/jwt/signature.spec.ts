import { check, test } from '../../../fixtures/check.js';
import { jwtSignature } from '../../../src/checks/oauth2/jwt.js';
import { jwtEvidence } from '../../../fixtures/flows.js';
import { verifySignature } from '../../../src/jwt/verify.js';

// RFC 7515 §5.2, RFC 7519 §7.2
test(
  ...check(jwtSignature, async (h) => {
    const e = await jwtEvidence(h);
    return { ...e, signature: await verifySignature(e.accessToken, h.target.publicKeyPem!) };
  }),
);
