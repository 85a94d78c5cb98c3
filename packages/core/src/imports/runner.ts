/**
 * Starts writing an import's rows after the upload has been answered. In-process locally and in
 * tests (in-process-runner.ts); in AWS nothing needs starting: the job item entering 'writing' reaches
 * the import-worker function through the table's stream (functions/import-worker, infra/lib/api.ts),
 * which has 15 minutes, not the API's 29 seconds. `runImport` takes a job once, so a repeated
 * delivery does nothing. Apart from the in-process runner so that the API function, which uses only
 * the table's stream, does not load the import's code at start.
 */
export interface ImportRunner {
  start(job: { tenantId: string; userId: string; importId: string }): void;
}

/** In AWS: the table's stream starts the worker when the job is written, so there is nothing to do. */
export class TableStreamImportRunner implements ImportRunner {
  start(): void {}
}
