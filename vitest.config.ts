import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['tests/global-setup.ts'],
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
    // Site builds and browser tests are slow on a 2-core machine; unit tests are not affected.
    testTimeout: 60_000,
    hookTimeout: 900_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
