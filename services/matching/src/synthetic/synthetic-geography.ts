import { communes, skills, type Commune } from '@hoanhap/reference';
import { Prng } from './prng';

/**
 * Where synthetic people live and jobs are: every commune of the reference list (3,321 after July 2025),
 * weighted so the spread looks like the country's — wards (urban) heavier than rural communes, a
 * log-normal spread between communes, the two big cities heavier still for jobs — rather than uniform.
 */
export interface Geography {
  communes: readonly Commune[];
  /** Running totals of the weights for people. */
  people: Float64Array;
  /** Running totals of the weights for jobs and cohorts. */
  jobs: Float64Array;
}

const BIG_CITIES = new Set(['01', '79']);

export function syntheticGeography(seed: number): Geography {
  const list = communes();
  const g = new Prng(seed ^ 0x5eed);
  const people = new Float64Array(list.length);
  const jobs = new Float64Array(list.length);
  let p = 0;
  let j = 0;
  list.forEach((c, i) => {
    const size = Math.exp(0.6 * g.normal());
    const urban = c.kind === 'ward' ? 1 : 0;
    p += size * (urban ? 1.6 : 1);
    j += size * (urban ? 2.5 : 1) * (BIG_CITIES.has(c.provinceCode) ? 1.5 : 1);
    people[i] = p;
    jobs[i] = j;
  });
  return { communes: list, people, jobs };
}

/** Trades (VSCO codes that some skill leads to) with the skills of each; popularity Zipf-like but seeded. */
export interface Trades {
  codes: readonly string[];
  skillsOf: ReadonlyMap<string, readonly string[]>;
  popularity: Float64Array;
  allSkills: readonly string[];
}

export function syntheticTrades(seed: number): Trades {
  const skillsOf = new Map<string, string[]>();
  for (const s of skills()) for (const code of s.occupationCodes) skillsOf.set(code, [...(skillsOf.get(code) ?? []), s.slug]);
  const g = new Prng(seed ^ 0x7ade);
  const codes = g.sample([...skillsOf.keys()].sort(), skillsOf.size);
  const popularity = new Float64Array(codes.length);
  let total = 0;
  codes.forEach((_c, rank) => {
    total += 1 / (rank + 3);
    popularity[rank] = total;
  });
  return { codes, skillsOf, popularity, allSkills: skills().map((s) => s.slug) };
}
