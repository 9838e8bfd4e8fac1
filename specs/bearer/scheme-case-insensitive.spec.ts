import { check, test } from '../../fixtures/check.js';
import { schemeCaseInsensitive } from '../../src/checks/bearer.js';

// RFC 6750 §2.1, RFC 9110 §11.1
test(...check(schemeCaseInsensitive, async ({ tokens, api }) => {
  const t = (await tokens.access()).accessToken;
  return { control: await api.probeWith({ authorization: `Bearer ${t}` }), attempt: await api.probeWith({ authorization: `bearer ${t}` }) };
}));
