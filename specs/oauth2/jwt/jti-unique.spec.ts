import { check, test } from '../../../fixtures/check.js';
import { jwtJtiUnique } from '../../../src/checks/oauth2/jwt.js';

// RFC 7519 §4.1.7
test(...check(jwtJtiUnique, async ({ tokens }) => ({
  accessTokens: [(await tokens.access()).accessToken, (await tokens.access()).accessToken],
})));
