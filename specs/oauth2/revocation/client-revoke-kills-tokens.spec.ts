import { check, test } from '../../../fixtures/check.js';
import { clientRevokeKillsTokens } from '../../../src/checks/oauth2/client-revocation.js';
import { clientRevocation } from '../../../fixtures/dialects.js';

// RFC 6749 §7, RFC 6750 §3.1, RFC 9700 §4.14
test(...check(clientRevokeKillsTokens, clientRevocation));
