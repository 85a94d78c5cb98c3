import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Stage } from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { bundleFunction } from './bundle.ts';

/** What the app's functions share: where the code is and how it is bundled. */

/** The repository root: the function entries are found from here, wherever synth runs. */
export const repoRoot = resolve(import.meta.dirname, '../..');

/**
 * A function's code: its entry bundled by infra/lib/bundle.ts (the bundling `pnpm bench` measures)
 * into `<cloud assembly>/bundles/<name>/`, and that directory deployed without its source maps and
 * metafile. The maps stay there, beside the deployed asset, for reading a logged stack.
 */
export function bundledCode(scope: Construct, name: string, entry: string): Code {
  const assembly = Stage.of(scope)?.outdir ?? mkdtempSync(join(tmpdir(), 'shegong-bundles-'));
  const bundle = bundleFunction(entry, join(assembly, 'bundles', name));
  return Code.fromAsset(bundle.dir, { exclude: [...bundle.notDeployed] });
}

/** The handler of a bundled function: `index.mjs`, its export `handler`. */
export const BUNDLED_HANDLER = 'index.handler';
