import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** The same esbuild options the CDK stack's NodejsFunction uses (infra/lib/api.ts). */
export async function bundleLikeLambda(
  entry: string,
  outDir: string,
): Promise<{ file: string; raw: number; gzip: number }> {
  const file = join(outDir, 'index.mjs');
  await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    mainFields: ['module', 'main'],
    banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
    logLevel: 'error',
  });
  const bytes = readFileSync(file);
  return { file, raw: bytes.length, gzip: gzipSync(bytes).length };
}

/** A bare Hono hello-world Lambda, the baseline the API bundle is compared with. */
export const helloWorldEntry = join(import.meta.dirname, 'hello-world.ts');
