/**
 * What an attacker or a broken client sends instead of a valid value: Mongo
 * operator objects, wrong types, boundary numbers, huge or odd strings, and
 * whole bodies that are not objects at all.
 */
import fc from 'fast-check';

/** Objects that a careless `find({ field: req.body.field })` would read as query operators. */
export const MONGO_OPERATORS: unknown[] = [{ $gt: '' }, { $ne: null }, { $where: 'sleep(1000) || true' }, { $regex: '.*' }, { $in: [] }];

/** The same operators as a client could spell them in a query string or a path segment. */
export const OPERATOR_STRINGS = [
  '{"$gt":""}',
  '{"$ne":null}',
  '{"$where":"sleep(1000)"}',
  '$where',
  '[$ne]=1',
  "' || '1'=='1",
  '../../../etc/passwd',
  '%00',
  '\u0000',
];

const WRONG_VALUES: unknown[] = [
  ...MONGO_OPERATORS,
  null,
  true,
  [],
  [1, 2],
  {},
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  '',
  ' ',
  'x'.repeat(20_000),
  'Nguyễn Văn An'.normalize('NFD'),
  '\ud800', // a lone surrogate: JSON-escapable, invalid as UTF-16 text
  '😀👩‍👩‍👧',
  '<script>alert(1)</script>',
  '1970-13-45',
  '__proto__',
];

type Json = unknown;
type Path = Array<string | number>;

function paths(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => paths(item, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) paths(item, [...prefix, key], out);
  return out;
}

function setAt(value: Json, path: Path, replace: (old: Json) => Json | typeof DROP): Json {
  if (path.length === 0) {
    const next = replace(value);
    return next === DROP ? undefined : next;
  }
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, Json>;
  const next = rest.length === 0 ? replace(copy[head!]) : setAt(copy[head!], rest, replace);
  if (next === DROP) {
    if (Array.isArray(copy)) (copy as Json[]).splice(head as number, 1);
    else delete copy[head!];
  } else copy[head!] = next;
  return copy;
}

const DROP = Symbol('drop');

export type Mutation = { kind: 'replace'; value: unknown } | { kind: 'drop' } | { kind: 'extra'; key: string; value: unknown };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WRONG_VALUES).map((value) => ({ kind: 'replace' as const, value })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'drop' as const }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom('$where', '$gt', 'unexpected', 'constructor', '__proto__', 'prototype'),
        fc.constantFrom<unknown>(...MONGO_OPERATORS, 'x', 1),
      )
      .map(([key, value]) => ({ kind: 'extra' as const, key, value })),
  },
);

/** `value` with one mutation applied at one of its nodes (chosen by `at`, modulo the node count). */
export function mutate(value: Json, at: number, change: Mutation): Json {
  const all = paths(value);
  const path = all[at % all.length]!;
  return setAt(value, path, (old) => {
    if (change.kind === 'replace') return change.value;
    if (change.kind === 'drop') return path.length === 0 ? undefined : DROP;
    if (old && typeof old === 'object' && !Array.isArray(old)) {
      // defineProperty: a plain assignment to `__proto__` would set the prototype, not send the key
      const copy = { ...(old as object) };
      Object.defineProperty(copy, change.key, { value: change.value, enumerable: true, configurable: true, writable: true });
      return copy;
    }
    return change.value;
  });
}

/** Path parameter values that must never reach a query as anything but a failed lookup. */
export const hostilePathValue = fc.oneof(
  fc.constantFrom(
    ...OPERATOR_STRINGS,
    'x'.repeat(3_000),
    'Nguyễn'.normalize('NFD'),
    '0',
    '-1',
    'null',
    'undefined',
    '000000000000000000000000',
  ),
  fc.string({ maxLength: 30 }),
);

/** Query values beside the schema's own: operators as text, repeats, odd unicode. */
export const hostileQueryValue = fc.oneof(
  fc.constantFrom(...OPERATOR_STRINGS, '', 'x'.repeat(5_000), 'Nguyễn Văn An'.normalize('NFD'), '-1', '1e309', 'NaN'),
  fc.string({ maxLength: 30 }),
);
