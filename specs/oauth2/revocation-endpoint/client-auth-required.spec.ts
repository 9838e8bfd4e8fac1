import { check, test } from '../../../fixtures/check.js';
import { revokeWithWrongSecret } from '../../../fixtures/revocation-endpoint.js';
import { clientAuthRequired } from '../../../src/checks/oauth2/revocation-endpoint.js';

// RFC 7009 §2.1, RFC 6749 §5.2
test(...check(clientAuthRequired, revokeWithWrongSecret));
