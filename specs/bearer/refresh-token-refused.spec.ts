import { check, test } from '../../fixtures/check.js';
import { refreshTokenRefused } from '../../src/checks/bearer.js';
import { requireRefresh } from '../../fixtures/flows.js';

// RFC 6749 §1.5, §10.4
test(...check(refreshTokenRefused, async ({ oauth, api }) => api.probe(requireRefresh(await oauth.obtain('password')))));
