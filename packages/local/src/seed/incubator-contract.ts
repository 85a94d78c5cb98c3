import { actingAs, changeContractStatus, createContract } from '@shegong/core';
import { addDays } from '@shegong/domain';
import type { Store } from '@shegong/store';
import { BASE_OPERATION_CONTRACT, BASE_STAFF, DEMO_BASE } from './demo-base-project.ts';
import { adminOf } from './demo-data.ts';
import { DEMO_TODAY } from './demo-people.ts';
import { SEED_PARTS } from './parts.ts';

/**
 * Seed part 'incubator-contract-v1' (issue 12, the base's own project, P-I1): the demo incubation
 * base's operation is itself a purchased service. Its admin puts four of its staff on its registry
 * and costs next year's operation contract with them (demo-base-project.ts), bought by the city
 * bureau, and submits it: it waits in the city's review queue (审核) for reviewer@fcg-mzj.demo.
 * Made through the operations the API uses; people already there (by id) and a contract already
 * there (by number) are skipped. Runs after 'rule-sets-v1' (seed.ts imports it last): the contract is
 * costed with the city's rules in force.
 */

SEED_PARTS.push({
  name: 'incubator-contract-v1',
  async run(store: Store) {
    if (!DEMO_BASE) throw new Error('the demo has no incubation base');
    const member = { tenantId: DEMO_BASE.id, userId: await adminOf(store, DEMO_BASE) };
    const drafted = addDays(DEMO_TODAY, -5);
    const ctx = await actingAs({ store, today: () => drafted }, member);
    for (const person of BASE_STAFF) {
      if (!(await ctx.repos.people.find(person.id))) await ctx.repos.people.create(person.input, person.id);
    }
    const { number } = BASE_OPERATION_CONTRACT.terms;
    const listed = await ctx.repos.contracts.list({ limit: 10 }, { search: number });
    if (listed.items.some((c) => c.number === number)) return;
    const { contract } = await createContract(ctx, BASE_OPERATION_CONTRACT);
    await changeContractStatus(ctx, contract.id, { to: 'submitted', date: addDays(drafted, 3) }, contract.version);
  },
});
