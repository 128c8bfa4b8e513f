import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { FieldError } from '../errors/app-error';
import type { OpenApiDocument } from './openapi-document';

const OPENAPI_ROOT_KEYS = ['openapi', 'info', 'jsonSchemaDialect', 'servers', 'paths', 'webhooks', 'components', 'security', 'tags', 'externalDocs'];

type Location = NonNullable<FieldError['in']>;

function rebase(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rebase);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `openapi${value}` : rebase(value)]),
  );
}

/** A copy of the schema at `pointer`, its local `$ref`s pointing into the registered document. */
function inline(document: OpenApiDocument, pointer: string): unknown {
  const node = pointer
    .slice(2)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], document);
  return rebase(node);
}

/**
 * Compiles schemas that live inside one OpenAPI 3.1 document (JSON Schema
 * 2020-12), so `$ref: '#/components/schemas/Job'` resolves as written.
 * Parameters arrive as strings and are coerced; bodies are not.
 */
export function schemaCompiler(document: OpenApiDocument) {
  const make = (coerce: boolean, defaults = true) => {
    const ajv = new Ajv2020({
      allErrors: true,
      useDefaults: defaults,
      coerceTypes: coerce ? 'array' : false,
      strictTypes: false,
      strictTuples: false,
    });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    // OpenAPI's own keywords and formats, which carry no check; the document's top-level
    // keys among them because ajv compiles the whole document as the root of every $ref.
    ajv.addVocabulary([...OPENAPI_ROOT_KEYS, 'example', 'discriminator', 'xml']);
    for (const format of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) ajv.addFormat(format, true);
    ajv.addSchema(document, 'openapi');
    return ajv;
  };
  const bodies = make(false);
  const params = make(true);
  // an answer is checked as sent: no defaults filled in
  let answers: Ajv2020 | undefined;
  return {
    body: (pointer: string): ValidateFunction => bodies.compile({ $ref: `openapi${pointer}` }),
    response: (pointer: string): ValidateFunction => (answers ??= make(false, false)).compile({ $ref: `openapi${pointer}` }),
    parameters: (properties: Record<string, string>, required: string[], closed: boolean): ValidateFunction =>
      params.compile({
        type: 'object',
        // inlined, not $ref'd: ajv applies a parameter's `default` only when it sits right under `properties`
        properties: Object.fromEntries(Object.entries(properties).map(([name, pointer]) => [name, inline(document, pointer)])),
        required,
        additionalProperties: !closed,
      }),
  };
}

function fieldPath(parts: string[]): string {
  return parts.reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

/** ajv's errors as the `errors` list of a problem document, one entry per field and rule. */
export function toFieldErrors(errors: ErrorObject[] | null | undefined, location: Location): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of errors ?? []) {
    const parts = error.instancePath
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const params = error.params as { missingProperty?: string; additionalProperty?: string; unevaluatedProperty?: string };
    if (error.keyword === 'required' && params.missingProperty) parts.push(params.missingProperty);
    const unknown = error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties';
    const extra = params.additionalProperty ?? params.unevaluatedProperty;
    if (unknown && extra) parts.push(extra);
    const field = fieldPath(parts) || location;
    const rule = unknown ? 'unknown' : error.keyword;
    if (seen.has(`${field}|${rule}`)) continue;
    seen.add(`${field}|${rule}`);
    const message =
      rule === 'required' ? `${field} is required` : rule === 'unknown' ? `${field} is not allowed here` : `${field} ${error.message ?? 'is invalid'}`;
    result.push({ field, in: location, rule, message });
  }
  return result.slice(0, 50);
}
