/**
 * Messages between the runtime processes that share one database (DESIGN principle 6): the
 * embedded twin delivers within this process, RedisPubSub (REDIS_URL) to every process subscribed
 * to the same Redis. One contract suite runs against both (test/integration/pubSub.test.ts).
 */
export interface PubSub {
  /** Sends `message` to every subscriber of `channel`, this process's included. */
  publish(channel: string, message: string): Promise<void>;
  /** Resolves once the subscription is active: a message published after that reaches `handler`. */
  subscribe(channel: string, handler: (message: string) => void): Promise<void>;
  close(): Promise<void>;
}
