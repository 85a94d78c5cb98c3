import type { ExamCostRecord } from '@shegong/domain';
import { keys } from '../keys.ts';
import type { Mutation } from '../mutation.ts';
import { queryAll } from '../query.ts';
import { type TenantScope, toRecord } from '../scope.ts';

/**
 * P-A1: the exam costs an organisation reimbursed, in its own partition, per person by exam day.
 * Records are never edited (a correction is a new record; choice: the issue asks for recording
 * and reporting, not for amending).
 */
export class ExamCosts {
  constructor(private readonly scope: TenantScope) {}

  /** Stages a record in the caller's transaction. */
  stage(mutation: Mutation, record: ExamCostRecord): void {
    mutation.create('ExamCost', {
      ...keys.examCost(this.scope.tenantId, record.personId, record.examDate, record.id),
      ...record,
    });
  }

  /**
   * One person's records (or, without a person, every record of the organisation), by person then
   * exam day: bounded by what one organisation reimburses (a few exams a person a year).
   */
  async list(personId?: string): Promise<ExamCostRecord[]> {
    const items = await queryAll(this.scope, {
      partition: `T#${this.scope.tenantId}`,
      sortPrefix: keys.examCostPrefix(personId),
      consistent: true,
    });
    return items.map((item) => {
      const { version: _v, ...record } = toRecord<ExamCostRecord & { version?: number }>(item);
      return record;
    });
  }
}
