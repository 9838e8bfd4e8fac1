import { check, test } from '../../../fixtures/check.js';
import { refreshTokenExpiredInvalidGrant } from '../../../src/checks/oauth2/expiry.js';
import { expiredOrSkip } from '../../../fixtures/flows.js';

// RFC 6749 §6, §5.2
test(...check(refreshTokenExpiredInvalidGrant, async ({ expiry }) => expiredOrSkip(await expiry.refreshExpired()).exchange));
