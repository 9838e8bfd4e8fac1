import { check, test } from '../../../fixtures/check.js';
import { corsEvidence } from '../../../fixtures/disclosure.js';
import { noCorsWildcard } from '../../../src/checks/security/disclosure.js';

test(...check(noCorsWildcard, corsEvidence));
