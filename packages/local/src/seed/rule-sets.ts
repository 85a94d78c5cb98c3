import { DONGXING_2026, FANGCHENGGANG_2023, FANGCHENGGANG_2023_V2, type NewRuleSet } from '@shegong/domain';
import { type Store, StoreError } from '@shegong/store';
import { adminOf, DEMO_TENANTS, type DemoTenant } from './demo-data.ts';
import { SEED_PARTS } from './parts.ts';

/**
 * Seed part 'rule-sets-v1': the published policy the demo runs on. Fangchenggang's bureau
 * publishes the city's rule set from 2023-01-01 and a correction (v2) of the same date; Dongxing's
 * bureau publishes its own from 2026-01-01 with a higher assistant floor, so a county's rule set
 * beside the city's shows. Values the seed document does not give are marked illustrative.
 */
const PUBLICATIONS: readonly { bureau: string; id: string; input: NewRuleSet }[] = [
  { bureau: '450600', id: '450600-2023-01-01-v1', input: FANGCHENGGANG_2023 },
  { bureau: '450600', id: '450600-2023-01-01-v2', input: FANGCHENGGANG_2023_V2 },
  { bureau: '450681', id: '450681-2026-01-01-v1', input: DONGXING_2026 },
];

function bureauOf(region: string): DemoTenant {
  const bureau = DEMO_TENANTS.find((t) => t.kind === 'bureau' && t.region === region);
  if (!bureau) throw new Error(`no demo bureau for ${region}`);
  return bureau;
}

async function published(store: Store, id: string): Promise<boolean> {
  try {
    await store.ruleSet(id);
    return true;
  } catch (error) {
    if (error instanceof StoreError && error.code === 'not_found') return false;
    throw error;
  }
}

SEED_PARTS.push({
  name: 'rule-sets-v1',
  async run(store: Store) {
    // In order, each only if absent: a part cut short is completed by the next start with the same ids.
    for (const { bureau: region, id, input } of PUBLICATIONS) {
      if (await published(store, id)) continue;
      const bureau = bureauOf(region);
      const repos = store.tenant({ tenantId: bureau.id, userId: await adminOf(store, bureau) });
      const ruleSet = await repos.ruleSets.publishNow(input, { bureauName: bureau.name });
      if (ruleSet.id !== id) throw new Error(`seeded ${ruleSet.id}, expected ${id}`);
    }
  },
});
