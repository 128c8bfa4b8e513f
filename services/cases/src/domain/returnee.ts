import type {
  Address,
  Certificate,
  ConsentRecord,
  Gender,
  Grade,
  GradeEntry,
  InformationSheet,
  Mentor,
  Milestone,
  Need,
  Note,
  ReceptionRecord,
  ReleaseKind,
  Restrictions,
  ReturneeStatus,
  Sentence,
  Transfer,
  WorkHistoryEntry,
} from './returnee.types';

/** The whole file of one returnee: the aggregate every write goes through. */
export interface Returnee {
  id: string;
  status: ReturneeStatus;
  fullName: string;
  dateOfBirth: string;
  gender: Gender;
  nationalId?: string;
  phone?: string;
  address: Address;
  releaseDate: string;
  releaseKind: ReleaseKind;
  /** End of the probation of a suspended sentence or of a conditional early release: when the main penalty ends. */
  probationEndsOn?: string;
  sentence: Sentence;
  offenceCategory: string;
  restrictions: Restrictions;
  education?: { level?: string; years?: number; notes?: string };
  skills: string[];
  workHistory: WorkHistoryEntry[];
  needs: Need[];
  preferences?: { availableFrom?: string; prefersStable?: boolean; goal?: string };
  certificates: Certificate[];
  reception?: ReceptionRecord;
  informationSheet?: InformationSheet;
  grade?: Grade;
  gradeHistory: GradeEntry[];
  mentor?: Mentor | null;
  notes: Note[];
  consent: ConsentRecord;
  consentHistory: ConsentRecord[];
  milestones: Milestone[];
  transfer?: Transfer | null;
  transfers: Transfer[];
  /** Officers of earlier provinces, who keep read access to what they recorded (and nothing more). */
  formerOfficerIds: string[];
  /** Revision of the last published profile; each publication is the next one. */
  profileRevision: number;
  /** Revision of the last published restrictions. */
  restrictionsRevision: number;
  registeredBy: { id: string; orgId?: string };
  createdAt: string;
  updatedAt: string;
  deleted?: { at: string; by: string; reason: string };
}
