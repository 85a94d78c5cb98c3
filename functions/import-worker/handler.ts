// The logger and metrics alone, not the core's barrel: the worker runs no use case, only the store's import.
import { logger } from '@shegong/core/logger';
import { publishColdStart } from '@shegong/core/metrics';
import { runImport, Store } from '@shegong/store';
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { readJobs } from './jobs.ts';

/**
 * Writes the people of a roster import after the API has answered 202. It runs on the table's
 * stream, filtered in infra/lib/api.ts to import jobs that enter 'writing', with the 15 minutes a
 * 5 000-row roster may need rather than the API's 29 seconds. `runImport` takes a job once, so a
 * redelivered record does nothing; the tenant comes from the job's own key, written by the API
 * from the verified token. With DATA_ROLE_ARN (infra/lib/import-worker.ts) the import runs with the
 * tenant role assumed for that tenant: the worker has no access of its own to the table's data.
 */
const store = new Store({ tableName: process.env.TABLE_NAME ?? '', dataRoleArn: process.env.DATA_ROLE_ARN });

export async function handler(event: DynamoDBStreamEvent, context: Context): Promise<void> {
  // Every log line of this invocation carries the function, its request id and the cold-start flag.
  logger.addContext(context);
  publishColdStart();
  for (const job of readJobs(event)) {
    const started = performance.now();
    try {
      const result = await runImport(store.tenant({ tenantId: job.tenantId, userId: job.createdBy }), job.importId);
      logger.info('import run', {
        tenant: job.tenantId,
        importId: job.importId,
        status: result.status,
        ms: Math.round(performance.now() - started),
      });
    } catch (error) {
      // The batch is retried, then sent to the dead-letter queue; this line says which tenant's import it was.
      logger.error('import run failed', {
        tenant: job.tenantId,
        importId: job.importId,
        error: { name: (error as Error).name, message: (error as Error).message, stack: (error as Error).stack },
      });
      throw error;
    }
  }
}
