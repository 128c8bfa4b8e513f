import type { CourseFields, CourseLevel, Delivery, Support } from './colleges.types';
import { levelFor } from './course.rules';

/** A course as a college sends it (POST body; PATCH sends any part). The ARCHITECTURE §6 fields are the required core. */
export interface CourseInput {
  title: string;
  occupationCode: string;
  skillsGranted: string[];
  provinceCode: string;
  communeCode?: string;
  durationWeeks: number;
  tuitionVnd: number;
  level?: CourseLevel;
  delivery?: Delivery;
  support?: Support[];
  trainingLoanEligible?: boolean;
  languages?: string[];
  prerequisites?: string[];
  description?: string;
}

/** The first cohort, when the §6 body names its start and seats. */
export interface FirstCohortInput {
  startsAt?: string;
  seats?: number;
  schedule?: string;
}

/** Defaults for what the §6 body leaves out: the level follows the length, delivery at the college, Vietnamese. */
export function courseFields(input: CourseInput): CourseFields {
  return {
    title: input.title.trim(),
    occupationCode: input.occupationCode,
    skillsGranted: [...new Set(input.skillsGranted)],
    level: input.level ?? levelFor(input.durationWeeks),
    durationWeeks: input.durationWeeks,
    delivery: input.delivery ?? 'college',
    provinceCode: input.provinceCode,
    ...(input.communeCode ? { communeCode: input.communeCode } : {}),
    tuitionVnd: input.tuitionVnd,
    support: input.support ?? [],
    trainingLoanEligible: input.trainingLoanEligible ?? true,
    languages: input.languages ?? ['vi'],
    prerequisites: input.prerequisites ?? [],
    ...(input.description ? { description: input.description } : {}),
  };
}
