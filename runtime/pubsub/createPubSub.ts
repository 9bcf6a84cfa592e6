import type { RuntimeConfig } from '../config.js';
import { LocalPubSub } from './localPubSub.js';
import type { PubSub } from './pubSub.js';
import { RedisPubSub } from './redisPubSub.js';

/** Redis when REDIS_URL is set, else the in-process twin. */
export function createPubSub(config: RuntimeConfig): Promise<PubSub> {
  return config.redisUrl ? RedisPubSub.connect(config.redisUrl) : Promise.resolve(new LocalPubSub());
}
