import type {
  ApplicationStatusChangedV1,
  CertificateIssuedV1,
  EmploymentCheckedV1,
  EnrolmentStatusChangedV1,
  JobStateV1,
  LoanApplicationStatusChangedV1,
  MilestoneReachedV1,
  ReferralCreatedV1,
  ReferralStatusChangedV1,
  ReturneeRegisteredV1,
  ReturneeTransferredV1,
} from '@hoanhap/contracts';
import { fact, type NewFact } from './fact.types';

/**
 * Event → facts. Pure, so the same function serves live consumption and replay. Ids are natural keys, not
 * event ids, so that a fact is counted once even if its producer re-publishes it under a new eventId.
 */
export const registeredFacts = (p: ReturneeRegisteredV1): NewFact[] => [
  fact(`received:${p.returneeId}`, `received:${p.releaseKind}`, p.registeredAt, { returneeId: p.returneeId, place: p }),
];

// a transfer moves a returnee out of one commune's caseload into another's; "under management" = received + in − out
export const transferredFacts = (p: ReturneeTransferredV1): NewFact[] => [
  fact(`transfer-out:${p.returneeId}:${p.at}`, 'transfer-out', p.at, { returneeId: p.returneeId, place: p.from }),
  fact(`transfer-in:${p.returneeId}:${p.at}`, 'transfer-in', p.at, { returneeId: p.returneeId, place: p.to }),
];

const NEED_OF_MILESTONE: Record<MilestoneReachedV1['milestone'], string> = {
  'id-card': 'need-met:id-card',
  'residence-registered': 'need-met:residence',
  'job-started': 'need-met:job',
  'loan-received': 'need-met:loan',
  'record-cleared': 'records-cleared',
};

export const milestoneFacts = (p: MilestoneReachedV1): NewFact[] => [
  fact(`milestone:${p.returneeId}:${p.milestone}`, NEED_OF_MILESTONE[p.milestone], p.on, { returneeId: p.returneeId, place: p }),
];

export const referralCreatedFacts = (p: ReferralCreatedV1): NewFact[] => [
  fact(`referral:${p.referralId}`, `referral-created:${p.target.kind}`, p.createdAt, { returneeId: p.returneeId, place: p }),
];

const OUTCOMES = new Set(['succeeded', 'declined', 'withdrawn']);

// only the first final answer of a referral counts; the mean time to answer is days / answered, both summed
// (FerretDB 1.24 answers 0 for `$sum: 1`, so a count is a fact of its own)
export function referralStatusFacts(p: ReferralStatusChangedV1): NewFact[] {
  if (!OUTCOMES.has(p.status)) return [];
  const base = { returneeId: p.returneeId };
  const facts = [fact(`referral-outcome:${p.referralId}`, `referral-outcome:${p.target.kind}:${p.status}`, p.at, base)];
  if (p.daysToAnswer !== undefined && p.status !== 'withdrawn') {
    facts.push(fact(`referral-days:${p.referralId}`, `referral-days:${p.target.kind}`, p.at, { ...base, n: p.daysToAnswer }));
    facts.push(fact(`referral-answered:${p.referralId}`, `referral-answered:${p.target.kind}`, p.at, base));
  }
  return facts;
}

// the job's own date when it states one: a replayed or late event must land in the month it was posted
export const jobPostedFacts = (p: JobStateV1, occurredAt: string): NewFact[] => [
  fact(`job:${p.jobId}`, `job-posted:${p.employmentType}`, p.updatedAt ?? occurredAt, { place: p }),
  fact(`job-openings:${p.jobId}`, `job-openings:${p.employmentType}`, p.updatedAt ?? occurredAt, { place: p, n: p.openings }),
];

export const applicationFacts = (p: ApplicationStatusChangedV1): NewFact[] =>
  p.status === 'hired'
    ? [fact(`hired:${p.applicationId}`, `hired:${p.employmentType}`, p.startDate ?? p.at, { returneeId: p.returneeId })]
    : [];

export const employmentCheckedFacts = (p: EmploymentCheckedV1): NewFact[] => [
  fact(`retained:${p.applicationId}:${p.monthsAfterHire}`, `retained:${p.monthsAfterHire}:${p.stillEmployed ? 'yes' : 'no'}`, p.on, {
    returneeId: p.returneeId,
  }),
];

export function enrolmentFacts(p: EnrolmentStatusChangedV1): NewFact[] {
  const base = { returneeId: p.returneeId };
  if (p.status === 'enrolled') {
    return [fact(`enrolled:${p.enrolmentId}`, 'enrolled', p.at, base), fact(`need-met:training:${p.returneeId}`, 'need-met:training', p.at, base)];
  }
  return p.status === 'completed' ? [fact(`completed:${p.enrolmentId}`, 'completed', p.at, base)] : [];
}

export const certificateFacts = (p: CertificateIssuedV1): NewFact[] => [
  fact(`certificate:${p.certificateId}`, 'certificates', p.issuedOn, { returneeId: p.returneeId }),
  fact(`certified-person:${p.returneeId}`, 'people-certified', p.issuedOn, { returneeId: p.returneeId }),
];

const LOAN_STAGES: Record<string, string> = { submitted: 'applied', approved: 'approved', disbursed: 'disbursed', rejected: 'rejected' };

// a loan counts once per stage it reaches; the amount is the one the event states at that stage (VND)
export function loanFacts(p: LoanApplicationStatusChangedV1): NewFact[] {
  const stage = LOAN_STAGES[p.status];
  if (!stage) return [];
  const place = p.provinceCode && p.communeCode ? { provinceCode: p.provinceCode, communeCode: p.communeCode } : undefined;
  const where = { ...(p.returneeId && { returneeId: p.returneeId }), ...(place && { place }) };
  if (!place && !p.returneeId) return []; // a business loan with no place cannot be put in any commune's figures
  return [
    fact(`loan:${p.applicationId}:${stage}`, `loan:${stage}`, p.at, where),
    fact(`loan-amount:${p.applicationId}:${stage}`, `loan-amount:${stage}`, p.at, { ...where, n: p.amountVnd }),
  ];
}
