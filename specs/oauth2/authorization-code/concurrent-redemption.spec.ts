import { check, test } from '../../../fixtures/check.js';
import { raceEvidence } from '../../../fixtures/authorization-code.js';
import { codeConcurrentRedemption } from '../../../src/checks/oauth2/authorization-code.js';

test(...check(codeConcurrentRedemption, raceEvidence));
