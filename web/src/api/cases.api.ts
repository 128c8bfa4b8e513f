import { http, type Page } from './http';

export type Gender = 'male' | 'female' | 'other';
export type ReleaseKind = 'completed' | 'amnesty' | 'conditional' | 'suspended' | 'non-custodial';
export type SentenceKind = 'warning' | 'fine' | 'non-custodial' | 'suspended' | 'prison' | 'life' | 'death-commuted';
export type Need = 'id-card' | 'residence-registration' | 'job' | 'training' | 'loan' | 'housing' | 'health';
export type Grade = 'A' | 'B' | 'C' | 'D';
export type ConsentMethod = 'paper-form' | 'in-person' | 'electronic' | 'verbal-witnessed';
export type MilestoneKind = 'id-card' | 'residence-registered' | 'record-cleared' | 'loan-received' | 'job-started';
export type ReferralKind = 'job' | 'course' | 'loan';
export type ReferralStatus = 'sent' | 'seen' | 'in-progress' | 'succeeded' | 'declined' | 'withdrawn';

export const GENDERS: Gender[] = ['male', 'female', 'other'];
export const RELEASE_KINDS: ReleaseKind[] = ['completed', 'amnesty', 'conditional', 'suspended', 'non-custodial'];
export const SENTENCE_KINDS: SentenceKind[] = ['warning', 'fine', 'non-custodial', 'suspended', 'prison', 'life', 'death-commuted'];
export const NEEDS: Need[] = ['id-card', 'residence-registration', 'job', 'training', 'loan', 'housing', 'health'];
export const GRADES: Grade[] = ['A', 'B', 'C', 'D'];
export const CONSENT_METHODS: ConsentMethod[] = ['paper-form', 'in-person', 'electronic', 'verbal-witnessed'];
export const MILESTONE_KINDS: MilestoneKind[] = ['id-card', 'residence-registered', 'record-cleared', 'loan-received', 'job-started'];
export const CONSENT_PURPOSES = ['matching', 'shareWithEmployers', 'shareWithColleges', 'shareWithBank', 'discoverable'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const OFFENCE_CATEGORIES = [
  'national-security', 'crimes-against-peace-humanity', 'homicide', 'assault', 'sexual-offence', 'human-trafficking',
  'freedom-rights', 'theft', 'robbery', 'fraud', 'property-other', 'marriage-family', 'economic', 'smuggling',
  'environment', 'drug-possession', 'drug-trafficking', 'drug-other', 'traffic', 'gambling', 'public-disorder',
  'weapons', 'administrative-order', 'corruption', 'judicial-activities', 'military-duties', 'other',
] as const;

export interface Address {
  provinceCode: string;
  communeCode: string;
  line?: string;
}
export interface Restrictions {
  bannedOccupations?: { code: string; until: string }[];
  bannedAreas?: { provinceCode: string; communeCode?: string; until: string }[];
  supervisedCommune?: { communeCode: string; until: string } | null;
  noStateAgencyWork?: boolean;
  noStateAgencyWorkUntil?: string;
}
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
  | { automatic: true; expectedOn: string; waitYears: number; mainPenaltyEndsOn: string; extendedByAdditionalPenalty: boolean; basis: string; clearedOn?: string; certificateNumber?: string }
  | { automatic: false; expectedOn: null; reason: string; basis: string; clearedOn?: string; certificateNumber?: string };

export interface NewReturnee {
  fullName: string;
  dateOfBirth: string;
  gender: Gender;
  nationalId?: string;
  phone?: string;
  address: Address;
  releaseDate: string;
  releaseKind: ReleaseKind;
  probationEndsOn?: string;
  sentence: { kind: SentenceKind; months?: number };
  offenceCategory: string;
  restrictions?: Restrictions;
  skills?: string[];
  needs?: Need[];
  preferences?: { availableFrom?: string; prefersStable?: boolean; goal?: string };
  consent?: Partial<ConsentFlags> & { version?: string; method?: ConsentMethod; note?: string };
}

export interface Returnee extends Omit<NewReturnee, 'consent'> {
  id: string;
  status: 'active' | 'transfer-pending' | 'deleted';
  access?: 'recorded-only';
  grade?: Grade;
  gradeHistory: { grade: Grade; on: string; reason?: string; recordedAt?: string }[];
  consent: ConsentRecord;
  consentHistory: ConsentRecord[];
  milestones: Milestone[];
  certificates: Certificate[];
  notes: { id: string; text: string; recordedAt: string }[];
  reception?: { meetingOn: string; place?: string; commitments?: string };
  possibleDuplicates?: { id: string; communeCode?: string }[];
  createdAt: string;
  updatedAt: string;
  computed: {
    recordClearance: Clearance;
    creditWindowEndsOn: string;
    creditWindowOpen: boolean;
    releaseKindEligible: boolean;
    activeRestrictions: Restrictions;
    ageYears: number;
  };
}

export interface ReturneeSummary {
  id: string;
  fullName: string;
  dateOfBirth: string;
  status: string;
  provinceCode: string;
  communeCode: string;
  releaseDate: string;
  grade?: Grade;
}

export interface Referral {
  id: string;
  returneeId: string;
  target: { kind: ReferralKind; id: string };
  status: ReferralStatus;
  side?: { status: string; reason?: string; at: string };
  stale: boolean;
  newlyAnswered?: boolean;
  note?: string;
  createdAt: string;
  changedAt: string;
  history?: { status: ReferralStatus; sideStatus?: string; reason?: string; at: string }[];
}

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

export interface ConsentChange extends ConsentFlags {
  version: string;
  method: ConsentMethod;
  note?: string;
}

const base = '/api/cases';
const id = (value: string) => encodeURIComponent(value);

/** cases: returnee files, consent, milestones, referrals, statistics and its audit log. */
export const casesApi = {
  searchReturnees: (query: { provinceCode?: string; communeCode?: string; q?: string; nationalId?: string; grade?: Grade; limit?: number; cursor?: string }) =>
    http.get<Page<ReturneeSummary>>(`${base}/returnees`, query),
  getReturnee: (returneeId: string) => http.get<Returnee>(`${base}/returnees/${id(returneeId)}`),
  registerReturnee: (body: NewReturnee, idempotencyKey: string) => http.post<Returnee>(`${base}/returnees`, body, { idempotencyKey }),
  updateReturnee: (returneeId: string, changes: Partial<NewReturnee>) => http.patch<Returnee>(`${base}/returnees/${id(returneeId)}`, changes),
  recordConsent: (returneeId: string, consent: ConsentChange) => http.put<unknown>(`${base}/returnees/${id(returneeId)}/consent`, consent),
  recordMilestone: (returneeId: string, milestone: { kind: MilestoneKind; on: string; documentNumber?: string }) =>
    http.post<unknown>(`${base}/returnees/${id(returneeId)}/milestones`, milestone),
  gradeReturnee: (returneeId: string, grade: { grade: Grade; on?: string; reason?: string }) => http.post<unknown>(`${base}/returnees/${id(returneeId)}/grades`, grade),
  addNote: (returneeId: string, text: string) => http.post<unknown>(`${base}/returnees/${id(returneeId)}/notes`, { text }),

  createReferral: (body: { returneeId: string; target: { kind: ReferralKind; id: string }; note?: string }, idempotencyKey: string) =>
    http.post<Referral>(`${base}/referrals`, body, { idempotencyKey }),
  listReferrals: (query: { returneeId?: string; status?: ReferralStatus; limit?: number; cursor?: string }) => http.get<Page<Referral>>(`${base}/referrals`, query),
  referralInbox: (query: { limit?: number; cursor?: string } = {}) => http.get<Page<Referral>>(`${base}/referrals/inbox`, query),
  markReferralRead: (referralId: string) => http.post<Referral>(`${base}/referrals/${id(referralId)}/read`),
  withdrawReferral: (referralId: string) => http.post<Referral>(`${base}/referrals/${id(referralId)}/withdraw`),

  statistics: (provinceCode: string) => http.get<Statistics>(`${base}/statistics`, { provinceCode }),
  audit: (query: { resource?: string; resourceType?: string; actorId?: string; limit?: number; cursor?: string }) =>
    http.get<Page<AuditEntry>>(`${base}/audit`, query),
};
