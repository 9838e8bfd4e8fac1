import { check, test } from '../../../fixtures/check.js';
import { revokeWithWrongSecret } from '../../../fixtures/revocation-endpoint.js';
import { clientAuthRequired } from '../../../src/checks/oauth2/revocation-endpoint.js';

test(...check(clientAuthRequired, revokeWithWrongSecret));
