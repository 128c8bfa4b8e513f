import type { LockRedis } from '@hoanhap/events';
import type { Connection } from 'mongoose';

/** What every aggregate store needs: the database, and Redis for its write locks and sent flags. */
export interface StoreDeps {
  connection: Connection;
  redis: LockRedis;
  /** Prepended to every Redis key (`employers:`; tests pass their namespace's prefix). */
  redisPrefix: string;
}
