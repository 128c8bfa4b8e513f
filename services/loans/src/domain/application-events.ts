import { loanApplicationStatusChangedV1, type LoanApplicationStatusChangedV1 } from '@hoanhap/contracts';
import type { ApplicationStatus, LoanApplication } from './application.types';
import type { OutgoingEvent } from './outgoing-event';

/** The amount that matters at this point: disbursed, else requested (approval keeps the requested amount). */
const amountOf = (application: LoanApplication) => application.disbursement?.amountVnd ?? application.amountVnd;

/** loans.application.status-changed.v1 for the application as it now stands (EVENTS.md row). */
export function statusChangedEvent(application: LoanApplication, previous?: ApplicationStatus, reasons?: string[]): OutgoingEvent<LoanApplicationStatusChangedV1> {
  const payload: LoanApplicationStatusChangedV1 = {
    applicationId: application.id,
    ...(application.referralId ? { referralId: application.referralId } : {}),
    ...(application.returneeId ? { returneeId: application.returneeId } : {}),
    ...(application.employerOrgId ? { employerOrgId: application.employerOrgId } : {}),
    borrowerKind: application.borrowerKind,
    purpose: application.purpose,
    status: application.status,
    ...(previous ? { previousStatus: previous } : {}),
    amountVnd: amountOf(application),
    ...(reasons?.length ? { reasons } : {}),
    ...(application.branchOrgId ? { branchOrgId: application.branchOrgId } : {}),
    ...(application.provinceCode ? { provinceCode: application.provinceCode } : {}),
    ...(application.communeCode ? { communeCode: application.communeCode } : {}),
    at: application.updatedAt,
  };
  return { definition: loanApplicationStatusChangedV1, payload, key: application.id };
}
