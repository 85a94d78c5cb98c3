import type { Page } from './cursor.ts';
import { keys } from './keys.ts';
import type { AuditEvent } from './mutation.ts';
import { type PageRequest, queryPage } from './query.ts';
import type { TenantScope } from './scope.ts';

/** A tenant's audit trail, newest first. It is only ever appended to (Mutation.commit). */
export class AuditTrail {
  constructor(private readonly scope: TenantScope) {}

  list(page: PageRequest): Promise<Page<AuditEvent>> {
    return queryPage(this.scope, { partition: keys.auditPartition(this.scope.tenantId), newestFirst: true }, page);
  }
}
