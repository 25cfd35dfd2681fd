import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Unit and property tests. Playwright owns tests/e2e; benchmarks in tests/bench are run by `npm run bench`.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/rules/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Many files wait on child processes, the disk and worker threads rather than the CPU: one
    // more fork than cores runs the suite in 284 s instead of 434 s on the 2-core CI machine.
    maxWorkers: Math.max(3, availableParallelism() + 1),
  },
});
