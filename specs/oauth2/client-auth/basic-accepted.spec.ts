import { check, test } from '../../../fixtures/check.js';
import { basicAccepted } from '../../../src/checks/oauth2/client-auth.js';

// RFC 6749 §2.3.1
test(...check(basicAccepted, ({ oauth, tokens }) => {
  const { client_id, client_secret, ...rest } = tokens.directParams();
  return oauth.tokenRequest(rest, { basic: { id: client_id!, secret: client_secret! } });
}));
