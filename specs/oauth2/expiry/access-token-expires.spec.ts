import { check, test } from '../../../fixtures/check.js';
import { accessTokenExpires } from '../../../src/checks/oauth2/expiry.js';
import { expiredOrSkip } from '../../../fixtures/flows.js';

// RFC 6749 §7, RFC 6749 §5.1, RFC 7519 §4.1.4
test(...check(accessTokenExpires, async ({ expiry }) => {
  const { wait, control } = expiredOrSkip(await expiry.accessExpired());
  return { control, exchange: wait.exchange, ...(wait.observedLeewayMs !== undefined ? { observedLeewayMs: wait.observedLeewayMs } : {}) };
}));
