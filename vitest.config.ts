import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One throwaway PostgreSQL cluster per run, started by the first test that needs it, and one
    // temporary folder (TMPDIR) for the run's throwaway files, removed when it ends.
    globalSetup: ['test/helpers/pg-global-setup.ts', 'test/helpers/tmp-global-setup.ts'],
    // CI reads the counts from the JSON report for its closing line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results.json' }]] : ['default'],
  },
});
