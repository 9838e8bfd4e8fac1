// Login sessions per platform (SugarCRM REST v11: "Sugar only allows 1 user … at a time per
// platform"): integrations rely on their own platform name to keep their session alive.
import { accessGranted, accessRefused } from './conditions.js';
import { all, type CheckDef, type Exchange, type Requirement } from './types.js';

const R: Requirement[] = ['grant:password', 'platform-sessions', 'resource-api'];

export interface PlatformEvidence {
  /** The first session's token before the second login. */
  before: Exchange;
  /** The first session's token after a second login (same or other platform). */
  after: Exchange;
  /** The second login's token. */
  second: Exchange;
}

export const samePlatformEndsFirst: CheckDef<PlatformEvidence> = {
  id: 'session.same-platform-ends-first',
  title: "a second login on the same platform ends the first session's token",
  specRefs: ['Vendor: SugarCRM REST v11 (one session per user and platform)'],
  severity: 'must',
  requires: R,
  evaluate: (e) =>
    all(accessGranted(e.before, 'the first token before'), accessGranted(e.second, 'the second login'), accessRefused(e.after, 'the first token after a login on its platform', [401])),
};

export const otherPlatformSurvives: CheckDef<PlatformEvidence> = {
  id: 'session.other-platform-survives',
  title: "a login on another platform leaves the first session's token working",
  specRefs: ['Vendor: SugarCRM REST v11 (one session per user and platform)'],
  severity: 'must',
  requires: R,
  evaluate: (e) => all(accessGranted(e.second, 'the login on the other platform'), accessGranted(e.after, 'the first token after a login on another platform')),
};

export const SESSION_CHECKS = [samePlatformEndsFirst, otherPlatformSurvives];
