import type { CandidateMatch } from '../domain/match-candidates.use-case';
import * as matchJobsCase from '../domain/match-jobs.use-case';
import type { RankedJob } from '../domain/match-jobs.use-case';
import type { JobTable } from '../domain/model/job-table';
import type { MatchingModel } from '../domain/model/matching-model';
import type { Reason } from '../domain/reasons/format';
import * as format from '../domain/reasons/format';
import * as points from '../domain/scoring/points';

// bound once: tsx compiles imported bindings to getters, and an answer writes ~120 reasons
const { reasonJson } = format;
const { jobFields } = matchJobsCase;
const { shown } = points;

/**
 * The two hot answers as JSON in UTF-8 — exactly the bytes of what JSON.stringify writes of `matchJobs`'s
 * and `matchCandidates`'s answers (answer-json.test.ts holds them to it) — from parts encoded once and kept
 * between answers: each reason's (`reasonsOnce` in format.ts), each job's own fields (per slot, while the
 * job's revision is the same) and each score's. The answer is those parts copied into one buffer of its own,
 * which moves to the front thread without a copy and goes to the socket as it is: no answer-sized string is
 * joined, cloned between threads or encoded, and no item object is built for a job.
 */
export function jobMatchesJson(m: MatchingModel, answer: { returneeId: string; ranked: RankedJob[] }): Buffer {
  const kept = keptJobs(m.jobs);
  return listJson(RETURNEE_ID, answer.returneeId, answer.ranked, (parts, { slot, score }) => {
    parts.push(jobFieldsJson(m, kept, slot), scoreJson(shown(score)));
  });
}

export function candidatesJson(answer: { jobId: string; items: CandidateMatch[]; nextCursor: null }): Buffer {
  return listJson(JOB_ID, answer.jobId, answer.items, (parts, { reasons: _, ...fields }) => {
    parts.push(Buffer.from(JSON.stringify(fields).slice(0, -1)));
  });
}

const bytes = (text: string) => Buffer.from(text);
const RETURNEE_ID = bytes('{"returneeId":');
const JOB_ID = bytes('{"jobId":');
// both answers are one page: nextCursor is always null
const [ITEMS, COMMA, REASONS, OPEN_LIST, CLOSE_ITEM, END] = ['"items":[', ',', ',"reasons":', '[', ']}', '],"nextCursor":null}'].map(bytes);

/**
 * `{"<idKey>":…,"items":[…],"nextCursor":null}`, each item written by `head` (its fields before its reasons,
 * the object left open) then its reasons: the key order JSON.stringify gives both answers, reasons last.
 */
function listJson<T extends { reasons: Reason[] }>(
  idKey: Buffer,
  id: string,
  items: readonly T[],
  head: (parts: Buffer[], item: T) => void,
): Buffer {
  const parts = [idKey, Buffer.from(`${JSON.stringify(id)},`), ITEMS!];
  for (let i = 0; i < items.length; i++) {
    if (i > 0) parts.push(COMMA!);
    head(parts, items[i]!);
    parts.push(REASONS!, OPEN_LIST!);
    const reasons = items[i]!.reasons;
    for (let k = 0; k < reasons.length; k++) {
      if (k > 0) parts.push(COMMA!);
      parts.push(reasonJson(reasons[k]!));
    }
    parts.push(CLOSE_ITEM!);
  }
  parts.push(END!);
  let length = 0;
  for (let i = 0; i < parts.length; i++) length += parts[i]!.length;
  // a buffer of its own (never a slice of the shared pool), so that it can move to another thread
  const answer = Buffer.allocUnsafeSlow(length);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    answer.set(parts[i]!, at);
    at += parts[i]!.length;
  }
  return answer;
}

/** Each job's `{"jobId":…,"accommodation":…` (unclosed) as UTF-8, per slot, with the revision it was written at. */
interface KeptJobs {
  revisions: number[];
  json: Buffer[];
}
const keptByTable = new WeakMap<JobTable, KeptJobs>();

function keptJobs(J: JobTable): KeptJobs {
  return keptByTable.get(J) ?? keptByTable.set(J, { revisions: [], json: [] }).get(J)!;
}

function jobFieldsJson(m: MatchingModel, kept: KeptJobs, slot: number): Buffer {
  const revision = m.jobs.revisionOf(slot);
  if (kept.revisions[slot] === revision) return kept.json[slot]!;
  const json = Buffer.from(JSON.stringify(jobFields(m, slot)).slice(0, -1));
  kept.revisions[slot] = revision;
  kept.json[slot] = json;
  return json;
}

/** `,"score":73.3`: a few hundred distinct scores (one decimal), each written once. */
const scores = new Map<number, Buffer>();
function scoreJson(score: number): Buffer {
  let json = scores.get(score);
  if (json === undefined) {
    json = Buffer.from(`,"score":${JSON.stringify(score)}`);
    if (scores.size >= 100_000) scores.clear();
    scores.set(score, json);
  }
  return json;
}
