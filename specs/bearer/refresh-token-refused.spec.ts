import { check, test } from '../../fixtures/check.js';
import { refreshTokenRefused } from '../../src/checks/bearer.js';

test(...check(refreshTokenRefused, async ({ tokens, api }) => {
  const pair = await tokens.refreshable();
  return { control: await api.probe(pair.accessToken), attempt: await api.probe(pair.refreshToken) };
}));
