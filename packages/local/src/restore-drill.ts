/**
 * `pnpm restore-drill --tenant <id> [--table shegong] [--endpoint http://localhost:8000] [--dir .data/drills]`:
 * the restore drill (ops/restore-drill.ts) against a running `pnpm start`'s DynamoDB Local by
 * default. It prints its figures and exits 1 unless the tenant came back exactly.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Store } from '@shegong/store';
import { restoreDrill } from './ops/restore-drill.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values } = parseArgs({
  options: {
    tenant: { type: 'string' },
    table: { type: 'string', default: 'shegong' },
    endpoint: { type: 'string', default: 'http://localhost:8000' },
    dir: { type: 'string', default: join(import.meta.dirname, '..', '..', '..', '.data', 'drills') },
  },
});
if (!values.tenant) {
  console.error('usage: pnpm restore-drill --tenant <tenant id> [--table <name>] [--endpoint <url>] [--dir <folder>]');
  process.exit(2);
}
const store = new Store({ tableName: values.table, endpoint: values.endpoint });
const figures = await restoreDrill(store, values.tenant, values.dir);
console.log(
  [
    `tenant ${figures.tenantId}: ${figures.items} items, ${figures.fileBytes} bytes exported to ${figures.file}`,
    `after delete: ${figures.leftAfterDelete} items left`,
    `restored and compared: ${figures.identical ? 'identical' : 'DIFFERENT'}`,
    `ms: export ${figures.ms.export}, delete ${figures.ms.delete}, restore ${figures.ms.restore}, compare ${figures.ms.compare}`,
  ].join('\n'),
);
process.exit(figures.identical && figures.leftAfterDelete === 0 ? 0 : 1);
