import { createHash } from 'node:crypto';
import { z } from 'zod';
import { count } from '../units/units.ts';

/**
 * N-6: each year a bureau spot-checks (抽查) at least a share of the running contracts in its
 * jurisdiction whose term exceeds one year. The draw must be reproducible by anyone with access:
 * it is a pure function of the population (in a stated order), the seed and the share.
 *
 * Algorithm `sha256-rank` version 1:
 * 1. The population is the candidates' ids (`<organisationId>/<contractId>`), sorted by code unit
 *    (JavaScript's default string order), each with its county (the purchaser's region code).
 * 2. Each id gets the rank key SHA-256(seed ‖ "\n" ‖ id), as lowercase hex (UTF-8 bytes).
 * 3. Unstratified: the sample is the k ids with the smallest keys, k = ceil(share × n / 10000).
 *    Stratified by county: the same in each county on its own, k per county = ceil(share × n_county
 *    / 10000), so every county is checked at least at the share, and the union is the sample.
 * 4. The sample is listed in population order.
 * Ties in the key (a SHA-256 collision) fall back to the id, so the order is total.
 */
export const SAMPLING_ALGORITHM = { name: 'sha256-rank', version: 1 } as const;

export const SamplingAlgorithm = z
  .object({ name: z.literal('sha256-rank'), version: z.literal(1) })
  .meta({ id: 'SamplingAlgorithm', description: 'rank each id by SHA-256(seed ‖ "\\n" ‖ id), take the first k' });

/** One contract of the population: `<organisationId>/<contractId>` and its county. */
export const SampleCandidate = z.object({
  id: z.string().describe('<organisationId>/<contractId>'),
  county: z.string().describe('The purchaser’s region code (the stratum)'),
});
export type SampleCandidate = z.infer<typeof SampleCandidate>;

export const SampleStratum = z.object({
  county: z.string(),
  population: count,
  sampled: count.describe('ceil(share × population / 10000) in this county (N-6)'),
});
export type SampleStratum = z.infer<typeof SampleStratum>;

export interface SampleInput {
  population: readonly SampleCandidate[];
  seed: string;
  /** N-6: the share to check, in basis points. */
  share: number;
  stratified: boolean;
}

export interface SampleResult {
  /** The population in its stated order (by id). */
  population: SampleCandidate[];
  /** The ids drawn, in population order. */
  sample: string[];
  strata: SampleStratum[];
}

/** The id a candidate is known by in a sample. */
export const candidateId = (organisationId: string, contractId: string) => `${organisationId}/${contractId}`;

/** At least the share, rounded up (N-6: "at least 30 %"). */
export function sampleSize(population: number, share: number): number {
  return Math.ceil((population * share) / 10_000);
}

const rankKey = (seed: string, id: string) => createHash('sha256').update(`${seed}\n${id}`, 'utf8').digest('hex');
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The first k of `ids` by rank key. */
function draw(ids: readonly string[], seed: string, k: number): string[] {
  return ids
    .map((id) => ({ id, key: rankKey(seed, id) }))
    .sort((a, b) => byCodeUnit(a.key, b.key) || byCodeUnit(a.id, b.id))
    .slice(0, k)
    .map((r) => r.id);
}

export function drawSample(input: SampleInput): SampleResult {
  // An id listed twice counts once (its first county).
  const unique = new Map<string, SampleCandidate>();
  for (const c of input.population) if (!unique.has(c.id)) unique.set(c.id, c);
  const population = [...unique.values()].sort((a, b) => byCodeUnit(a.id, b.id));
  const groups = new Map<string, string[]>();
  for (const c of population) {
    const key = input.stratified ? c.county : '';
    groups.set(key, [...(groups.get(key) ?? []), c.id]);
  }
  const chosen = new Set<string>();
  for (const ids of groups.values())
    for (const id of draw(ids, input.seed, sampleSize(ids.length, input.share))) chosen.add(id);
  const counties = new Map<string, { population: number; sampled: number }>();
  for (const c of population) {
    const s = counties.get(c.county) ?? { population: 0, sampled: 0 };
    s.population++;
    if (chosen.has(c.id)) s.sampled++;
    counties.set(c.county, s);
  }
  return {
    population,
    sample: population.filter((c) => chosen.has(c.id)).map((c) => c.id),
    strata: [...counties.entries()].sort(([a], [b]) => byCodeUnit(a, b)).map(([county, s]) => ({ county, ...s })),
  };
}

/** Whether a contract can be spot-checked: running, and its term exceeds one year (N-1, N-6). */
export function isSampleable(
  contract: { status: string; startDate: string; endDate: string },
  termMonths: number,
  year: number,
): boolean {
  return (
    contract.status === 'running' &&
    termMonths > 12 &&
    contract.startDate <= `${year}-12-31` &&
    contract.endDate >= `${year}-01-01`
  );
}
