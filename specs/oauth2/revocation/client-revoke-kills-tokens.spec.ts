import { check, test } from '../../../fixtures/check.js';
import { clientRevokeKillsTokens } from '../../../src/checks/oauth2/client-revocation.js';
import { clientRevocation } from '../../../fixtures/dialects.js';

// RFC 7009 §2.2, RFC 9700 §4.14
test(...check(clientRevokeKillsTokens, clientRevocation));
