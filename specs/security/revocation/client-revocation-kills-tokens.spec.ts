import { check, test } from '../../../fixtures/check.js';
import { clientRevocationEvidence } from '../../../fixtures/disclosure.js';
import { clientRevocationKillsTokens } from '../../../src/checks/security/revocation.js';

// RFC 7009 §2.1; RFC 6749 §10.4 (uses the spare client: the main client is never revoked)
test(...check(clientRevocationKillsTokens, clientRevocationEvidence));
