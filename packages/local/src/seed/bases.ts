import type { UUID } from 'node:crypto';
import { backfillBaseListings, GetCommand, keys, type Store } from '@shegong/store';
import { DEMO_TENANTS, type DemoTenant } from './demo-data.ts';
import { SEED_PARTS } from './parts.ts';

/**
 * Seed part 'bases-backfill-v1': a system seeded before the bureaus' list of incubation bases
 * existed gives its bases their listing (a new system's bases wrote their own with their record).
 */
SEED_PARTS.push({
  name: 'bases-backfill-v1',
  async run(store: Store) {
    await backfillBaseListings(store);
  },
});

/**
 * A county-level base beside the demo's city-level one, so a bureau's P-T1 coverage shows a
 * covered county (东兴) and uncovered ones (港口区, 防城区, 上思县). Created by the platform as its
 * pages would, with its first administrator's invitation.
 */
export const DONGXING_BASE = {
  id: '0b7f3c2e-5d41-4c8a-9e36-2f1a7d9b4c60' as UUID,
  kind: 'incubator',
  name: '东兴市社会组织孵化基地',
  nameEn: 'Dongxing Social Organisation Incubation Base',
  region: '450681',
  adminEmail: 'admin@dx-fuhua.demo',
} as const;

const platformOf = (): DemoTenant => {
  const platform = DEMO_TENANTS.find((t) => t.kind === 'platform');
  if (!platform) throw new Error('the demo data has no platform tenant');
  return platform;
};

/** Seed part 'bases-v1': the county-level demo base, once (left alone if it is there already). */
SEED_PARTS.push({
  name: 'bases-v1',
  async run(store: Store) {
    const { Item } = await store.client.send(
      new GetCommand({ TableName: store.tableName, Key: keys.tenant(DONGXING_BASE.id), ConsistentRead: true }),
    );
    if (Item) return;
    const platform = store.platform({ tenantId: platformOf().id, userId: 'seed', kind: 'platform' });
    const mutation = platform.scope.mutation();
    const { id, adminEmail, ...fields } = DONGXING_BASE;
    const tenant = platform.directory.create(mutation, fields, id);
    store
      .tenant({ tenantId: tenant.id, userId: 'seed' })
      .invitations.create(mutation, { email: adminEmail, roles: ['admin'] });
    await mutation.audited('seed', 'Tenant', tenant.id, tenant.version, tenant).commit();
  },
});
