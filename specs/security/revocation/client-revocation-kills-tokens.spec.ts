import { check, test } from '../../../fixtures/check.js';
import { clientRevocationEvidence } from '../../../fixtures/disclosure.js';
import { clientRevocationKillsTokens } from '../../../src/checks/security/revocation.js';

// RFC 6749 §7, RFC 6749 §6, RFC 7009 §2.1
test(...check(clientRevocationKillsTokens, clientRevocationEvidence));
