import { defineConfig } from 'vitest/config';

// Machines are small (2 cores): at most 2 workers. Integration tests use real PostgreSQL and Redis.
// isolate: false — a worker runs its test files one after another in one process, importing Concord's
// modules once instead of once per file (72 of the files alone: 128 s of CPU → 53 s, same results). The only
// process-wide state a file could leave behind, the clock, is reset before each file (file-setup.ts).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/file-setup.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
