import { check, test } from '../../../fixtures/check.js';
import { badRefreshTokenRejected } from '../../../src/checks/oauth2/errors.js';
import { madeUpRefreshToken } from '../../../fixtures/flows.js';

// RFC 6749 §6, RFC 6749 §10.4
test(...check(badRefreshTokenRejected, madeUpRefreshToken));
