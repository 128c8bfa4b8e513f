import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { FieldError, OpenApiDocument } from '@hoanhap/kit';

/**
 * The registration body's schema from openapi.yaml, for rows that do not arrive as JSON bodies (the XLSX
 * import): one schema, the same answers as `POST /returnees`.
 */
export function newReturneeValidator(document: OpenApiDocument): (body: unknown) => FieldError[] {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addSchema(document as object, 'openapi');
  const validate = ajv.compile({ $ref: 'openapi#/components/schemas/NewReturnee' });
  return (body) => {
    if (validate(body)) return [];
    return (validate.errors ?? [])
      .filter((e) => e.keyword !== 'if')
      .map((e) => {
        const path = e.instancePath.slice(1).replace(/\//g, '.');
        const missing = e.keyword === 'required' ? (e.params as { missingProperty: string }).missingProperty : undefined;
        return {
          field: missing ? [path, missing].filter(Boolean).join('.') : path || 'row',
          in: 'body' as const,
          rule: e.keyword,
          message: e.message ?? 'is invalid',
        };
      });
  };
}
