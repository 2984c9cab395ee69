import { defineConfig } from 'vitest/config';

/**
 * `npm run bench`: runs bench/run.bench.ts, which prints one JSON object per line
 * ({"name","value","unit",...}). Benchmarks measure and print; they never assert on time.
 */
export default defineConfig({
  test: {
    include: ['bench/run.bench.ts'],
    environment: 'node',
    testTimeout: 900_000,
    hookTimeout: 900_000,
    pool: 'forks',
    disableConsoleIntercept: true,
    reporters: ['dot'],
  },
});
