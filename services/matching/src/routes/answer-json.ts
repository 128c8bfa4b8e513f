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
  const parts = [`{"returneeId":${JSON.stringify(answer.returneeId)},"items":[`];
  for (let i = 0; i < answer.items.length; i++) {
    const { score, reasons, ...fields } = answer.items[i]!;
    parts.push(i === 0 ? '' : ',', jobFieldsJson(fields), ',"score":', JSON.stringify(score), ',"reasons":');
    reasonsJson(parts, reasons);
    parts.push('}');
  }
  parts.push('],"nextCursor":', JSON.stringify(answer.nextCursor), '}');
  return parts.join('');
}

export function candidatesJson(answer: { jobId: string; items: CandidateMatch[]; nextCursor: null }): string {
  const parts = [`{"jobId":${JSON.stringify(answer.jobId)},"items":[`];
  for (let i = 0; i < answer.items.length; i++) {
    const { reasons, ...fields } = answer.items[i]!;
    parts.push(i === 0 ? '' : ',', JSON.stringify(fields).slice(0, -1), ',"reasons":');
    reasonsJson(parts, reasons);
    parts.push('}');
  }
  parts.push('],"nextCursor":', JSON.stringify(answer.nextCursor), '}');
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
