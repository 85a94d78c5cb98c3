import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ColdBundle {
  name: string;
  file: string;
  path: string;
  env: Record<string, string>;
  /** Request headers beyond host and accept (a signed-in member's Authorization). */
  headers?: Record<string, string>;
  /** The status the first response must have: a bench of a failing request would measure the failure. */
  status?: number;
}

/**
 * Fresh process → first response, `runs` times, alternating the bundles so that disk cache and
 * CPU noise fall on both alike. Returns the medians per bundle, in milliseconds: the wall clock from
 * process start, and the process's CPU time (all its threads), which a busy machine disturbs far less.
 */
export async function coldReady(bundles: ColdBundle[], runs: number) {
  const runner = join(import.meta.dirname, 'cold-runner.mjs');
  const samples = new Map<string, { ms: number; cpuMs: number }[]>(bundles.map((b) => [b.name, []]));
  for (let i = 0; i < runs; i++) {
    for (const bundle of bundles) {
      const args = [runner, bundle.file, bundle.path, ...(bundle.headers ? [JSON.stringify(bundle.headers)] : [])];
      // Not execFileSync: the bench process serves the signed-in row's issuer while the function starts.
      const { stdout } = await run(process.execPath, args, {
        env: {
          PATH: process.env.PATH,
          AWS_REGION: 'ap-southeast-1',
          LOG_LEVEL: 'ERROR',
          // Lambda runs Node 22, where the SDK has no Node-version notice; here it would only break up the table.
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          ...bundle.env,
        },
        encoding: 'utf8',
      });
      const sample = JSON.parse(stdout) as { ms: number; cpuMs: number; status: number | null };
      if (bundle.status !== undefined && sample.status !== bundle.status) {
        throw new Error(`${bundle.name}: the first response was ${sample.status}, not ${bundle.status}`);
      }
      samples.get(bundle.name)?.push(sample);
    }
  }
  return new Map(
    [...samples].map(([name, values]) => [
      name,
      { ms: median(values.map((v) => v.ms)), cpuMs: median(values.map((v) => v.cpuMs)) },
    ]),
  );
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}
