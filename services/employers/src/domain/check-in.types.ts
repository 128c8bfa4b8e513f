export const CHECK_IN_MONTHS = [3, 6, 12] as const;
export type CheckInMonths = (typeof CHECK_IN_MONTHS)[number];

/** "Is the person still employed N months after the hire?" — the retention figure reports need. */
export interface CheckIn {
  id: string;
  applicationId: string;
  jobId: string;
  employerOrgId: string;
  returneeId: string;
  monthsAfterHire: CheckInMonths;
  stillEmployed: boolean;
  /** YYYY-MM-DD. */
  on: string;
  recordedBy: { userId: string; role: string; orgId?: string };
  createdAt: Date;
}

export interface CheckInInput {
  monthsAfterHire: CheckInMonths;
  stillEmployed: boolean;
  on?: string;
}
