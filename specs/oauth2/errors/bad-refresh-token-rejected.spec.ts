import { check, test } from '../../../fixtures/check.js';
import { badRefreshTokenRejected } from '../../../src/checks/oauth2/errors.js';
import { siblingRefresh, unknownName } from '../../../fixtures/flows.js';

// RFC 6749 §6, RFC 6749 §10.4
test(...check(badRefreshTokenRejected, async (h) => ({
  control: await siblingRefresh(h),
  attempt: await h.oauth.tokenRequest(h.tokens.refreshParams(unknownName('refresh-token'))),
})));
