import { check, test } from '../../../fixtures/check.js';
import { jwtJtiUnique } from '../../../src/checks/oauth2/jwt.js';

// RFC 7519 §4.1.7
test(...check(jwtJtiUnique, async ({ oauth }) => ({
  accessTokens: [(await oauth.obtain('password')).accessToken, (await oauth.obtain('password')).accessToken],
})));
