import { check, test } from '../../../fixtures/check.js';
import { echoEvidence } from '../../../fixtures/disclosure.js';
import { noSecretEcho } from '../../../src/checks/security/disclosure.js';

test(...check(noSecretEcho, echoEvidence));
