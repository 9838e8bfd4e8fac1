import { check, test } from '../../../fixtures/check.js';
import { clientRevocationEvidence } from '../../../fixtures/disclosure.js';
import { clientRevocationKillsTokens } from '../../../src/checks/security/revocation.js';

test(...check(clientRevocationKillsTokens, clientRevocationEvidence));
