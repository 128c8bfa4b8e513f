/**
 * JSON Schema (the OpenAPI 3.1 subset our documents use) → fast-check
 * arbitraries of values that mostly satisfy the schema, with Vietnamese names
 * in both normal forms among the strings.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- schemas are read loosely, as JSON */
import fc from 'fast-check';

export type Schema = Record<string, any>;

const VIETNAMESE = [
  'Nguyễn Văn An',
  'Trần Thị Bích Ngọc',
  'Lê Hoàng Phúc',
  'Phạm Thị Thu Hương',
  'Đặng Quốc Việt',
  'Hồ Chí Minh',
  'Bùi Thị Ánh',
];

/** Vietnamese text as NFC, NFD, without diacritics, or with a zero-width joiner and odd spacing. */
export const vietnameseText = fc
  .tuple(fc.constantFrom(...VIETNAMESE), fc.constantFrom('NFC', 'NFD', 'ascii', 'spaced'))
  .map(([name, form]) => {
    if (form === 'NFD') return name.normalize('NFD');
    if (form === 'ascii')
      return name
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/g, 'd')
        .replace(/Đ/g, 'D');
    if (form === 'spaced') return `  ${name.replace(' ', '\u200d ')}  `;
    return name;
  });

/** Resolves `$ref`s against the merged document. */
export function resolver(document: Schema): (schema: Schema | undefined) => Schema {
  const resolve = (schema: Schema | undefined): Schema => {
    if (!schema) return {};
    if (typeof schema.$ref !== 'string') return schema;
    const target = schema.$ref
      .replace(/^#\//, '')
      .split('/')
      .map((p: string) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((node: any, key: string) => node?.[key], document);
    return resolve({ ...schema, ...target, $ref: undefined });
  };
  return resolve;
}

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 40, 200);
  switch (schema.format) {
    case 'date-time':
      return fc.date({ min: new Date('1950-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'date':
      return fc
        .date({ min: new Date('1950-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'uuid':
      return fc.uuid();
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl();
    default:
  }
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    return fc.stringMatching(pattern).filter((s) => s.length >= min && s.length <= Math.max(max, min) && s.length < 300);
  }
  return fc
    .oneof(
      { weight: 3, arbitrary: vietnameseText },
      { weight: 2, arbitrary: fc.string({ minLength: min, maxLength: max }) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: max }) },
    )
    .map((s) => (s.length < min ? s.padEnd(min, 'a') : s.slice(0, Math.max(max, min))));
}

/** Values for `schema` (valid, or nearly: cross-field rules and formats not listed above are not honoured). */
export function schemaArbitrary(document: Schema, schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const resolve = resolver(document);
  const s = resolve(schema);
  if (s.const !== undefined) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...s.enum);
  const alternatives = s.oneOf ?? s.anyOf;
  if (Array.isArray(alternatives)) return fc.oneof(...alternatives.map((a: Schema) => schemaArbitrary(document, a, depth + 1)));
  if (Array.isArray(s.allOf)) {
    const merged = s.allOf.map(resolve).reduce((acc: Schema, part: Schema) => ({
      ...acc,
      ...part,
      properties: { ...acc.properties, ...part.properties },
      required: [...(acc.required ?? []), ...(part.required ?? [])],
    }));
    return schemaArbitrary(document, merged, depth + 1);
  }
  const type = Array.isArray(s.type) ? s.type : [s.type ?? (s.properties ? 'object' : 'string')];
  if (type.length > 1) return fc.oneof(...type.map((t: string) => schemaArbitrary(document, { ...s, type: t }, depth + 1)));
  switch (type[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: s.minimum ?? -1_000_000, max: s.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: s.minimum ?? -1e9, max: s.maximum ?? 1e9, noNaN: true, noDefaultInfinity: true });
    case 'array': {
      if (depth > 6) return fc.constant([]);
      const items = schemaArbitrary(document, s.items, depth + 1);
      return fc.array(items, { minLength: s.minItems ?? 0, maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)) });
    }
    case 'object': {
      const properties: Record<string, Schema> = s.properties ?? {};
      const required: string[] = (s.required ?? []).filter((name: string) => name in properties);
      if (depth > 6) return fc.constant({});
      const model = Object.fromEntries(Object.entries(properties).map(([name, p]) => [name, schemaArbitrary(document, p, depth + 1)]));
      return fc.record(model, { requiredKeys: required });
    }
    default:
      return stringArbitrary(s);
  }
}
