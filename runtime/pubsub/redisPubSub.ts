import { Redis } from 'ioredis';
import { ConfigError } from '../config.js';
import type { PubSub } from './pubSub.js';

/** Channels are named under this prefix, so one Redis can serve other software too. */
const PREFIX = 'tongguan:';

/**
 * Redis publish/subscribe (ioredis): one connection publishes, one subscribes (a subscribed Redis
 * connection can do nothing else). Connection trouble after the start is retried by ioredis; a
 * Redis that cannot be reached at the start fails the start with a ConfigError naming REDIS_URL.
 */
export class RedisPubSub implements PubSub {
  private readonly handlers = new Map<string, ((message: string) => void)[]>();

  private constructor(private readonly publisher: Redis, private readonly subscriber: Redis) {
    subscriber.on('message', (channel: string, message: string) => {
      for (const handler of this.handlers.get(channel) ?? []) handler(message);
    });
  }

  static async connect(url: string): Promise<RedisPubSub> {
    const open = async () => {
      const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3, connectTimeout: 5_000 });
      redis.on('error', () => undefined); // reconnects on its own; commands fail while it is down
      try {
        await redis.connect();
      } catch (e) {
        redis.disconnect();
        throw new ConfigError('REDIS_URL', `cannot connect to ${redactUrl(url)} (${(e as Error).message})`);
      }
      return redis;
    };
    const publisher = await open();
    try {
      return new RedisPubSub(publisher, await open());
    } catch (e) {
      publisher.disconnect();
      throw e;
    }
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.publisher.publish(PREFIX + channel, message);
  }

  async subscribe(channel: string, handler: (message: string) => void): Promise<void> {
    const name = PREFIX + channel;
    const list = this.handlers.get(name);
    if (list) list.push(handler);
    else {
      this.handlers.set(name, [handler]);
      await this.subscriber.subscribe(name);
    }
  }

  async close(): Promise<void> {
    this.handlers.clear();
    await Promise.allSettled([this.subscriber.quit(), this.publisher.quit()]);
  }
}

/** The URL without its password, for messages. */
function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the configured URL';
  }
}
