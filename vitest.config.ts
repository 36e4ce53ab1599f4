import { defineConfig } from 'vitest/config'

/**
 * Test projects:
 * - unit: pure packages (geo, domain) and fixture tests
 * - api: the API through app.inject() and HTTP; PGlite always, PostgreSQL when TEST_DATABASE_URL is set
 * - e2e: Chromium through playwright-core; only when TEST_BROWSER=1
 * - system: the real server as a process — crash, database outage and load tests; only when
 *   TEST_SYSTEM=1 (short CI setting) or TEST_SYSTEM=full (the documented full setting)
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['packages/*/src/**/*.test.ts', 'apps/api/src/**/*.unit.test.ts', 'apps/web/src/**/*.test.ts', 'bench/src/**/*.test.ts'] } },
      {
        test: {
          name: 'api',
          include: ['apps/api/src/**/*.test.ts'],
          globalSetup: ['apps/api/test/global-setup.ts'],
          exclude: ['apps/api/src/**/*.unit.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'system',
          include: ['apps/api/system/**/*.test.ts'],
          globalSetup: ['apps/api/test/global-setup.ts'],
          testTimeout: 600_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
