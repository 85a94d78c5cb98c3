import type { TenantScope } from './scope.ts';

/** Roster import jobs: status, progress and row errors (issue 3). */
export class ImportJobs {
  constructor(readonly scope: TenantScope) {}
}
