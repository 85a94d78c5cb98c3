import { describe, expect, it } from 'vitest';
import { decodeItems, encodeItems, isTenantItem } from './tenant-items.ts';

describe('a tenant’s items for a restore', () => {
  const id = '4d00e34e-9993-40dc-b496-77baaf250f1d';

  it('belong to it by partition, or as a global lookup that names it; shared items do not', () => {
    expect(isTenantItem({ pk: `T#${id}`, sk: 'TENANT' }, id)).toBe(true);
    expect(isTenantItem({ pk: `T#${id}#AUDIT`, sk: 'x' }, id)).toBe(true);
    expect(isTenantItem({ pk: 'EMAIL#a@b.cn', sk: 'EMAIL', tenantId: id }, id)).toBe(true);
    // Another tenant whose id starts the same way, a region's item, a person's ledger.
    expect(isTenantItem({ pk: `T#${id}0`, sk: 'TENANT' }, id)).toBe(false);
    expect(isTenantItem({ pk: 'R#450600#REGSUM', sk: '450602#2026#1', tenantId: id }, id)).toBe(false);
    expect(isTenantItem({ pk: 'AWARD#hash', sk: 'LEDGER' }, id)).toBe(false);
  });

  it('survive the export file exactly: sets, binaries and key order', () => {
    const items = [
      { sk: 'B', pk: 'T#x', roles: new Set(['hr', 'admin']), body: new Uint8Array([31, 139, 0, 255]), n: 1 },
      { pk: 'T#x', sk: 'A', nested: { z: 1, a: [{ y: 2, b: 3 }] } },
    ];
    const text = encodeItems(items);
    expect(text.split('\n')[0]).toBe('{"nested":{"a":[{"b":3,"y":2}],"z":1},"pk":"T#x","sk":"A"}');
    const back = decodeItems(text);
    expect(back[1]).toEqual(items[0]);
    expect(back[1]?.body).toBeInstanceOf(Uint8Array);
    expect(encodeItems(back)).toBe(text);
  });
});
