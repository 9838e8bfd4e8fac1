import { check, test } from '../../../fixtures/check.js';
import { revokeUnknown } from '../../../fixtures/revocation-endpoint.js';
import { invalidToken200 } from '../../../src/checks/oauth2/revocation-endpoint.js';

// RFC 7009 §2.2
test(...check(invalidToken200, revokeUnknown));
