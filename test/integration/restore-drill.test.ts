import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_TENANTS, restoreDrill } from '@shegong/local';
import { deleteItems, exportTenantItems, isTenantItem, restoreItems, Store } from '@shegong/store';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { copyDemoData } from '../browser/demo-template.ts';
import { TestTable } from '../support/table.ts';

/**
 * The restore drill (README "Backup and restore") on a copy of the demo data: one tenant's items
 * exported, deleted, restored from the file and compared, while every other tenant's items and
 * the shared ones (a region's sums and map, the platform-wide award ledger) stay as they were.
 */
const endpoint = inject('dynamoEndpoint');
const table = TestTable.named(endpoint, 'restore-drill');
const store = new Store({ tableName: table.tableName, endpoint });
const yangguang = DEMO_TENANTS.find((t) => t.domain === 'yangguang.demo')!;
let dir = '';

beforeAll(async () => {
  await copyDemoData(endpoint, table.tableName);
  dir = await mkdtemp(join(tmpdir(), 'drill-'));
}, 600_000);
afterAll(async () => {
  await table.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('restoring one tenant', () => {
  it('deletes only the tenant’s items, and the restore brings the table back byte for byte', async () => {
    const before = await table.snapshot();
    const items = await exportTenantItems(store, yangguang.id);
    // Its partitions, its audit trail and the global lookups that name it (e-mail and credit-code guards).
    expect(items.length).toBeGreaterThan(100);
    const partitions = new Set(items.map((i) => String(i.pk).split('#').slice(0, 3).join('#')));
    expect(partitions).toContain(`T#${yangguang.id}`);
    expect(partitions).toContain(`T#${yangguang.id}#AUDIT`);
    expect(items.some((i) => String(i.pk).startsWith('EMAIL#') && i.tenantId === yangguang.id)).toBe(true);

    await deleteItems(store, items);
    expect(await exportTenantItems(store, yangguang.id)).toEqual([]);
    // Nothing of anyone else went: what is left is the table less exactly those items.
    const left = (await table.items()).length;
    expect(left).toBe(before.split('\n').length - items.length);
    const rest = await table.items();
    expect(rest.some((i) => i.pk?.S?.startsWith('AWARD#'))).toBe(true);
    expect(rest.every((i) => !isTenantItem({ pk: i.pk?.S, tenantId: i.tenantId?.S }, yangguang.id))).toBe(true);

    await restoreItems(store, items);
    expect(await table.snapshot()).toBe(before);
  });

  it('runs as the scripted drill: through a file, and reports its figures', async () => {
    const before = await table.snapshot();
    const figures = await restoreDrill(store, yangguang.id, dir);
    expect(figures).toMatchObject({ tenantId: yangguang.id, leftAfterDelete: 0, identical: true });
    expect(figures.items).toBeGreaterThan(100);
    expect(figures.fileBytes).toBeGreaterThan(figures.items * 50);
    expect(await table.snapshot()).toBe(before);
  });
});
