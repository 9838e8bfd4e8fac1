// Login sessions per platform (SugarCRM REST v11: "Sugar only allows 1 user … at a time per
// platform"): integrations rely on their own platform name to keep their session alive. The
// vendor's promise (keyword `profile`, advisory); the first token working before and the second
// login succeeding are the controls. RFC 6749 §1.4 (tokens "represent specific scopes and durations
// of access … enforced by the resource server") is what the rule narrows: a definition, no keyword.
import { succeeds, controlled, notAccepted, accessGranted } from './conditions.js';
import type { CheckDef, Exchange, Requirement } from './types.js';

const R: Requirement[] = ['grant:password', 'platform-sessions', 'resource-api'];

export interface PlatformEvidence {
  /** The first session's token before the second login. */
  before: Exchange;
  /** The first session's token after a second login (same or other platform). */
  after: Exchange;
  /** The second login's token. */
  second: Exchange;
}

const controls = (e: PlatformEvidence) => [succeeds("the first session's token before the second login", e.before), succeeds("the second login's token", e.second)];

export const samePlatformEndsFirst: CheckDef<PlatformEvidence> = {
  id: 'session.same-platform-ends-first',
  title: "a second login on the same platform ends the first session's token",
  specRefs: ['Vendor: SugarCRM REST v11 (one session per user and platform)', 'RFC 6749 §1.4'],
  severity: 'advisory',
  keyword: 'profile',
  requires: R,
  evaluate: (e) => controlled(controls(e), () => notAccepted(e.after, 'the first token after a login on its platform')),
};

export const otherPlatformSurvives: CheckDef<PlatformEvidence> = {
  id: 'session.other-platform-survives',
  title: "a login on another platform leaves the first session's token working",
  specRefs: ['Vendor: SugarCRM REST v11 (one session per user and platform)', 'RFC 6749 §1.4'],
  severity: 'advisory',
  keyword: 'profile',
  requires: R,
  evaluate: (e) => controlled(controls(e), () => accessGranted(e.after, 'the first token after a login on another platform')),
};

export const SESSION_CHECKS = [samePlatformEndsFirst, otherPlatformSurvives];
