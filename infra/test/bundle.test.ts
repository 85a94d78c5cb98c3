import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiGatewayEvent, lambdaContext } from '../../test/support/lambda-event.ts';
import { bundleFunction, filesReadAtStart } from '../lib/bundle.ts';
import { repoRoot } from '../lib/lambda.ts';

/**
 * What each function reads at a cold start (issue 14): the entry and the chunks it imports
 * statically. Workbook code, the pages and the SDKs used by few routes must stay in chunks of
 * their own, read by the first request that needs them; a static import of them would undo that.
 */
const out = mkdtempSync(join(tmpdir(), 'shegong-bundle-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The sources of `entry`'s bundle: those in files read at start, and those in the other files. */
function sourcesReadAtStart(entry: string, name: string): { atStart: string[]; lazily: string[] } {
  const dir = join(out, name);
  const { metafile } = bundleFunction(join(repoRoot, entry), dir);
  const start = new Set(filesReadAtStart(metafile, relative(process.cwd(), join(dir, 'index.mjs'))));
  const inputsOf = (files: string[]) => files.flatMap((file) => Object.keys(metafile.outputs[file]?.inputs ?? {}));
  const outputs = Object.keys(metafile.outputs).filter((file) => !file.endsWith('.map'));
  return { atStart: inputsOf([...start]), lazily: inputsOf(outputs.filter((file) => !start.has(file))) };
}

const matching = (inputs: string[], pattern: RegExp) => [...new Set(inputs.filter((i) => pattern.test(i)))];

describe('the API function bundle', () => {
  const { atStart, lazily } = sourcesReadAtStart('functions/api/handler.ts', 'api');

  it('reads no workbook code, no page and no Cognito/SES SDK at start', () => {
    expect(matching(atStart, /node_modules\/exceljs\/|packages\/sheets\/src\/(?!light|columns|labels)/)).toEqual([]);
    expect(matching(atStart, /packages\/web\//)).toEqual([]);
    expect(matching(atStart, /client-cognito-identity-provider|client-sesv2/)).toEqual([]);
  });

  it('still carries them, in chunks imported on first use', () => {
    expect(matching(lazily, /node_modules\/exceljs\//)).not.toEqual([]);
    expect(matching(lazily, /packages\/web\/src\/mount\.ts/)).not.toEqual([]);
    expect(matching(lazily, /client-cognito-identity-provider/)).not.toEqual([]);
  });

  it('reads no repository and no DynamoDB SDK at start: the first request that reads the table loads them', () => {
    // errors.ts alone: the core tells a store's refusal from other errors (refusals.ts).
    expect(matching(atStart, /packages\/store\/src\/(?!errors\.ts$)/)).toEqual([]);
    expect(matching(atStart, /node_modules\/@aws-sdk\/|node_modules\/@smithy\//)).toEqual([]);
    expect(matching(lazily, /packages\/store\/src\/store\.ts$/)).not.toEqual([]);
  });

  it('reads the JSON API at start', () => {
    expect(matching(atStart, /packages\/http\/src\/app\.ts/)).not.toEqual([]);
  });

  it('reads no route group of /v1 at start: the first request reads the groups of its path', () => {
    expect(
      matching(
        atStart,
        /packages\/http\/src\/[\w-]+\/(routes|[\w-]+-routes|exports|register|targets|my-record|privacy)\.ts/,
      ),
    ).toEqual([]);
    expect(matching(lazily, /packages\/http\/src\/contracts\/routes\.ts/)).not.toEqual([]);
    expect(matching(lazily, /packages\/http\/src\/me\/routes\.ts/)).not.toEqual([]);
  });
});

describe('zod in the bundles', () => {
  const api = sourcesReadAtStart('functions/api/handler.ts', 'api-zod');

  it('carries the English messages and no other language, in any deployed file', () => {
    const all = [...api.atStart, ...api.lazily];
    expect(matching(all, /node_modules\/zod\/v4\/locales\/en\.js$/)).toHaveLength(1);
    // zod's own list of languages is replaced (bundle-build.mjs) by a module exporting `en` alone.
    expect(matching(all, /^(?!english-zod-locales:).*node_modules\/zod\/v4\/locales\/(?!en\.js$)/)).toEqual([]);
  });

  it('still words a refused field in English', async () => {
    // The bundled function itself, answering a public route whose body fails validation (no table read).
    const saved = { ...process.env };
    Object.assign(process.env, {
      TABLE_NAME: 'bundle-test',
      AUTH_ISSUER: 'https://issuer.bundle-test',
      AUTH_AUDIENCE: 'bundle-test',
      PUBLIC_BASE_URL: 'https://bundle.test',
      AWS_REGION: 'ap-southeast-1',
      LOG_LEVEL: 'ERROR',
    });
    try {
      const { handler } = (await import(join(out, 'api-zod', 'index.mjs'))) as {
        handler: (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;
      };
      const answer = await handler(
        apiGatewayEvent('/v1/invitations/some-token/accept', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ name: 5, password: 'Correct-horse-9' }),
        }),
        lambdaContext,
      );
      expect(answer.statusCode).toBe(400);
      expect(JSON.parse(answer.body).errors).toContainEqual(
        expect.objectContaining({ message: 'Invalid input: expected string, received number' }),
      );
    } finally {
      process.env = saved;
    }
  });
});

describe('bundling again into the same directory', () => {
  it('leaves no file of the earlier build to be deployed with the new one', () => {
    const dir = join(out, 'again');
    mkdirSync(join(dir, 'chunks'), { recursive: true });
    writeFileSync(join(dir, 'chunks', 'stale-OLD.mjs'), 'export {};');
    bundleFunction(join(repoRoot, 'test/bench/hello-world.ts'), dir);
    expect(existsSync(join(dir, 'chunks', 'stale-OLD.mjs'))).toBe(false);
    expect(existsSync(join(dir, 'index.mjs'))).toBe(true);
  });
});

describe('the import worker bundle', () => {
  const { atStart, lazily } = sourcesReadAtStart('functions/import-worker/handler.ts', 'import-worker');

  it('reads neither the API, the pages, the use cases nor workbook code', () => {
    const all = [...atStart, ...lazily];
    expect(matching(all, /packages\/(http|web)\//)).toEqual([]);
    expect(matching(all, /packages\/core\/src\/(?!logger|metrics)/)).toEqual([]);
    expect(matching(all, /node_modules\/exceljs\//)).toEqual([]);
  });
});
