import type { components } from '@hoanhap/contracts/src/generated/cases';
import { everyOf, http } from './http';

type Schemas = components['schemas'];

export type Gender = Schemas['Gender'];
export type ReleaseKind = Schemas['ReleaseKind'];
export type SentenceKind = Schemas['Sentence']['kind'];
export type Need = Schemas['Need'];
export type Grade = Schemas['Grade'];
export type ConsentMethod = Schemas['ConsentMethod'];
export type MilestoneKind = Schemas['MilestoneInput']['kind'];
export type ReferralKind = Schemas['NewReferral']['target']['kind'];
export type ReferralStatus = Schemas['ReferralStatus'];

export const GENDERS = everyOf<Gender>()(['male', 'female', 'other']);
export const RELEASE_KINDS = everyOf<ReleaseKind>()(['completed', 'amnesty', 'conditional', 'suspended', 'non-custodial']);
export const SENTENCE_KINDS = everyOf<SentenceKind>()([
  'warning',
  'fine',
  'non-custodial',
  'suspended',
  'prison',
  'life',
  'death-commuted',
]);
export const NEEDS = everyOf<Need>()(['id-card', 'residence-registration', 'job', 'training', 'loan', 'housing', 'health']);
export const GRADES = everyOf<Grade>()(['A', 'B', 'C', 'D']);
export const CONSENT_METHODS = everyOf<ConsentMethod>()(['paper-form', 'in-person', 'electronic', 'verbal-witnessed']);
export const MILESTONE_KINDS = everyOf<MilestoneKind>()([
  'id-card',
  'residence-registered',
  'record-cleared',
  'loan-received',
  'job-started',
]);
export const CONSENT_PURPOSES = ['matching', 'shareWithEmployers', 'shareWithColleges', 'shareWithBank', 'discoverable'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export type OffenceCategory = Schemas['OffenceCategory'];
export const OFFENCE_CATEGORIES = everyOf<OffenceCategory>()([
  'national-security',
  'crimes-against-peace-humanity',
  'homicide',
  'assault',
  'sexual-offence',
  'human-trafficking',
  'freedom-rights',
  'theft',
  'robbery',
  'fraud',
  'property-other',
  'marriage-family',
  'economic',
  'smuggling',
  'environment',
  'drug-possession',
  'drug-trafficking',
  'drug-other',
  'traffic',
  'gambling',
  'public-disorder',
  'weapons',
  'administrative-order',
  'corruption',
  'judicial-activities',
  'military-duties',
  'other',
]);

export type Address = Schemas['Address'];
export type Restrictions = Schemas['Restrictions'];
export type ConsentFlags = Record<ConsentPurpose, boolean>;
export type ConsentRecord = Schemas['ConsentRecord'];
export type Milestone = Schemas['Milestone'];
export type Certificate = Schemas['ReturneeCertificate'];
/** Penal Code Art. 70: automatic with its expected date, or not automatic with the reason. */
export type Clearance = Schemas['RecordClearance'];

export type NewReturnee = Schemas['NewReturnee'];
/** The whole file (officers and admins), with what is computed from it; `access?: never` tells it from a RecordedOnlyReturnee. */
export type Returnee = Schemas['Returnee'] & { access?: never };
/** What an officer of an earlier province still sees after a transfer. */
export type RecordedOnlyReturnee = Schemas['RecordedOnlyReturnee'];

export type ReturneeSummary = Schemas['ReturneeSummary'];
export type Referral = Schemas['Referral'];
export type Statistics = Schemas['Statistics'];
export type AuditEntry = Schemas['AuditEntry'];

export type ConsentChange = Schemas['ConsentChange'];

const base = '/api/cases';
const id = (value: string) => encodeURIComponent(value);

/** cases: returnee files, consent, milestones, referrals, statistics and its audit log. */
export const casesApi = {
  searchReturnees: (query: {
    provinceCode?: string;
    communeCode?: string;
    q?: string;
    nationalId?: string;
    grade?: Grade;
    limit?: number;
    cursor?: string;
  }) => http.get<Schemas['ReturneePage']>(`${base}/returnees`, query),
  getReturnee: (returneeId: string) => http.get<Returnee | RecordedOnlyReturnee>(`${base}/returnees/${id(returneeId)}`),
  registerReturnee: (body: NewReturnee, idempotencyKey: string) => http.post<Returnee>(`${base}/returnees`, body, { idempotencyKey }),
  updateReturnee: (returneeId: string, changes: Schemas['ReturneeChanges']) =>
    http.patch<Returnee>(`${base}/returnees/${id(returneeId)}`, changes),
  recordConsent: (returneeId: string, consent: ConsentChange) =>
    http.put<Schemas['ConsentAnswer']>(`${base}/returnees/${id(returneeId)}/consent`, consent),
  recordMilestone: (returneeId: string, milestone: Schemas['MilestoneInput']) =>
    http.post<Milestone>(`${base}/returnees/${id(returneeId)}/milestones`, milestone),
  gradeReturnee: (returneeId: string, grade: Schemas['GradeInput']) =>
    http.post<Schemas['GradeEntry']>(`${base}/returnees/${id(returneeId)}/grades`, grade),
  addNote: (returneeId: string, text: string) =>
    http.post<Schemas['Note']>(`${base}/returnees/${id(returneeId)}/notes`, { text } satisfies Schemas['NoteInput']),

  createReferral: (body: Schemas['NewReferral'], idempotencyKey: string) =>
    http.post<Referral>(`${base}/referrals`, body, { idempotencyKey }),
  listReferrals: (query: { returneeId?: string; status?: ReferralStatus; limit?: number; cursor?: string }) =>
    http.get<Schemas['ReferralPage']>(`${base}/referrals`, query),
  referralInbox: (query: { limit?: number; cursor?: string } = {}) => http.get<Schemas['ReferralPage']>(`${base}/referrals/inbox`, query),
  markReferralRead: (referralId: string) => http.post<Referral>(`${base}/referrals/${id(referralId)}/read`),
  withdrawReferral: (referralId: string) => http.post<Referral>(`${base}/referrals/${id(referralId)}/withdraw`),

  statistics: (provinceCode: string) => http.get<Statistics>(`${base}/statistics`, { provinceCode }),
  audit: (query: { resource?: string; resourceType?: string; actorId?: string; limit?: number; cursor?: string }) =>
    http.get<Schemas['AuditPage']>(`${base}/audit`, query),
};
