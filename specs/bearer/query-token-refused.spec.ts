import { check, test } from '../../fixtures/check.js';
import { queryTokenRefused } from '../../src/checks/bearer.js';

test(...check(queryTokenRefused, async (h) => {
  const t = (await h.tokens.access()).accessToken;
  return { control: await h.api.probe(t), baseline: await h.api.probeWith({}), attempt: await h.api.probeWith({}, `access_token=${encodeURIComponent(t)}`) };
}));
