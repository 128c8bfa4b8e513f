import { createClient } from 'redis';
import { testNamespace } from '../src';

const ns = testNamespace();

describe('Redis', () => {
  it('when a key is set with an expiry, then it reads back and is gone after the expiry', async () => {
    const redis = createClient({ url: ns.redisUrl });
    await redis.connect();
    try {
      const key = `${ns.redisPrefix}session`;
      await redis.set(key, 'xin chào', { PX: 300 });
      expect(await redis.get(key)).toBe('xin chào');
      expect(await redis.pTTL(key)).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 450));
      expect(await redis.get(key)).toBeNull();
    } finally {
      await redis.quit();
    }
  });
});
