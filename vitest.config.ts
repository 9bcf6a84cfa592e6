import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    testTimeout: 20_000,
    projects: [
      { extends: true, test: { name: 'node', include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'] } },
      { extends: true, test: { name: 'dom', include: ['test/workbench/**/*.test.tsx', 'test/studio/**/*.test.tsx'], environment: 'happy-dom', setupFiles: ['test/support/domSetup.ts'] } },
      {
        extends: true,
        test: {
          name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: ['test/e2e/support/globalSetup.ts'], testTimeout: 180_000, hookTimeout: 120_000,
          // a browser on a busy 2-core machine: waiting for what the screen shows may take seconds, never a fixed sleep
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
  },
});
