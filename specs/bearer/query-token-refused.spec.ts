import { check, test } from '../../fixtures/check.js';
import { queryTokenRefused } from '../../src/checks/bearer.js';

// RFC 6750 §2.3, RFC 6750 §5.3, RFC 9700 §4.3.2
test(...check(queryTokenRefused, async (h) => {
  const t = (await h.tokens.access()).accessToken;
  return { control: await h.api.probe(t), baseline: await h.api.probeWith({}), attempt: await h.api.probeWith({}, `access_token=${encodeURIComponent(t)}`) };
}));
