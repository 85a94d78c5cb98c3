import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundleFunction, filesReadAtStart } from '../../infra/lib/bundle.ts';

export interface MeasuredBundle {
  /** The entry file to import (`index.mjs`). */
  file: string;
  /** Bytes read at cold start: the entry and the chunks it imports statically. */
  raw: number;
  gzip: number;
  /** Bytes of every file deployed, lazily imported chunks included. */
  deployed: number;
}

/** Bundles `entry` exactly as the CDK stack does (infra/lib/bundle.ts) and measures what a cold start reads. */
export function bundleLikeLambda(entry: string, outDir: string): MeasuredBundle {
  const { metafile } = bundleFunction(entry, outDir);
  // The metafile names outputs relative to the working directory.
  const name = (file: string) => relative(process.cwd(), file);
  const atStart = filesReadAtStart(metafile, name(join(outDir, 'index.mjs')));
  const bytes = Buffer.concat(atStart.map((file) => readFileSync(resolve(file))));
  const deployed = Object.entries(metafile.outputs)
    .filter(([file]) => !file.endsWith('.map'))
    .reduce((sum, [, output]) => sum + output.bytes, 0);
  return { file: join(outDir, 'index.mjs'), raw: bytes.length, gzip: gzipSync(bytes).length, deployed };
}

/** A bare Hono hello-world Lambda, the baseline the API bundle is compared with. */
export const helloWorldEntry = join(import.meta.dirname, 'hello-world.ts');

/** The least a Hono Lambda loads to verify a token and read DynamoDB (floor.ts), for the cold rows. */
export const floorEntry = join(import.meta.dirname, 'floor.ts');
