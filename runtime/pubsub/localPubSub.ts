import { EventEmitter } from 'node:events';
import type { PubSub } from './pubSub.js';

/** The embedded twin: one process, delivered after the publisher's own work as a broker would. */
export class LocalPubSub implements PubSub {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private closed = false;

  publish(channel: string, message: string): Promise<void> {
    if (!this.closed) setImmediate(() => this.emitter.emit(channel, message));
    return Promise.resolve();
  }

  subscribe(channel: string, handler: (message: string) => void): Promise<void> {
    this.emitter.on(channel, handler);
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.closed = true;
    this.emitter.removeAllListeners();
    return Promise.resolve();
  }
}
