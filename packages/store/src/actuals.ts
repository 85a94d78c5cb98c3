import type { TenantScope } from './scope.ts';

/**
 * A contract's monthly actuals (payroll with time shares, expenses by line) and their history.
 * OWNER: helper "actuals". Items in `T#<tenant>`: `ACTUAL#<contractId>#<YYYY-MM>` (the month as
 * recorded now) and `ACTUALH#<contractId>#<YYYY-MM>#r0001`… (every recorded revision, kept).
 */
export class ContractActuals {
  constructor(readonly scope: TenantScope) {}
}
