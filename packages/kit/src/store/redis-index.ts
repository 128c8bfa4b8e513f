/** The Redis commands an index uses (node-redis v4). */
export interface IndexRedis {
  zAdd(key: string, member: { score: number; value: string }): Promise<unknown>;
  zRem(key: string, member: string): Promise<unknown>;
  zRangeWithScores(key: string, min: number, max: number): Promise<{ value: string; score: number }[]>;
}

/** The member that says a set was built: lost with the set, so a lost set is always rebuilt. */
const BUILT = '\u0000built';

/**
 * Ids kept in a Redis sorted set beside the documents they find, so that a query FerretDB 1.x answers by
 * decoding a whole collection (`{ resource }`, `{ cohortId, status }`) becomes a handful of reads by `_id`. The
 * documents stay the truth: a member is added before its document is written, so the set may hold more than
 * the query would find, never fewer, and the reader checks each document it reads (and removes what it finds
 * stale). A set Redis lost is rebuilt from the documents, by the query itself, on the next read.
 */
export function redisIndex(redis: IndexRedis, key: string) {
  return {
    /** Before the first document is written (a new cohort): the set is complete as it is, empty. */
    open: async () => {
      await redis.zAdd(key, { score: 0, value: BUILT });
    },
    add: async (value: string, score: number) => {
      await redis.zAdd(key, { score, value });
    },
    remove: async (value: string) => {
      await redis.zRem(key, value);
    },
    /** The members by score (then id), the set first rebuilt from `rebuild` (the query) when Redis lost it. */
    members: async (rebuild: () => AsyncIterable<{ value: string; score: number }>) => {
      let members = await redis.zRangeWithScores(key, 0, -1);
      if (!members.some((m) => m.value === BUILT)) {
        // members added meanwhile are in the set already: added before their documents were written
        for await (const member of rebuild()) await redis.zAdd(key, member);
        await redis.zAdd(key, { score: 0, value: BUILT });
        members = await redis.zRangeWithScores(key, 0, -1);
      }
      return members.filter((m) => m.value !== BUILT);
    },
  };
}

export type RedisIndex = ReturnType<typeof redisIndex>;
