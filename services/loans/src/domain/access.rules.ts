import type { LoanApplication } from './application.types';
import type { Caller } from './caller';
import type { ApplicationFilter } from './loans.context';
import { errors } from './loans.errors';

/**
 * Object-level authorisation (OWASP API1). Whoever may not see an application gets the same 404 as for one
 * that does not exist, so ids of other branches or provinces reveal nothing.
 */
export function canRead(application: LoanApplication, caller: Caller): boolean {
  switch (caller.role) {
    case 'admin':
      return true;
    case 'bank':
      return application.branchOrgId !== undefined && application.branchOrgId === caller.orgId && application.status !== 'draft';
    case 'employer':
      return application.employerOrgId !== undefined && application.employerOrgId === caller.orgId;
    case 'officer':
      return application.createdBy.userId === caller.userId || (application.createdBy.role === 'officer' && !!caller.provinceCode && application.provinceCode === caller.provinceCode);
    default:
      return false;
  }
}

/** The applicant side (officer for a returnee, employer for its business) edits, uploads, submits, withdraws. */
export function canEdit(application: LoanApplication, caller: Caller): boolean {
  return (caller.role === 'officer' || caller.role === 'employer') && canRead(application, caller);
}

export function assertReadable(application: LoanApplication | undefined, id: string, caller: Caller): LoanApplication {
  if (!application || !canRead(application, caller)) throw errors.notFound(id);
  return application;
}

export function assertEditable(application: LoanApplication | undefined, id: string, caller: Caller): LoanApplication {
  if (!application || !canEdit(application, caller)) throw errors.notFound(id);
  return application;
}

/** The list filter each role is held to, whatever it asks for. */
export function listScope(caller: Caller, asked: { branch?: string }): ApplicationFilter {
  switch (caller.role) {
    case 'bank':
      if (asked.branch !== undefined && asked.branch !== caller.orgId) throw errors.wrongBranch();
      return { branchOrgId: caller.orgId ?? '-', excludeDrafts: true };
    case 'employer':
      return { employerOrgId: caller.orgId ?? '-' };
    case 'officer':
      return caller.provinceCode ? { provinceCode: caller.provinceCode } : { createdByUserId: caller.userId };
    default:
      return asked.branch ? { branchOrgId: asked.branch } : {};
  }
}
