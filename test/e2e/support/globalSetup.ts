import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    webDir: string;
  }
}

/**
 * Browser tests run against the front end built from the sources as they are now, into a folder of
 * this run's own (several runs at once never see each other's half-written build).
 */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'tongguan-web-'));
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'designer/vite.config.ts', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the front end failed (npm run build:web)');
  project.provide('webDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
