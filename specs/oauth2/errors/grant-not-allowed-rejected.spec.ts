import { check, test } from '../../../fixtures/check.js';
import { grantNotAllowedRejected } from '../../../src/checks/oauth2/errors.js';

// RFC 6749 §5.2: the client_credentials client asks for a password grant
test(...check(grantNotAllowedRejected, ({ oauth }) => {
  const cc = oauth.clientCredentialsParams();
  return oauth.tokenRequest({ ...oauth.passwordParams(), client_id: cc.client_id!, client_secret: cc.client_secret! });
}));
