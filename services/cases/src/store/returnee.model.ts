import type { IdempotencyRecord } from '@hoanhap/kit';
import { foldVietnamese } from '@hoanhap/reference';
import { sortKeyOf } from '../domain/pagination';
import type { Returnee } from '../domain/returnee';
import type { Grade, ReturneeStatus } from '../domain/returnee.types';

/** A file as stored: the file's fields, plus lookup keys derived here so that they never drift from it. */
export interface ReturneeState extends Omit<Returnee, 'id'> {
  /** The national ID, or `none:<id>` when unknown: unique, so one insert settles a race for one ID. */
  nationalIdKey: string;
  /** Folded full name (no diacritics, lower case): search with or without accents. */
  fullNameFolded: string;
  /** Folded name + birth date: possible duplicates. */
  nameKey: string;
  sortKey: string;
  /** Set while an XLSX import is not committed: the file is invisible until then. */
  pendingImport?: string;
  idempotency?: IdempotencyRecord;
}

export interface ReturneeFilter {
  provinceCode?: string;
  communeCode?: string;
  q?: string;
  nationalId?: string;
  status?: ReturneeStatus;
  grade?: Grade;
}

export const HIDDEN = { _outbox: 0, _applied: 0, idempotency: 0 } as const;
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function toReturnee(doc: Record<string, unknown>): Returnee {
  const {
    _id,
    nationalIdKey: _n,
    fullNameFolded: _f,
    nameKey: _k,
    sortKey: _s,
    pendingImport: _p,
    idempotency: _i,
    _outbox,
    _applied,
    ...file
  } = doc;
  return { id: _id as string, ...(file as Omit<Returnee, 'id'>) };
}

export function stateOf({ id, ...file }: Returnee, extra: Pick<ReturneeState, 'pendingImport' | 'idempotency'> = {}): ReturneeState {
  const folded = foldVietnamese(file.fullName);
  const state: ReturneeState = {
    ...file,
    nationalIdKey: file.nationalId ?? `none:${id}`,
    fullNameFolded: folded,
    nameKey: `${folded}|${file.dateOfBirth}`,
    sortKey: sortKeyOf(file.createdAt, id),
  };
  if (extra.pendingImport) state.pendingImport = extra.pendingImport;
  if (extra.idempotency) state.idempotency = extra.idempotency;
  // undefined fields would be stored as null and come back as null: leave them out
  return JSON.parse(JSON.stringify(state)) as ReturneeState;
}

export function queryOf(filter: ReturneeFilter): Record<string, unknown> {
  const query: Record<string, unknown> = { pendingImport: { $exists: false }, status: filter.status ?? { $ne: 'deleted' } };
  if (filter.provinceCode) query['address.provinceCode'] = filter.provinceCode;
  if (filter.communeCode) query['address.communeCode'] = filter.communeCode;
  if (filter.nationalId) query.nationalIdKey = filter.nationalId;
  if (filter.grade) query.grade = filter.grade;
  if (filter.q) query.fullNameFolded = { $regex: escapeRegex(foldVietnamese(filter.q)) };
  return query;
}
