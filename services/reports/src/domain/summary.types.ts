/** One row of the provinces' own table (a commune, or the province total): the export's shape. */
export interface ProvinceRow {
  communeCode: string | null;
  communeName: string;
  returnees: number;
  stableWork: number;
  seasonalWork: number;
  inTraining: number;
  certified: number;
  loansApproved: number;
  amountDisbursedVnd: number;
  recordsCleared: number;
}

export interface ReferralFigures {
  created: number;
  succeeded: number;
  declined: number;
  withdrawn: number;
  answered: number;
  /** Mean days from sending to a decision (succeeded or declined); null before the first one. */
  averageDaysToAnswer: number | null;
}

export type NeedKind = 'idCard' | 'residence' | 'job' | 'training' | 'loan';

export interface Summary {
  provinceCode: string | null;
  communeCode: string | null;
  period: { from: string | null; to: string };
  returnees: { received: number; byReleaseKind: Record<string, number>; transfersIn: number; transfersOut: number; underManagement: number };
  needsMet: Record<NeedKind, number>;
  /** Under management minus met so far (as of `to`): an upper bound, since no event states the needs themselves. */
  needsOpen: Record<NeedKind, number>;
  recordsCleared: number;
  referrals: Record<'job' | 'course' | 'loan', ReferralFigures>;
  jobs: {
    posted: { stable: number; seasonal: number };
    openings: { stable: number; seasonal: number };
    hires: { stable: number; seasonal: number };
    stillEmployed: Record<'3' | '6' | '12', { checked: number; stillEmployed: number }>;
  };
  training: { enrolled: number; completed: number; certificates: number; peopleCertified: number };
  loans: Record<'applied' | 'approved' | 'disbursed' | 'rejected', { count: number; amountVnd: number }>;
  rows: ProvinceRow[];
  total: ProvinceRow;
  /** The total row of each month of the period that has any figure (the period provinces report by). */
  months: (ProvinceRow & { month: string })[];
  gradeStatistics: string;
}
