import type { IdempotencyCache } from '@hoanhap/kit';
import type { ApplicationRepository } from '../store/application.repository';
import type { CheckInRepository } from '../store/check-in.repository';
import type { InvitationRepository } from '../store/invitation.repository';
import type { JobRepository } from '../store/job.repository';
import type { OpeningClaimsRepository } from '../store/opening-claims.repository';
import type { OrganisationRepository } from '../store/organisation.repository';
import type { ReturneeProfileRepository } from '../store/returnee-profile.repository';

/** What the use cases work with; built once in app.ts. */
export interface EmployersContext {
  organisations: OrganisationRepository;
  jobs: JobRepository;
  applications: ApplicationRepository;
  profiles: ReturneeProfileRepository;
  invitations: InvitationRepository;
  checkIns: CheckInRepository;
  openings: OpeningClaimsRepository;
  idempotencyCache?: IdempotencyCache;
  now: () => Date;
}
