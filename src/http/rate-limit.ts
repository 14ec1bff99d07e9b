/**
 * Requests per minute per signed-in user, or per address for anonymous ones and for bad tokens (so a
 * flood of forged tokens is limited too), with rate-limiter-flexible's in-memory limiter. One process
 * keeps its own counts; behind several processes, divide the limit between them.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from './errors.js';

export interface RateLimit {
  /** Counts one request against `key`; throws RateLimitedError when over the limit. */
  take(key: string): Promise<void>;
}

export function rateLimit(perMinute: number): RateLimit {
  if (perMinute === 0) return { take: async () => {} };
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return {
    async take(key) {
      try {
        await limiter.consume(key);
      } catch (error) {
        if (error instanceof RateLimiterRes) throw new RateLimitedError(perMinute, Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
        throw error;
      }
    },
  };
}
