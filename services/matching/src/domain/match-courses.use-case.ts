import { returneeFor } from './access.rules';
import { clampLimit, clockOf, type Caller, type MatchingContext } from './matching.context';
import { courseReasons } from './reasons/course-reasons';
import type { Reason } from './reasons/format';
import { shown } from './scoring/points';
import { courseSearch } from './search/course-search';

export interface CourseMatch {
  cohortId: string;
  courseId: string;
  collegeOrgId: string;
  title: string;
  occupationCode: string;
  provinceCode: string;
  communeCode?: string;
  delivery: string;
  startsOn: string;
  endsOn: string;
  seatsLeft: number;
  tuitionVnd: number;
  /** Granted skills the person lacks, most asked-for by open jobs in reach first. */
  skillGap: { skill: string; openJobs: number }[];
  score: number;
  reasons: Reason[];
}

/** Open cohorts for a returnee, ranked by the skill gap they close and by fit; none a restriction forbids. */
export function matchCourses(ctx: MatchingContext, caller: Caller, returneeId: string, query: { limit?: number }): { returneeId: string; items: CourseMatch[]; nextCursor: null } {
  const p = returneeFor(ctx, caller, returneeId);
  const { nowMs, today } = clockOf(ctx);
  const m = ctx.model;
  const items = courseSearch(m, p, clampLimit(ctx, query.limit), nowMs, today).map((ranked) => {
    const f = ranked.cohort.facts;
    return {
      cohortId: f.cohortId,
      courseId: f.courseId,
      collegeOrgId: f.collegeOrgId,
      title: f.title,
      occupationCode: f.occupationCode,
      provinceCode: f.provinceCode,
      ...(f.communeCode ? { communeCode: f.communeCode } : {}),
      delivery: f.delivery,
      startsOn: f.startsOn,
      endsOn: f.endsOn,
      seatsLeft: f.seatsLeft,
      tuitionVnd: f.tuitionVnd,
      skillGap: ranked.gap.map((g) => ({ skill: m.vocab.skills.nameOf(g.skill), openJobs: g.demand })),
      score: shown(ranked.score),
      reasons: courseReasons(m, p, ranked, today),
    };
  });
  return { returneeId, items, nextCursor: null };
}
