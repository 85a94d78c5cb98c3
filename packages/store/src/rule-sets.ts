import type { TenantScope } from './scope.ts';

/** Rule sets a bureau publishes, and the one in force for a region and date (issue 3). */
export class RuleSets {
  constructor(readonly scope: TenantScope) {}
}
