import type { CollegesContext } from './colleges.context';

/** What colleges reads of cases.returnee.profile-published.v1; every other section is ignored on arrival. */
export interface PublishedProfile {
  returneeId: string;
  revision: number;
  collegeView?: { givenName: string; skills: string[] };
}

/**
 * Keeps the highest revision of a returnee's college view. A revision without it (consent to share with
 * colleges revoked) removes the name and skills held here; the id stays known for enrolments in progress.
 */
export async function applyProfile(ctx: CollegesContext, profile: PublishedProfile): Promise<boolean> {
  const held = await ctx.returnees.find(profile.returneeId);
  if (held && held.revision >= profile.revision) return false;
  await ctx.returnees.save({
    returneeId: profile.returneeId,
    revision: profile.revision,
    ...(profile.collegeView ? { collegeView: { givenName: profile.collegeView.givenName, skills: profile.collegeView.skills } } : {}),
  });
  return true;
}
