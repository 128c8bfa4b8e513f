import { cut, restored, type Column } from '../domain/model/columns';
import type { CohortFacts, LoanProductFacts } from '../domain/model/facts';
import { MatchingModel } from '../domain/model/matching-model';
import type { Restrictions } from '../domain/exclusions.rules';
import type { Interner } from '../domain/model/interner';
import type { Reach } from '../domain/model/vocabulary';
import type { Weights } from '../domain/scoring/weights';
import type { DecodedSnapshot, Part } from './snapshot-codec';

const FORMAT = 1;
const RETURNEE_COLUMNS = ['profileRevision', 'restrictionRevision', 'state', 'province', 'commune', 'age', 'physical', 'prefs', 'availableFrom', 'creditWindowEnd'] as const;
const JOB_COLUMNS = ['version', 'state', 'status', 'org', 'occupation', 'province', 'commune', 'wageMin', 'wageMax', 'minimumAge', 'physical', 'startDay', 'endDay', 'closesAt', 'requiredCount', 'niceCount'] as const;
const VOCABULARIES = ['skills', 'provinces', 'communes', 'occupations', 'orgs'] as const;

export interface CapturedModel {
  meta: { format: number; takenAt: string; eventsApplied: number; offsets: Record<string, string>; skillWords: number; returnees: number; jobs: number };
  parts: Part[];
}

/**
 * A consistent cut of the model, taken synchronously (between two events, so `offsets` says exactly which
 * events it holds): columns are copied (memcpy-fast), string lists copied, plain facts referenced — they
 * are replaced, never mutated, when an event changes them. Encoding and writing happen afterwards.
 */
export function captureModel(m: MatchingModel, now: Date): CapturedModel {
  const { returnees: R, jobs: J, vocab: v } = m;
  const W = v.skillWords;
  const parts: Part[] = [];
  for (const name of VOCABULARIES) parts.push({ name: `vocab.${name}`, json: [...(v[name] as Interner).names] });
  for (const name of RETURNEE_COLUMNS) parts.push({ name: `returnees.${name}`, column: cut(R[name] as Column, R.size) });
  parts.push({ name: 'returnees.skills', column: cut(R.skills, R.size, W) });
  parts.push({ name: 'returnees.ids', json: R.ids.slice(0, R.size) });
  parts.push({ name: 'returnees.givenNames', json: R.givenNames.slice(0, R.size) });
  parts.push({ name: 'returnees.restrictions', json: [...R.restrictions] });
  parts.push({ name: 'returnees.collegeCertificates', json: [...R.collegeCertificates] });
  for (const name of JOB_COLUMNS) parts.push({ name: `jobs.${name}`, column: cut(J[name] as Column, J.size) });
  parts.push({ name: 'jobs.required', column: cut(J.required, J.size, W) });
  parts.push({ name: 'jobs.nice', column: cut(J.nice, J.size, W) });
  parts.push({ name: 'jobs.ids', json: J.ids.slice(0, J.size) });
  parts.push({ name: 'jobs.titles', json: J.titles.slice(0, J.size) });
  parts.push({ name: 'cohorts', json: [...m.cohorts.byId.values()].map((c) => c.facts) });
  parts.push({ name: 'products', json: [...m.cohorts.products.values()] });
  const meta = {
    format: FORMAT,
    takenAt: now.toISOString(),
    eventsApplied: m.eventsApplied,
    offsets: Object.fromEntries(m.offsets),
    skillWords: W,
    returnees: R.size,
    jobs: J.size,
  };
  return { meta, parts };
}

/**
 * Rebuilds a model from a snapshot, or explains why it cannot (another format, another skill width, or a
 * reference list that changed under it): the caller then replays from the beginning instead.
 */
export function restoreModel(s: DecodedSnapshot, weights: Weights, reach: Reach): { model: MatchingModel } | { refused: string } {
  const meta = s.meta as CapturedModel['meta'];
  if (meta.format !== FORMAT) return { refused: `snapshot format ${meta.format}, this build reads ${FORMAT}` };
  const model = new MatchingModel(weights, reach, { returnees: Math.max(1024, meta.returnees), jobs: Math.max(1024, meta.jobs) });
  const { returnees: R, jobs: J, vocab: v } = model;
  if (meta.skillWords !== v.skillWords) return { refused: `skill sets are ${meta.skillWords} words wide in the snapshot, ${v.skillWords} here` };
  for (const name of VOCABULARIES) {
    const saved = s.json<string[]>(`vocab.${name}`) ?? [];
    const interner = v[name] as Interner;
    const clash = interner.names.findIndex((code, i) => saved[i] !== undefined && saved[i] !== code);
    if (clash >= 0) return { refused: `the ${name} reference list changed since the snapshot (at ${clash})` };
    for (const code of saved) interner.intern(code);
  }
  const W = v.skillWords;
  for (const name of RETURNEE_COLUMNS) (R as unknown as Record<string, Column>)[name] = restored(R[name] as Column, s.column(`returnees.${name}`), R.capacity);
  R.skills = restored(R.skills, s.column('returnees.skills'), R.capacity, W);
  R.ids = s.json<string[]>('returnees.ids') ?? [];
  R.givenNames = s.json<(string | null)[]>('returnees.givenNames') ?? [];
  for (const [slot, restrictions] of s.json<[number, Restrictions][]>('returnees.restrictions') ?? []) R.setRestrictions(slot, restrictions);
  R.collegeCertificates = new Map(s.json<[number, { certificateId: string; skills: number[] }[]][]>('returnees.collegeCertificates'));
  R.size = meta.returnees;
  for (const name of JOB_COLUMNS) (J as unknown as Record<string, Column>)[name] = restored(J[name] as Column, s.column(`jobs.${name}`), J.capacity);
  J.version.fill(-Infinity, meta.jobs);
  J.required = restored(J.required, s.column('jobs.required'), J.capacity, W);
  J.nice = restored(J.nice, s.column('jobs.nice'), J.capacity, W);
  J.ids = s.json<string[]>('jobs.ids') ?? [];
  J.titles = s.json<string[]>('jobs.titles') ?? [];
  J.size = meta.jobs;
  R.reindexAll();
  J.reindexAll();
  for (const facts of s.json<CohortFacts[]>('cohorts') ?? []) model.cohorts.apply(facts);
  for (const product of s.json<LoanProductFacts[]>('products') ?? []) model.cohorts.applyProduct(product);
  for (const [key, offset] of Object.entries(meta.offsets)) model.offsets.set(key, offset);
  model.eventsApplied = 0;
  return { model };
}
