import type { FormInstance } from 'antd';
import { ApiError } from '../api/api-error';

/**
 * Puts each `errors[].field` of a problem+json answer next to the matching
 * form field ("address.communeCode" → ['address', 'communeCode'],
 * "skills/0" or "skills[0]" → ['skills']). Returns the problems no field
 * took, for a banner above the form.
 */
export function showProblemOnForm(form: FormInstance, error: unknown, knownFields: readonly (string | number)[][]): string[] {
  if (!(error instanceof ApiError)) return [];
  const leftovers: string[] = [];
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const problem of error.fieldErrors) {
    const path = problem.field
      .replace(/^\/?(body\.)?/, '')
      .split(/[./[\]]+/)
      .filter(Boolean);
    const name = longestKnownPrefix(path, knownFields);
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

function longestKnownPrefix(path: string[], known: readonly (string | number)[][]): (string | number)[] | null {
  for (let length = path.length; length > 0; length -= 1) {
    const candidate = path.slice(0, length).join('.');
    const match = known.find((name) => name.join('.') === candidate);
    if (match) return match;
  }
  return null;
}
