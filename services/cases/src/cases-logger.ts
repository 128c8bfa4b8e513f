import pino, { type DestinationStream, type Logger } from 'pino';
import { SENSITIVE_FIELDS } from '@hoanhap/kit';

/** Query parameters that carry personal data: a searched name, a national ID. */
export const PERSONAL_QUERY_PARAMS = ['q', 'nationalId'];

const maskUrl = (url: string) => url.replace(new RegExp(`([?&](?:${PERSONAL_QUERY_PARAMS.join('|')})=)[^&#]*`, 'g'), '$1[redacted]');

// the kit's paths (top level, one and two levels down, request and response parts), for more field names
function paths(fields: readonly string[]): string[] {
  return fields.flatMap((f) => [f, `*.${f}`, `*.*.${f}`, `req.headers.${f}`, `res.headers.${f}`, `req.body.${f}`, `err.*.${f}`]);
}

/**
 * The kit's logger redaction plus what a search puts in a request line: the URL's `q` and `nationalId`
 * values are masked (the path stays, for operations), and the parsed query's are removed — in the logger
 * itself, whatever line carries a URL (the kit's request line carries only the path).
 */
export function casesLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  const config = {
    name: 'cases',
    level: options.level ?? process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
    redact: {
      paths: [...paths([...SENSITIVE_FIELDS.filter((f) => /^[A-Za-z]+$/.test(f)), ...PERSONAL_QUERY_PARAMS]), 'req.url'],
      censor: (value: unknown, path: string[]) => (path.at(-1) === 'url' && typeof value === 'string' ? maskUrl(value) : '[redacted]'),
    },
  };
  return options.destination ? pino(config, options.destination) : pino(config);
}
