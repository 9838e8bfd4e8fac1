// Error texts a vendor documents (profile.vendorErrors): integrations match on them.
import { describe } from './conditions.js';
import { fail, pass, type CheckDef, type Exchange } from './types.js';

export interface VendorErrorEvidence {
  exchange: Exchange;
  expected: string;
}

export const expiredTokenVendorError: CheckDef<VendorErrorEvidence> = {
  id: 'bearer.expired-token-vendor-error',
  title: 'an expired access token gets 401 with the error text the vendor documents',
  specRefs: ['RFC 6750 §3.1', 'Vendor: Flexie CRM API (Invalid Token Error)'],
  severity: 'should',
  requires: ['vendor-expired-error', 'tokens:access', 'resource-api', 'wait:access-expiry'],
  evaluate({ exchange, expected }) {
    const r = exchange.response;
    if (!r || r.status !== 401) return fail(`expected HTTP 401, got ${describe(exchange)}`);
    return r.text.toLowerCase().includes(expected.toLowerCase()) ? pass() : fail(`the 401 body does not say "${expected}": ${describe(exchange)}`);
  },
};

export const BEARER_VENDOR_CHECKS = [expiredTokenVendorError];
