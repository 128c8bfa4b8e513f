import type { Application } from './application.types';
import { type Caller, isEmployerOf } from './caller';
import { errors } from './employers.errors';
import type { EmployersContext } from './employers.context';

/**
 * Who may see an application: the employer it was sent to; officers of the
 * organisation that referred, or of the same province; admins. Others get
 * 404, never 403, so ids cannot be probed.
 */
export function canSeeApplication(caller: Caller, application: Application): boolean {
  if (caller.role === 'employer') return isEmployerOf(caller, application.employerOrgId);
  if (caller.role === 'officer') {
    return (
      (!!caller.orgId && caller.orgId === application.officerOrgId) ||
      (!!caller.provinceCode && caller.provinceCode === application.provinceCode)
    );
  }
  return caller.role === 'admin';
}

export async function loadVisibleApplication(ctx: EmployersContext, caller: Caller, id: string): Promise<Application> {
  const application = await ctx.applications.findById(id);
  if (!application || !canSeeApplication(caller, application)) throw errors.applicationNotFound(id);
  return application;
}
