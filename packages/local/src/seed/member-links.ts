import { GetCommand, keys, type Store, StoreError } from '@shegong/store';
import { DEMO_PEOPLE, type DemoPerson } from './demo-people.ts';
import { SEED_PARTS } from './parts.ts';

/**
 * The demo person each organisation's staff sign-in (staff@<domain>) is on the registry, so 我的档案
 * has something to show: an assistant social worker short of continuing-education hours (what
 * is missing shows), named on a running contract (so their pay shows month by month); in 阳光 their
 * registration has lapsed (N-4), so the record also says to renew it.
 */
export function demoStaffPerson(people: readonly DemoPerson[]): DemoPerson {
  const person = people.find(
    (p) =>
      p.plan.level === 'assistant' &&
      p.plan.ceShort &&
      !p.plan.belowFloor &&
      (p.plan.employmentType ?? 'contract') === 'contract',
  );
  if (!person) throw new Error('the demo people have no assistant short of CE hours');
  return person;
}

/** Seed part 'member-links-v1': links each demo organisation's staff member to their person. */
SEED_PARTS.push({
  name: 'member-links-v1',
  async run(store: Store) {
    for (const { tenant, people } of DEMO_PEOPLE) {
      const { Item } = await store.client.send(
        new GetCommand({ TableName: store.tableName, Key: keys.emailGuard(`staff@${tenant.domain}`) }),
      );
      if (typeof Item?.userId !== 'string') continue;
      const repos = store.tenant({ tenantId: tenant.id, userId: 'seed' });
      const person = demoStaffPerson(people);
      const mutation = repos.scope.mutation();
      repos.memberRecords.stageLink(mutation, { userId: Item.userId, personId: person.id });
      try {
        await mutation
          .audited('person.member.link', 'Person', person.id, 1, { personId: person.id, userId: Item.userId })
          .commit();
      } catch (error) {
        // Linked by an earlier start cut short: leave it be.
        if (!(error instanceof StoreError && error.code === 'conflict')) throw error;
      }
    }
  },
});
