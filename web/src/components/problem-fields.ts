import type { FormInstance } from 'antd';
import { ApiError } from '../api/api-error';

/** A form field name; `'*'` stands for any list index (`['restrictions', 'bannedOccupations', '*', 'code']`). */
export type KnownField = readonly (string | number)[];

/**
 * Puts each `errors[].field` of a problem+json answer next to the matching
 * form field: "address.communeCode", "/address/communeCode" and
 * "restrictions.bannedOccupations[0].until" all find their field. Returns the
 * problems no field took, for a banner above the form.
 */
export function showProblemOnForm(form: FormInstance, error: unknown, knownFields: readonly KnownField[]): string[] {
  if (!(error instanceof ApiError)) return [];
  const leftovers: string[] = [];
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const problem of error.fieldErrors) {
    const path = problem.field
      .replace(/^(body\.|\/)/, '')
      .split(/[./[\]]+/)
      .filter(Boolean)
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    const name = matchKnown(path, knownFields);
    if (!name) {
      leftovers.push(`${problem.field}: ${problem.message}`);
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(problem.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()].map(({ name, errors }) => ({ name, errors })));
  return leftovers;
}

/** The longest known field that starts the path, with the path's real list indexes. */
function matchKnown(path: (string | number)[], known: readonly KnownField[]): (string | number)[] | null {
  for (let length = path.length; length > 0; length -= 1) {
    const candidate = path.slice(0, length);
    const match = known.find((name) => name.length === length && name.every((part, i) => part === '*' ? typeof candidate[i] === 'number' : part === candidate[i]));
    if (match) return candidate;
  }
  return null;
}
