import type { Organisation } from './organisation.types';

const iso = (date: Date | undefined) => date?.toISOString();

/** A profile as the API shows it, dates as ISO strings. */
export function organisationDto(organisation: Organisation) {
  const { pledge, verification, createdAt, updatedAt, ...rest } = organisation;
  return {
    ...rest,
    pledge: pledge ? { ...pledge, acceptedAt: pledge.acceptedAt.toISOString() } : null,
    verification: { ...verification, decidedAt: iso(verification.decidedAt) },
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

export type OrganisationDto = ReturnType<typeof organisationDto>;
