import { check, test } from '../../fixtures/check.js';
import { refreshTokenRefused } from '../../src/checks/bearer.js';

// RFC 6749 §1.5, §10.4
test(...check(refreshTokenRefused, async ({ tokens, api }) => api.probe((await tokens.refreshable()).refreshToken)));
