import { join } from 'node:path';

/** The service's OpenAPI document: request validation and the gateway's docs. */
export const OPENAPI_FILE = join(__dirname, '..', 'openapi.yaml');
