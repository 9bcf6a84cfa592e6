#!/usr/bin/env node
// Builds the front end (designer/dist) when it is missing or older than its sources, so that
// `npm start` on a fresh clone serves the workbench and the studio.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const designer = join(root, 'designer');
const stamp = join(designer, 'dist', 'workbench', 'index.html');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'dist' || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sources = Math.max(newest(designer), newest(join(root, 'definitions', 'schemas')));
if (existsSync(stamp) && statSync(stamp).mtimeMs >= sources) process.exit(0);
console.log('Building the front end (designer/dist) …');
const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(designer, 'vite.config.ts'), '--logLevel', 'warn'], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
