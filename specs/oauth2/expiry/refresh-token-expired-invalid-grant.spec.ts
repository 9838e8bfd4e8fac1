import { check, test } from '../../../fixtures/check.js';
import { refreshTokenExpiredInvalidGrant } from '../../../src/checks/oauth2/expiry.js';
import { expiredOrSkip } from '../../../fixtures/flows.js';

// RFC 6749 §5.2
test(...check(refreshTokenExpiredInvalidGrant, async ({ expiry }) => {
  const { exchange, control } = expiredOrSkip(await expiry.refreshExpired());
  return { attempt: exchange, control };
}));
