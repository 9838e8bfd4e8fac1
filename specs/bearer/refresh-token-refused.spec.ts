import { check, test } from '../../fixtures/check.js';
import { refreshTokenRefused } from '../../src/checks/bearer.js';

// RFC 6749 §7, RFC 6749 §1.5, RFC 6749 §10.4
test(...check(refreshTokenRefused, async ({ tokens, api }) => {
  const pair = await tokens.refreshable();
  return { control: await api.probe(pair.accessToken), attempt: await api.probe(pair.refreshToken) };
}));
