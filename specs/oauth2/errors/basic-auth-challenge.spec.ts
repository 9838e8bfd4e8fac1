import { check, test } from '../../../fixtures/check.js';
import { basicAuthChallenge } from '../../../src/checks/oauth2/errors.js';

// RFC 6749 §5.2, RFC 6749 §2.3.1
test(...check(basicAuthChallenge, async ({ oauth, tokens }) => {
  const { client_id, client_secret, ...rest } = tokens.directParams();
  return {
    control: await oauth.tokenRequest(rest, { basic: { id: client_id!, secret: client_secret! } }),
    attempt: await oauth.tokenRequest(rest, { basic: { id: client_id!, secret: `${client_secret}-wrong` } }),
  };
}));
