/**
 * One configuration key: the environment variable it is read from, its
 * default, and how a raw string becomes a value (throwing a short reason when
 * it cannot). A `secret` key must come from the environment in production.
 */
export interface ConfigField<T> {
  env: string;
  default: T;
  secret?: boolean;
  parse(raw: string): T;
}

type Options = { secret?: boolean };

const fail = (reason: string): never => {
  throw new Error(reason);
};

function integer(raw: string, min: number, max: number): number {
  const value = Number(raw);
  return /^-?\d+$/.test(raw.trim()) && value >= min && value <= max ? value : fail(`must be an integer from ${min} to ${max}`);
}

/** Builders for typed configuration keys. */
export const field = {
  string: (env: string, defaultValue: string, options: Options & { pattern?: RegExp } = {}): ConfigField<string> => ({
    env,
    default: defaultValue,
    secret: options.secret,
    parse: (raw) => (!options.pattern || options.pattern.test(raw) ? raw : fail(`must match ${options.pattern}`)),
  }),
  /** A secret (key, password, PEM): its value never appears in messages; required in production. */
  secret: (env: string, developmentDefault: string): ConfigField<string> => ({
    env,
    default: developmentDefault,
    secret: true,
    parse: (raw) => (raw.trim() ? raw : fail('must not be empty')),
  }),
  int: (env: string, defaultValue: number, range: { min?: number; max?: number } = {}): ConfigField<number> => ({
    env,
    default: defaultValue,
    parse: (raw) => integer(raw, range.min ?? Number.MIN_SAFE_INTEGER, range.max ?? Number.MAX_SAFE_INTEGER),
  }),
  port: (env: string, defaultValue: number): ConfigField<number> => ({ env, default: defaultValue, parse: (raw) => integer(raw, 0, 65535) }),
  bool: (env: string, defaultValue: boolean): ConfigField<boolean> => ({
    env,
    default: defaultValue,
    parse: (raw) => (/^(true|1|yes)$/i.test(raw) ? true : /^(false|0|no)$/i.test(raw) ? false : fail('must be true or false')),
  }),
  url: (env: string, defaultValue: string, protocols: string[] = ['http:', 'https:']): ConfigField<string> => ({
    env,
    default: defaultValue,
    parse: (raw) => {
      let protocol = '';
      try {
        protocol = new URL(raw).protocol;
      } catch {
        fail('must be a URL');
      }
      return protocols.includes(protocol) ? raw : fail(`must be a ${protocols.map((p) => p.replace(':', '')).join(' or ')} URL`);
    },
  }),
  oneOf: <const V extends string>(env: string, values: readonly V[], defaultValue: V): ConfigField<V> => ({
    env,
    default: defaultValue,
    parse: (raw) => ((values as readonly string[]).includes(raw) ? (raw as V) : fail(`must be one of ${values.join(', ')}`)),
  }),
  /** A comma-separated list (`KAFKA_BROKERS=a:9092,b:9092`). */
  list: (env: string, defaultValue: string[]): ConfigField<string[]> => ({
    env,
    default: defaultValue,
    parse: (raw) => {
      const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
      return items.length > 0 ? items : fail('must list at least one value');
    },
  }),
};
