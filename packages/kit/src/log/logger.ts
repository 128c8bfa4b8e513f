import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Fields that must never reach a log: credentials and the personal data that `cases` holds. */
export const SENSITIVE_FIELDS = [
  'authorization',
  'cookie',
  'set-cookie',
  'password',
  'passwordHash',
  'accessToken',
  'refreshToken',
  'token',
  'secret',
  'nationalId',
  'phone',
  'fullName',
  'dateOfBirth',
  'address',
  'offence',
  'offenceCategory',
  'sentence',
  'riskGrade',
  'grade',
] as const;

// fast-redact has no "any depth" wildcard: cover the depths where these fields occur
// (top level, one object down, and request/response headers and bodies).
function redactPaths(fields: readonly string[]): string[] {
  const paths: string[] = [];
  for (const field of fields) {
    const key = /^[A-Za-z_$][\w$]*$/.test(field) ? field : `["${field}"]`;
    const join = (prefix: string) => (key.startsWith('[') ? `${prefix}${key}` : `${prefix}.${key}`);
    paths.push(key, join('*'), join('*.*'), join('req.headers'), join('res.headers'), join('req.body'), join('err.*'));
  }
  return paths;
}

export interface LoggerOptions {
  /** The service's name, on every line. */
  name: string;
  /** pino level; defaults to LOG_LEVEL, else `silent` under jest and `info` otherwise. */
  level?: string;
  /** Extra field names to redact. */
  redact?: string[];
  /** Where lines go (tests pass a stream to read them back); stdout by default. */
  destination?: DestinationStream;
}

/** A pino logger that redacts credentials and personal data wherever they appear in the first levels. */
export function createLogger(options: LoggerOptions): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info');
  const config = {
    name: options.name,
    level,
    redact: { paths: redactPaths([...SENSITIVE_FIELDS, ...(options.redact ?? [])]), censor: '[redacted]' },
  };
  return options.destination ? pino(config, options.destination) : pino(config);
}
