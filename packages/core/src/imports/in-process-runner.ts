import { runImport, type Store } from '@shegong/store';
import { logger } from '../logger.ts';
import type { ImportRunner } from './runner.ts';

/** Runs imports on this process's event loop; `settled()` waits for the ones started (tests, shutdown). */
export class InProcessImportRunner implements ImportRunner {
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly store: Store) {}

  start(job: { tenantId: string; userId: string; importId: string }): void {
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => runImport(this.store.tenant({ tenantId: job.tenantId, userId: job.userId }), job.importId))
      .catch((error: Error) =>
        logger.error('import failed to run', {
          importId: job.importId,
          error: { name: error.name, message: error.message },
        }),
      )
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }

  async settled(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }
}

const runners = new WeakMap<Store, InProcessImportRunner>();

/** The deps' runner, or one in-process runner per store. */
export function importRunner(deps: { store: Store; importRunner?: ImportRunner | undefined }): ImportRunner {
  if (deps.importRunner) return deps.importRunner;
  let runner = runners.get(deps.store);
  if (!runner) {
    runner = new InProcessImportRunner(deps.store);
    runners.set(deps.store, runner);
  }
  return runner;
}
