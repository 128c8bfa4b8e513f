import { AppError } from '@hoanhap/kit';
import { isCommuneCode, isProvinceCode } from '@hoanhap/reference';
import type { Caller } from './caller';
import type { ReturneeFacts } from './eligibility/eligibility.types';
import type { LoansContext } from './loans.context';
import { errors } from './loans.errors';
import type { NewApplication } from './create-application.use-case';

/** Who may apply for what: officers for a returnee (production, training), employers for their business. */
export function checkApplicantInput(caller: Caller, input: Partial<NewApplication>): void {
  if (caller.role === 'officer') {
    if (!input.returneeId) throw errors.field('returneeId', 'required', 'an officer applies on behalf of a returnee: returneeId is required');
    if (input.purpose === 'business') throw errors.field('purpose', 'enum', 'an officer applies for production or training; business loans are applied for by the employer');
    if (input.employerOrgId) throw errors.field('employerOrgId', 'absent', 'employerOrgId is for business loans');
  } else {
    if (!input.employerOrgId) throw errors.field('employerOrgId', 'required', 'an employer applies for its business: employerOrgId is required');
    if (input.purpose !== 'business') throw errors.field('purpose', 'enum', 'an employer applies for a business loan (purpose: business)');
    if (input.returneeId || input.referralId) throw errors.field('returneeId', 'absent', 'a business loan names no returnee');
    if (input.staffCount === undefined) throw errors.field('staffCount', 'required', 'staffCount is required for a business loan');
    if (input.qualifyingEmployees === undefined) throw errors.field('qualifyingEmployees', 'required', 'qualifyingEmployees is required for a business loan');
  }
  if (input.purpose === 'training' && input.courseMonths === undefined) throw errors.field('courseMonths', 'required', 'a training loan states the course length (courseMonths)');
  for (const field of ['communeCode', 'confirmation.communeCode'] as const) {
    const value = field === 'communeCode' ? input.communeCode : input.confirmation?.communeCode;
    if (value !== undefined && !isCommuneCode(value)) throw errors.field(field, 'reference', `${value} is not a commune code`);
  }
  if (input.provinceCode !== undefined && !isProvinceCode(input.provinceCode)) throw errors.field('provinceCode', 'reference', `${input.provinceCode} is not a province code`);
}

export interface BorrowerSide {
  facts?: ReturneeFacts;
  place?: { provinceCode?: string; communeCode?: string };
}

/**
 * The facts the application rests on. A returnee loans has not heard of yet answers 409 with Retry-After
 * (cases' event is on its way); one without shareWithBank consent cannot apply (422).
 */
export async function resolveBorrowerSide(ctx: LoansContext, caller: Caller, input: NewApplication): Promise<BorrowerSide> {
  if (input.employerOrgId) {
    if (input.employerOrgId !== caller.orgId) throw new AppError('AUTH.FORBIDDEN_ORG', 403, 'an employer applies for its own organisation only');
    return {};
  }
  const facts = await ctx.returnees.get(input.returneeId!);
  if (!facts) throw errors.returneeNotYetKnown(input.returneeId!, ctx.settings.retryAfterSec);
  if (!facts.shareWithBank || !facts.creditWindowEndsOn) throw errors.bankConsentMissing();
  if (caller.provinceCode && facts.provinceCode && caller.provinceCode !== facts.provinceCode) throw errors.outsideProvince();
  if (input.referralId) await checkReferral(ctx, input.referralId, input.returneeId!);
  return { facts, place: { provinceCode: facts.provinceCode, communeCode: facts.communeCode } };
}

async function checkReferral(ctx: LoansContext, referralId: string, returneeId: string): Promise<void> {
  const referral = await ctx.referrals.get(referralId);
  if (!referral) throw errors.referralNotYetKnown(referralId, ctx.settings.retryAfterSec);
  if (referral.targetKind !== 'loan') throw errors.referralMismatch('this referral is not a referral to a loan');
  if (referral.returneeId !== returneeId) throw errors.referralMismatch('this referral is for another returnee');
  if (referral.withdrawn) throw errors.referralMismatch('this referral was withdrawn');
}
