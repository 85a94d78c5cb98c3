import type { TenantScope } from './scope.ts';

/** An organisation's career ladder, its versions and promotions (issue 3). */
export class Ladders {
  constructor(readonly scope: TenantScope) {}
}
