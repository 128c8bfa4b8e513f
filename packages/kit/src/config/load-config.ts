import type { ConfigField } from './config-fields';

export type ConfigSpec = Record<string, ConfigField<unknown>>;
export type AppEnv = 'production' | 'development';

/** The typed configuration a spec describes, plus `appEnv`. */
export type Config<S extends ConfigSpec> = { readonly [K in keyof S]: S[K] extends ConfigField<infer T> ? T : never } & {
  readonly appEnv: AppEnv;
};

export interface ConfigIssue {
  key: string;
  env: string;
  message: string;
}

/** Thrown at boot with one line per bad key; `start.ts` prints it and exits. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly issues: ConfigIssue[]) {
    super(`invalid configuration:\n${issues.map((i) => `  - ${i.env} (${i.key}): ${i.message}`).join('\n')}`);
  }
}

/**
 * Reads every key of `spec` from `env` (process.env by default), each from
 * its variable or its default, and checks them all before failing, so one
 * boot shows every mistake. `APP_ENV=production` turns secrets' development
 * defaults off: each must then be set. Anything else is development.
 *
 * @example
 * const config = loadConfig({ port: field.port('PORT', 3001), jwtKey: field.secret('JWT_PUBLIC_KEY', devKey) });
 */
export function loadConfig<S extends ConfigSpec>(spec: S, env: NodeJS.ProcessEnv = process.env): Config<S> {
  const appEnv: AppEnv = env.APP_ENV === 'production' ? 'production' : 'development';
  const values: Record<string, unknown> = { appEnv };
  const issues: ConfigIssue[] = [];
  for (const [key, definition] of Object.entries(spec)) {
    const raw = env[definition.env];
    if (raw === undefined || raw === '') {
      if (definition.secret && appEnv === 'production') {
        issues.push({ key, env: definition.env, message: 'is a secret and must be set when APP_ENV=production' });
      }
      values[key] = definition.default;
      continue;
    }
    try {
      values[key] = definition.parse(raw);
    } catch (error) {
      const shown = definition.secret ? '' : `, got ${JSON.stringify(raw.length > 80 ? `${raw.slice(0, 80)}…` : raw)}`;
      issues.push({ key, env: definition.env, message: `${(error as Error).message}${shown}` });
    }
  }
  if (issues.length > 0) throw new ConfigError(issues);
  return values as Config<S>;
}
