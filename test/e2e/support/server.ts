import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createApp, type App } from '../../../runtime/app/createApp.js';
import { loadConfig } from '../../../runtime/config.js';

export const DEMO_PASSWORD = 'demo-pass-1';

export interface E2eServer {
  readonly app: App;
  readonly url: string;
  /** Moves the server's clock forward (deadlines, pauses); it otherwise follows real time. */
  advance(ms: number): void;
  dispose(): Promise<void>;
}

/** A runtime on a fresh embedded database, listening on a free port and serving designer/dist. */
export async function startE2eServer(): Promise<E2eServer> {
  const dir = await mkdtemp(join(tmpdir(), 'tongguan-e2e-'));
  let offset = 0;
  const app = await createApp(loadConfig({ DATA_DIR: dir, DEMO_PASSWORD, WEB_DIR: inject('webDir') }), { clock: () => Date.now() + offset, outboxIntervalMs: 500 });
  const address = await app.server.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    url: address,
    advance(ms) { offset += ms; },
    async dispose() {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
