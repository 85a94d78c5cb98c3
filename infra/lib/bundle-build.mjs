// Runs one esbuild build with the plugins below, in a process of its own: `bundleFunction`
// (bundle.ts) must be synchronous, because CDK constructs cannot await, and esbuild's synchronous
// `buildSync` takes no plugins. It reads `{ options, metafile }` (JSON) on stdin, builds, writes the
// metafile to the file `metafile` names and exits 1 with esbuild's messages on stderr when the build fails.
// Plain JavaScript, so that `node` runs it under any parent (tsx, vitest, the CDK CLI).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import { build } from 'esbuild';

/**
 * zod's error messages in English only. `@hono/zod-openapi` hands zod's whole namespace to
 * `extendZodWithOpenApi(z)`, so the bundler must keep every export of it, `z.locales` (and
 * `z.core.locales`) among them: the messages of some fifty languages, ≈ 260 KB read and compiled
 * at every cold start, of which the app uses none (it sets no zod locale; zod's default is `en`,
 * imported by zod's schemas from `locales/en.js` directly). Here zod's `locales/index.js` becomes a
 * module exporting `en` alone, so `z.locales.en` still works and any other language is undefined.
 */
const englishZodLocales = {
  name: 'english-zod-locales',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, async (args) => {
      if (!isZod(args.importer)) return undefined;
      const resolved = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: resolved.path, namespace: 'english-zod-locales' };
    });
    b.onLoad({ filter: /.*/, namespace: 'english-zod-locales' }, (args) => ({
      contents: 'export { default as en } from "./en.js";\n',
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

/** A module of the zod package (not a file of ours that happens to have a `locales/index.js`). */
function isZod(file) {
  return file.includes(`${sep}node_modules${sep}zod${sep}`);
}

const { options, metafile } = JSON.parse(readFileSync(0, 'utf8'));
try {
  const result = await build({ ...options, plugins: [englishZodLocales] });
  writeFileSync(metafile, JSON.stringify(result.metafile));
} catch (error) {
  // esbuild has printed its messages (logLevel); a failure still says so if it has not.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
