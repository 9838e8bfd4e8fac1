import { check, test } from '../../../fixtures/check.js';
import { noServerErrorOnMalformed } from '../../../src/checks/oauth2/errors.js';
import { malformedTokenRequests } from '../../../fixtures/malformed.js';

test(...check(noServerErrorOnMalformed, malformedTokenRequests));
