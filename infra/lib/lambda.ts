import { resolve } from 'node:path';
import { type BundlingOptions, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';

/** What the app's functions share: where the code is, how it is bundled, what it may do to the table. */

/** The repository root: the function entries and the pnpm lockfile are found from here, wherever synth runs. */
export const repoRoot = resolve(import.meta.dirname, '../..');

/**
 * The DynamoDB actions the app uses. Scan is left out on purpose: no request path may scan
 * (DESIGN.md), and without the permission an accidental Scan fails loudly instead of reading every tenant.
 * TransactWriteItems / TransactGetItems are authorized as the item actions they contain.
 */
export const dataActions = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:DescribeTable',
];

/** esbuild on this machine, ESM, the SDK bundled: the options `pnpm bench` measures (test/bench/bundle.ts). */
export const appBundling: BundlingOptions = {
  format: OutputFormat.ESM,
  target: 'node22',
  minify: true,
  sourceMap: true,
  // esbuild runs on this machine (pnpm exec esbuild); there is no Docker engine to fall back to.
  forceDockerBundling: false,
  // Bundle the AWS SDK v3 too: measured faster to cold-start than the runtime's copy (TOOLCHAIN.md).
  externalModules: [],
  mainFields: ['module', 'main'],
  // Some bundled CommonJS dependencies call require(); ESM has none, so give them one.
  banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
};
