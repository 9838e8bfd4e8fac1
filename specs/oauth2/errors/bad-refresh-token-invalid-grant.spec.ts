import { check, test } from '../../../fixtures/check.js';
import { badRefreshTokenInvalidGrant } from '../../../src/checks/oauth2/errors.js';
import { madeUpRefreshToken } from '../../../fixtures/flows.js';

// RFC 6749 §5.2
test(...check(badRefreshTokenInvalidGrant, madeUpRefreshToken));
