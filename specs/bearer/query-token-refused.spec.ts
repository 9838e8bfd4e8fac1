import { check, test } from '../../fixtures/check.js';
import { queryTokenRefused } from '../../src/checks/bearer.js';

// RFC 6750 §2.3
test(...check(queryTokenRefused, async ({ oauth, api }) => {
  const t = (await oauth.obtain('password')).accessToken;
  return api.probeWith({}, `access_token=${encodeURIComponent(t)}`);
}));
