import { check, test } from '../../fixtures/check.js';
import { invalidToken401 } from '../../src/checks/bearer.js';
import { tamper } from '../../fixtures/flows.js';

// RFC 6750 §3.1
test(...check(invalidToken401, async (h) => {
  const real = (await h.tokens.access()).accessToken;
  return [
    { label: 'a random string', ex: await h.api.probe('not-a-token') },
    { label: 'abc.def.ghi', ex: await h.api.probe('abc.def.ghi') },
    { label: 'a token with a changed signature', ex: await h.api.probe(tamper(real)) },
  ];
}));
