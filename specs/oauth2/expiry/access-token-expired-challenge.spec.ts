import { check, test } from '../../../fixtures/check.js';
import { accessTokenExpiredChallenge } from '../../../src/checks/oauth2/expiry.js';
import { expiredOrSkip } from '../../../fixtures/flows.js';

// RFC 6750 §3
test(...check(accessTokenExpiredChallenge, async ({ expiry }) => {
  const { wait, control } = expiredOrSkip(await expiry.accessExpired());
  return { control, exchange: wait.exchange, ...(wait.observedLeewayMs !== undefined ? { observedLeewayMs: wait.observedLeewayMs } : {}) };
}));
