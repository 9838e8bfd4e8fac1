import { check, test } from '../../../fixtures/check.js';
import { accessTokenExpires } from '../../../src/checks/oauth2/expiry.js';
import { expiredOrSkip } from '../../../fixtures/flows.js';

// RFC 6750 §3.1, RFC 6749 §5.1
test(...check(accessTokenExpires, async ({ expiry }) => {
  const { wait } = expiredOrSkip(await expiry.accessExpired());
  return { exchange: wait.exchange, ...(wait.observedLeewayMs !== undefined ? { observedLeewayMs: wait.observedLeewayMs } : {}) };
}));
