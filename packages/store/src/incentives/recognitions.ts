import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { RecognitionRecord } from '@shegong/domain';
import { conflict } from '../errors.ts';
import { keys } from '../keys.ts';
import type { Mutation } from '../mutation.ts';
import { queryAll } from '../query.ts';
import { type TenantScope, toRecord } from '../scope.ts';

/** The refusal when the same recognition was already recorded (by any bureau). */
export const RECOGNITION_TAKEN = 'recognition already recorded';

/**
 * P-A8: the recognitions a bureau recorded, in the bureau's own partition (a bureau's own write),
 * each projected for its organisation on GSI `scope` (keys.recognitionOfOrganisation), with a
 * platform-wide guard on the recognition's key so it pays once.
 */
export class Recognitions {
  constructor(private readonly scope: TenantScope) {}

  /** Stages the record, its organisation's projection and the once-only guard. */
  stage(mutation: Mutation, record: RecognitionRecord): void {
    mutation
      .create('Recognition', {
        ...keys.recognition(this.scope.tenantId, record.id),
        ...keys.recognitionOfOrganisation(record.organisationId, record.id),
        ...record,
      })
      .guard(keys.recognitionGuard(record.key), { tenantId: this.scope.tenantId, recognitionId: record.id }, () =>
        conflict(RECOGNITION_TAKEN, { key: record.key }),
      );
  }

  /** What this bureau recorded, the newest first (ids are time-ordered); bounded: a few a year. */
  async recorded(): Promise<RecognitionRecord[]> {
    const items = await queryAll(this.scope, {
      partition: `T#${this.scope.tenantId}`,
      sortPrefix: keys.recognitionPrefix,
      newestFirst: true,
      consistent: true,
    });
    return items.map(recordOf);
  }

  /** The recognitions recorded for an organisation (its own read-only list), the newest first. */
  static async ofOrganisation(scope: TenantScope): Promise<RecognitionRecord[]> {
    const items = await queryAll(scope, {
      partition: keys.recognitionOrganisationPartition(scope.tenantId),
      index: 'scope',
      newestFirst: true,
    });
    return items.map(recordOf);
  }
}

/**
 * What a bureau may know of an organisation named in a recognition: its kind, name and region
 * (its tenant record read by key), or undefined when there is no such tenant.
 */
export async function organisationListing(
  scope: Pick<TenantScope, 'client' | 'tableName'>,
  organisationId: string,
): Promise<{ id: string; name: string; region: string; kind: string } | undefined> {
  const { Item } = await scope.client.send(
    new GetCommand({ TableName: scope.tableName, Key: keys.tenant(organisationId) }),
  );
  if (!Item) return undefined;
  return { id: String(Item.id), name: String(Item.name), region: String(Item.region), kind: String(Item.kind) };
}

function recordOf(item: Record<string, unknown>): RecognitionRecord {
  const { version: _v, ...record } = toRecord<RecognitionRecord & { version?: number }>(item);
  return record;
}
