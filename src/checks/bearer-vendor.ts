// Error texts a vendor documents (profile.vendorErrors): integrations match on them. What the text
// says is the vendor's promise (keyword `profile`, advisory).
import { succeeds, controlled, describe } from './conditions.js';
import { fail, inconclusive, pass, type CheckDef, type Exchange } from './types.js';

export interface VendorErrorEvidence {
  /** A fresh token on the same request, after the wait (the control). */
  before: Exchange;
  exchange: Exchange;
  expected: string;
}

export const expiredTokenVendorError: CheckDef<VendorErrorEvidence> = {
  id: 'bearer.expired-token-vendor-error',
  title: 'an expired access token gets 401 with the error text the vendor documents',
  specRefs: ['Vendor: Flexie CRM API (Invalid Token Error)', 'RFC 6750 §3.1'],
  severity: 'advisory',
  keyword: 'profile',
  requires: ['vendor-expired-error', 'tokens:access', 'resource-api', 'wait:access-expiry'],
  evaluate: ({ before, exchange, expected }) =>
    controlled([succeeds('a fresh token on the same request', before)], () => {
      const r = exchange.response;
      if (!r) return inconclusive(`the expired token got no answer at all: ${describe(exchange)}`);
      if (r.status !== 401) return fail(`expected HTTP 401, got ${describe(exchange)}`);
      return r.text.toLowerCase().includes(expected.toLowerCase()) ? pass() : fail(`the 401 body does not say "${expected}": ${describe(exchange)}`);
    }),
};

export const BEARER_VENDOR_CHECKS = [expiredTokenVendorError];
