import { check, test } from '../../fixtures/check.js';
import { rawTokenRefused } from '../../src/checks/bearer.js';

// RFC 6750 §2.1, RFC 6750 §3.1
test(...check(rawTokenRefused, async ({ tokens, api }) => {
  const t = (await tokens.access()).accessToken;
  return { control: await api.probeWith({ authorization: `Bearer ${t}` }), baseline: await api.probeWith({}), attempt: await api.probeWith({ authorization: t }) };
}));
