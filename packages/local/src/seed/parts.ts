import { GetCommand, type Store } from '@shegong/store';

/**
 * Demo data that later features add (rule sets, staff, ladders …). Each part has its own marker,
 * so a system seeded before the part existed gets it on its next start, and a part is seeded
 * once: what users changed since stays changed.
 */
export interface SeedPart {
  /** Names the marker; bump the suffix only to seed a new part, never to reseed an old one. */
  name: string;
  run(store: Store): Promise<void>;
}

/** The parts, in order (a part may rely on the ones before it). */
export const SEED_PARTS: SeedPart[] = [];

export const partMarker = (name: string) => ({ pk: `SEED#${name}`, sk: 'SEED' }) as const;

/** Runs the parts not seeded yet; their markers are audited in the platform tenant. */
export async function seedParts(store: Store, by: { tenantId: string; userId: string }): Promise<string[]> {
  const seeded: string[] = [];
  for (const part of SEED_PARTS) {
    const marker = partMarker(part.name);
    const { Item } = await store.client.send(
      new GetCommand({ TableName: store.tableName, Key: marker, ConsistentRead: true }),
    );
    if (Item) continue;
    await part.run(store);
    const scope = store.tenant(by).scope;
    const state = { seededAt: new Date().toISOString() };
    await scope
      .mutation()
      .create('SeedMarker', { ...marker, ...state })
      .audited('seed', 'SeedMarker', part.name, 1, state)
      .commit();
    seeded.push(part.name);
  }
  return seeded;
}
