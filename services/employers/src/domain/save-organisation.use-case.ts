import { type Caller, orgOf } from './caller';
import { errors } from './employers.errors';
import type { EmployersContext } from './employers.context';
import { organisationDto, type OrganisationDto } from './organisation.dto';
import { checkProfile, PLEDGE_VERSION, verificationAfterEdit } from './organisation.rules';
import type { OrganisationProfile } from './organisation.types';
import type { Trace } from './outgoing-event';
import { syncEmployerOnJobs } from './sync-employer-jobs';

/** Creates or replaces the caller's employer profile (the id is the token's orgId). */
export async function saveMyOrganisation(
  ctx: EmployersContext,
  caller: Caller,
  trace: Trace,
  profile: OrganisationProfile,
): Promise<OrganisationDto> {
  const orgId = orgOf(caller);
  checkProfile(profile);
  const now = ctx.now();
  const saved = await ctx.organisations.save(orgId, (current) => ({
    ...profile,
    id: orgId,
    pledge: current?.pledge ?? null,
    verification: verificationAfterEdit(current, profile),
    createdAt: current?.createdAt ?? now,
    updatedAt: now,
  }));
  await syncEmployerOnJobs(ctx, saved, trace);
  return organisationDto(saved);
}

export async function getMyOrganisation(ctx: EmployersContext, caller: Caller): Promise<OrganisationDto> {
  const organisation = await ctx.organisations.findById(orgOf(caller));
  if (!organisation) throw errors.profileMissing();
  return organisationDto(organisation);
}

/** Records the fair-chance pledge: who accepted it for the organisation, and when. */
export async function acceptPledge(
  ctx: EmployersContext,
  caller: Caller,
  input: { acceptedByName: string; acceptedByTitle?: string },
): Promise<OrganisationDto> {
  const now = ctx.now();
  const saved = await ctx.organisations.save(orgOf(caller), (current) => {
    if (!current) throw errors.profileMissing();
    return { ...current, pledge: { version: PLEDGE_VERSION, ...input, acceptedAt: now }, updatedAt: now };
  });
  return organisationDto(saved);
}
