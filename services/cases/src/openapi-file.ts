import { join } from 'node:path';

/** The service's OpenAPI document: request validation, the import's row schema, the gateway's docs. */
export const OPENAPI_FILE = join(__dirname, '..', 'openapi.yaml');
