import { check, test } from '../../../fixtures/check.js';
import { badRefreshTokenInvalidGrant } from '../../../src/checks/oauth2/errors.js';
import { siblingRefresh, unknownName } from '../../../fixtures/flows.js';

// RFC 6749 §5.2
test(...check(badRefreshTokenInvalidGrant, async (h) => ({
  control: await siblingRefresh(h),
  attempt: await h.oauth.tokenRequest(h.tokens.refreshParams(unknownName('refresh-token'))),
})));
