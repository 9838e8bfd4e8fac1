import { check, test } from '../../../fixtures/check.js';
import { formEncodingAccepted } from '../../../src/checks/oauth2/client-auth.js';

// RFC 6749 §4.3.2, RFC 6749 §4.4.2, RFC 6749 §3.2
test(...check(formEncodingAccepted, ({ oauth, tokens }) => oauth.tokenRequest(tokens.directParams(), { encoding: 'form' })));
