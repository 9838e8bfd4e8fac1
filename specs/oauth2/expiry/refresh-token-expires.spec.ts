import { check, test } from '../../../fixtures/check.js';
import { refreshTokenExpires } from '../../../src/checks/oauth2/expiry.js';
import { expiredOrSkip } from '../../../fixtures/flows.js';

// RFC 6749 §6, RFC 6749 §10.4
test(...check(refreshTokenExpires, async ({ expiry }) => {
  const { exchange, control } = expiredOrSkip(await expiry.refreshExpired());
  return { attempt: exchange, control };
}));
