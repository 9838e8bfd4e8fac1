import { check, test } from '../../../fixtures/check.js';
import { malformedTokenRequests } from '../../../fixtures/malformed.js';
import { noStackTrace } from '../../../src/checks/security/disclosure.js';

test(...check(noStackTrace, malformedTokenRequests));
