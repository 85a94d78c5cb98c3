import { backfillOrganisationListings, type Store } from '@shegong/store';
import { DEMO_TENANTS } from './demo-data.ts';
import {
  DEMO_BASELINE,
  DEMO_CITY,
  DEMO_COMMUNITIES,
  DEMO_MAP_NOTE,
  DEMO_POSTINGS,
  DEMO_STATIONS,
  DEMO_TARGET_BASES,
  DEMO_TOWNSHIPS,
} from './demo-map.ts';
import { SEED_PARTS } from './parts.ts';

/**
 * Seed part 'target-map-v1': the organisations' listings for the targets (a system seeded before
 * they were written gets them), the city bureau's map of Fangchenggang — ILLUSTRATIVE places
 * (示例数据, see demo-map.ts), stations, the 2022 baseline, the P-T6 bases — audited in the city
 * bureau's trail, and the demo organisations' postings in theirs. Each item is written only where
 * it is not yet, so a run after a partial one completes it.
 */

const BUREAU = DEMO_TENANTS.find((t) => t.domain === 'fcg-mzj.demo')!;

/** Items per transaction: under DynamoDB's 100 with the audit event. */
const CHUNK = 90;

async function seedMap(store: Store): Promise<void> {
  const bureau = { tenantId: BUREAU.id, userId: 'seed', kind: 'bureau' };
  const map = store.cityMap(bureau, DEMO_CITY);
  const stored = await map.read();
  const has = (list: readonly { code?: string; id?: string }[], key: string) =>
    list.some((x) => (x.code ?? x.id) === key);
  const scope = store.tenant(bureau).scope;
  const steps = [
    ...(stored.sourceNote ? [] : [(m: ReturnType<typeof scope.mutation>) => map.stageNote(m, DEMO_MAP_NOTE)]),
    ...DEMO_TOWNSHIPS.filter((t) => !has(stored.townships, t.code)).map(
      (t) => (m: ReturnType<typeof scope.mutation>) => map.stageTownship(m, t),
    ),
    ...DEMO_COMMUNITIES.filter((c) => !has(stored.communities, c.code)).map(
      (c) => (m: ReturnType<typeof scope.mutation>) => map.stageCommunity(m, c),
    ),
    ...DEMO_STATIONS.filter((s) => !has(stored.stations, s.id)).map(
      (s) => (m: ReturnType<typeof scope.mutation>) => map.stageStation(m, s),
    ),
    ...(stored.baseline ? [] : [(m: ReturnType<typeof scope.mutation>) => map.stageBaseline(m, DEMO_BASELINE)]),
    ...DEMO_TARGET_BASES.filter((b) => !has(stored.bases, b.id)).map(
      (b) => (m: ReturnType<typeof scope.mutation>) => map.stageBase(m, b),
    ),
  ];
  for (let n = 0; n * CHUNK < steps.length; n++) {
    const mutation = scope.mutation();
    for (const stage of steps.slice(n * CHUNK, (n + 1) * CHUNK)) stage(mutation);
    await mutation.audited('seed.map', 'MapPlaces', DEMO_CITY, n + 1, { note: DEMO_MAP_NOTE }).commit();
  }
}

async function seedPostings(store: Store): Promise<void> {
  for (const posting of DEMO_POSTINGS) {
    const repos = store.tenant({ tenantId: posting.organisationId, userId: 'seed' });
    const held = await repos.postings.ofPerson(posting.personId);
    if (held.some((p) => p.id === posting.id)) continue;
    const mutation = repos.scope.mutation();
    const record = repos.postings.stage(mutation, { ...posting, createdAt: `${posting.from}T01:00:00.000Z` });
    await mutation.audited('seed.posting', 'Posting', record.id, 1, record).commit();
  }
}

SEED_PARTS.push({
  name: 'target-map-v1',
  async run(store: Store) {
    await backfillOrganisationListings(store);
    await seedMap(store);
    await seedPostings(store);
  },
});
