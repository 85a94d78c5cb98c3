import type { Store } from '@shegong/store';
import { DEMO_PEOPLE } from './demo-people.ts';
import { SEED_PARTS } from './parts.ts';

/**
 * Seed part 'people-v1': the demo organisations' staff. Each person is created with their fixed
 * id unless already there, so a seed cut short is completed by the next start.
 */
SEED_PARTS.push({
  name: 'people-v1',
  async run(store: Store) {
    for (const { tenant, people } of DEMO_PEOPLE) {
      const repos = store.tenant({ tenantId: tenant.id, userId: 'seed' });
      // In parallel: one transaction per person, none touching another's items.
      await Promise.all(
        people.map(async (person) => {
          if (!(await repos.people.find(person.id))) await repos.people.create(person.input, person.id);
        }),
      );
    }
  },
});
