import type { EmployersContext } from './employers.context';
import type { EmployerView } from './returnee-profile.types';

/** The essentials of cases.returnee.profile-published.v1 this service keeps. */
export interface PublishedProfile {
  returneeId: string;
  revision: number;
  consent: { shareWithEmployers: boolean; discoverable: boolean };
  employerView?: EmployerView;
}

/** Only the view's own fields are stored: anything else an upstream bug adds never lands here. */
const storedView = ({ givenName, skills, certificates, availableFrom }: EmployerView): EmployerView => ({
  givenName,
  skills,
  certificates,
  ...(availableFrom ? { availableFrom } : {}),
});

/**
 * Keeps the newest revision of a returnee's consented profile. A revision
 * without `employerView` (consent revoked) replaces the stored one whole,
 * so what employers saw is gone from the next read on. Nothing else of the
 * event (matching facts, other views) is stored here.
 */
export async function recordProfile(ctx: EmployersContext, event: PublishedProfile): Promise<boolean> {
  const shareWithEmployers = event.consent.shareWithEmployers && event.employerView !== undefined;
  return ctx.profiles.saveIfNewer({
    returneeId: event.returneeId,
    revision: event.revision,
    discoverable: event.consent.discoverable,
    shareWithEmployers,
    ...(shareWithEmployers && event.employerView ? { employerView: storedView(event.employerView) } : {}),
    updatedAt: ctx.now(),
  });
}
