import { browserCheck, browserCodeFlow, test } from '../../../fixtures/browser.js';
import { browserFlow } from '../../../src/checks/oauth2/authorization-code.js';

test(...browserCheck(browserFlow, browserCodeFlow));
