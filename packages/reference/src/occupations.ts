import { frozen, once } from './once';
import type { EmployerSector, Occupation, OccupationGroup } from './types';

const load = once(() => {
  const list = frozen(require('../data/occupations.json') as Occupation[]);
  const groups = frozen(require('../data/occupation-groups.json') as OccupationGroup[]);
  return { list, groups, byCode: new Map(list.map((o) => [o.code, o])) };
});

/** The curated VSCO 2020 4-digit occupations (a subset; see data/SOURCE.md), ordered by code. */
export function occupations(): readonly Occupation[] {
  return load().list;
}

/** The occupation with this 4-digit code ("7212"), or undefined. */
export function occupation(code: string): Occupation | undefined {
  return load().byCode.get(code);
}

/** The ten VSCO 2020 major groups (1 digit, "0" = armed forces). */
export function occupationGroups(): readonly OccupationGroup[] {
  return load().groups;
}

/** True when the value is the code of an occupation in the curated list. */
export function isOccupationCode(value: unknown): value is string {
  return typeof value === 'string' && load().byCode.has(value);
}

/**
 * True when work in this occupation is a post in a state agency or the armed forces, which a person
 * under Penal Code Art. 44 may not take. Occupations that are state posts only at a public employer
 * (teachers, health workers) count unless the employer is known to be private. Unknown codes: false.
 */
export function isStateAgencyPost(code: string, employerSector: EmployerSector = 'unknown'): boolean {
  const o = load().byCode.get(code);
  if (!o?.stateAgencyPost) return false;
  return !(o.atPublicEmployerOnly && employerSector === 'private');
}
