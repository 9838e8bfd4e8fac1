import { check, test } from '../../fixtures/check.js';
import { invalidToken401 } from '../../src/checks/bearer.js';
import { tamper } from '../../fixtures/flows.js';

// RFC 6750 §3.1
test(...check(invalidToken401, async ({ oauth, api }) => {
  const real = (await oauth.obtain('password')).accessToken;
  return [
    { label: 'a random string', ex: await api.probe('not-a-token') },
    { label: 'abc.def.ghi', ex: await api.probe('abc.def.ghi') },
    { label: 'a token with a changed signature', ex: await api.probe(tamper(real)) },
  ];
}));
