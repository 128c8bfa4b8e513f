import type { CandidateMatch } from '../domain/match-candidates.use-case';
import type { JobMatch } from '../domain/match-jobs.use-case';
import type { Reason } from '../domain/reasons/format';
import * as format from '../domain/reasons/format';

// bound once: tsx compiles imported bindings to getters, and an answer writes ~120 reasons
const { reasonJson } = format;

/**
 * The two hot answers as JSON text — exactly what JSON.stringify writes of them (answer-json.test.ts holds
 * them to it) — from texts kept between answers: each reason's (`reasonsOnce` in format.ts) and each job's
 * own fields. JSON.stringify of a 20 kB answer of 20 jobs with their bilingual reasons cost the service's
 * thread ~85 µs; these texts joined, ~25.
 */
export function jobMatchesJson(answer: { returneeId: string; items: JobMatch[]; nextCursor: null }): string {
  return listJson(
    'returneeId',
    answer.returneeId,
    answer.items,
    answer.nextCursor,
    ({ score, reasons: _, ...fields }) => `${jobFieldsJson(fields)},"score":${JSON.stringify(score)}`,
  );
}

export function candidatesJson(answer: { jobId: string; items: CandidateMatch[]; nextCursor: null }): string {
  return listJson('jobId', answer.jobId, answer.items, answer.nextCursor, ({ reasons: _, ...fields }) =>
    JSON.stringify(fields).slice(0, -1),
  );
}

/**
 * `{"<idKey>":…,"items":[…],"nextCursor":…}`, each item written as `head(item)` (its fields before its reasons,
 * the object left open) then its reasons: the key order JSON.stringify gives both answers, reasons last.
 */
function listJson<T extends { reasons: Reason[] }>(
  idKey: string,
  id: string,
  items: readonly T[],
  nextCursor: null,
  head: (item: T) => string,
): string {
  const parts = [`{${JSON.stringify(idKey)}:${JSON.stringify(id)},"items":[`];
  for (let i = 0; i < items.length; i++) {
    parts.push(i === 0 ? '' : ',', head(items[i]!), ',"reasons":');
    reasonsJson(parts, items[i]!.reasons);
    parts.push('}');
  }
  parts.push('],"nextCursor":', JSON.stringify(nextCursor), '}');
  return parts.join('');
}

/** Appends `[reason,…]` to `parts`. */
function reasonsJson(parts: string[], reasons: readonly Reason[]): void {
  parts.push('[');
  for (let i = 0; i < reasons.length; i++) parts.push(i === 0 ? '' : ',', reasonJson(reasons[i]!));
  parts.push(']');
}

type JobFields = Omit<JobMatch, 'score' | 'reasons'>;

/** Past this many jobs, every kept text is forgotten at once (a national model holds 50,000 open jobs). */
const KEPT_JOBS = 60_000;
const jobTexts = new Map<string, { fields: JobFields; text: string }>();

/** `{"jobId":…,"accommodation":…` (unclosed), kept per job while its fields stay the same. */
function jobFieldsJson(fields: JobFields): string {
  const kept = jobTexts.get(fields.jobId);
  if (kept && sameFields(kept.fields, fields)) return kept.text;
  const text = JSON.stringify(fields).slice(0, -1);
  if (jobTexts.size >= KEPT_JOBS) jobTexts.clear();
  jobTexts.set(fields.jobId, { fields, text });
  return text;
}

function sameFields(a: JobFields, b: JobFields): boolean {
  for (const key in a) if (a[key as keyof JobFields] !== b[key as keyof JobFields]) return false;
  return true;
}
