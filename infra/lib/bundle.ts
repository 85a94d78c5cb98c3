import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildOptions, Metafile } from 'esbuild';

/**
 * How every Lambda function is bundled, the one definition `pnpm synth` deploys and `pnpm bench`
 * measures (test/bench/bundle.ts calls `bundleFunction` too).
 *
 * esbuild itself rather than NodejsFunction: NodejsFunction writes one file, and in one file every
 * lazy `import()` is inlined, so ExcelJS, the pages and the SDK's credential providers were parsed on
 * every cold start although the first request needed none of them. Code splitting (ESM, `splitting`)
 * writes each lazily imported part as a chunk of its own that Node reads only when the import runs.
 * The build runs with esbuild plugins (bundle-build.mjs: zod's messages in English only).
 */
export interface FunctionBundle {
  /** The directory to deploy: `index.mjs` (handler `index.handler`) and `chunks/`. */
  readonly dir: string;
  /** Source maps (`*.map`) and the metafile lie beside the code but are not deployed. */
  readonly notDeployed: readonly string[];
  readonly metafile: Metafile;
}

/** The files beside the code that stay on the build machine (see `notDeployed`). */
export const METAFILE = 'meta.json';

export function functionBuildOptions(entry: string, outdir: string): BuildOptions {
  return {
    entryPoints: { index: entry },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    target: 'node22',
    minify: true,
    // Maps are written for debugging (node --enable-source-maps index.mjs, or any source-map tool on
    // a logged stack) but not deployed and not loaded at run time: `--enable-source-maps` cost ≈ 45 ms
    // of CPU at every cold start (issue 14).
    sourcemap: 'linked',
    sourcesContent: true,
    // The AWS SDK v3 is bundled too: measured faster to cold-start than the runtime's copy (TOOLCHAIN.md).
    mainFields: ['module', 'main'],
    // Some bundled CommonJS dependencies call require(); ESM has none, so give them one.
    banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
    metafile: true,
    logLevel: 'error',
  };
}

/**
 * Bundles one function's entry into `outdir`, synchronously: CDK constructs cannot await. esbuild's
 * `buildSync` takes no plugins, so the build runs in a child `node` (bundle-build.mjs, which applies
 * them) that this waits for, as NodejsFunction itself spawns esbuild. It throws with esbuild's
 * messages when the build fails.
 */
export function bundleFunction(entry: string, outdir: string): FunctionBundle {
  // esbuild leaves other files alone: chunks of an earlier build would be deployed with this one.
  rmSync(outdir, { recursive: true, force: true });
  // For esbuild's bundle analyzer, or to see why a module is in the start files.
  const metafilePath = join(outdir, METAFILE);
  try {
    execFileSync(process.execPath, [join(import.meta.dirname, 'bundle-build.mjs')], {
      input: JSON.stringify({ options: functionBuildOptions(entry, outdir), metafile: metafilePath }),
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`Bundling ${entry} failed${stderr ? `:\n${stderr}` : ''}`, { cause: error });
  }
  const metafile = JSON.parse(readFileSync(metafilePath, 'utf8')) as Metafile;
  return { dir: outdir, notDeployed: ['*.map', METAFILE], metafile };
}

/**
 * The files a cold start reads: the entry and every chunk it imports statically, transitively.
 * Lazily imported chunks (`import()`) are read by the first request that needs them.
 */
export function filesReadAtStart(metafile: Metafile, entryFile: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  visit(entryFile);
  return [...seen];
}
