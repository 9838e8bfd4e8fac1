import { check, test } from '../../../fixtures/check.js';
import { jwtJtiUnique } from '../../../src/checks/oauth2/jwt.js';

test(...check(jwtJtiUnique, async ({ tokens }) => ({
  accessTokens: [(await tokens.access()).accessToken, (await tokens.access()).accessToken],
})));
