import { check, test } from '../../fixtures/check.js';
import { invalidTokenChallenge } from '../../src/checks/bearer.js';
import { tamper } from '../../fixtures/flows.js';

// RFC 6750 §3
test(...check(invalidTokenChallenge, async (h) => {
  const real = (await h.tokens.access()).accessToken;
  return { control: await h.api.probe(real), attempt: await h.api.probe(tamper(real)) };
}));
