import { vietnamDay } from './calendar.rules';

/**
 * One counted fact: the unit the read model stores. Every event adds zero or more facts and never updates a
 * counter in place, because FerretDB 1.x updates are read-modify-write (ARCHITECTURE §7): an insert guarded
 * by the unique `_id` is the only write that is both atomic and idempotent there. Figures are `$sum`s of `n`.
 */
export interface Fact {
  /** The natural key of what is counted (`hired:<applicationId>`): a redelivered or re-published event maps to the same id. */
  _id: string;
  /** What is counted, with its dimension after a colon (`hired:stable`, `loan:approved`). */
  metric: string;
  /** 1 for a head count, or an amount (VND) or a number of days. */
  n: number;
  /** YYYY-MM-DD: the day the fact happened (a hire's start, a certificate's issue), used for `from`/`to`. */
  on: string;
  /** YYYY-MM: the period the provinces report by. */
  month: string;
  /** Absent until the returnee's place is known (events that carry only a returneeId). */
  provinceCode?: string | null;
  communeCode?: string | null;
  returneeId?: string;
}

export interface Place {
  provinceCode: string;
  communeCode: string;
}

/** A fact as a projection returns it, before it is placed and stored. */
export type NewFact = Omit<Fact, 'month' | 'provinceCode' | 'communeCode'> & { place?: Place };

/** The day a fact happened: a date as written, or an instant's calendar day in Vietnam (not UTC). */
export const day = (isoDateOrTime: string): string => vietnamDay(isoDateOrTime);

export function fact(id: string, metric: string, on: string, extra: Partial<NewFact> = {}): NewFact {
  return { _id: id, metric, n: 1, on: day(on), ...extra };
}
