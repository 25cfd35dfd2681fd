import { defineConfig } from 'vitest/config';

// Unit and property tests. Playwright owns tests/e2e; benchmarks in tests/bench are run by `npm run bench`.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/rules/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
