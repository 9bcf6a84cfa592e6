import { randomUUID } from 'node:crypto';
import type { PubSub } from './pubSub.js';

/**
 * What one runtime process changed that the others sharing its database hold in memory: a new
 * published bundle (the current version), the organisation (compiled bundles, cached sessions), a
 * session ended (cached sessions).
 */
export const CLUSTER_EVENTS = ['bundle', 'org', 'sessions'] as const;
export type ClusterEvent = (typeof CLUSTER_EVENTS)[number];

const CHANNEL = 'changes';

/** Announces this process's changes to the other processes and hears theirs (never its own). */
export class ClusterEvents {
  private readonly origin = randomUUID();

  constructor(private readonly pubsub: PubSub) {}

  /** Fire and forget: a lost message leaves the others on their caches' own time limits. */
  announce(event: ClusterEvent): void {
    this.pubsub.publish(CHANNEL, JSON.stringify({ origin: this.origin, event })).catch(() => undefined);
  }

  listen(handler: (event: ClusterEvent) => void): Promise<void> {
    return this.pubsub.subscribe(CHANNEL, (raw) => {
      let message: { origin?: unknown; event?: unknown };
      try {
        message = JSON.parse(raw) as typeof message;
      } catch {
        return; // not ours
      }
      if (message.origin === this.origin) return;
      if (CLUSTER_EVENTS.includes(message.event as ClusterEvent)) handler(message.event as ClusterEvent);
    });
  }
}
