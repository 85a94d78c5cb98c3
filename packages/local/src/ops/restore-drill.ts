import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeItems, deleteItems, encodeItems, exportTenantItems, restoreItems, type Store } from '@shegong/store';

/**
 * The restore drill (README "Backup and restore"): one tenant's items exported to a file, deleted,
 * restored from that file, and compared with the export, byte for byte. It is the same path a real
 * restore takes (export the tenant from a PITR-restored copy of the table, restore into the live
 * one), run where it can do no harm: DynamoDB Local.
 */
export interface DrillFigures {
  tenantId: string;
  items: number;
  fileBytes: number;
  file: string;
  /** Items of the tenant left after the delete: must be 0. */
  leftAfterDelete: number;
  /** Whether the tenant's items after the restore equal the export exactly. */
  identical: boolean;
  ms: { export: number; delete: number; restore: number; compare: number };
}

export async function restoreDrill(store: Store, tenantId: string, dir: string): Promise<DrillFigures> {
  const timed = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
    const t0 = performance.now();
    const value = await run();
    return [value, Math.round(performance.now() - t0)];
  };
  await mkdir(dir, { recursive: true });
  const file = join(dir, `tenant-${tenantId}-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`);

  const [exported, exportMs] = await timed(async () => {
    const items = await exportTenantItems(store, tenantId);
    await writeFile(file, encodeItems(items));
    return items;
  });
  const [, deleteMs] = await timed(() => deleteItems(store, exported));
  const leftAfterDelete = (await exportTenantItems(store, tenantId)).length;
  const [text, restoreMs] = await timed(async () => {
    const text = await readFile(file, 'utf8');
    await restoreItems(store, decodeItems(text));
    return text;
  });
  const [identical, compareMs] = await timed(
    async () => encodeItems(await exportTenantItems(store, tenantId)) === text,
  );
  return {
    tenantId,
    items: exported.length,
    fileBytes: Buffer.byteLength(text),
    file,
    leftAfterDelete,
    identical,
    ms: { export: exportMs, delete: deleteMs, restore: restoreMs, compare: compareMs },
  };
}
