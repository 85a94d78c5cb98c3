import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import HeavyFirst from './sequencer.ts';

// The SDK warns on Node 20 that its 2027 releases need Node 22; the SDK is pinned (TOOLCHAIN.md),
// and the warning would bury the test output. Set here so workers and spawned processes inherit it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/**
 * One run for the whole repo. DynamoDB Local is started once (global-setup.ts); each test file
 * that needs the store makes its own table, so files stay isolated and can run in parallel.
 */
export default defineConfig({
  root: `${import.meta.dirname}/..`,
  test: {
    // A file spends much of its time waiting on DynamoDB Local (another process) or on a page; the
    // default of one worker fewer than the cores would run one file at a time on a 2-core CI box.
    maxWorkers: Math.max(availableParallelism(), 2),
    // Files that share a worker share its modules: the app, the AWS SDK, zod's schemas and the
    // pages are evaluated once per worker instead of once per file (215 s of a run's ≈ 960 s of
    // worker time, summed over its files, before). Each file still has its own table and world; nothing here keeps state per
    // process except caches keyed by table or verifier (store/rule-set-cache.ts, verified-tokens),
    // and a file that changes the process (env, timers, spies) puts it back itself.
    isolate: false,
    sequence: { sequencer: HeavyFirst },
    globalSetup: ['test/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.{ts,tsx}', 'functions/**/*.test.ts', 'test/architecture/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: [
            'packages/*/test/**/*.test.{ts,tsx}',
            'test/integration/**/*.test.ts',
            'test/isolation/**/*.test.ts',
            'test/pages/**/*.test.ts',
          ],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 120_000,
          // A world starts DynamoDB Local, the local system and the demo data: generous for a busy CI box.
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'infra',
          include: ['infra/test/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
