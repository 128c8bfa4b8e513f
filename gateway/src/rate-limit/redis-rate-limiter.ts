import type { Logger } from '@hoanhap/kit';
import { createWindowViews } from './window-views';

/** The few node-redis calls the limiter needs (a real client in production and tests). */
export interface RedisScripting {
  scriptLoad(script: string): Promise<string>;
  evalSha(sha: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

export interface RateLimits {
  perIp: number;
  perUser: number;
  windowMs: number;
  /** Prefix of every key (tests pass their namespace's). */
  prefix: string;
}

export type RateDecision = { allowed: true } | { allowed: false; scope: 'ip' | 'user'; limit: number; retryAfterSec: number };

// Fixed window per key: the first hit starts the window (PEXPIRE), later hits only count.
// One round trip counts the IP and the user together and returns each count with its remaining window.
const FIXED_WINDOW = `
local out = {}
for i, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  if count == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
  local ttl = redis.call('PTTL', key)
  if ttl < 0 then redis.call('PEXPIRE', key, ARGV[1]); ttl = tonumber(ARGV[1]) end
  out[#out + 1] = count
  out[#out + 1] = ttl
end
return out`;

/**
 * Per-IP and per-user fixed-window limits counted in Redis, so every gateway
 * instance shares them; most requests do not wait for the count (see
 * createWindowViews). When Redis cannot be reached the request passes (and a
 * warning is logged): a rate limiter that fails closed would turn a cache
 * outage into a full outage, and /readyz reports Redis down.
 */
export function createRateLimiter(redis: RedisScripting, limits: RateLimits, logger: Logger) {
  let sha: Promise<string> | undefined;
  let lastWarning = 0;
  const load = () => (sha ??= redis.scriptLoad(FIXED_WINDOW).catch((error: unknown) => {
    sha = undefined;
    throw error;
  }));

  async function run(keys: string[]): Promise<number[]> {
    const args = { keys, arguments: [String(limits.windowMs)] };
    try {
      return (await redis.evalSha(await load(), args)) as number[];
    } catch (error) {
      if (!String((error as Error).message).includes('NOSCRIPT')) throw error;
      sha = undefined; // Redis restarted and forgot the script
      return (await redis.evalSha(await load(), args)) as number[];
    }
  }

  function warn(error: unknown) {
    // one line per 10 s, not one per request, while Redis is away
    if (Date.now() - lastWarning > 10_000) {
      lastWarning = Date.now();
      logger.warn({ err: error }, 'rate limiter unavailable: requests let through');
    }
  }

  const views = createWindowViews();
  const scopes = ['ip', 'user'] as const;
  const caps = [limits.perIp, limits.perUser] as const;
  const refuse = (i: number, retryAfterMs: number): RateDecision => ({
    allowed: false,
    scope: scopes[i]!,
    limit: caps[i]!,
    retryAfterSec: Math.max(1, Math.ceil(retryAfterMs / 1000)),
  });

  return {
    async hit(ip: string, userId?: string): Promise<RateDecision> {
      const keys = [`${limits.prefix}ip:${ip}`];
      if (userId) keys.push(`${limits.prefix}user:${userId}`);
      const verdict = views.judge(keys, caps, Date.now());
      if (verdict.kind === 'deny') return refuse(verdict.index, verdict.retryAfterMs);
      views.begin(keys, Date.now());
      const counting = run(keys).then(
        (counts) => {
          views.settle(keys, counts, Date.now());
          return counts;
        },
        (error: unknown) => {
          views.abandon(keys);
          warn(error);
          return undefined;
        },
      );
      // well below every limit: counted in the background, so Redis is not on the request's path
      if (verdict.kind === 'allow') return { allowed: true };
      const counts = await counting;
      if (!counts) return { allowed: true };
      for (let i = 0; i < keys.length; i++) {
        if (counts[2 * i]! > caps[i]!) return refuse(i, counts[2 * i + 1]!);
      }
      return { allowed: true };
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
