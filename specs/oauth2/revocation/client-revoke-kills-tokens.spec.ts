import { check, test } from '../../../fixtures/check.js';
import { clientRevokeKillsTokens } from '../../../src/checks/oauth2/client-revocation.js';
import { clientRevocation } from '../../../fixtures/dialects.js';

test(...check(clientRevokeKillsTokens, clientRevocation));
