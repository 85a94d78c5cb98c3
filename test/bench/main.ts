import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startDynamoDb } from '@shegong/local/dynamodb-local';
import { bundleLikeLambda, floorEntry, helloWorldEntry } from './bundle.ts';
import { coldReady } from './cold-start.ts';
import { assessTwoHundredPostContract, costTwoHundredPosts } from './costing.ts';
import { parseFiveThousand } from './import.ts';
import { meAgainstGetItem } from './latency.ts';
import { statusFilteredPages } from './lists.ts';
import { largestPages } from './page-size.ts';
import { registerFirstPage } from './register.ts';
import { costingRoundTrips } from './round-trips.ts';
import { signedInColdStart } from './signed-in.ts';

/**
 * `pnpm bench`: figures, printed as a table. Nothing here asserts on time; the numbers are for
 * people to read and compare between commits.
 */
// The SDK's Node 22 notice (TOOLCHAIN.md: pinned) would break up the table.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const LIST_ITERATIONS = Number(process.env.BENCH_LIST_ITERATIONS ?? 100);
const root = join(import.meta.dirname, '..', '..');

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

const out = mkdtempSync(join(tmpdir(), 'sg-bench-'));
// Every deployed function, bundled exactly as the stack deploys it (infra/lib/bundle.ts).
const api = bundleLikeLambda(join(root, 'functions/api/handler.ts'), join(out, 'api'));
const worker = bundleLikeLambda(join(root, 'functions/import-worker/handler.ts'), join(out, 'import-worker'));
const hello = bundleLikeLambda(helloWorldEntry, join(out, 'hello'));
const floor = bundleLikeLambda(floorEntry, join(out, 'floor'));

const lambdaEnv = {
  TABLE_NAME: 'bench',
  AUTH_ISSUER: 'https://issuer.bench',
  AUTH_AUDIENCE: 'shegong-bench',
  PUBLIC_BASE_URL: 'https://bench.local',
};
const cold = await coldReady(
  [
    // Without a token: refused (401) before any store access.
    { name: 'api', file: api.file, path: '/v1/me', env: lambdaEnv, status: 401 },
    // Another route group's first request: each reads only the groups of its own path (http's groups.ts).
    { name: 'api-contracts', file: api.file, path: '/v1/contracts', env: lambdaEnv, status: 401 },
    // The same function's first request for a page: it imports the pages' chunk as well.
    { name: 'pages', file: api.file, path: '/', env: lambdaEnv },
    { name: 'import-worker', file: worker.file, path: 'stream', env: { TABLE_NAME: 'bench' } },
    { name: 'hello', file: hello.file, path: '/', env: {} },
    { name: 'floor', file: floor.file, path: '/v1/me', env: lambdaEnv, status: 401 },
  ],
  RUNS,
);

const dynamo = await startDynamoDb({ port: await freePort() });
let latency: Awaited<ReturnType<typeof meAgainstGetItem>>;
let lists: Awaited<ReturnType<typeof statusFilteredPages>>;
let register: Awaited<ReturnType<typeof registerFirstPage>>;
let roundTrips: Awaited<ReturnType<typeof costingRoundTrips>>;
let pages: Awaited<ReturnType<typeof largestPages>>;
let signedIn: Awaited<ReturnType<typeof coldReady>>;
try {
  // A signed-in member's first GET /v1/me: the token checked against keys fetched from the issuer,
  // the member and tenant read from the table; beside the same hello-world, measured again in turn.
  const member = await signedInColdStart(dynamo.endpoint);
  try {
    signedIn = await coldReady(
      [
        {
          name: 'api-signed-in',
          file: api.file,
          path: '/v1/me',
          env: member.env,
          headers: { authorization: member.authorization },
          status: 200,
        },
        { name: 'hello', file: hello.file, path: '/', env: {} },
        {
          name: 'floor-signed-in',
          file: floor.file,
          path: '/v1/me',
          env: member.env,
          headers: { authorization: member.authorization },
          status: 200,
        },
      ],
      RUNS,
    );
  } finally {
    await member.stop();
  }
  latency = await meAgainstGetItem(dynamo.endpoint, ITERATIONS);
  lists = await statusFilteredPages(dynamo.endpoint, LIST_ITERATIONS);
  register = await registerFirstPage(dynamo.endpoint, LIST_ITERATIONS);
  roundTrips = await costingRoundTrips(dynamo.endpoint);
  pages = await largestPages(dynamo.endpoint);
} finally {
  await dynamo.stop();
}

const roster = await parseFiveThousand(5);
const costing = costTwoHundredPosts();
const contract = assessTwoHundredPostContract();

const helloCold = cold.get('hello') as { ms: number; cpuMs: number };
const bundleRow = (what: string, bundle: typeof api): [string, string, string, string] => [
  `${what}: read at start (raw / gzip), of ${kb(bundle.deployed)} deployed`,
  `${kb(bundle.raw)} / ${kb(bundle.gzip)}`,
  `${kb(hello.raw)} / ${kb(hello.gzip)}`,
  `${(bundle.raw / hello.raw).toFixed(1)}× / ${(bundle.gzip / hello.gzip).toFixed(1)}×`,
];
// Wall clock (the issue's measure) and, in brackets, CPU time: on a busy machine the wall clock of a
// long start stretches more than a short one's, so compare the CPU ratio there.
const coldRow = (what: string, name: string): [string, string, string, string] => {
  const value = cold.get(name) as { ms: number; cpuMs: number };
  return [
    `${what}, median of ${RUNS} (CPU)`,
    `${ms(value.ms)} (${ms(value.cpuMs)})`,
    `${ms(helloCold.ms)} (${ms(helloCold.cpuMs)})`,
    `${(value.ms / helloCold.ms).toFixed(2)}× (${(value.cpuMs / helloCold.cpuMs).toFixed(2)}×)`,
  ];
};
const signedInRow = (what: string, name: string): [string, string, string, string] => {
  const value = signedIn.get(name) as { ms: number; cpuMs: number };
  const base = signedIn.get('hello') as { ms: number; cpuMs: number };
  return [
    `${what}, median of ${RUNS} (CPU)`,
    `${ms(value.ms)} (${ms(value.cpuMs)})`,
    `${ms(base.ms)} (${ms(base.cpuMs)})`,
    `${(value.ms / base.ms).toFixed(2)}× (${(value.cpuMs / base.cpuMs).toFixed(2)}×)`,
  ];
};
const rows: [string, string, string, string][] = [
  bundleRow('API function bundle', api),
  coldRow('cold ready, API function, GET /v1/me without a token (401)', 'api'),
  signedInRow('cold ready, API function, signed-in GET /v1/me (200)', 'api-signed-in'),
  bundleRow('floor bundle (Hono, zod-openapi, jose, the SDK: floor.ts)', floor),
  coldRow('cold ready, floor, GET /v1/me without a token (401)', 'floor'),
  signedInRow('cold ready, floor, signed-in GET /v1/me (200: one GetItem)', 'floor-signed-in'),
  coldRow('cold ready, API function, GET /v1/contracts without a token (401)', 'api-contracts'),
  coldRow('cold ready, API function, first page (GET /)', 'pages'),
  bundleRow('import worker bundle', worker),
  coldRow('cold ready, import worker, empty stream batch', 'import-worker'),
  [
    `GET /v1/me vs GetItem, median of ${ITERATIONS}`,
    ms(latency.me.median),
    ms(latency.getItem.median),
    `${(latency.me.median / latency.getItem.median).toFixed(2)}×`,
  ],
  [
    `GET /v1/me vs GetItem, p95`,
    ms(latency.me.p95),
    ms(latency.getItem.p95),
    `${(latency.me.p95 / latency.getItem.p95).toFixed(2)}×`,
  ],
  [
    `page 1 of contracts by status, 5 000 vs 50 contracts, median of ${LIST_ITERATIONS}`,
    ms(lists.large.median),
    ms(lists.small.median),
    `${(lists.large.median / lists.small.median).toFixed(2)}×`,
  ],
  [
    `page 1 of contracts by status, 5 000 vs 50 contracts, p95`,
    ms(lists.large.p95),
    ms(lists.small.p95),
    `${(lists.large.p95 / lists.small.p95).toFixed(2)}×`,
  ],
  [
    `the same page by a FilterExpression (not used), 5 000 vs 50, median of ${lists.filtered.runs}`,
    ms(lists.filtered.large.median),
    ms(lists.filtered.small.median),
    `${(lists.filtered.large.median / lists.filtered.small.median).toFixed(2)}×`,
  ],
  [
    `register first page at 250 vs 25 000 contracts (GET /v1/jurisdiction/contracts, with totals), median of ${LIST_ITERATIONS}`,
    ms(register.large.median),
    ms(register.small.median),
    `${(register.large.median / register.small.median).toFixed(2)}×`,
  ],
  [
    'register first page at 250 vs 25 000 contracts, p95',
    ms(register.large.p95),
    ms(register.small.p95),
    `${(register.large.p95 / register.small.p95).toFixed(2)}×`,
  ],
  [
    'store round trips of a costing request (POST /v1/contracts/preview), warm (first in the process) vs the limit',
    `${roundTrips.warm} (${roundTrips.first})`,
    '2',
    `${(roundTrips.warm / 2).toFixed(2)}×`,
  ],
  [
    `largest demo page transferred, gzip (${pages.gzip.path.replace(/[0-9a-f-]{36}/, ':id')}) vs the limit`,
    `${(pages.gzip.bytes / 1024).toFixed(1)} KB`,
    '60 KB',
    `${(pages.gzip.bytes / (60 * 1024)).toFixed(2)}×`,
  ],
  [
    `largest demo page as HTML, uncompressed (${pages.raw.path.replace(/[0-9a-f-]{36}/, ':id')})`,
    `${(pages.raw.bytes / 1024).toFixed(1)} KB`,
    '—',
    '—',
  ],
  [`parse+validate 5 000-row roster (${kb(roster.bytes)} csv), median of 5`, ms(roster.median), '—', '—'],
  [`cost 200 posts × 36 months (costPlan), median of ${costing.runs}`, `${costing.median.toFixed(3)} ms`, '—', '—'],
  [
    `validate a 200-post contract (ContractDraft.parse), median of ${contract.runs}`,
    `${contract.parse.toFixed(3)} ms`,
    '—',
    '—',
  ],
  [
    `assess a 200-post contract with its price floor (assessContract), median of ${contract.runs}`,
    `${contract.assess.toFixed(3)} ms`,
    '—',
    '—',
  ],
];
const header: [string, string, string, string] = ['measure', 'Shegong API', 'baseline', 'ratio'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
console.log(
  `\nbaseline: a bare Hono hello-world Lambda bundled the same way (ESM, minified, SDK bundled); GetItem on the same DynamoDB Local.\npage 1 of contracts by status: GET /v1/contracts?status=signed&limit=25 through the app (baseline column: the same at 50 contracts); the 25 signed contracts are each organisation's oldest, every newer one a draft.\nregister first page: a city bureau's GET /v1/jurisdiction/contracts?limit=25 through the app (rows, names, totals), 25 000 contracts of 100 organisations (baseline column: 250 of 10), both over three counties, four years and every status.\ncold ready: \`node\` started → bundle imported → one event answered (GET /v1/me or GET /v1/contracts without a token: the route group's chunk and the verification path, 401, no store; a signed-in GET /v1/me: the issuer's discovery document and keys fetched from a local HTTP server while the store's chunk loads, the member and tenant read from DynamoDB Local, 200, its baseline the hello-world measured again beside it; a page, which imports the pages' chunk; an empty stream batch). The floor (floor.ts) does what GET /v1/me does with nothing but Hono, one zod-openapi route, jose and the SDK's document client: what any such function loads. Read at start: the entry and the chunks it imports statically; the store (repositories, domain schemas, the DynamoDB SDK), workbooks, pages and SDK credential providers are chunks imported on first use.\nNode ${process.version}, ${process.platform}/${process.arch}.`,
);
