import type { Returnee } from './returnee';

/**
 * An employer may only ask about someone who agreed to be proposed (`discoverable`) and to have their profile
 * shared with employers (a referral to a job needs it), with a file still in use. Anything else is answered
 * `declined` / `unavailable` without an officer, and without saying which of these it was.
 */
export const isInvitable = (r: Returnee | null): r is Returnee =>
  !!r && r.status !== 'deleted' && r.consent.discoverable && r.consent.shareWithEmployers;

/** The answer the service gives on its own, and who gives it. */
export const AUTOMATIC = { by: 'system:cases', reason: 'unavailable' } as const;
