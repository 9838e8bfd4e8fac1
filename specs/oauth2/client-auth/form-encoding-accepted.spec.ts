import { check, test } from '../../../fixtures/check.js';
import { formEncodingAccepted } from '../../../src/checks/oauth2/client-auth.js';

test(...check(formEncodingAccepted, ({ oauth, tokens }) => oauth.tokenRequest(tokens.directParams(), { encoding: 'form' })));
