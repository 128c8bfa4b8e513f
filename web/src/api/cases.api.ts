import type { components } from '@hoanhap/contracts/src/generated/cases';
import { http, type Page } from './http';

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

export const GENDERS: Gender[] = ['male', 'female', 'other'];
export const RELEASE_KINDS: ReleaseKind[] = ['completed', 'amnesty', 'conditional', 'suspended', 'non-custodial'];
export const SENTENCE_KINDS: SentenceKind[] = ['warning', 'fine', 'non-custodial', 'suspended', 'prison', 'life', 'death-commuted'];
export const NEEDS: Need[] = ['id-card', 'residence-registration', 'job', 'training', 'loan', 'housing', 'health'];
export const GRADES: Grade[] = ['A', 'B', 'C', 'D'];
export const CONSENT_METHODS: ConsentMethod[] = ['paper-form', 'in-person', 'electronic', 'verbal-witnessed'];
export const MILESTONE_KINDS: MilestoneKind[] = ['id-card', 'residence-registered', 'record-cleared', 'loan-received', 'job-started'];
export const CONSENT_PURPOSES = ['matching', 'shareWithEmployers', 'shareWithColleges', 'shareWithBank', 'discoverable'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export type OffenceCategory = Schemas['OffenceCategory'];
export const OFFENCE_CATEGORIES = [
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
] as const satisfies readonly OffenceCategory[];

export type Address = Schemas['Address'];
export type Restrictions = Schemas['Restrictions'];
export type ConsentFlags = Record<ConsentPurpose, boolean>;
export interface ConsentRecord extends ConsentFlags {
  version?: string;
  method?: ConsentMethod;
  note?: string;
  recordedBy?: string;
  recordedAt?: string;
}
export interface Milestone {
  kind: MilestoneKind;
  on: string;
  documentNumber?: string;
  recordedBy?: string;
  recordedAt?: string;
}
export interface Certificate {
  certificateId: string;
  number: string;
  occupationCode?: string;
  skills: string[];
  issuedOn: string;
}
export type Clearance =
  | {
      automatic: true;
      expectedOn: string;
      waitYears: number;
      mainPenaltyEndsOn: string;
      extendedByAdditionalPenalty: boolean;
      basis: string;
      clearedOn?: string;
      certificateNumber?: string;
    }
  | { automatic: false; expectedOn: null; reason: string; basis: string; clearedOn?: string; certificateNumber?: string };

export type NewReturnee = Schemas['NewReturnee'];

// services/cases/openapi.yaml `Returnee` names only id, status, fullName, possibleDuplicates and computed (address and
// consent are in its `required` without a type; `computed.recordClearance` is an untyped object). What cases sends
// beyond that and the web reads is written here, apart: a gap of the OpenAPI document, to close there.
interface ReturneeBeyondSpec extends Omit<NewReturnee, 'consent'> {
  access?: never;
  grade?: Grade;
  gradeHistory: { grade: Grade; on: string; reason?: string; recordedAt?: string }[];
  consent: ConsentRecord;
  consentHistory: ConsentRecord[];
  milestones: Milestone[];
  certificates: Certificate[];
  notes: { id: string; text: string; recordedAt: string }[];
  reception?: { meetingOn: string; place?: string; commitments?: string };
  createdAt: string;
  updatedAt: string;
}
type SpecComputed = Schemas['Returnee']['computed'];
export type Returnee = Omit<Schemas['Returnee'], 'computed'> &
  ReturneeBeyondSpec & { computed: Omit<SpecComputed, 'recordClearance'> & { recordClearance?: Clearance } };
/** What an officer of an earlier province still sees after a transfer. */
export type RecordedOnlyReturnee = Schemas['RecordedOnlyReturnee'];

export type ReturneeSummary = Schemas['ReturneeSummary'];
export type Referral = Schemas['Referral'];

/** The spec says only `type: object` for statistics and audit entries: what the web reads. */
export interface Statistics {
  provinceCode: string;
  returnees: { total: number; active: number; transferPending: number };
  byGrade: Record<Grade | 'ungraded', number>;
  reoffending: { count: number; rate: number };
  milestones: Record<MilestoneKind, number>;
  referrals: Record<ReferralStatus, number>;
}

export interface AuditEntry {
  seq?: number;
  at?: string;
  actor?: { id?: string; role?: string; orgId?: string } | string;
  action?: string;
  resource?: { type?: string; id?: string } | string;
  purpose?: string;
  [extra: string]: unknown;
}

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
  recordConsent: (returneeId: string, consent: ConsentChange) => http.put<unknown>(`${base}/returnees/${id(returneeId)}/consent`, consent),
  recordMilestone: (returneeId: string, milestone: Schemas['MilestoneInput']) =>
    http.post<unknown>(`${base}/returnees/${id(returneeId)}/milestones`, milestone),
  gradeReturnee: (returneeId: string, grade: Schemas['GradeInput']) =>
    http.post<unknown>(`${base}/returnees/${id(returneeId)}/grades`, grade),
  addNote: (returneeId: string, text: string) =>
    http.post<unknown>(`${base}/returnees/${id(returneeId)}/notes`, { text } satisfies Schemas['NoteInput']),

  createReferral: (body: Schemas['NewReferral'], idempotencyKey: string) =>
    http.post<Referral>(`${base}/referrals`, body, { idempotencyKey }),
  listReferrals: (query: { returneeId?: string; status?: ReferralStatus; limit?: number; cursor?: string }) =>
    http.get<Schemas['ReferralPage']>(`${base}/referrals`, query),
  referralInbox: (query: { limit?: number; cursor?: string } = {}) => http.get<Schemas['ReferralPage']>(`${base}/referrals/inbox`, query),
  markReferralRead: (referralId: string) => http.post<Referral>(`${base}/referrals/${id(referralId)}/read`),
  withdrawReferral: (referralId: string) => http.post<Referral>(`${base}/referrals/${id(referralId)}/withdraw`),

  statistics: (provinceCode: string) => http.get<Statistics>(`${base}/statistics`, { provinceCode }),
  audit: (query: { resource?: string; resourceType?: string; actorId?: string; limit?: number; cursor?: string }) =>
    http.get<Page<AuditEntry>>(`${base}/audit`, query),
};
