import { check, test } from '../../../fixtures/check.js';
import { missingGrantTypeInvalidRequest } from '../../../src/checks/oauth2/errors.js';
import { tokenRefusal } from '../../../fixtures/flows.js';

test(...check(missingGrantTypeInvalidRequest, (h) => tokenRefusal(h, (p) => delete p.grant_type)));
