import { check, test } from '../../../fixtures/check.js';
import { badRefreshTokenRejected } from '../../../src/checks/oauth2/errors.js';
import { unknownName } from '../../../fixtures/flows.js';

// RFC 6749 §6, §5.2
test(...check(badRefreshTokenRejected, ({ oauth, tokens }) => oauth.tokenRequest(tokens.refreshParams(unknownName('refresh-token')))));
