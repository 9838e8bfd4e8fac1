import { check, test } from '../../fixtures/check.js';
import { queryTokenRefused } from '../../src/checks/bearer.js';

// RFC 6750 §2.3
test(...check(queryTokenRefused, async (h) => {
  const t = (await h.tokens.access()).accessToken;
  return h.api.probeWith({}, `access_token=${encodeURIComponent(t)}`);
}));
