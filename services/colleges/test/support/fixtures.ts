import { randomUUID } from 'node:crypto';
import { applyProfile } from '../../src/domain/apply-profile.use-case';
import type { Harness } from './colleges-harness';
import { SECTION6_COURSE } from './colleges-harness';

/** A course taught in a prison before release, with one open cohort of `seats`; returns the ids. */
export async function prisonCohort(h: Harness, collegeToken: string, seats: number): Promise<{ courseId: string; cohortId: string }> {
  const res = await h
    .api()
    .post('/courses')
    .set('Authorization', `Bearer ${collegeToken}`)
    .send({ ...SECTION6_COURSE, delivery: 'prison', seats, location: undefined });
  if (res.status !== 201) throw new Error(`course not created: ${res.status} ${JSON.stringify(res.body)}`);
  return { courseId: res.body.id, cohortId: res.body.firstCohort.id };
}

/** Returnees colleges has heard of (as the profile consumer would record them), with a college view. */
export async function knownReturnees(h: Harness, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await Promise.all(ids.map((returneeId, i) => applyProfile(h.colleges.ctx, { returneeId, revision: 1, collegeView: { givenName: `An${i}`, skills: ['masonry'] } })));
  return ids;
}

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
