import { actingAs, saveIncubationTemplate } from '@shegong/core';
import { DEFAULT_TEMPLATE } from '@shegong/domain';
import type { Store } from '@shegong/store';
import { DEMO_TENANTS, userOf } from './demo-data.ts';
import { SEED_PARTS, type SeedPart } from './parts.ts';

/**
 * Seed part 'incubation-template-v1', before 'incubation-v1': the template 防城港市社会组织孵化基地
 * graduated its first organisations under in 2025 — the default checklist, with graduation asking
 * only for registration and the mid-term review. Part 'incubation-v1' graduates 东兴市海韵志愿服务中心
 * under it (graduation checks the base's criteria); part 'incubation-support-v1' then records the
 * support given and saves the default criteria the base follows now.
 */
export const DEMO_BASE = DEMO_TENANTS.find((t) => t.domain === 'fcg-fuhua.demo')!;

const part: SeedPart = {
  name: 'incubation-template-v1',
  async run(store: Store) {
    const operator = await actingAs(
      { store },
      { tenantId: DEMO_BASE.id, userId: await userOf(store, `operator@${DEMO_BASE.domain}`) },
    );
    await saveIncubationTemplate(
      operator,
      { milestones: DEFAULT_TEMPLATE.milestones, criteria: [{ type: 'registered' }, { type: 'midterm_review' }] },
      0,
    );
  },
};
// Before incubation-v1, whichever module registered first (a test may import that part on its own).
const graduating = SEED_PARTS.findIndex((p) => p.name === 'incubation-v1');
if (graduating === -1) SEED_PARTS.push(part);
else SEED_PARTS.splice(graduating, 0, part);
