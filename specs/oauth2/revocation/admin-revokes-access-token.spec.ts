import { check, test } from '../../../fixtures/check.js';
import { adminRevokesAccessToken } from '../../../src/checks/oauth2/revocation.js';
import { adminRevocation, requireRefusalAttributable } from '../../../fixtures/flows.js';

// RFC 7009 §2.2, RFC 6750 §3.1
test(...check(adminRevokesAccessToken, async (h) => {
  const evidence = await adminRevocation(h);
  requireRefusalAttributable(h, [evidence.tokens], 'access', [evidence.after]);
  return evidence;
}));
