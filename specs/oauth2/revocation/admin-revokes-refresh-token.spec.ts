import { check, test } from '../../../fixtures/check.js';
import { adminRevokesRefreshToken } from '../../../src/checks/oauth2/revocation.js';
import { adminRevocation, requireRefresh, requireRefusalAttributable } from '../../../fixtures/flows.js';

// RFC 7009 §2.2, RFC 9700 §4.14
test(...check(adminRevokesRefreshToken, async (h) => {
  const { tokens } = await adminRevocation(h, 'refresh');
  const answer = await h.oauth.tokenRequest(h.tokens.refreshParams(requireRefresh(tokens), tokens.client));
  requireRefusalAttributable(h, [tokens], 'refresh', [answer]);
  return answer;
}));
