import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Several suites start private redis-server processes and HTTP servers; keep the
    // two-core machine from thrashing.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
