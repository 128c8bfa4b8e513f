/** A returnee's file as the cases service holds it. Dates are ISO `YYYY-MM-DD` strings (calendar days, no zone). */
export const GENDERS = ['male', 'female', 'other'] as const;
export const RELEASE_KINDS = ['completed', 'amnesty', 'conditional', 'suspended', 'non-custodial'] as const;
/** Penal Code Art. 32 main penalties, plus the suspended sentence (Art. 65) and a commuted death sentence (Art. 70(2)(d)). */
export const SENTENCE_KINDS = ['warning', 'fine', 'non-custodial', 'suspended', 'prison', 'life', 'death-commuted'] as const;
export const NEEDS = ['id-card', 'residence-registration', 'job', 'training', 'loan', 'housing', 'health'] as const;
/** Circular 10/2024/TT-BCA grades: A stable, B law-abiding but struggling, C at risk, D detained again. */
export const GRADES = ['A', 'B', 'C', 'D'] as const;
export const CONSENT_PURPOSES = ['matching', 'shareWithEmployers', 'shareWithColleges', 'shareWithBank', 'discoverable'] as const;
export const CONSENT_METHODS = ['paper-form', 'in-person', 'electronic', 'verbal-witnessed'] as const;
export const MILESTONES = ['id-card', 'residence-registered', 'record-cleared', 'loan-received', 'job-started'] as const;
export const RETURNEE_STATUSES = ['active', 'transfer-pending', 'deleted'] as const;

export type Gender = (typeof GENDERS)[number];
export type ReleaseKind = (typeof RELEASE_KINDS)[number];
export type SentenceKind = (typeof SENTENCE_KINDS)[number];
export type Need = (typeof NEEDS)[number];
export type Grade = (typeof GRADES)[number];
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export type MilestoneKind = (typeof MILESTONES)[number];
export type ReturneeStatus = (typeof RETURNEE_STATUSES)[number];

/** Who acts, and the flow they act in (events carry the correlation id; the audit log the rest). */
export interface Actor {
  id: string;
  role: string;
  orgId?: string;
  provinceCode?: string;
  correlationId: string;
  /** The event that caused this action, when a consumer acts. */
  causationId?: string;
}
export interface Recorded {
  recordedBy: string;
  recordedAt: string;
}

export interface Address {
  provinceCode: string;
  communeCode: string;
  /** Street, hamlet: shown to officers only. */
  line?: string;
}
export interface Sentence {
  kind: SentenceKind;
  /** The imposed term in months (prison, suspended, non-custodial). */
  months?: number;
}
/** Penal Code Art. 41–44 additional penalties; each applies through its `until` date inclusive. */
export interface Restrictions {
  bannedOccupations: { code: string; until: string }[];
  bannedAreas: { provinceCode: string; communeCode?: string; until: string }[];
  supervisedCommune: { communeCode: string; until: string } | null;
  noStateAgencyWork: boolean;
  noStateAgencyWorkUntil?: string;
}
export type ConsentFlags = Record<ConsentPurpose, boolean>;
export interface ConsentRecord extends ConsentFlags, Recorded {
  /** The version of the consent form the returnee signed or was read. */
  version: string;
  method: ConsentMethod;
  note?: string;
}
export interface Certificate {
  certificateId: string;
  number: string;
  cohortId?: string;
  occupationCode?: string;
  skills: string[];
  issuedOn: string;
}
export interface Milestone extends Recorded {
  id: string;
  kind: MilestoneKind;
  on: string;
  /** The certificate or document number (the judicial-record certificate for record-cleared). */
  documentNumber?: string;
}
export interface GradeEntry extends Recorded {
  id: string;
  grade: Grade;
  on: string;
  reason?: string;
}
export interface Note extends Recorded {
  id: string;
  text: string;
}
export interface WorkHistoryEntry {
  title: string;
  occupationCode?: string;
  employer?: string;
  from?: string;
  to?: string;
}
/** Circular 10/2024/TT-BCA: the reception meeting when the person returns to the commune. */
export interface ReceptionRecord extends Partial<Recorded> {
  meetingOn: string;
  place?: string;
  attendees?: string[];
  commitments?: string;
  notes?: string;
}
/** Circular 10/2024/TT-BCA: the information sheet on the person's situation. */
export interface InformationSheet extends Partial<Recorded> {
  completedOn: string;
  family?: string;
  housing?: string;
  health?: string;
  livelihood?: string;
  notes?: string;
}
export interface Mentor {
  name: string;
  organisation?: string;
  phone?: string;
  assignedOn?: string;
}
export interface Transfer {
  from: { provinceCode: string; communeCode: string };
  to: { provinceCode: string; communeCode: string };
  requestedBy: string;
  requestedAt: string;
  acceptedBy?: string;
  acceptedAt?: string;
}
