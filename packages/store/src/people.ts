import type { TenantScope } from './scope.ts';

/** An organisation's staff registry: people, certificates, continuing education (issue 3). */
export class People {
  constructor(readonly scope: TenantScope) {}
}
