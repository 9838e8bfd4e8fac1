import { check, test } from '../../../fixtures/check.js';
import { noServerErrorOnMalformed } from '../../../src/checks/oauth2/errors.js';
import { malformedTokenRequests } from '../../../fixtures/malformed.js';

// RFC 6749 §5.2, RFC 9110 §15.6
test(...check(noServerErrorOnMalformed, malformedTokenRequests));
