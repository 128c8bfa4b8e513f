import { frozen, once } from './once';
import type { Skill } from './types';

const load = once(() => {
  const list = frozen(require('../data/skills.json') as Skill[]);
  for (const s of list) Object.freeze(s.occupationCodes);
  return { list, bySlug: new Map(list.map((s) => [s.slug, s])) };
});

/** The skills vocabulary: English kebab-case slugs with Vietnamese and English names. */
export function skills(): readonly Skill[] {
  return load().list;
}

/** The skill with this slug ("welding"), or undefined. */
export function skill(slug: string): Skill | undefined {
  return load().bySlug.get(slug);
}

/** True when the value is a slug of the vocabulary. */
export function isSkill(value: unknown): value is string {
  return typeof value === 'string' && load().bySlug.has(value);
}
