import { check, test } from '../../../fixtures/check.js';
import { revokeAsOtherClient } from '../../../fixtures/revocation-endpoint.js';
import { otherClientRefused } from '../../../src/checks/oauth2/revocation-endpoint.js';

// RFC 7009 §2.1
test(...check(otherClientRefused, revokeAsOtherClient));
